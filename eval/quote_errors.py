"""Lists speaker errors of a quotes prediction on the READ half of a dev set only (the held half
is never shown: see eval/dev_halves.py). Matching and speaker comparison reuse the dev set's own
scorer (`score.py` beside the gold file).

    python3 eval/quote_errors.py ../shared/data/quotes/dev.jsonl /tmp/q.jsonl [--kind nominal]
    python3 eval/quote_errors.py /tmp/train.jsonl /tmp/t.jsonl --whole   # PolNeAR train

Prints `skipped: ...` when the gold file is absent.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dev_halves import half_of  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--scorer", default=None, help="score.py to use (default: beside the gold)")
    ap.add_argument("--kind", default=None, help="gold speaker_kind to show (name/pronoun/nominal)")
    ap.add_argument("--context", type=int, default=160)
    ap.add_argument("--whole", action="store_true",
                    help="show every document (only for files with no held half, such as the "
                         "PolNeAR train file of eval/polnear_train.py; refused on a dev set)")
    args = ap.parse_args()
    if not os.path.exists(args.gold):
        print(f"skipped: {args.gold} not found")
        return 0
    if args.whole and os.path.basename(args.gold).startswith("dev"):
        print("refused: --whole would show the held half of a dev set")
        return 1
    spec = importlib.util.spec_from_file_location("score", args.scorer or os.path.join(
        os.path.dirname(os.path.abspath(args.gold)), "score.py"))
    sc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sc)
    with open(args.pred, encoding="utf-8") as f:
        pred = {r["id"]: r for r in map(json.loads, f) if r}
    n = 0
    with open(args.gold, encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            if not args.whole and half_of(g["id"]) != "read":
                continue
            text = g["text"]
            toks = sc.tok_index(text)
            P = pred.get(g["id"], {}).get("quotes", [])
            G = g["quotes"]
            pc = [sc.covered(toks, *sc.norm_span(text, q["start"], q["end"])) for q in P]
            gc = [sc.covered(toks, *sc.norm_span(text, q["start"], q["end"])) for q in G]
            pairs = []
            for i, a in enumerate(pc):
                for j, b in enumerate(gc):
                    inter = len(a & b)
                    if inter and inter / max(len(a | b), 1) >= 0.5:
                        pairs.append((inter / len(a | b), i, j))
            for i, j in sc.greedy(pairs).items():
                p, q = P[i], G[j]
                ok = sc.speaker_match(p.get("speaker"), q.get("speaker")) or (
                    bool(p.get("speaker_mention")) and bool(q.get("speaker"))
                    and sc.speaker_match(p["speaker_mention"], q["speaker"]))
                if ok or (args.kind and str(q.get("speaker_kind")) != args.kind):
                    continue
                n += 1
                s, e = q["start"], q["end"]
                ctx = text[max(0, s - args.context):s] + "[[" + text[s:e][:200] + "]]" + \
                    text[e:e + args.context]
                print(f"--- {g['id']}  gold={q.get('speaker')!r} ({q.get('speaker_kind')})  "
                      f"pred={p.get('speaker')!r} / mention={p.get('speaker_mention')!r}")
                print("   ", ctx.replace("\n", " | "))
    print(f"{n} speaker errors on the read half")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
