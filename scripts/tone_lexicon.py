"""Regenerates data/tone/lexicon.tsv, negators.txt and intensifiers.tsv from the VADER
sentiment package (vaderSentiment 3.3.2, MIT licence, (c) 2016 C.J. Hutto):

    pip download --no-deps vaderSentiment==3.3.2 && unzip vaderSentiment-3.3.2-*.whl -d vader
    python3 scripts/tone_lexicon.py vader/vaderSentiment

Keeps the lexicon's words (entries with a letter and no space; emoticons are left out, news has
none) with their mean valence (-4..4), VADER's negation words and its booster/dampener table.
"""

from __future__ import annotations

import ast
import os
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "tone")

HEADER = (
    "# {what} from VADER (Hutto & Gilbert 2014), vaderSentiment 3.3.2, MIT licence,\n"
    "# Copyright (c) 2016 C.J. Hutto. Regenerate with scripts/tone_lexicon.py.\n"
)


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    src = sys.argv[1]
    lex = os.path.join(src, "vader_lexicon.txt")
    code = os.path.join(src, "vaderSentiment.py")
    if not (os.path.exists(lex) and os.path.exists(code)):
        print(f"skipped: {src} has no vader_lexicon.txt / vaderSentiment.py")
        return 0
    rows = []
    with open(lex, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            word, val = parts[0], parts[1]
            if " " in word or not any(c.isalpha() for c in word) or not word[0].isalpha():
                continue
            rows.append((word.lower(), float(val)))
    with open(os.path.join(OUT, "lexicon.tsv"), "w", encoding="utf-8") as fh:
        fh.write(HEADER.format(what="word<TAB>mean valence (-4 very negative .. 4 very positive)"))
        for w, v in sorted(set(rows)):
            fh.write(f"{w}\t{v}\n")
    tree = ast.parse(open(code, encoding="utf-8").read())
    consts = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            try:
                consts[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    # BOOSTER_DICT refers to B_INCR / B_DECR: evaluate it with them.
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "BOOSTER_DICT":
            consts["BOOSTER_DICT"] = eval(compile(ast.Expression(node.value), code, "eval"), {}, consts)
    with open(os.path.join(OUT, "negators.txt"), "w", encoding="utf-8") as fh:
        fh.write(HEADER.format(what="Negation words"))
        for w in sorted(set(consts["NEGATE"])):
            fh.write(w + "\n")
    with open(os.path.join(OUT, "intensifiers.tsv"), "w", encoding="utf-8") as fh:
        fh.write(HEADER.format(what="word<TAB>boost (+0.293 intensifies, -0.293 dampens)"))
        for w, v in sorted(consts["BOOSTER_DICT"].items()):
            if " " not in w:
                fh.write(f"{w}\t{v}\n")
    print(f"wrote {len(rows)} lexicon words to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
