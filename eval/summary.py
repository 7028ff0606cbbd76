"""Summary quality: ROUGE-2 F1 (rouge-score, Porter stemming) of 3-sentence summaries against
CNN/DailyMail reference highlights, for newsparse and baselines, with their speed.

    python3 eval/summary.py CNNDM_VALIDATION.csv [--half read|held] [--peers] [--k 3]

The CSV has ``article``, ``highlights`` and ``id`` columns (1,000 validation stories): rows
0-499 are the half whose errors were read (``read``), rows 500-999 the second sample, never
read (``held``). Baselines: lead-3 and 3 random sentences (seed 0) over newsparse's own
sentence split (its candidate sentences: body sentences with at least four content words), and with ``--peers`` sumy's TextRank and LexRank (``pip install sumy``; they
get the same sentences, so only the choice differs). Prints ``skipped: ...`` when the data or
a package is absent.
"""

from __future__ import annotations

import csv
import os
import random
import sys
import time


def main() -> int:
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    path = args[0]
    half = args[args.index("--half") + 1] if "--half" in args else "read"
    k = int(args[args.index("--k") + 1]) if "--k" in args else 3
    if not os.path.exists(path):
        print(f"skipped: {path} not found")
        return 0
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        print("skipped: needs rouge-score (pip install rouge-score)")
        return 0
    import newsparse

    csv.field_size_limit(1 << 30)
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows = rows[:500] if half == "read" else rows[500:1000]
    texts = [r["article"] for r in rows]
    refs = [r["highlights"] for r in rows]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    t0 = time.perf_counter()
    recs = newsparse.parse_many(texts, threads=1, summary_sentences=k)
    secs = time.perf_counter() - t0
    # The body sentences as newsparse splits them (a summary as long as the article lists
    # every candidate sentence, in order), for the baselines.
    every = newsparse.parse_many(texts, summary_sentences=100_000)
    sents = [[s["text"] for s in r["summary"]] for r in every]
    systems = {
        "newsparse": [" ".join(s["text"] for s in r["summary"]) for r in recs],
        "lead-3": [" ".join(ss[:k]) for ss in sents],
    }
    rng = random.Random(0)
    systems["random-3"] = [" ".join(x for _, x in sorted(rng.sample(list(enumerate(ss)), min(k, len(ss))))) for ss in sents]
    speeds = {"newsparse": (mb / secs, "whole record, 1 thread")}
    if "--peers" in args:
        try:
            from sumy.nlp.stemmers import Stemmer
            from sumy.parsers.plaintext import PlaintextParser
            from sumy.summarizers.lex_rank import LexRankSummarizer
            from sumy.summarizers.text_rank import TextRankSummarizer
            from sumy.utils import get_stop_words

            class Tok:
                language = "english"

                def __init__(self, ss):
                    self.ss = ss

                def to_sentences(self, _):
                    return self.ss

                def to_words(self, s):
                    import re

                    return re.findall(r"\w+", s)

            for name, cls in (("sumy TextRank", TextRankSummarizer), ("sumy LexRank", LexRankSummarizer)):
                summ = cls(Stemmer("english"))
                summ.stop_words = get_stop_words("english")
                out = []
                t0 = time.perf_counter()
                for t, ss in zip(texts, sents):
                    tok = Tok(ss)
                    doc = PlaintextParser.from_string(t, tok).document
                    chosen = {str(x) for x in summ(doc, k)}
                    out.append(" ".join(s for s in ss if s in chosen))
                speeds[name] = (mb / (time.perf_counter() - t0), "1 thread, sentences given")
                systems[name] = out
        except ImportError:
            print("skipped sumy: pip install sumy")
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    print(f"CNN/DailyMail validation, half={half}: {len(texts)} stories, {mb:.2f} MB; ROUGE F1 (k={k})")
    for name, outs in systems.items():
        sc = [scorer.score(ref, out) for ref, out in zip(refs, outs)]
        r1 = 100 * sum(s["rouge1"].fmeasure for s in sc) / len(sc)
        r2 = 100 * sum(s["rouge2"].fmeasure for s in sc) / len(sc)
        rl = 100 * sum(s["rougeL"].fmeasure for s in sc) / len(sc)
        sp = speeds.get(name)
        speed = f"  {sp[0]:.2f} MB/s ({sp[1]})" if sp else ""
        print(f"  {name:<14} R-1 {r1:5.1f}  R-2 {r2:5.1f}  R-L {rl:5.1f}{speed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
