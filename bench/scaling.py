"""Time and peak memory of newsparse.parse against input size, for the shapes that make a
careless parser quadratic: one huge paragraph, many tiny lines, runs of unmatched quote marks,
repeated names and picture captions; and for pages (`parse_html`), nested divs and re-opened
formatting elements. Prints a table whose last columns show growth (time per MB and the time
ratio to the previous, half-size, row: about 2.0 is linear, 4.0 quadratic). Asserts nothing.

    python bench/scaling.py [--max-mb 16] [--only NAME ...]

Each row runs in a fresh child process so its peak RSS (ru_maxrss) is its own. Times are CPU
seconds of the process (best of three): one thread, and a shared machine's load does not
inflate them as it does wall time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

SENTENCE = "The minister said the talks in Geneva would go on for three more days. "

# name -> (unit, sizes, builder source: an expression of n)
SHAPES = {
    "paragraph": ("MB", [1, 2, 4, 8, 16], f"{SENTENCE!r} * (n * 1_000_000 // {len(SENTENCE)})"),
    "tiny lines": ("lines", [100_000, 200_000, 400_000, 800_000, 1_000_000], "'a\\n' * n"),
    "unmatched quotes": ("marks", [10_000, 20_000, 40_000, 80_000, 160_000], "'He said \"no ' * n"),
    "curly open quotes": ("marks", [10_000, 20_000, 40_000, 80_000, 160_000], "'\\u201c' * n"),
    "honorifics": ("words", [25_000, 50_000, 100_000, 200_000, 400_000], "'Mr ' * n"),
    "New York": ("names", [2_500, 5_000, 10_000, 20_000], "'New York ' * n"),
    "Iraqi": ("words", [2_000, 4_000, 8_000, 16_000, 100_000], "'Iraqi ' * n"),
    "picture captions": ("lines", [5_000, 10_000, 20_000, 40_000], "'Image caption\\n' * n"),
    # Pages: `text` is the page; core = the record built in Rust (Arrow, no dicts).
    "nested divs": ("depth", [25_000, 50_000, 100_000, 200_000, 400_000],
                    "'<html><body>' + '<div>' * n + '<p>' + " + repr(SENTENCE) + " + '</p>' + '</div>' * n"),
    "re-opened <b>": ("paras", [12_500, 25_000, 50_000, 100_000],
                      "'<html><body>' + ''.join(f'<p><b class=c{i}>' + " + repr(SENTENCE) + " + '</p>' for i in range(n))"),
}
HTML_SHAPES = {"nested divs", "re-opened <b>"}

CHILD = """
import json, resource, sys, time
import newsparse
from newsparse import _core
n = {n}
text = {expr}
def best(fn):
    times = []
    for _ in range(3):
        t0 = time.process_time(); fn(); times.append(time.process_time() - t0)
    return min(times)
if {html}:
    core = best(lambda: _core.parse_many([text], None, 1, "raise", "html", "arrow", None))
    full = best(lambda: newsparse.parse_html(text, max_bytes=None))
else:
    core = best(lambda: _core._parse_discard([text], 1))
    full = best(lambda: newsparse.parse(text))
print(json.dumps({{"mb": len(text.encode()) / 1e6, "core": core, "full": full,
                  "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def measure(n: int, expr: str, html: bool = False) -> dict:
    proc = subprocess.run([sys.executable, "-c", CHILD.format(n=n, expr=expr, html=html)],
                          capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        return {"error": f"exit {proc.returncode}: {(proc.stderr.strip().splitlines() or [''])[-1]}"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-mb", type=float, default=16, help="largest paragraph, in MB")
    ap.add_argument("--only", nargs="*", default=list(SHAPES))
    args = ap.parse_args()
    import newsparse

    print(f"newsparse {newsparse.__version__}; one thread, CPU seconds, best of 3; core = _parse_discard (no dicts; pages: "
          "parse_many(format='html', output='arrow')), full = parse / parse_html (dicts); "
          "ratio = core time / previous row's (2.0 linear, 4.0 quadratic)")
    head = (f"{'shape':<18} {'n':>10} {'unit':<6} {'MB':>7} {'core s':>8} {'full s':>8} "
            f"{'core MB/s':>9} {'ratio':>6} {'peak MB':>8}")
    print(head)
    print("-" * len(head))
    for name in args.only:
        unit, sizes, expr = SHAPES[name]
        prev = None
        for n in sizes:
            if name == "paragraph" and n > args.max_mb:
                break
            r = measure(n, expr, name in HTML_SHAPES)
            if "error" in r:
                print(f"{name:<18} {n:>10,} {unit:<6} CRASHED ({r['error']})")
                break
            ratio = f"{r['core'] / prev:>6.2f}" if prev else f"{'':>6}"
            prev = r["core"]
            print(f"{name:<18} {n:>10,} {unit:<6} {r['mb']:>7.2f} {r['core']:>8.3f} {r['full']:>8.3f} "
                  f"{r['mb'] / max(r['core'], 1e-9):>9.1f} {ratio} {r['peak']:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
