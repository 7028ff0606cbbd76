"""Time and peak memory of newsparse on hostile pages (the cases of tests/hostile_pages.py),
each in a fresh child process with an address-space cap, as tests/test_hardening_html.py runs
them. Prints a table; asserts nothing.

    python bench/hostile.py [--memory-mb MB] [--timeout 300] [--only CASE ...] [--pkg DIR]

Each case runs under its own cap (``CAP_MB`` in tests/hostile_pages.py, the test's) unless
``--memory-mb`` gives one for all.

``--pkg DIR`` puts DIR first on the child's PYTHONPATH, to measure another build of newsparse
(a copy of an older ``python/newsparse`` with its ``_core`` library).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.join(HERE, "..", "tests")
sys.path.insert(0, TESTS)

from hostile_pages import CAP_MB, CASES  # noqa: E402


def measure(name: str, memory_mb: int, timeout: float, pkg: str = "") -> dict:
    env = dict(os.environ, MALLOC_ARENA_MAX="2")
    if pkg:
        env["PYTHONPATH"] = os.pathsep.join([pkg, env.get("PYTHONPATH", "")])
    t0 = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, os.path.join(TESTS, "hostile_pages.py"), name, str(memory_mb)],
                              capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return {"status": f"TIMEOUT after {timeout:.0f} s"}
    lines = [json.loads(x) for x in proc.stdout.splitlines() if x.startswith("{")]
    out = lines[-1] if lines else {}
    if proc.returncode == 0:
        out["status"] = "ok"
    elif lines:
        out["status"] = f"check failed: {(proc.stderr.strip().splitlines() or [''])[-1][:60]}"
    else:
        tail = (proc.stderr.strip().splitlines() or [""])[-1][:70]
        out["status"] = f"exit {proc.returncode} after {time.perf_counter() - t0:.1f} s: {tail}"
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--memory-mb", type=int, default=0, help="address-space cap of every child (RLIMIT_AS); "
                    "default: each case's own")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--only", nargs="*", default=list(CASES))
    ap.add_argument("--pkg", default="", help="another build of newsparse to measure")
    args = ap.parse_args()
    cap = f"{args.memory_mb} MB" if args.memory_mb else "each case's own"
    print(f"address-space cap: {cap}; {args.timeout:.0f} s per case; seconds (wall) and cpu s "
          "(all threads) = the newsparse call alone; peak = the child's max RSS, input building included")
    print(f"{'case':<28} {'seconds':>8} {'cpu s':>7} {'peak MB':>8}  status / detail")
    for name in args.only:
        r = measure(name, args.memory_mb or CAP_MB[name], args.timeout, args.pkg)
        secs = f"{r['seconds']:>8.2f} {r['cpu']:>7.2f}" if "seconds" in r else f"{'-':>8} {'-':>7}"
        peak = f"{r['peak_mb']:>8}" if "peak_mb" in r else f"{'-':>8}"
        detail = {k: v for k, v in r.items() if k not in ("case", "seconds", "cpu", "peak_mb", "status")}
        print(f"{name:<28} {secs} {peak}  {r['status']} {json.dumps(detail) if detail else ''}"[:200], flush=True)


if __name__ == "__main__":
    main()
