"""Throughput of newsparse.parse_many: articles/s and MB/s for 1 thread and all threads, the
core alone versus the full call (so the share of time spent building Python dicts), and peak
memory. Prints figures; asserts nothing.

    python bench/bench_parse.py [FOLDER] [--mb 8] [--repeat 3]

FOLDER: *.txt files or *.jsonl files with a "text" field (e.g. ../shared/data); without it the
bundled seed article is repeated.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys

sys.path.insert(0, os.path.dirname(__file__))

import corpus  # noqa: E402
from timing import best  # noqa: E402

import newsparse  # noqa: E402
from newsparse import _core  # noqa: E402




def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?")
    ap.add_argument("--mb", type=float, default=8.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = corpus.load(args.folder, args.mb)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    cores = newsparse.default_threads()
    print(f"newsparse {newsparse.__version__} | {platform.processor() or platform.machine()} | "
          f"{os.cpu_count()} cores | {len(texts)} articles, {mb:.1f} MB")
    print(f"{'threads':>7} {'stage':<16} {'articles/s':>12} {'MB/s':>8}")
    for threads in sorted({1, cores}):
        core = best(lambda: _core._parse_discard(texts, threads), args.repeat)
        full = best(lambda: newsparse.parse_many(texts, threads=threads), args.repeat)
        for stage, t in (("core only", core), ("parse_many", full)):
            print(f"{threads:>7} {stage:<16} {len(texts) / t:>12,.0f} {mb / t:>8.1f}")
        print(f"{threads:>7} {'dict share':<16} {(full - core) / full:>12.0%}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB (corpus held in memory, plus one batch of records)")


if __name__ == "__main__":
    main()
