"""Peak memory per input byte of one big article (issue 13's measure), one case per child
process. Prints, asserts nothing.

    python bench/memory.py [POOL.jsonl]

Cases (20 MB each): one paragraph of one sentence repeated (a quote verb, a number, a date and a
place in every sentence: the worst case for output size), and, given the layout pool
(``../shared/data/layout``'s builder writes it), the pool's scrapes joined. For each: the core
alone (``_parse_discard``: the Rust record is built and dropped) and the Python dict record.
A warm-up parse comes first, so the tables built once per process are not counted.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys

SENTENCE = "The minister said on Tuesday that 3,000 people had been evacuated from Valencia. "
SIZE = 20_000_000


def peak() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def child(case: str, pool: str) -> None:
    import newsparse
    from newsparse import _core

    if case == "paragraph":
        text = (SENTENCE * (SIZE // len(SENTENCE) + 1))[:SIZE]
    else:
        with open(pool, encoding="utf-8") as f:
            text = "\n\n".join(json.loads(line)["text"] for line in f)[:SIZE]
    n = len(text.encode("utf-8"))
    newsparse.parse("Warm-up, said Mr Smith on 3 May 2012 in Paris.")
    before = peak()
    _core._parse_discard([text], 1)
    core = peak()
    rec = newsparse.parse(text)
    dicts = peak()
    del rec
    print(f"{case:<10} {n / 1e6:5.1f} MB   core {(core - before) / n:5.1f}   "
          f"with dicts {(dicts - before) / n:5.1f} bytes per input byte")


def main() -> int:
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "")
        return 0
    pool = sys.argv[1] if len(sys.argv) > 1 else ""
    cases = ["paragraph"] + (["pool"] if pool else [])
    if not pool:
        print("skipped: pool (no POOL.jsonl given)")
    for case in cases:
        subprocess.run([sys.executable, __file__, "--child", case, pool], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
