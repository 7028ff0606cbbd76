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

An article over ``max_bytes`` (every entry point takes it; default ``DEFAULT_MAX_BYTES``, 32 MiB;
``None`` for no limit but the 4 GiB one) is a failure of kind ``"too_large"``
(``TooLargeError`` when raised): refused before parsing, its ``.gz`` inflated only up to the
limit, so a gzip bomb costs no more than the limit in memory.

Missing values (``None``, ``float('nan')``, ``pandas.NA``) are not errors: they give ``None``.
There is no "skip" mode, on purpose: output position ``i`` is always input item ``i``.

``output`` on the batch functions picks what comes back: ``"dicts"`` (default, a list of
records), ``"arrow"`` (a ``pyarrow.Table``, one row per article, built in Rust without a Python
object per article; see ``arrow_schema()``) or ``"polars"`` (a ``polars.DataFrame`` over the
same buffers). In Arrow output a missing input or an ``on_error="null"`` failure is a row of
nulls, and ``on_error="record"`` fills the ``error`` column (``{kind, message}``) of that row.

``progress=True`` on the batch functions shows a progress bar on stderr (tqdm if installed:
``newsparse[progress]``, else a counter), updated once per batch of articles.

Tables (pandas, an optional extra: ``newsparse[pandas]``; imported only when first used):
``to_frame``, ``parse_frame``, ``quotes_table``, ``entities_table``, ``mentions_table``,
``dates_table``, ``numbers_table``, ``counts_table``, ``keywords_table`` and the ``Series.news``
accessor. Jupyter:
``display(text)`` highlights an article's entities, quotes, dates and numbers.
"""

from __future__ import annotations

import datetime as _dt
import glob as _glob
import itertools as _it
import os as _os
from typing import Any, Iterable, Iterator, List, Optional, Sequence, Union

from . import _core, _progress
from ._core import DEFAULT_MAX_BYTES, __version__, default_threads
from ._types import ErrorRecord, FileRecord, HtmlRecord, Record, Span, WarcRecord
from .errors import ArticleError, DecodeError, NewsparseError, TooLargeError
from .display import Article, display
from .frames import (
    counts_table,
    dates_table,
    entities_table,
    keywords_table,
    mentions_table,
    numbers_table,
    parse_frame,
    quotes_table,
    to_frame,
)

__all__ = [
    "parse",
    "parse_many",
    "iter_parse",
    "parse_files",
    "parse_html",
    "parse_warc",
    "iter_warc",
    "near_duplicates",
    "add_duplicate_group",
    "shingles",
    "DuplicateIndex",
    "arrow_schema",
    "default_threads",
    "field_names",
    "to_frame",
    "parse_frame",
    "quotes_table",
    "entities_table",
    "mentions_table",
    "dates_table",
    "numbers_table",
    "counts_table",
    "keywords_table",
    "display",
    "Article",
    "Record",
    "FileRecord",
    "ErrorRecord",
    "WarcRecord",
    "Span",
    "NewsparseError",
    "ArticleError",
    "DecodeError",
    "TooLargeError",
    "DEFAULT_MAX_BYTES",
    "__version__",
]

DateLike = Union[str, _dt.date, None]
PathLike = Union[str, "_os.PathLike[str]"]


def _iso(value: Any, what: str = "published") -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, _dt.datetime):
        if value != value:  # pandas.NaT is a datetime: unknown date
            return None
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


Fields = Union[str, Iterable[str], None]


def field_names() -> List[str]:
    """The names ``fields=`` accepts: every record key, in record order (``"layout"`` also
    names every layout key at once)."""
    return list(_core.field_names())


def _fields_arg(fields: Fields) -> Optional[List[str]]:
    """``fields`` as the core takes it: ``None`` (all) or a list of names (a generator is read
    once here, so batches all see the same list)."""
    if fields is None:
        return None
    if isinstance(fields, str):
        return [fields]
    try:
        return list(fields)
    except TypeError:
        raise TypeError(f"fields must be None, a field name or an iterable of names, got {type(fields).__name__}") from None


def parse(
    text: str,
    *,
    published: DateLike = None,
    fields: Fields = None,
    summary_sentences: int = 3,
    max_bytes: Optional[int] = DEFAULT_MAX_BYTES,
) -> Record:
    """Parse one article into a record.

    ``published`` (ISO string or ``datetime.date``) is the date relative expressions resolve
    against; without it, the publication stamp found in the text is used, if any.
    ``fields`` (default: all) names the record keys to compute, e.g. ``["quotes"]`` or
    ``["layout"]``; every key stays in the record, ``None`` or ``[]`` when not asked for, and
    only what the asked fields need runs (see ``field_names()`` and the README's "Choosing
    fields").
    ``summary_sentences``: how many sentences the record's ``summary`` has (0 for none).
    ``max_bytes``: a text longer than this in UTF-8 raises ``TooLargeError`` (``None``: no
    limit but the 4 GiB one).
    """
    return _core.parse(text, _published_arg(published), _fields_arg(fields), summary_sentences, max_bytes)


OUTPUTS = ("dicts", "arrow", "polars")


def _check_output(output: str) -> None:
    if output not in OUTPUTS:
        raise ValueError(f"output must be 'dicts', 'arrow' or 'polars', got {output!r}")


def _frame_of(stream: Any, output: str) -> Any:
    """The Rust-built Arrow stream as the table type ``output`` names (imported lazily)."""
    if output == "polars":
        try:
            import polars as pl
        except ImportError:
            raise ImportError("output='polars' needs polars: pip install 'newsparse[polars]'") from None
        return pl.DataFrame(stream)
    try:
        import pyarrow as pa
    except ImportError:
        raise ImportError("output='arrow' needs pyarrow: pip install 'newsparse[arrow]'") from None
    return pa.table(stream)


def _concat(tables: List[Any], output: str) -> Any:
    if output == "polars":
        import polars as pl

        return pl.concat(tables, how="vertical", rechunk=False)
    import pyarrow as pa

    return pa.concat_tables(tables)


def arrow_schema() -> Any:
    """The ``pyarrow.Schema`` of ``output="arrow"`` tables: one column per record key, plus
    ``text`` and ``html`` (pages), ``path`` (files) and ``error`` (``on_error="record"``)."""
    try:
        import pyarrow as pa
    except ImportError:
        raise ImportError("arrow_schema() needs pyarrow: pip install 'newsparse[arrow]'") from None
    return pa.RecordBatchReader.from_stream(_core._arrow_schema_stream()).schema


def parse_many(
    texts: Iterable[Union[str, bytes, None]],
    *,
    published: Union[DateLike, Sequence[DateLike]] = None,
    threads: Optional[int] = None,
    on_error: str = "raise",
    progress: bool = False,
    format: str = "text",
    output: str = "dicts",
    fields: Fields = None,
    summary_sentences: int = 3,
    max_bytes: Optional[int] = DEFAULT_MAX_BYTES,
) -> Any:
    """Parse many articles in parallel (the GIL is released).

    Output order is input order and results do not depend on ``threads`` (default: the
    ``NEWSPARSE_THREADS`` environment variable, else every core). ``published`` is one date for
    all articles or a sequence with one per article. See the module docstring for ``on_error``.
    ``progress=True`` shows a bar over articles (the input is then parsed in batches).
    ``format``: ``"text"`` (default), ``"html"`` (every item is a page: see ``parse_html``) or
    ``"auto"`` (an item whose first 2 KB look like markup is parsed as a page); with either,
    items may also be ``bytes`` (a page decodes itself; non-markup bytes under ``"auto"`` must
    be UTF-8, else that item fails with a decode error). ``format="text"`` takes ``str`` only.
    ``output``: ``"dicts"`` (a list of records), ``"arrow"`` (a ``pyarrow.Table``) or
    ``"polars"`` (a ``polars.DataFrame``); see the module docstring. ``fields`` as in ``parse``
    (the Arrow schema stays the same: columns not asked for are null or empty). ``summary_sentences``:
    sentences in each record's ``summary`` (0 for none).
    ``max_bytes``: an item longer than this (UTF-8 bytes of a ``str``, or the page's bytes) is
    a ``"too_large"`` failure, handled as ``on_error`` says (``None``: only the 4 GiB limit).
    """
    _check_output(output)
    pub = _published_arg(published)
    core = "dicts" if output == "dicts" else "arrow"
    fs = _fields_arg(fields)
    if not progress:
        out = _core.parse_many(texts, pub, threads, on_error, format, core, fs, summary_sentences, max_bytes)
        return out if output == "dicts" else _frame_of(out, output)
    items = texts if isinstance(texts, list) else list(texts)
    return _batched(
        lambda chunk, p: _core.parse_many(chunk, p, threads, on_error, format, core, fs, summary_sentences, max_bytes), items, pub, on_error, output
    )


def _batched(call: Any, items: List[Any], pub: Any, on_error: str, output: str = "dicts") -> Any:
    """``call(batch, published)`` over ``items`` in batches with a progress bar; the same
    output as one call over everything.

    Only newsparse's own per-item errors are re-indexed; anything else, KeyboardInterrupt
    included, propagates untouched (the bar is closed on the way out).
    """
    if isinstance(pub, list) and len(pub) != len(items):
        raise ValueError(f"published has {len(pub)} dates for {len(items)} articles; give one per article, or a single date")
    step = _progress.batch_size(len(items))
    out: List[Any] = []
    tables: List[Any] = []
    bar = _progress.bar(len(items), True)
    try:
        for lo in range(0, len(items), step):
            chunk = items[lo : lo + step]
            p = pub[lo : lo + step] if isinstance(pub, list) else pub
            got = _call_at(call, chunk, p, lo, on_error, output)
            if output == "dicts":
                out.extend(got)
            else:
                tables.append(_frame_of(got, output))
            bar.update(len(chunk))
    finally:
        bar.close()
    if output == "dicts":
        return out
    return _concat(tables, output) if tables else _frame_of(call([], pub), output)


def _call_at(call: Any, chunk: List[Any], pub: Any, offset: int, on_error: str, output: str = "dicts") -> Any:
    """One core call on a batch starting at ``offset``: indices in errors and error records
    are made relative to the whole input (Arrow rows carry no index: their row is it)."""
    try:
        records = call(chunk, pub)
    except (NewsparseError, TypeError) as e:
        raise _shift_index(e, offset) from None
    if on_error == "record" and offset and output == "dicts":
        for r in records:
            if r is not None and "error" in r:
                r["index"] += offset
    return records


def iter_parse(
    texts: Iterable[Union[str, bytes, None]],
    *,
    batch_size: int = 1000,
    published: Union[DateLike, Iterable[DateLike]] = None,
    threads: Optional[int] = None,
    on_error: str = "raise",
    progress: bool = False,
    format: str = "text",
    output: str = "dicts",
    fields: Fields = None,
    summary_sentences: int = 3,
    max_bytes: Optional[int] = DEFAULT_MAX_BYTES,
) -> Iterator[Any]:
    """Parse a stream of articles lazily, ``batch_size`` at a time (in parallel within a batch).

    Memory is bounded by the batch, not the corpus: use it for corpora larger than memory.
    ``published`` is one date for all, or an iterable consumed in step with ``texts``.
    ``progress=True`` shows a bar over articles, updated per batch (with a total when
    ``texts`` has a length). With ``output="dicts"`` (default) it yields records one by one;
    with ``"arrow"`` or ``"polars"`` it yields one table per batch (``batch_size`` rows, the
    last one shorter), ready for ``pyarrow.parquet.ParquetWriter.write_table``. ``fields`` as
    in ``parse``.
    ``max_bytes`` as in ``parse_many``.
    """
    _check_output(output)
    core = "dicts" if output == "dicts" else "arrow"
    fs = _fields_arg(fields)
    if fs is not None:
        _core.parse_many([], None, 1, "raise", format, core, fs)  # a bad name fails now, not at the first batch
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    single = published is None or isinstance(published, (str, _dt.date))
    dates = None if single else iter(published)  # type: ignore[arg-type]
    fixed = _iso(published) if single else None
    total = len(texts) if hasattr(texts, "__len__") else None  # type: ignore[arg-type]
    it = iter(texts)
    offset = 0
    bar = _progress.bar(total, progress)
    try:
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
            records = _call_at(
                lambda chunk, p: _core.parse_many(chunk, p, threads, on_error, format, core, fs, summary_sentences, max_bytes),
                batch,
                pub,
                offset,
                on_error,
                output,
            )
            offset += len(batch)
            bar.update(len(batch))
            del batch  # the texts of this batch are not needed while the consumer reads
            if output == "dicts":
                yield from records
            else:
                yield _frame_of(records, output)
            # Drop this batch's records before parsing the next one, else two batches of
            # records would be alive at the peak.
            del records
    finally:
        bar.close()


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
    if isinstance(e, NewsparseError) and e.index is not None:
        e.index += offset  # the message names the file, not the position
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
            found = []
            for ext in ("*.txt", "*.html", "*.htm", "*.html.gz", "*.htm.gz", "*.txt.gz", "*.warc", "*.warc.gz"):
                found.extend(_glob.glob(_os.path.join(s, "**", ext), recursive=True))
            out.extend(sorted(found))
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
    progress: bool = False,
    format: str = "auto",
    output: str = "dicts",
    fields: Fields = None,
    summary_sentences: int = 3,
    max_bytes: Optional[int] = DEFAULT_MAX_BYTES,
) -> Any:
    """Read and parse files in parallel (reading and decoding happen in Rust).

    ``paths_or_glob``: a path, a glob pattern (``"corpus/**/*.txt"``, sorted), a directory (its
    ``*.txt`` files, recursively, sorted) or an iterable of those. ``encoding`` is a WHATWG
    label (``"utf-8"``, ``"windows-1252"``, ``"latin1"``...); a BOM overrides it. ``errors``:
    ``"strict"`` (invalid bytes are an error naming the file and byte) or ``"replace"`` (U+FFFD).
    Each record gains ``path``. ``progress=True`` shows a bar over files (read in batches).
    ``.gz`` files are gunzipped in Rust. ``format="auto"`` (default) parses ``.html``/``.htm``
    (and ``.gz`` of them) and files that look like markup as pages (their own charset
    declarations decide the decoding), the rest as text; ``"text"`` or ``"html"`` force one.
    ``output`` as in ``parse_many`` (Arrow tables fill the ``path`` column); ``fields`` as in
    ``parse``.

    Web archives (``.warc``, ``.warc.gz``) among the paths give one record per HTML page,
    in archive order at the archive's place, with ``url``, ``warc_date`` and
    ``warc_record_id`` (see ``iter_warc``, which also streams them and counts what was
    skipped); ``index`` in error records is then the output position.
    ``max_bytes``: a file longer than this, or a ``.gz`` inflating past it (it is inflated as a
    stream and never beyond the limit), or a text longer after decoding, is a ``"too_large"``
    failure (``None``: only the 4 GiB limit).
    """
    _check_output(output)
    core = "dicts" if output == "dicts" else "arrow"
    paths = _expand(paths_or_glob)
    pub = _published_arg(published)
    fs = _fields_arg(fields)
    if any(_warc.is_archive(p) for p in paths):
        return _files_with_archives(
            paths, encoding=encoding, errors=errors, published=pub, threads=threads,
            on_error=on_error, progress=progress, format=format, output=output, fields=fs,
            summary_sentences=summary_sentences, max_bytes=max_bytes,
        )
    if not progress:
        out = _core.parse_files(paths, encoding, errors, pub, threads, on_error, format, core, fs, summary_sentences, max_bytes)
        return out if output == "dicts" else _frame_of(out, output)
    return _batched(
        lambda chunk, p: _core.parse_files(chunk, encoding, errors, p, threads, on_error, format, core, fs, summary_sentences, max_bytes),
        paths,
        pub,
        on_error,
        output,
    )


def _files_with_archives(paths: List[str], *, published: Any, output: str, on_error: str, **kw: Any) -> Any:
    """``parse_files`` over paths some of which are web archives: runs of plain files and
    runs of archives, in order."""
    if isinstance(published, list):
        raise ValueError("published: give one date for all when web archives are among the paths")
    parts: List[Any] = []
    n = 0
    for archive, run in _it.groupby(paths, key=_warc.is_archive):
        group = list(run)
        if archive:
            reader = _warc.iter_warc(group, published=published, threads=kw["threads"], on_error=on_error,
                                     output=output, fields=kw["fields"])
            part = _warc.collect(reader, output)
        else:
            part = parse_files(group, published=published, on_error=on_error, output=output, **kw)
        if output == "dicts":
            for r in part:
                if r is not None and "error" in r:
                    r["index"] += n  # both count from 0 within their run
        n += len(part)
        parts.append(part)
    if output == "dicts":
        return [r for p in parts for r in p]
    return _concat(parts, output)


def parse_html(
    html: Union[str, bytes], *, url: Optional[str] = None, published: DateLike = None, fields: Fields = None,
    summary_sentences: int = 3,
    max_bytes: Optional[int] = DEFAULT_MAX_BYTES,
) -> HtmlRecord:
    """Parse one raw HTML page into the same record as the text path, plus ``text`` (the
    article text extracted from the page, which every span's ``start``/``end`` index) and
    ``html`` (what only markup tells: site name, canonical URL, authors, tags, ``is_article``,
    ``paywalled``, images with ``src``, what was dropped...).

    ``bytes`` are decoded by BOM, then ``<meta charset>``/``http-equiv``, then UTF-8, else
    windows-1252; a ``str`` is taken as already decoded. ``url`` supplies a date from its path
    and a site name to strip from titles. ``fields`` as in ``parse`` (``text`` and ``html``
    are always filled: the page is read whatever is asked). ``max_bytes``: a longer page raises
    ``TooLargeError``.
    """
    return _core.parse_html(html, url, _published_arg(published), _fields_arg(fields), summary_sentences, max_bytes)


def _register_pandas_accessor() -> None:
    """``Series.news`` without importing pandas here: now if the user already has pandas,
    otherwise when they import it (or when a table function first needs it)."""
    import sys

    if "pandas" not in sys.modules:
        frames.register_on_import()
        return
    try:
        frames.register_accessor()
    except Exception:  # a half-imported or broken pandas must not break ``import newsparse``
        pass


from . import frames  # noqa: E402
from . import warc as _warc  # noqa: E402
from .warc import WarcReader, iter_warc, parse_warc  # noqa: E402
from .dedup import DuplicateIndex, add_duplicate_group, near_duplicates, shingles  # noqa: E402

_register_pandas_accessor()
