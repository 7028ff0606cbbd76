"""Key-phrase peers on 500N-KPCrowd (the development data; DUC-2001 is reserved): writes each
peer's top 10 per story for eval/score_keywords.py and prints its speed, one thread.

    python3 bench/keywords_peers.py KPCROWD_DIR OUT_PREFIX

Peers (skipped with a line when not installed; none is a dependency): YAKE (``pip install
yake``; English, n-grams up to 3, defaults otherwise). Writes ``OUT_PREFIX.yake.jsonl`` with the
same ``half`` split as ``examples/eval_keywords`` (first 45 stories of each category: read).
"""

from __future__ import annotations

import collections
import json
import os
import sys
import time


def stories(folder: str):
    docs = os.path.join(folder, "docsutf8")
    by_cat = collections.defaultdict(list)
    for f in os.listdir(docs):
        if f.endswith(".txt"):
            cat, _, num = f[:-4].rpartition("-")
            by_cat[cat].append((int(num), f[:-4]))
    for cat in sorted(by_cat):
        for i, (_, stem) in enumerate(sorted(by_cat[cat])):
            text = open(os.path.join(docs, stem + ".txt"), encoding="utf-8", errors="replace").read()
            yield stem, ("read" if i < 45 else "held"), text


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    folder, prefix = sys.argv[1], sys.argv[2]
    if not os.path.isdir(folder):
        print(f"skipped: {folder} not found")
        return 0
    items = list(stories(folder))
    mb = sum(len(t.encode()) for _, _, t in items) / 1e6
    try:
        import yake

        ex = yake.KeywordExtractor(lan="en", n=3, top=10)
        t0 = time.perf_counter()
        with open(prefix + ".yake.jsonl", "w", encoding="utf-8") as fh:
            for stem, half, text in items:
                kws = [k for k, _ in ex.extract_keywords(text)]
                fh.write(json.dumps({"id": stem, "half": half, "keywords": kws}) + "\n")
        print(f"YAKE: {len(items)} stories, {mb / (time.perf_counter() - t0):.3f} MB/s -> {prefix}.yake.jsonl")
    except ImportError:
        print("skipped YAKE: pip install yake")
    return 0


if __name__ == "__main__":
    sys.exit(main())
