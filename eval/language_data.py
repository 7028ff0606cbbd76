"""Builds the language development sets from SIB-200's held-out split (FLORES-200 sentences).

    python3 eval/language_data.py SIB_DIR OUT.jsonl

SIB_DIR is SIB-200's ``data/annotated`` folder. Only ``test.tsv`` files are read (the model
trains on ``train.tsv`` and ``dev.tsv``). Each output line is ``{"lang", "kind", "half",
"text"}``: ``kind`` is ``sentence`` (one FLORES sentence) or ``article`` (8 consecutive
held-out sentences of one language, about 1 KB, the size of a short news story); ``half`` is
``read`` for even FLORES ids (errors on it were read while developing) and ``held`` for odd
ids (never read: the second development sample). Serbian appears twice: as written (Cyrillic)
and transliterated to Latin script (``lang`` "sr", same as Cyrillic). Prints ``skipped: ...``
when SIB_DIR is absent.
"""

from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
import train_language as T  # noqa: E402

ARTICLE = 8
# Languages the script alone decides (not in the model's training list).
BY_SCRIPT = [
    ("el", "ell_Grek"), ("hy", "hye_Armn"), ("he", "heb_Hebr"), ("bn", "ben_Beng"),
    ("pa", "pan_Guru"), ("gu", "guj_Gujr"), ("ta", "tam_Taml"), ("te", "tel_Telu"),
    ("th", "tha_Thai"), ("ka", "kat_Geor"), ("ko", "kor_Hang"), ("ja", "jpn_Jpan"),
    ("zh", "zho_Hans"), ("zh", "zho_Hant"),
]


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    sib, out = sys.argv[1], sys.argv[2]
    if not os.path.isdir(sib):
        print(f"skipped: {sib} not found")
        return 0
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        langs = T.LANGS + [(c, [f], "script") for c, f in BY_SCRIPT]
        for code, folders, group in langs:
            for f in folders:
                rows = sorted(T.read_tsv(os.path.join(sib, f, "test.tsv")))
                if code == "sr" and group == "latin":
                    rows = [(i, "".join(T.SR_LATIN.get(c, c) for c in s)) for i, s in rows]
                for half, parity in (("read", 0), ("held", 1)):
                    part = [s for i, s in rows if i % 2 == parity]
                    for s in part:
                        fh.write(json.dumps({"lang": code, "script": group, "kind": "sentence", "half": half, "text": s}, ensure_ascii=False) + "\n")
                        n += 1
                    for k in range(0, len(part), ARTICLE):
                        text = " ".join(part[k : k + ARTICLE])
                        fh.write(json.dumps({"lang": code, "script": group, "kind": "article", "half": half, "text": text}, ensure_ascii=False) + "\n")
                        n += 1
    print(f"wrote {out}: {n} items")
    return 0


if __name__ == "__main__":
    sys.exit(main())
