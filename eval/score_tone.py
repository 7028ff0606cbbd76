"""Scores sentence tone against NewsMTSC labels: Spearman's rho and macro-F1 over three classes
(negative / neutral / positive) with the two thresholds on the score chosen to maximise
macro-F1 (each system gets its best thresholds, as the issue's scorer does).

    python3 eval/score_tone.py PRED.jsonl [--half read|held]

PRED lines: ``{"id", "half", "label" (2, 4 or 6), "score"}`` (from ``examples/eval_tone`` or
``bench/tone_peers.py``). Prints ``skipped: ...`` when the file is absent.
"""

from __future__ import annotations

import json
import os
import sys


def ranks(xs):
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    r = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        avg = (i + j) / 2 + 1
        for k in range(i, j + 1):
            r[order[k]] = avg
        i = j + 1
    return r


def spearman(a, b):
    ra, rb = ranks(a), ranks(b)
    n = len(a)
    ma, mb = sum(ra) / n, sum(rb) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va = sum((x - ma) ** 2 for x in ra) ** 0.5
    vb = sum((y - mb) ** 2 for y in rb) ** 0.5
    return cov / (va * vb) if va and vb else 0.0


def macro_f1(labels, preds):
    f = []
    for c in (2, 4, 6):
        tp = sum(1 for l, p in zip(labels, preds) if l == c and p == c)
        fp = sum(1 for l, p in zip(labels, preds) if l != c and p == c)
        fn = sum(1 for l, p in zip(labels, preds) if l == c and p != c)
        f.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f) / 3


def best_f1(labels, scores):
    qs = sorted(set(scores))
    # Candidate thresholds: quantiles of the scores (at most ~60 each way).
    step = max(1, len(qs) // 60)
    cands = qs[::step] + [qs[-1] + 1]
    best = (0.0, None)
    for i, lo in enumerate(cands):
        for hi in cands[i:]:
            preds = [2 if s < lo else (6 if s >= hi else 4) for s in scores]
            f = macro_f1(labels, preds)
            if f > best[0]:
                best = (f, (lo, hi))
    return best


def main() -> int:
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    path = args[0]
    half = args[args.index("--half") + 1] if "--half" in args else None
    if not os.path.exists(path):
        print(f"skipped: {path} not found")
        return 0
    rows = [json.loads(l) for l in open(path, encoding="utf-8")]
    rows = [r for r in rows if half is None or r["half"] == half]
    labels = [float(r["label"]) for r in rows]
    scores = [float(r["score"]) for r in rows]
    rho = spearman(scores, labels)
    f1, th = best_f1(labels, scores)
    print(f"{os.path.basename(path)} half={half or 'both'}: n={len(rows)} spearman={rho:.3f} "
          f"macro-F1={100 * f1:.1f} thresholds={th}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
