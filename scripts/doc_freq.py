"""Regenerates data/text/doc_freq.tsv: in how many of about a thousand news stories each word
appears, for inverse document frequency (keywords and summaries weigh rare words up).

    python3 scripts/doc_freq.py CNNDM_VALIDATION.csv KPCROWD_DIR

Reads the first 500 stories of a CNN/DailyMail validation CSV (columns ``article``,
``highlights``, ``id``; the second 500 are kept for evaluation) and the development part of
500N-KPCrowd (the first 45 stories of each category, sorted by id; see
``eval/keywords_data.py``). Counts lower-cased words as the token stream forms them (letters,
digits and internal apostrophes or hyphens), possessive endings removed, each once per story;
keeps words seen in at least 2 stories. The first line is the number of stories.
"""

from __future__ import annotations

import collections
import csv
import os
import re
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "text", "doc_freq.tsv")
WORD = re.compile(r"[^\W_](?:[\w]|['’\-](?=[^\W_]))*")


def kpcrowd_dev(folder: str):
    docs = os.path.join(folder, "docsutf8")
    by_cat = collections.defaultdict(list)
    for f in sorted(os.listdir(docs)):
        cat, _, num = f[:-4].rpartition("-")
        by_cat[cat].append((int(num), f))
    out = []
    for cat in sorted(by_cat):
        for _, f in sorted(by_cat[cat])[:45]:
            out.append(os.path.join(docs, f))
    return out


def words(text: str):
    for m in WORD.finditer(text.lower()):
        w = m.group(0).replace("’", "'")
        if w.endswith("'s") and len(w) > 3:
            w = w[:-2]
        yield w


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    csv_path, kp = sys.argv[1], sys.argv[2]
    if not os.path.exists(csv_path) or not os.path.isdir(kp):
        print("skipped: data not found")
        return 0
    csv.field_size_limit(1 << 30)
    texts = []
    with open(csv_path, encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            if i >= 500:
                break
            texts.append(row["article"])
    for p in kpcrowd_dev(kp):
        texts.append(open(p, encoding="utf-8", errors="replace").read())
    df = collections.Counter()
    for t in texts:
        df.update(set(words(t)))
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write("# Document frequency of words in news stories (see scripts/doc_freq.py): the first\n")
        fh.write("# line is the number of stories, then word<TAB>stories it appears in.\n")
        fh.write(f"{len(texts)}\n")
        for w, n in sorted(df.items(), key=lambda x: (-x[1], x[0])):
            if n >= 2 and "\t" not in w:
                fh.write(f"{w}\t{n}\n")
    print(f"wrote {OUT}: {len(texts)} stories, {sum(1 for n in df.values() if n >= 2)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
