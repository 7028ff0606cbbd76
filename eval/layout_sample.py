"""Draws the two random layout annotation samples from the pool (fixed seed, stated here).

    python3 eval/layout_sample.py /work/pool/pool.jsonl            # prints "sample<TAB>family<TAB>id"

* `dev` (150 articles): all 10 cnn-story texts, 65 web-2012, 50 bbc-2004, 25 politics-2016.
  Errors on this sample are read and the rules and the line classifier are tuned on it.
* `check` (60 articles): 30 web-2012, 20 bbc-2004, 10 politics-2016, drawn from what is left.
  Only its aggregate scores are ever looked at, to see whether a change generalises.

Each family's ids are sorted, shuffled with `random.Random(f"{SEED}:{family}")` and taken in that
order, so the samples depend only on the pool's ids. Texts that are not text are passed over (five
web-2012 files are UTF-16 read as Latin-1: every other character is NUL). Skips cleanly when the
pool is absent.
"""
from __future__ import annotations

import json
import pathlib
import random
import sys
from collections import defaultdict

SEED = 14  # the issue number
SIZES = {
    "dev": {"cnn-story": 10, "web-2012": 65, "bbc-2004": 50, "politics-2016": 25},
    "check": {"cnn-story": 0, "web-2012": 30, "bbc-2004": 20, "politics-2016": 10},
}


def samples(pool_path: str) -> dict[str, list[tuple[str, str]]]:
    ids = defaultdict(list)
    unreadable = set()
    with open(pool_path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            ids[d["family"]].append(d["id"])
            if d["text"].count("\x00") * 100 > len(d["text"]):
                unreadable.add(d["id"])
    out: dict[str, list[tuple[str, str]]] = {"dev": [], "check": []}
    for fam in sorted(ids):
        rng = random.Random(f"{SEED}:{fam}")
        pool = sorted(ids[fam])
        rng.shuffle(pool)
        pool = [i for i in pool if i not in unreadable]
        n_dev = min(SIZES["dev"].get(fam, 0), len(pool))
        n_check = min(SIZES["check"].get(fam, 0), len(pool) - n_dev)
        out["dev"] += [(fam, i) for i in pool[:n_dev]]
        out["check"] += [(fam, i) for i in pool[n_dev:n_dev + n_check]]
    return out


def main() -> int:
    if len(sys.argv) < 2 or not pathlib.Path(sys.argv[1]).exists():
        print(f"skipped: pool not found ({sys.argv[1:] or 'no path given'})")
        return 0
    for name, rows in samples(sys.argv[1]).items():
        for fam, i in rows:
            print(f"{name}\t{fam}\t{i}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
