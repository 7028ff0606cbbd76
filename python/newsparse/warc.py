"""Web archives (``.warc``, ``.warc.gz``): one record per HTML page a crawl fetched.

Reading, gunzipping, HTTP decoding and parsing all happen in Rust, in parallel over pages,
one batch at a time (the next batch is read while the current one parses), so memory is
bounded by the batch, not by the archive.

A page is a ``response`` record with HTTP status 200 whose body is HTML (``text/html`` or
``application/xhtml+xml``, or markup sniffed when the type is missing or generic). Every other
record is skipped and counted (``stats``); a record that cannot be read (a corrupt or
truncated gzip member, a garbled header, a block over ``max_record_bytes``, an unknown content
coding) is a failure handled by ``on_error``, and reading goes on with the next record.
"""

from __future__ import annotations

import os as _os
from typing import Any, Iterable, Iterator, List, Optional, Union

from . import _core

PathLike = Union[str, "_os.PathLike[str]"]

#: Default cap on one record's block, and on its body after content decoding (64 MiB).
MAX_RECORD_BYTES = 64 << 20

ARCHIVE_SUFFIXES = (".warc", ".warc.gz")


def is_archive(path: PathLike) -> bool:
    """Whether ``path`` names a web archive (``.warc`` or ``.warc.gz``, any case)."""
    return _os.fspath(path).lower().endswith(ARCHIVE_SUFFIXES)


class WarcReader:
    """What ``iter_warc`` returns: an iterator over records (``output="dicts"``) or over one
    table per batch (``"arrow"``/``"polars"``), with the counts so far in ``stats``."""

    def __init__(self, core: Any, output: str) -> None:
        self._core = core
        self._output = output
        self._pending: List[Any] = []

    def __iter__(self) -> "WarcReader":
        return self

    def __next__(self) -> Any:
        from . import _frame_of

        if self._output != "dicts":
            return _frame_of(next(self._core), self._output)
        while not self._pending:
            batch = next(self._core)
            batch.reverse()
            self._pending = batch
        return self._pending.pop()

    @property
    def stats(self) -> dict:
        """``records`` read, ``pages`` parsed, ``errors``, ``skipped`` by reason (``warcinfo``,
        ``request``, ``metadata``, ``revisit``, ``resource``, ``other_type``, ``status`` for
        non-200 responses, ``not_html``) and ``files``: the same counts per archive finished."""
        return self._core.stats


def iter_warc(
    paths_or_glob: Union[PathLike, Iterable[PathLike]],
    *,
    batch_size: int = 256,
    published: Any = None,
    threads: Optional[int] = None,
    on_error: str = "raise",
    output: str = "dicts",
    max_record_bytes: int = MAX_RECORD_BYTES,
    fields: Any = None,
) -> WarcReader:
    """Parse the HTML pages of web archives lazily, ``batch_size`` pages at a time.

    ``paths_or_glob``: an archive, a glob (``"crawl/*.warc.gz"``), a directory (its
    ``*.warc``/``*.warc.gz``, recursively) or an iterable of those, read in order. Each record
    is ``parse_html``'s record plus ``path`` (the archive), ``url`` (``WARC-Target-URI``),
    ``warc_date`` and ``warc_record_id``; the capture date is the reference date of a page
    that states none (``published`` still wins over both). ``on_error`` as in ``parse_many``
    (a failed record's error names its URL, record id and byte offset). With
    ``output="arrow"``/``"polars"`` it yields one table per batch, ready for a Parquet writer.
    """
    from . import _check_output, _expand, _fields_arg, _iso

    _check_output(output)
    paths = _expand(paths_or_glob)
    core = _core.WarcBatches(
        paths,
        _iso(published),
        threads,
        on_error,
        "dicts" if output == "dicts" else "arrow",
        batch_size,
        max_record_bytes,
        _fields_arg(fields),
    )
    return WarcReader(core, output)


def parse_warc(
    paths_or_glob: Union[PathLike, Iterable[PathLike]],
    *,
    published: Any = None,
    threads: Optional[int] = None,
    on_error: str = "raise",
    output: str = "dicts",
    max_record_bytes: int = MAX_RECORD_BYTES,
    fields: Any = None,
) -> Any:
    """Every HTML page of the archives at once: a list of records, or one table. For the
    skip counts, or archives larger than memory, use ``iter_warc``. ``fields`` as in
    ``newsparse.parse``."""
    reader = iter_warc(
        paths_or_glob,
        published=published,
        threads=threads,
        on_error=on_error,
        output=output,
        max_record_bytes=max_record_bytes,
        fields=fields,
    )
    return collect(reader, output)


def collect(reader: Iterator[Any], output: str) -> Any:
    from . import _concat, _frame_of

    if output == "dicts":
        return list(reader)
    tables = list(reader)
    if not tables:
        return _frame_of(_core._arrow_schema_stream(), output)
    return _concat(tables, output) if len(tables) > 1 else tables[0]
