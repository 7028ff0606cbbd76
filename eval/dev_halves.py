"""Scores a dev set in two halves split by a hash of the document id: "read" (the half whose
errors may be read while developing rules) and "held" (never read: a change that helps only
the read half is a fit, not a fix). Uses the dev set's own scorer (`score.py` beside the gold
file) on each half.

    python3 eval/dev_halves.py quotes ../shared/data/quotes/dev.jsonl /tmp/q.jsonl
    python3 eval/dev_halves.py ner ../shared/data/ner/dev.jsonl /tmp/e.jsonl
    python3 eval/dev_halves.py ner GOLD PRED --half read     # print one half's report only

A document is in the read half when the SHA-1 of its id, as an integer, is even. Prints
`skipped: ...` when the gold file is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile


def half_of(doc_id: str) -> str:
    return "read" if int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "held"


def load(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("task", choices=["quotes", "ner"])
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--half", choices=["read", "held", "both"], default="both")
    args = ap.parse_args()
    if not os.path.exists(args.gold):
        print(f"skipped: {args.gold} not found")
        return 0
    scorer = os.path.join(os.path.dirname(os.path.abspath(args.gold)), "score.py")
    gold, pred = load(args.gold), load(args.pred)
    pred_by_id = {p.get("id"): p for p in pred}
    halves = ["read", "held"] if args.half == "both" else [args.half]
    with tempfile.TemporaryDirectory() as tmp:
        for h in halves:
            g = [d for d in gold if half_of(d["id"]) == h]
            p = [pred_by_id[d["id"]] for d in g if d["id"] in pred_by_id]
            if len(p) != len(g):
                print(f"{h}: {len(g) - len(p)} documents missing from {args.pred}")
                return 1
            gp, pp = os.path.join(tmp, f"gold_{h}.jsonl"), os.path.join(tmp, f"pred_{h}.jsonl")
            for path, rows in ((gp, g), (pp, p)):
                with open(path, "w", encoding="utf-8") as f:
                    for r in rows:
                        f.write(json.dumps(r, ensure_ascii=False) + "\n")
            if args.task == "quotes":
                cmd = [sys.executable, scorer, gp, pp]
            else:
                cmd = [sys.executable, scorer, pp, "--gold", gp, "--subset", "split"]
            out = subprocess.run(cmd, capture_output=True, text=True, check=False)
            print(f"===== {h} half: {len(g)} documents =====")
            print(out.stdout.rstrip())
            if out.returncode != 0:
                print(out.stderr.rstrip())
                return out.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
