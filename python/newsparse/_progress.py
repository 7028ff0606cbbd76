"""Progress bars shared by the API (``progress=True``) and the command line.

tqdm is an optional extra (``newsparse[progress]``); without it a one-line counter goes to
stderr. Bars are updated once per batch, never per article, so they cost nothing measurable.
"""

from __future__ import annotations

import sys
from typing import Any, Optional


class Counter:
    """A one-line progress counter for when tqdm is not installed."""

    def __init__(self, total: Optional[int], desc: str = "newsparse") -> None:
        self.total, self.done, self.desc = total, 0, desc

    def update(self, n: int) -> None:
        self.done += n
        of = f"/{self.total}" if self.total is not None else ""
        sys.stderr.write(f"\r{self.desc}: {self.done}{of} articles")
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\n")
        sys.stderr.flush()


class _Null:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def bar(total: Optional[int], enabled: bool, desc: str = "newsparse") -> Any:
    """A progress bar with ``update(n)`` and ``close()``; a no-op one when not ``enabled``."""
    if not enabled:
        return _Null()
    try:
        # tqdm.auto would warn in Jupyter without ipywidgets; the text bar works everywhere.
        from tqdm import tqdm
    except ImportError:
        return Counter(total, desc)
    return tqdm(total=total, unit="art", desc=desc, file=sys.stderr)


def batch_size(n: Optional[int]) -> int:
    """Articles per core call when a bar is shown: about 100 updates, but batches big enough
    (256+) that the parallel core stays busy, and small enough (4096) that the bar moves."""
    if n is None:
        return 1000
    return max(256, min(4096, -(-n // 100)))
