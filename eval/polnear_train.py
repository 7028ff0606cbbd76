"""Builds a quotes file in the dev set's format (`../shared/data/quotes/dev.jsonl`) from PolNeAR's
TRAIN split (public repository networkdynamics/PolNeAR, brat standoff; no data licence is stated,
so it is used to read errors while writing rules, never to train shipped weights nor copied into
the project). The test split is reserved and never read: this script reads data/train only.

    python3 eval/polnear_train.py /path/to/PolNeAR-git-dir OUT.jsonl

A gold quote is a quoted segment (between quote marks) inside the content span of an attribution;
its speaker is the source span as written; the kind is pronoun / nominal / name by the first word
(approximate: the dev set's kinds were set the same way for most quotes).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

PRONOUNS = {"he", "she", "they", "i", "we", "you", "it", "his", "her", "their", "him", "them",
            "us", "me", "our", "my", "its"}
DETS = {"the", "a", "an", "this", "that", "these", "those", "some", "many", "several", "one",
        "two", "three", "other", "another", "both", "most", "all", "each", "few"}
QUOTE = re.compile(r"[\"“]([^\"“”]+)[\"”]")


def git(repo: str, *args: str) -> str:
    return subprocess.run(["git", "--git-dir", repo, *args], check=True, capture_output=True,
                          text=True).stdout


def kind_of(s: str) -> str:
    w = s.split()
    first = w[0].lower().strip("’'") if w else ""
    if len(w) == 1 and first in PRONOUNS:
        return "pronoun"
    if first in DETS or (w and w[0][:1].islower()):
        return "nominal"
    return "name"


def main() -> int:
    repo, out = sys.argv[1], sys.argv[2]
    texts = [p for p in git(repo, "ls-tree", "-r", "--name-only", "HEAD", "data/train/text").split()
             if p.endswith(".txt")]
    anns = git(repo, "ls-tree", "-r", "--name-only", "HEAD", "data/train/attributions").split()
    by_doc: dict[str, str] = {}
    for a in sorted(anns):
        doc = a.rsplit("/", 1)[1].rsplit("_", 1)[0]
        by_doc.setdefault(doc, a)
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for t in texts:
            doc = t.rsplit("/", 1)[1][:-4]
            if doc not in by_doc:
                continue
            text = git(repo, "show", f"HEAD:{t}")
            spans, rels = {}, []
            for line in git(repo, "show", f"HEAD:{by_doc[doc]}").splitlines():
                parts = line.split("\t")
                if line.startswith("T") and len(parts) >= 3:
                    kind, *offs = parts[1].replace(";", " ").split()
                    spans[parts[0]] = (kind, int(offs[0]), int(offs[-1]))
                elif line.startswith("E") and len(parts) >= 2:
                    rels.append(dict(x.split(":") for x in parts[1].split()[1:]))
            quotes = []
            for r in rels:
                c, s = spans.get(r.get("Content", "")), spans.get(r.get("Source", ""))
                if not c or not s:
                    continue
                speaker = text[s[1]:s[2]]
                for m in QUOTE.finditer(text, c[1], c[2] + 1):
                    if m.end() > c[2] + 1:
                        continue
                    whole = m.start() - c[1] <= 1 and c[2] - m.end() <= 2
                    quotes.append({"text": m.group(1), "start": m.start(1), "end": m.end(1),
                                   "speaker": speaker, "speaker_kind": kind_of(speaker),
                                   "type": "direct" if whole else "mixed"})
            quotes.sort(key=lambda q: q["start"])
            f.write(json.dumps({"id": doc, "text": text, "quotes": quotes}, ensure_ascii=False)
                    + "\n")
            n += 1
    print(f"{n} articles written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
