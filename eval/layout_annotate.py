"""The tool the layout annotations in eval/layout/ were written with.

    python3 eval/layout_annotate.py show POOL.jsonl ID [ID ...] [--width N]
    python3 eval/layout_annotate.py compile POOL.jsonl SPEC.txt -o eval/layout/NAME.jsonl

`show` prints an article's non-blank lines with their line numbers (a `~` marks a line with no
blank line before it). The annotator reads the text and writes a spec (kept outside the repo,
since it quotes pool text) in which every non-blank line gets one label:

    == ID
    1 s                      section line
    3 h                      headline
    5 b                      byline (first credit line); `bx` a further credit/role line
    6 t                      a line that is only a date stamp (the first one is `published`;
                             consecutive `t` lines are one stamp); `tx` a later stamp line
    8 d D"NAIROBI, Kenya (AP)"   a dateline alone on its line
    10-14 p                  paragraphs (each line starts one); `w` continues the previous one
    16 c C"caption text"     caption line (C"..." when the caption is part of the line)
    17 a                     picture alt text       `cr` a photo credit line (boilerplate)
    19 sh                    subheading (`shw` continues it on the next line)
    20 hl                    an @highlight summary line
    21 bp                    boilerplate line       `cm` reader comment, `tw` embedded tweet
    22 sf                    standfirst             `x` anything else that is no paragraph

Fragments on a line: D"dateline", T"date phrase" (published), C"caption", BP"boilerplate",
S"section", H"headline", B"byline"; each is found in its own line (JSON string syntax inside the
quotes). `compile` checks every non-blank line has exactly one label and writes one JSON object
per article: id, family, sha256 of the text, every line as [start, end, label] and the gold
fields as code-point [start, end] offsets into the pool text (see eval/layout_gold.py).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys

LABELS = {"s", "h", "b", "bx", "t", "tx", "d", "p", "w", "c", "a", "cr", "sh", "shw", "hl", "bp",
          "cm", "tw", "sf", "x"}
# Lines that are boilerplate in the gold format (readers' comments and embedded tweets are
# page furniture, as are stand-alone photo credits).
BOILER_LINES = {"bp", "cm", "tw", "cr"}
FRAG = re.compile(r'(D|T|C|BP|S|H|B)"((?:[^"\\]|\\.)*)"')


def load_pool(path, ids=None):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if ids is None or d["id"] in ids:
                out[d["id"]] = d
    return out


def lines_of(text):
    """(line number, start, end) of every non-blank line, stripped, code-point offsets."""
    out, pos = [], 0
    for n, raw in enumerate(text.split("\n"), 1):
        s = raw.strip()
        if s:
            lead = len(raw) - len(raw.lstrip())
            out.append((n, pos + lead, pos + lead + len(s)))
        pos += len(raw) + 1
    return out


def show(args):
    pool = load_pool(args.pool, set(args.ids))
    for i in args.ids:
        d = pool[i]
        t = d["text"]
        print(f"=================== {i} [{d['family']}] {len(t)} chars")
        prev = 0
        for n, s, e in lines_of(t):
            line = t[s:e]
            mark = "~" if prev and n == prev + 1 else ""
            prev = n
            if args.width and len(line) > args.width:
                line = line[: args.width - 40] + f" …[{len(line)}]… " + line[-30:]
            print(f"{n:4d}{mark:1s}| {line}")


def parse_spec(path):
    arts, cur = {}, None
    with open(path, encoding="utf-8") as f:
        for k, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("=="):
                cur = line[2:].strip()
                if cur in arts:
                    sys.exit(f"{path}:{k}: {cur} annotated twice")
                arts[cur] = []
                continue
            m = re.match(r"(\d+)(?:-(\d+))?\s+([a-z]+)\s*(.*)$", line)
            if not m or cur is None:
                sys.exit(f"{path}:{k}: cannot read {line!r}")
            a, b = int(m.group(1)), int(m.group(2) or m.group(1))
            label, rest = m.group(3), m.group(4)
            if label not in LABELS:
                sys.exit(f"{path}:{k}: unknown label {label!r}")
            frags = [(kind, json.loads(f'"{body}"')) for kind, body in FRAG.findall(rest)]
            if FRAG.sub("", rest).strip():
                sys.exit(f"{path}:{k}: cannot read {rest!r}")
            if frags and a != b:
                sys.exit(f"{path}:{k}: fragments need a single line")
            arts[cur].append((k, a, b, label, frags))
    return arts


def compile_article(aid, text, rows, where):
    lines = lines_of(text)
    by_no = {n: (s, e) for n, s, e in lines}
    label = {}
    frags = []
    for k, a, b, lab, fr in rows:
        hit = [n for n in by_no if a <= n <= b]
        if not hit:
            sys.exit(f"{where}:{k}: {aid}: no text line in {a}-{b}")
        for n in hit:
            if n in label:
                sys.exit(f"{where}:{k}: {aid}: line {n} labelled twice")
            label[n] = lab
        for kind, s in fr:
            ls, le = by_no[a]
            i = text.find(s, ls, le)
            if i < 0 or not s:
                sys.exit(f"{where}:{k}: {aid}: {kind}{json.dumps(s)} not in line {a}")
            frags.append((a, kind, i, i + len(s)))
    missing = [n for n in by_no if n not in label]
    if missing:
        sys.exit(f"{where}: {aid}: lines without a label: {missing}")
    gold = {k: None for k in ("section", "headline", "byline", "dateline", "published")}
    sets = {k: [] for k in ("captions", "subheadings", "highlights", "boilerplate")}
    paras = []
    frag_at = {}
    for a, kind, s, e in frags:
        frag_at.setdefault(a, []).append((kind, s, e))
    first = {"S": "section", "H": "headline", "B": "byline", "D": "dateline", "T": "published"}
    whole = {"s": "section", "h": "headline", "b": "byline", "d": "dateline", "t": "published"}
    prev_t = None
    for n, s, e in lines:
        lab = label[n]
        if prev_t is not None and (lab != "t" or n != prev_t[2] + 1):
            prev_t = None
        fr = frag_at.get(n, [])
        kinds = {k for k, _, _ in fr}
        for kind, fs, fe in fr:
            if kind in first and gold[first[kind]] is None:
                gold[first[kind]] = [fs, fe]
            elif kind == "C":
                sets["captions"].append([fs, fe])
            elif kind == "BP":
                sets["boilerplate"].append([fs, fe])
        if lab == "t" and prev_t is not None and gold["published"] == [prev_t[0], prev_t[1]]:
            gold["published"][1] = e  # a stamp broken over consecutive lines is one stamp
        elif lab in whole and gold[whole[lab]] is None and whole[lab][0].upper() not in kinds:
            gold[whole[lab]] = [s, e]
        elif lab == "c" and "C" not in kinds:
            sets["captions"].append([s, e])
        elif lab == "sh":
            sets["subheadings"].append([s, e])
        elif lab == "hl":
            sets["highlights"].append([s, e])
        elif lab in BOILER_LINES:
            sets["boilerplate"].append([s, e])
        elif lab == "p":
            paras.append([s, e])
        if lab == "t":
            prev_t = (gold["published"][0], e, n) if gold["published"] else None
        if lab == "shw":
            if not sets["subheadings"]:
                sys.exit(f"{where}: {aid}: line {n} continues no subheading")
            sets["subheadings"][-1][1] = e
        if lab == "w":
            if not paras:
                sys.exit(f"{where}: {aid}: line {n} continues no paragraph")
            paras[-1][1] = e
    gold.update(sets)
    gold["paragraph_count"] = len(paras)
    gold["first_paragraph"] = paras[0] if paras else None
    gold["last_paragraph"] = paras[-1] if paras else None
    return {"lines": [[s, e, label[n]] for n, s, e in lines], "gold": gold}


def compile_(args):
    spec = parse_spec(args.spec)
    pool = load_pool(args.pool, set(spec))
    out = []
    for aid, rows in spec.items():
        if aid not in pool:
            sys.exit(f"{aid} is not in the pool")
        d = pool[aid]
        rec = compile_article(aid, d["text"], rows, args.spec)
        out.append({"id": aid, "family": d["family"],
                    "sha256": hashlib.sha256(d["text"].encode("utf-8")).hexdigest(), **rec})
    with open(args.out, "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, separators=(",", ":")) + "\n")
    print(f"{len(out)} articles -> {args.out}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("show")
    s.add_argument("pool")
    s.add_argument("ids", nargs="+")
    s.add_argument("--width", type=int, default=0)
    c = sub.add_parser("compile")
    c.add_argument("pool")
    c.add_argument("spec")
    c.add_argument("-o", "--out", required=True)
    a = ap.parse_args()
    show(a) if a.cmd == "show" else compile_(a)


if __name__ == "__main__":
    main()
