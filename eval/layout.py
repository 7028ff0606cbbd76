"""Layout checks against the structure the dev corpora state themselves (no layout gold exists):

* PolNeAR (quotes/dev.jsonl): the first line of every text is the article's title -> headline.
* CoNLL-2003 dev (ner/dev.jsonl): line 1 is the headline; line 2, when it is "PLACE YYYY-MM-DD",
  is the dateline, whose date is the publication date.
* TimeBank/AQUAINT (dates/dev.jsonl): texts that open with a wire dateline ("NAIROBI, Kenya (AP) _",
  "WASHINGTON _", "ATLANTA (AP) --"), found by a regular expression over the raw text.

    python eval/layout.py ../shared/data

Skips cleanly when the folder is absent.
"""

from __future__ import annotations

import json
import pathlib
import re
import sys

import newsparse


def rows(path: pathlib.Path):
    with path.open(encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.1f}%)" if b else "0/0"


def main(root: str) -> int:
    base = pathlib.Path(root)
    if not base.exists():
        print(f"skipped: {root} not found")
        return 0
    q = base / "quotes" / "dev.jsonl"
    if q.exists():
        docs = list(rows(q))
        recs = newsparse.parse_many([d["text"] for d in docs])
        ok = sum(1 for d, r in zip(docs, recs)
                 if r["headline"] and r["headline"]["text"] == d["text"].strip().split("\n")[0].strip())
        print(f"PolNeAR dev   headline = first line        {pct(ok, len(docs))}")
    n = base / "ner" / "dev.jsonl"
    if n.exists():
        docs = list(rows(n))
        recs = newsparse.parse_many([d["text"] for d in docs])
        head = sum(1 for d, r in zip(docs, recs) if r["headline"] and r["headline"]["text"] == d["text"].split("\n")[0])
        want = [(d, r) for d, r in zip(docs, recs)
                if re.fullmatch(r"[A-Z][A-Z .,'-]+ \d{4}-\d{2}-\d{2}", d["text"].split("\n")[1] if "\n" in d["text"] else "")]
        dl = sum(1 for d, r in want if r["dateline"] and r["dateline"]["text"] == d["text"].split("\n")[1])
        pub = sum(1 for d, r in want if r["published"] and r["published"]["value"] == d["text"].split("\n")[1][-10:])
        print(f"CoNLL dev     headline = line 1            {pct(head, len(docs))}")
        print(f"CoNLL dev     dateline = 'PLACE YYYY-MM-DD' {pct(dl, len(want))}; published from it {pct(pub, len(want))}")
    t = base / "dates" / "dev.jsonl"
    if t.exists():
        docs = list(rows(t))
        recs = newsparse.parse_many([d["text"] for d in docs])
        pat = re.compile(r"\s*[A-Z][A-Za-z .,'-]*[A-Za-z.] ?(\([A-Za-z ]+\))? ?(_|--|-)\s")
        want = [(d, r) for d, r in zip(docs, recs) if pat.match(d["text"])]
        got = sum(1 for d, r in want if r["dateline"])
        false = sum(1 for d, r in zip(docs, recs) if r["dateline"] and not pat.match(d["text"]))
        print(f"TimeBank dev  wire dateline found          {pct(got, len(want))}; datelines elsewhere: {false}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
