"""Instructions per input byte, per stage, counted by callgrind (steady on a shared machine,
unlike seconds). Prints figures; asserts nothing.

    cargo build --profile profile --example stage_costs
    python3 bench/callgrind_stages.py [FILE.jsonl ...] [--kb 300]

Runs ``target/profile/examples/stage_costs`` under ``valgrind --tool=callgrind`` once per stage
over the same even sample of the inputs (default: the seed article and ``examples/corpus/``) and
reads each run's total instruction count. ``document`` is the document model alone (layout,
regions, sentences, token stream); each extractor's figure is its run minus the document run;
``whole record`` is ``newsparse::parse`` (document, every extractor and the record's strings).
The one-time building of tables is in every run and cancels out. Needs valgrind.
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
STAGES = ["document", "quotes", "entities", "dates", "numbers", "record"]


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
    stages = args.stages.split(",")
    if "document" not in stages:
        stages.insert(0, "document")
    with tempfile.TemporaryDirectory() as tmp:
        base = None
        rows = []
        for st in stages:
            arts, nbytes, ir = count(st, args.kb, args.files, tmp)
            if st == "document":
                # The document run minus a run over nothing would be cleaner; the warm-up
                # record is the same in every run, so differences are exact.
                base = ir
            rows.append((st, ir))
    empty = count_empty(args.kb, args.files)
    print(f"sample: {arts} articles, {nbytes / 1000:.0f} KB; instructions per input byte")
    parts = 0.0
    for st, ir in rows:
        if st == "document":
            per = (ir - empty) / nbytes
        elif st == "record":
            per = (ir - empty) / nbytes
        else:
            per = (ir - base) / nbytes
        if st != "record":
            parts += per
        label = "whole record" if st == "record" else st
        print(f"  {label:<14} {per:8.0f}")
    print(f"  {'sum of parts':<14} {parts:8.0f}")
    return 0


def count_empty(kb, files):
    with tempfile.TemporaryDirectory() as tmp:
        return count("none", kb, files, tmp)[2]


if __name__ == "__main__":
    sys.exit(main())
