"""The benchmark corpus: the bundled seed article plus, when given, the texts under a folder
(``*.txt`` files, or the ``text`` field of ``*.jsonl`` lines, e.g. ../shared/data)."""

from __future__ import annotations

import json
import pathlib
from typing import List

HERE = pathlib.Path(__file__).resolve().parent
SEED = HERE.parent / "tests" / "data" / "seed_article.txt"


def load(folder: str | None, min_mb: float = 8.0) -> List[str]:
    texts = [SEED.read_text(encoding="utf-8")]
    if folder:
        root = pathlib.Path(folder)
        if not root.exists():
            print(f"note: {folder} not found; using the bundled example only")
        else:
            for p in sorted(root.rglob("*")):
                if p.suffix == ".txt" and p.is_file():
                    texts.append(p.read_text(encoding="utf-8", errors="replace"))
                elif p.suffix == ".jsonl" and p.is_file():
                    for line in p.open(encoding="utf-8"):
                        t = json.loads(line).get("text")
                        if isinstance(t, str) and t.strip():
                            texts.append(t)
    # Repeat to a size where timings mean something; repetition does not help the parser
    # (no caching across articles).
    size = sum(len(t.encode("utf-8")) for t in texts)
    reps = max(1, int(min_mb * 1e6 / max(size, 1)) + 1)
    return texts * reps
