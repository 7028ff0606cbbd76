"""Trains the layout line classifier (an averaged perceptron) on the project's own layout
annotations and writes its weights to data/layout/line_weights.tsv.

    python3 eval/layout_gold.py POOL.jsonl -o /tmp/gold_dev.jsonl            # dev sample only
    cargo run --profile dev-opt --example layout_features -- /tmp/gold_dev.jsonl /tmp/feat_dev.jsonl
    python3 eval/layout_train.py /tmp/feat_dev.jsonl [--cv 5] [-o data/layout/line_weights.tsv]

The features come from the Rust side (`layout::trace`, one list of feature strings per line of
the body the classifier decides on), so training and inference read the same features. Each
line's class comes from its annotation label in eval/layout/dev.jsonl: `p`/`w` paragraph,
`sh`/`shw` subheading, `bp`/`cm`/`tw`/`cr` boilerplate, `c` caption; lines annotated as
anything else (alt text, standfirsts, headlines...) are left out of training. Only the dev
sample is read: the check sample never trains anything.

`--cv K` reports K-fold cross-validation over articles (per-class precision/recall) instead of
writing weights. Training is deterministic (seeded shuffles). Stdlib only.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import random
import sys
from collections import Counter, defaultdict

HERE = pathlib.Path(__file__).resolve().parent
CLASSES = ["P", "SH", "BP", "C"]
LABEL = {"p": "P", "w": "P", "sh": "SH", "shw": "SH", "bp": "BP", "cm": "BP", "tw": "BP",
         "cr": "BP", "c": "C"}
SEED = 14


def load(feat_path: str, ann_path: pathlib.Path):
    ann = {}
    with open(ann_path, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            ann[a["id"]] = {s: lab for s, e, lab in a["lines"]}
    data = []  # (article id, features, class)
    missing = 0
    with open(feat_path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            starts = ann.get(d["id"])
            if starts is None:
                continue
            for s, e, feats in d["units"]:
                lab = starts.get(s)
                if lab is None:
                    missing += 1
                    continue
                cls = LABEL.get(lab)
                if cls:
                    data.append((d["id"], feats, cls))
    return data, missing


class Perceptron:
    def __init__(self):
        self.w = defaultdict(lambda: [0.0] * len(CLASSES))
        self.total = defaultdict(lambda: [0.0] * len(CLASSES))
        self.stamp = defaultdict(lambda: [0] * len(CLASSES))
        self.t = 0

    def score(self, feats, weights=None):
        w = weights if weights is not None else self.w
        s = [0.0] * len(CLASSES)
        for f in feats:
            v = w.get(f)
            if v:
                for k in range(len(CLASSES)):
                    s[k] += v[k]
        return s

    def predict(self, feats, weights=None):
        s = self.score(feats, weights)
        return max(range(len(CLASSES)), key=lambda k: (s[k], -k))

    def _upd(self, f, k, delta):
        self.total[f][k] += (self.t - self.stamp[f][k]) * self.w[f][k]
        self.stamp[f][k] = self.t
        self.w[f][k] += delta

    def update(self, feats, gold, guess):
        self.t += 1
        if gold == guess:
            return
        for f in feats:
            self._upd(f, gold, 1.0)
            self._upd(f, guess, -1.0)

    def averaged(self):
        out = {}
        for f, ws in self.w.items():
            avg = []
            for k in range(len(CLASSES)):
                tot = self.total[f][k] + (self.t - self.stamp[f][k]) * ws[k]
                avg.append(tot / max(self.t, 1))
            if any(abs(x) >= 1e-4 for x in avg):
                out[f] = avg
        return out


def train(data, epochs: int, keep: set[str] | None = None):
    rng = random.Random(SEED)
    p = Perceptron()
    items = [(([f for f in feats if keep is None or f in keep]), CLASSES.index(c)) for _, feats, c in data]
    for _ in range(epochs):
        rng.shuffle(items)
        for feats, gold in items:
            p.update(feats, gold, p.predict(feats))
    return p.averaged()


def frequent(data, min_articles: int) -> set[str]:
    seen = defaultdict(set)
    for aid, feats, _ in data:
        for f in feats:
            seen[f].add(aid)
    return {f for f, ids in seen.items() if len(ids) >= min_articles}


def cross_validate(data, k: int, epochs: int, min_articles: int):
    ids = sorted({a for a, _, _ in data})
    random.Random(SEED).shuffle(ids)
    fold = {a: i % k for i, a in enumerate(ids)}
    conf = Counter()
    for i in range(k):
        tr = [d for d in data if fold[d[0]] != i]
        te = [d for d in data if fold[d[0]] == i]
        w = train(tr, epochs, frequent(tr, min_articles))
        p = Perceptron()
        for _, feats, c in te:
            conf[(c, CLASSES[p.predict(feats, w)])] += 1
    print(f"{k}-fold cross-validation over {len(ids)} articles, {len(data)} lines, {epochs} epochs")
    print("gold\\pred " + " ".join(f"{c:>6s}" for c in CLASSES))
    for g in CLASSES:
        print(f"{g:9s} " + " ".join(f"{conf[(g, p)]:6d}" for p in CLASSES))
    for c in CLASSES:
        tp = conf[(c, c)]
        fp = sum(conf[(g, c)] for g in CLASSES if g != c)
        fn = sum(conf[(c, p)] for p in CLASSES if p != c)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        print(f"  {c:3s} P {100 * pr:5.1f}  R {100 * rc:5.1f}  (n={tp + fn})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("features")
    ap.add_argument("--ann", default=str(HERE / "layout" / "dev.jsonl"))
    ap.add_argument("-o", "--out", default=str(HERE.parent / "data" / "layout" / "line_weights.tsv"))
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--min-articles", type=int, default=2,
                    help="drop features seen in fewer training articles")
    ap.add_argument("--cv", type=int, default=0)
    ap.add_argument("--classes", default=",".join(CLASSES),
                    help="classes to learn; lines of the others are left out of training")
    a = ap.parse_args()
    if not pathlib.Path(a.features).exists():
        print(f"skipped: {a.features} not found")
        return 0
    data, missing = load(a.features, pathlib.Path(a.ann))
    learn = set(a.classes.split(","))
    data = [d for d in data if d[2] in learn]
    if missing:
        print(f"note: {missing} lines without an annotated line at the same offset", file=sys.stderr)
    if a.cv:
        cross_validate(data, a.cv, a.epochs, a.min_articles)
        return 0
    w = train(data, a.epochs, frequent(data, a.min_articles))
    counts = Counter(c for _, _, c in data)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("# Weights of the averaged-perceptron line classifier (see data/README.md), written by\n")
        f.write(f"# eval/layout_train.py ({a.epochs} epochs, features seen in >= {a.min_articles} articles) from\n")
        f.write(f"# {len(data)} annotated body lines of eval/layout/dev.jsonl: "
                + ", ".join(f"{c} {counts[c]}" for c in CLASSES) + ".\n")
        f.write("# feature\t" + "\t".join(CLASSES) + "\n")
        for feat in sorted(w):
            f.write(feat + "\t" + "\t".join(f"{x:.4f}" for x in w[feat]) + "\n")
    print(f"{len(w)} features, {len(data)} lines -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
