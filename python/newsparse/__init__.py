"""newsparse: structured records from raw news articles, fast.

>>> import newsparse
>>> rec = newsparse.parse("Storm hits coast\\n\\nA storm hit the coast on Monday.")
>>> rec["headline"]["text"]
'Storm hits coast'

Records are plain dicts (see ``newsparse.Record`` for their keys). Every span item carries
``text``, ``start`` and ``end`` with ``article[start:end] == text`` (Python code points).

Errors in batches (``parse_many``, ``iter_parse``, ``parse_files``) follow ``on_error``:

* ``"raise"`` (default): the first failing item raises, naming its index (and path):
  ``TypeError`` for a non-str item, ``OSError`` for an unreadable file, ``DecodeError`` for
  bytes invalid in the encoding, ``ArticleError`` for a failure inside newsparse.
* ``"null"``: a failing item becomes ``None``; every other record is kept, in order.
* ``"record"``: a failing item becomes ``{"error": {"kind", "message"}, "index": i}`` (plus
  ``"path"`` for files), so failures can be counted and inspected afterwards.

Missing values (``None``, ``float('nan')``, ``pandas.NA``) are not errors: they give ``None``.
There is no "skip" mode, on purpose: output position ``i`` is always input item ``i``.
"""

from __future__ import annotations

import datetime as _dt
import glob as _glob
import itertools as _it
import os as _os
from typing import Any, Iterable, Iterator, List, Optional, Sequence, Union

from . import _core
from ._core import __version__, default_threads
from ._types import ErrorRecord, FileRecord, Record, Span
from .errors import ArticleError, DecodeError, NewsparseError

__all__ = [
    "parse",
    "parse_many",
    "iter_parse",
    "parse_files",
    "default_threads",
    "Record",
    "FileRecord",
    "ErrorRecord",
    "Span",
    "NewsparseError",
    "ArticleError",
    "DecodeError",
    "__version__",
]

DateLike = Union[str, _dt.date, None]
PathLike = Union[str, "_os.PathLike[str]"]


def _iso(value: Any, what: str = "published") -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    try:  # pandas.Timestamp, numpy.datetime64 and friends
        if value != value:  # NaN / NaT: unknown date
            return None
        return _dt.date.fromisoformat(str(value)[:10]).isoformat()
    except (TypeError, ValueError):
        raise TypeError(f"{what}: expected an ISO date string or datetime.date, got {type(value).__name__}") from None


def _published_arg(published: Any, n: Optional[int] = None) -> Any:
    if published is None or isinstance(published, (str, _dt.date)):
        return _iso(published)
    return [_iso(p, f"published[{i}]") for i, p in enumerate(published)]


def parse(text: str, *, published: DateLike = None) -> Record:
    """Parse one article into a record.

    ``published`` (ISO string or ``datetime.date``) is the date relative expressions resolve
    against; without it, the publication stamp found in the text is used, if any.
    """
    return _core.parse(text, _published_arg(published))


def parse_many(
    texts: Iterable[Optional[str]],
    *,
    published: Union[DateLike, Sequence[DateLike]] = None,
    threads: Optional[int] = None,
    on_error: str = "raise",
) -> List[Optional[Record]]:
    """Parse many articles in parallel (the GIL is released).

    Output order is input order and results do not depend on ``threads`` (default: the
    ``NEWSPARSE_THREADS`` environment variable, else every core). ``published`` is one date for
    all articles or a sequence with one per article. See the module docstring for ``on_error``.
    """
    return _core.parse_many(texts, _published_arg(published), threads, on_error)


def iter_parse(
    texts: Iterable[Optional[str]],
    *,
    batch_size: int = 1000,
    published: Union[DateLike, Iterable[DateLike]] = None,
    threads: Optional[int] = None,
    on_error: str = "raise",
) -> Iterator[Optional[Record]]:
    """Parse a stream of articles lazily, ``batch_size`` at a time (in parallel within a batch).

    Memory is bounded by the batch, not the corpus: use it for corpora larger than memory.
    ``published`` is one date for all, or an iterable consumed in step with ``texts``.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    single = published is None or isinstance(published, (str, _dt.date))
    dates = None if single else iter(published)  # type: ignore[arg-type]
    fixed = _iso(published) if single else None
    it = iter(texts)
    offset = 0
    while True:
        batch = list(_it.islice(it, batch_size))
        if not batch:
            return
        if dates is None:
            pub: Any = fixed
        else:
            pub = [_iso(d) for d in _it.islice(dates, len(batch))]
            if len(pub) != len(batch):
                raise ValueError("published ran out before texts: give one date per article")
        try:
            records = _core.parse_many(batch, pub, threads, on_error)
        except (NewsparseError, TypeError) as e:
            raise _shift_index(e, offset) from None
        if on_error == "record":
            for r in records:
                if r is not None and "error" in r:
                    r["index"] += offset
        offset += len(batch)
        yield from records


def _shift_index(e: Exception, offset: int) -> Exception:
    """Re-express an error's item index relative to the whole stream, not the batch."""
    msg = str(e)
    if msg.startswith("item "):
        head, _, rest = msg.partition(":")
        try:
            idx = int(head[5:]) + offset
        except ValueError:
            return e
        msg = f"item {idx}:{rest}"
        if isinstance(e, NewsparseError):
            return type(e)(msg, index=idx, path=e.path, kind=e.kind)
        return type(e)(msg)
    return e


def _expand(paths_or_glob: Union[PathLike, Iterable[PathLike]]) -> List[str]:
    if isinstance(paths_or_glob, (str, _os.PathLike)):
        items: Iterable[PathLike] = [paths_or_glob]
    else:
        items = paths_or_glob
    out: List[str] = []
    for p in items:
        s = _os.fspath(p)
        if _glob.has_magic(s):
            matches = sorted(_glob.glob(s, recursive=True))
            if not matches:
                raise FileNotFoundError(f"no files match {s!r}")
            out.extend(m for m in matches if _os.path.isfile(m))
        elif _os.path.isdir(s):
            out.extend(sorted(_glob.glob(_os.path.join(s, "**", "*.txt"), recursive=True)))
        else:
            out.append(s)
    return out


def parse_files(
    paths_or_glob: Union[PathLike, Iterable[PathLike]],
    *,
    encoding: str = "utf-8",
    errors: str = "strict",
    published: Union[DateLike, Sequence[DateLike]] = None,
    threads: Optional[int] = None,
    on_error: str = "raise",
) -> List[Optional[FileRecord]]:
    """Read and parse files in parallel (reading and decoding happen in Rust).

    ``paths_or_glob``: a path, a glob pattern (``"corpus/**/*.txt"``, sorted), a directory (its
    ``*.txt`` files, recursively, sorted) or an iterable of those. ``encoding`` is a WHATWG
    label (``"utf-8"``, ``"windows-1252"``, ``"latin1"``...); a BOM overrides it. ``errors``:
    ``"strict"`` (invalid bytes are an error naming the file and byte) or ``"replace"`` (U+FFFD).
    Each record gains ``path``.
    """
    paths = _expand(paths_or_glob)
    return _core.parse_files(paths, encoding, errors, _published_arg(published), threads, on_error)
