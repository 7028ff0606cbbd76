"""F1@10 of key phrases against 500N-KPCrowd's reader key phrases, after Porter stemming
(nltk's PorterStemmer; each phrase lower-cased, split on non-alphanumerics, each word stemmed).

    python3 eval/score_keywords.py PRED.jsonl KPCROWD_DIR [--half read|held] [--k 10]

PRED lines: ``{"id", "half", "keywords": [...]}`` (``examples/eval_keywords`` or
``bench/keywords_peers.py``). Gold: ``KPCROWD_DIR/keys/ID.key``, one phrase a line. Micro
precision and recall are averaged per story (macro), as keyphrase papers do. Prints
``skipped: ...`` when data or nltk is missing.
"""

from __future__ import annotations

import json
import os
import re
import sys


def main() -> int:
    args = sys.argv[1:]
    if len(args) < 2:
        print(__doc__)
        return 2
    pred, kp = args[0], args[1]
    half = args[args.index("--half") + 1] if "--half" in args else None
    k = int(args[args.index("--k") + 1]) if "--k" in args else 10
    if not os.path.exists(pred) or not os.path.isdir(kp):
        print("skipped: data not found")
        return 0
    try:
        from nltk.stem.porter import PorterStemmer
    except ImportError:
        print("skipped: needs nltk (pip install nltk)")
        return 0
    stem = PorterStemmer().stem

    def norm(p: str) -> str:
        return " ".join(stem(w) for w in re.findall(r"[a-z0-9]+", p.lower()))

    ps, rs, fs = [], [], []
    for line in open(pred, encoding="utf-8"):
        r = json.loads(line)
        if half and r["half"] != half:
            continue
        keyfile = os.path.join(kp, "keys", r["id"] + ".key")
        if not os.path.exists(keyfile):
            continue
        gold = {norm(g) for g in open(keyfile, encoding="utf-8", errors="replace") if g.strip()}
        gold.discard("")
        got = []
        for p in r["keywords"]:
            n = norm(p)
            if n and n not in got:
                got.append(n)
        got = got[:k]
        tp = sum(1 for g in got if g in gold)
        p_ = tp / len(got) if got else 0.0
        r_ = tp / len(gold) if gold else 0.0
        ps.append(p_)
        rs.append(r_)
        fs.append(2 * p_ * r_ / (p_ + r_) if tp else 0.0)
    n = len(fs)
    if not n:
        print("skipped: no stories scored")
        return 0
    print(f"{os.path.basename(pred)} half={half or 'both'}: stories={n} P@{k}={100 * sum(ps) / n:.1f} "
          f"R@{k}={100 * sum(rs) / n:.1f} F1@{k}={100 * sum(fs) / n:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
