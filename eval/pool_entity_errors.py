"""Counts kinds of entity errors a new user sees on real scrapes (issue 15), from a records file
written by `examples/dump_records` (one JSON line per article: {"id", "record"}).

    cargo run --profile dev-opt --example dump_records -- /tmp/pool_records.jsonl /work/pool/pool.jsonl
    python3 eval/pool_entity_errors.py /tmp/pool_records.jsonl [--show 5]

Kinds (each counted once per entity, with the number of articles it appears in):
- contraction: an entity with a mention containing a pronoun + apostrophe + contraction
  (I'm, I’ve, We're, He’ll, They'd, it's ...), found by shape, not by a list of strings seen;
- holiday_award: a PERSON or ORG entity whose name is a holiday, festival or award (the lists
  below, written for this script independently of the extractor's data table);
- generic_org: an ORG entity whose name is a common abbreviation that names no organisation
  (TV, MP, MPs, GDP, CEO ...);
- demonym_glued: a PERSON entity whose name starts with a demonym ("Argentine David Nalbandian"),
  demonyms read from data/entities/demonyms.tsv and data/entities/norp.txt.

Prints counts only; it asserts nothing. Skips cleanly when the records file is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter

PRONOUNS = r"(?:i|you|we|they|he|she|it|that|there|who|what|here|let)"
CONTRACTION = re.compile(
    r"(?<![\w])" + PRONOUNS + r"['’](?:m|ve|ll|re|d|s)(?![\w])", re.IGNORECASE
)

HOLIDAYS = {
    "christmas", "christmas day", "christmas eve", "new year", "new year's day", "new year's eve",
    "easter", "easter sunday", "good friday", "thanksgiving", "halloween", "ramadan", "eid",
    "eid al-fitr", "eid al-adha", "diwali", "hanukkah", "passover", "yom kippur", "rosh hashanah",
    "lent", "boxing day", "valentine's day", "mother's day", "father's day", "labor day",
    "labour day", "memorial day", "independence day", "veterans day", "remembrance day",
    "hogmanay", "chinese new year", "lunar new year", "st patrick's day", "black friday",
    "cyber monday", "bonfire night", "guy fawkes night", "kwanzaa", "pentecost", "advent",
}
AWARDS = {
    "oscar", "oscars", "golden globe", "golden globes", "emmy", "emmys", "grammy", "grammys",
    "bafta", "baftas", "nobel prize", "nobel peace prize", "pulitzer",
    "pulitzer prize", "booker prize", "man booker prize", "ballon d'or", "palme d'or",
    "victoria cross", "brit award", "brit awards", "mobo", "olivier award", "turner prize",
    "academy award", "academy awards", "golden boot", "golden ball",
}
GENERIC_ORG = {
    "tv", "mp", "mps", "gdp", "ceo", "cfo", "pm", "mep", "meps", "msp", "msps", "am", "ams",
    "dj", "pr", "hr", "it", "ai", "ip", "vat", "dna", "hiv", "aids", "uk", "us",
}
GENERIC_ORG -= {"uk", "us", "it", "aids", "hiv", "ai"}  # places or ambiguous: not counted


def load_demonyms(root: str) -> set[str]:
    out: set[str] = set()
    for name in ("demonyms.tsv", "norp.txt"):
        path = os.path.join(root, "data", "entities", name)
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    out.add(line.split("\t")[0])
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("records")
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    if not os.path.exists(args.records):
        print(f"skipped: {args.records} not found")
        return 0
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    demonyms = load_demonyms(root)
    counts: Counter = Counter()
    docs: dict[str, set] = {}
    seen: dict[str, Counter] = {}
    n_docs = n_ents = 0

    def hit(kind: str, rid: str, name: str) -> None:
        counts[kind] += 1
        docs.setdefault(kind, set()).add(rid)
        seen.setdefault(kind, Counter())[name] += 1

    with open(args.records, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            rid = row.get("id")
            n_docs += 1
            for e in row["record"].get("entities") or []:
                n_ents += 1
                name, label = e["name"], e["label"]
                low = name.lower()
                if any(CONTRACTION.search(m["text"]) for m in e["mentions"]) or CONTRACTION.search(
                    name
                ):
                    hit("contraction", rid, name)
                if label in ("PERSON", "ORG") and (low in HOLIDAYS or low in AWARDS):
                    hit("holiday_award", rid, name)
                if label == "ORG" and low in GENERIC_ORG:
                    hit("generic_org", rid, name)
                first = name.split(" ", 1)[0]
                if label == "PERSON" and " " in name and first in demonyms:
                    hit("demonym_glued", rid, name)
    print(f"{n_docs} records, {n_ents} entities")
    for kind in ("contraction", "holiday_award", "generic_org", "demonym_glued"):
        print(f"{kind:14} {counts[kind]:6} entities in {len(docs.get(kind, ())):5} articles")
        if args.show:
            common = ", ".join(f"{k} ({v})" for k, v in seen.get(kind, Counter()).most_common(args.show))
            print(f"    {common}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
