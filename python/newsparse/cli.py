"""``newsparse FILE... [-o out.jsonl]``: parse articles and write one JSON record per line.

``-`` reads one article from standard input. Files are parsed in parallel in batches, so
memory stays bounded however many files are given. A failed file does not stop the run: its
line is an error record (``{"error": ..., "index": ..., "path": ...}``), a summary goes to
stderr and the exit status is 1. ``--on-error raise`` stops at the first failure instead.

``-o out.parquet`` writes Parquet instead (needs pyarrow: ``newsparse[arrow]``): one row per
file in the schema of ``newsparse.arrow_schema()``, written batch by batch from the tables the
core builds (no JSON, no dict per article); a failed file's row fills only ``path`` and
``error``.

Web archives (``.warc``, ``.warc.gz``) give one record per HTML page, streamed batch by batch
(``newsparse crawl/*.warc.gz -o out.parquet``); what was skipped (requests, images, non-200
responses, revisits...) is counted and summed up on stderr.
``--max-bytes`` bounds each article (default 32M; ``K``/``M``/``G`` suffixes are powers of 1024,
``none`` leaves only the 4 GiB limit): a larger file, or a ``.gz`` inflating past it, is an
error record of kind ``too_large``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Iterable, List, Optional, TextIO

from . import DEFAULT_MAX_BYTES, __version__, _expand, _iso, _progress, iter_warc, parse_files, parse_many
from .errors import NewsparseError
from .warc import is_archive

BATCH = 256
PROGRESS_MIN = 200


def _size(text: str) -> Optional[int]:
    """``--max-bytes`` values: ``1000``, ``64K``, ``32M``, ``1G`` (powers of 1024), ``none``."""
    t = text.strip().lower()
    if t in ("none", "off", "unlimited"):
        return None
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    mult = units.get(t[-1:], 1)
    digits = t[:-1] if t[-1:] in units else t
    try:
        value = float(digits) * mult
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (use e.g. 1000, 64K, 32M, 1G or none)") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"a size cannot be negative: {text!r}")
    return int(value)


def _write(records: Iterable[Any], out: TextIO, indent: Optional[int]) -> None:
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False, indent=indent))
        out.write("\n")


class _ParquetSink:
    """Tables from the core appended to one Parquet file as row groups."""

    def __init__(self, path: str) -> None:
        try:
            import pyarrow.parquet as pq
        except ImportError:
            raise ValueError("-o *.parquet needs pyarrow: pip install 'newsparse[arrow]'") from None
        from . import arrow_schema

        self.writer = pq.ParquetWriter(path, arrow_schema())

    def write(self, table: Any) -> int:
        """Writes ``table``; returns how many of its rows are failures (every parsed row has
        ``stats``, a failed or null row has not)."""
        self.writer.write_table(table)
        return table.column("stats").null_count

    def close(self) -> None:
        self.writer.close()


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="newsparse", description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", help="article files, globs or directories; - for stdin")
    ap.add_argument("-o", "--output", help="write JSON Lines here (default: stdout); a .parquet name writes Parquet")
    ap.add_argument("--encoding", default="utf-8", help="input encoding (WHATWG label; default utf-8)")
    ap.add_argument("--errors", choices=["strict", "replace"], default="strict", help="undecodable bytes")
    ap.add_argument("--format", choices=["auto", "text", "html"], default="auto",
                    help="auto: .html/.htm (and .gz) or markup-looking files are pages (default)")
    ap.add_argument("--published", help="publication date (YYYY-MM-DD) for relative dates")
    ap.add_argument("--fields", help="comma-separated record keys to compute, e.g. quotes,entities or layout "
                    "(default: all; the others are null or empty)")
    ap.add_argument("--summary-sentences", type=int, default=3,
                    help="sentences in each record's summary (default 3; 0 for none)")
    ap.add_argument("--threads", type=int, help="worker threads (default: NEWSPARSE_THREADS or all cores)")
    ap.add_argument("--on-error", choices=["record", "raise", "null"], default="record")
    ap.add_argument("--max-bytes", type=_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
                    help="largest article, raw or decompressed (default 32M; K/M/G suffixes; none)")
    ap.add_argument("--indent", type=int, help="pretty-print each record (not JSON Lines then)")
    ap.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                    help="progress bar on stderr (default: on a terminal, for large inputs)")
    ap.add_argument("-V", "--version", action="version", version=f"newsparse {__version__}")
    args = ap.parse_args(argv)

    published = _iso(args.published)
    fields = [f for f in args.fields.split(",") if f.strip()] if args.fields is not None else None
    archive_stats: dict = {}
    parquet = bool(args.output) and args.output.endswith(".parquet")
    failures = 0
    paths: List[str] = []
    try:
        sink = _ParquetSink(args.output) if parquet else None
        out: TextIO = open(args.output, "w", encoding="utf-8") if args.output and not parquet else sys.stdout
    except (OSError, ValueError) as e:
        print(f"newsparse: {e}", file=sys.stderr)
        return 2
    try:
        for f in args.files:
            if f == "-":
                data = sys.stdin.read()
                if sink is not None:
                    failures += sink.write(parse_many([data], published=published, format=args.format,
                                                      on_error=args.on_error, output="arrow", fields=fields,
                                                      summary_sentences=args.summary_sentences, max_bytes=args.max_bytes))
                    continue
                rec = parse_many([data], published=published, format=args.format, fields=fields,
                                 summary_sentences=args.summary_sentences, max_bytes=args.max_bytes)[0]
                _write([rec], out, args.indent)
            else:
                paths.extend(_expand(f))
        show = args.progress if args.progress is not None else (sys.stderr.isatty() and len(paths) >= PROGRESS_MIN)
        # Batches written as they come keep memory bounded, so the bar is driven here rather
        # than by parse_files(progress=True), which returns one list.
        bar = _progress.bar(len(paths), bool(show))
        try:
            runs: List[List[str]] = []
            for p in paths:
                if runs and is_archive(p) == is_archive(runs[-1][0]):
                    runs[-1].append(p)
                else:
                    runs.append([p])
            rows = 0
            for run in runs:
                if is_archive(run[0]):
                    reader = iter_warc(run, published=published, threads=args.threads, on_error=args.on_error,
                                       output="arrow" if sink is not None else "dicts", fields=fields)
                    batches = reader if sink is not None else _in_batches(reader)
                    base = rows  # error records count their index from the run's start
                    for records in batches:
                        rows += _emit(records, sink, out, args.indent, base)
                        failures += _failures(records, sink)
                    _add_stats(archive_stats, reader.stats)
                    bar.update(len(run))
                    continue
                for i in range(0, len(run), BATCH):
                    chunk = run[i : i + BATCH]
                    records = parse_files(chunk, encoding=args.encoding, errors=args.errors,
                                          published=published, threads=args.threads, on_error=args.on_error,
                                          format=args.format, output="arrow" if sink is not None else "dicts",
                                          fields=fields, summary_sentences=args.summary_sentences,
                                          max_bytes=args.max_bytes)
                    failures += _failures(records, sink)
                    rows += _emit(records, sink, out, args.indent, rows)
                    bar.update(len(chunk))
        finally:
            bar.close()
    except (OSError, ValueError, NewsparseError) as e:
        print(f"newsparse: {e}", file=sys.stderr)
        return 2
    finally:
        if sink is not None:
            sink.close()
        if out is not sys.stdout:
            out.close()
    if archive_stats:
        print(_summary(archive_stats), file=sys.stderr)
    if failures:
        what = "records" if archive_stats else f"of {len(paths)} files"
        print(f"newsparse: {failures} {what} failed (see their error records)", file=sys.stderr)
        return 1
    return 0


def _in_batches(records: Iterable[Any], n: int = BATCH) -> Iterable[List[Any]]:
    batch: List[Any] = []
    for r in records:
        batch.append(r)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch


def _failures(records: Any, sink: Optional[_ParquetSink]) -> int:
    if sink is not None:
        return records.column("stats").null_count
    return sum(1 for r in records if r is None or "error" in r)


def _emit(records: Any, sink: Optional[_ParquetSink], out: TextIO, indent: Optional[int], offset: int) -> int:
    """Writes a batch; ``offset`` is added to error records' ``index`` (counted from the
    start of their ``parse_files`` call or archive run) to make it the output line."""
    if sink is not None:
        sink.write(records)
        return records.num_rows
    for r in records:
        if r is not None and "error" in r:
            r["index"] += offset
    _write(records, out, indent)
    return len(records)


def _add_stats(total: dict, s: dict) -> None:
    for k in ("records", "pages", "errors"):
        total[k] = total.get(k, 0) + s[k]
    skipped = total.setdefault("skipped", {})
    for k, v in s["skipped"].items():
        skipped[k] = skipped.get(k, 0) + v
    total["archives"] = total.get("archives", 0) + len(s["files"])


def _summary(s: dict) -> str:
    skipped = sum(s["skipped"].values())
    why = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in s["skipped"].items() if v)
    return (f"newsparse: {s['archives']} web archives: {s['records']} records, {s['pages']} HTML pages parsed, "
            f"{skipped} skipped ({why or 'none'}), {s['errors']} unreadable")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
