"""Tone peers on NewsMTSC's train split (the development data; its dev and test splits are
reserved): Spearman and macro-F1 (best thresholds per system, eval/score_tone.py) and speed,
one thread. Prints, asserts nothing.

    python3 bench/tone_peers.py NEWSMTSC_TRAIN.jsonl [--half read|held] [--huliu DIR]

Peers (skipped with a line when not installed; none is a dependency): VADER
(vaderSentiment, compound score), TextBlob (polarity), and with ``--huliu DIR`` (a folder with
Hu & Liu's ``positive-words.txt`` and ``negative-words.txt``) a GDELT-style count: positive
minus negative words over all words. newsparse runs through ``parse`` (whole record) and is
scored on ``tone.tone``.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "eval"))
import score_tone as S  # noqa: E402


def fnv_half(s: str) -> str:
    h = 0x811C9DC5
    for b in s.encode():
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return "read" if h % 2 == 0 else "held"


def main() -> int:
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    path = args[0]
    half = args[args.index("--half") + 1] if "--half" in args else None
    huliu = args[args.index("--huliu") + 1] if "--huliu" in args else None
    if not os.path.exists(path):
        print(f"skipped: {path} not found")
        return 0
    rows = [json.loads(l) for l in open(path, encoding="utf-8")]
    rows = [r for r in rows if half is None or fnv_half(r["primary_gid"]) == half]
    texts = [r["sentence_normalized"] for r in rows]
    labels = [[t["polarity"] for t in r["targets"]] for r in rows]
    systems = {}
    try:
        import newsparse

        systems["newsparse (whole record)"] = lambda t: (newsparse.parse(t, summary_sentences=0)["tone"] or {}).get("tone", 0.0)
    except ImportError:
        print("skipped newsparse")
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        vader = SentimentIntensityAnalyzer()
        systems["VADER (compound)"] = lambda t: vader.polarity_scores(t)["compound"]
    except ImportError:
        print("skipped VADER: pip install vaderSentiment")
    try:
        from textblob import TextBlob

        systems["TextBlob (polarity)"] = lambda t: TextBlob(t).sentiment.polarity
    except ImportError:
        print("skipped TextBlob: pip install textblob")
    if huliu and os.path.isdir(huliu):
        def words(f):
            out = set()
            for line in open(os.path.join(huliu, f), encoding="latin-1"):
                line = line.strip()
                if line and not line.startswith(";"):
                    out.add(line)
            return out

        pos, neg = words("positive-words.txt"), words("negative-words.txt")

        def count(t):
            ws = re.findall(r"[a-z][a-z'-]*", t.lower())
            return (sum(w in pos for w in ws) - sum(w in neg for w in ws)) / max(len(ws), 1)

        systems["Hu & Liu word count"] = count
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"NewsMTSC train, half={half or 'both'}: {len(texts)} sentences, {sum(map(len, labels))} targets, {mb:.2f} MB")
    for name, fn in systems.items():
        t0 = time.perf_counter()
        scores = [fn(t) for t in texts]
        secs = time.perf_counter() - t0
        ys, xs = [], []
        for s, ls in zip(scores, labels):
            for l in ls:
                ys.append(float(l))
                xs.append(float(s))
        rho = S.spearman(xs, ys)
        f1, _ = S.best_f1(ys, xs)
        print(f"  {name:<26} spearman {rho:.3f}  macro-F1 {100 * f1:.1f}  {mb / secs:.2f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
