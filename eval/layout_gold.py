"""Joins the layout annotations in eval/layout/ with the pool and writes the scorer's gold file.

    python3 eval/layout_gold.py POOL.jsonl -o gold.jsonl [--sample dev|check|all]
    python3 /work/shared/data/layout/score.py PRED.jsonl gold.jsonl --by-layout

The annotations (eval/layout/dev.jsonl, eval/layout/check.jsonl) hold no pool text: each article
is its pool `id`, the sha256 of its text and code-point [start, end] offsets for every string
field (and for every line, with its label, for the line classifier). This script reads the
texts from the pool, checks every hash and fails loudly on a mismatch or a missing article, and
writes `{"id", "layout", "text", "gold": {...}}` lines in the format of the shared
seed_gold.jsonl. Skips cleanly (prints `skipped: ...`) when the pool is absent.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent / "layout"
STR_FIELDS = ("section", "headline", "byline", "dateline", "published",
              "first_paragraph", "last_paragraph")
SET_FIELDS = ("captions", "subheadings", "highlights", "boilerplate")


def annotations(sample: str):
    names = ["dev", "check"] if sample == "all" else [sample]
    out = []
    for name in names:
        with open(HERE / f"{name}.jsonl", encoding="utf-8") as f:
            out += [json.loads(l) for l in f if l.strip()]
    return out


def join(pool_path: str, anns: list[dict]) -> list[dict]:
    want = {a["id"] for a in anns}
    texts = {}
    with open(pool_path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["id"] in want:
                texts[d["id"]] = d["text"]
    missing = sorted(want - set(texts))
    if missing:
        sys.exit(f"error: {len(missing)} annotated articles are not in {pool_path}: {missing[:5]}")
    out = []
    for a in anns:
        text = texts[a["id"]]
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if sha != a["sha256"]:
            sys.exit(f"error: {a['id']}: the pool text's sha256 {sha} is not the annotated "
                     f"{a['sha256']}: the pool changed, the offsets would be wrong")
        g = a["gold"]
        span = lambda se: None if se is None else text[se[0]:se[1]]
        gold = {k: span(g[k]) for k in STR_FIELDS}
        for k in SET_FIELDS:
            gold[k] = [text[s:e] for s, e in g[k]]
        gold["paragraph_count"] = g["paragraph_count"]
        out.append({"id": a["id"], "layout": a["family"], "text": text, "gold": gold})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pool")
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--sample", choices=["dev", "check", "all"], default="dev")
    a = ap.parse_args()
    if not pathlib.Path(a.pool).exists():
        print(f"skipped: {a.pool} not found")
        return 0
    rows = join(a.pool, annotations(a.sample))
    with open(a.out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} articles -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
