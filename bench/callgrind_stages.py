"""Instructions per input byte, per stage, counted by callgrind (steady on a shared machine,
unlike seconds). Prints figures; asserts nothing.

    cargo build --profile profile --example stage_costs
    python3 bench/callgrind_stages.py [FILE.jsonl ...] [--kb 300]

Runs ``target/profile/examples/stage_costs`` under ``valgrind --tool=callgrind`` once per stage
over the same even sample of the inputs (default: the seed article and ``examples/corpus/``) and
reads each run's total instruction count:

* ``layout+sentences``: the layout, its regions and their sentences;
* ``token stream``: the token stream with its lexemes (with the line above, the document model
  every extractor reads);
* one row per extractor: its run (document, stream, extractor) minus the document run;
* ``content words``: the content-word view keywords and summary share (built once per record;
  added whenever either is asked for); their rows are their runs minus this one;
* ``whole record``: ``newsparse::parse`` (document, every extractor and the record's strings);
* ``+ Arrow batches`` (with ``--stages record,arrow``): building the Arrow record batches of
  those records, on top of the whole record.

The one-time building of tables is in every run and cancels out. Needs valgrind.
``--stages quotes,dates`` limits the extractor rows.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BIN = os.path.join(ROOT, "target", "profile", "examples", "stage_costs")
STAGES = ["layout", "document", "quotes", "entities", "dates", "numbers", "language", "tone",
          "words", "keywords", "summary", "record"]


def count(stage: str, kb: int, files, tmp: str):
    out = os.path.join(tmp, f"cg.{stage}")
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", BIN,
         "--stage", stage, "--kb", str(kb), *files],
        cwd=ROOT, capture_output=True, text=True,
    )
    m = re.search(r"sample: (\d+) articles, (\d+) bytes", run.stdout)
    t = re.search(r"Collected : (\d+)", run.stderr)
    if run.returncode != 0 or not m or not t:
        sys.exit(f"stage {stage} failed:\n{run.stderr[-2000:]}")
    return int(m.group(1)), int(m.group(2)), int(t.group(1))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--kb", type=int, default=300)
    ap.add_argument("--stages", default=",".join(STAGES))
    args = ap.parse_args()
    if not os.path.exists(BIN):
        print("skipped: build it first: cargo build --profile profile --example stage_costs")
        return 0
    stages = [st for st in args.stages.split(",") if st not in ("layout", "document", "words")]
    if "keywords" in stages or "summary" in stages:
        stages = ["words"] + stages
    stages = ["layout", "document"] + stages
    with tempfile.TemporaryDirectory() as tmp:
        empty = count("none", args.kb, args.files, tmp)[2]
        ir = {}
        for st in stages:
            arts, nbytes, ir[st] = count(st, args.kb, args.files, tmp)
    print(f"sample: {arts} articles, {nbytes / 1000:.0f} KB; instructions per input byte")
    per = {}
    per["layout"] = (ir["layout"] - empty) / nbytes
    per["tokens"] = (ir["document"] - ir["layout"]) / nbytes
    for st in stages[2:]:
        base = {"record": empty, "arrow": ir.get("record", empty),
                "keywords": ir.get("words"), "summary": ir.get("words")}.get(st) or ir["document"]
        per[st] = (ir[st] - base) / nbytes
    parts = 0.0
    for st, v in per.items():
        label = {"layout": "layout+sentences", "tokens": "token stream",
                 "words": "content words", "record": "whole record",
                 "arrow": "+ Arrow batches"}.get(st, st)
        print(f"  {label:<17} {v:8.0f}")
        if st not in ("record", "arrow"):
            parts += v
    print(f"  {'sum of parts':<17} {parts:8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
