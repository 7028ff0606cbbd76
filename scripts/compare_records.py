"""Compares two record snapshots written by `examples/dump_records` (before and after a change
to the core) and prints what differs, by field: how many records changed and a few examples.

    python3 scripts/compare_records.py BEFORE.jsonl AFTER.jsonl [--field quotes] [--show 5]

Prints; exits 0 whatever it finds (a difference may be a fix: each one is for a person to read).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--field", action="append", default=None)
    ap.add_argument("--show", type=int, default=3)
    args = ap.parse_args()
    a, b = load(args.before), load(args.after)
    if len(a) != len(b):
        print(f"different record counts: {len(a)} vs {len(b)}")
    changed = Counter()
    examples = {}
    for x, y in zip(a, b):
        if x.get("id") != y.get("id"):
            print(f"ids differ: {x.get('id')} vs {y.get('id')}")
            return 0
        rx, ry = x["record"], y["record"]
        for key in sorted(set(rx) | set(ry)):
            if args.field and key not in args.field:
                continue
            if rx.get(key) != ry.get(key):
                changed[key] += 1
                examples.setdefault(key, []).append((x["id"], rx.get(key), ry.get(key)))
    if not changed:
        print(f"identical: {len(a)} records")
        return 0
    for key, n in changed.most_common():
        print(f"{key}: {n} of {len(a)} records differ")
        for rid, vx, vy in examples[key][: args.show]:
            if isinstance(vx, list) and isinstance(vy, list):
                sx = {json.dumps(v, sort_keys=True) for v in vx}
                sy = {json.dumps(v, sort_keys=True) for v in vy}
                print(f"  {rid}:")
                for v in sorted(sx - sy)[:4]:
                    print(f"    - {v[:300]}")
                for v in sorted(sy - sx)[:4]:
                    print(f"    + {v[:300]}")
            else:
                print(f"  {rid}: {json.dumps(vx)[:300]} -> {json.dumps(vy)[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
