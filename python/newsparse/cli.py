"""``newsparse FILE... [-o out.jsonl]``: parse articles and write one JSON record per line.

``-`` reads one article from standard input. Files are parsed in parallel in batches, so
memory stays bounded however many files are given. A failed file does not stop the run: its
line is an error record (``{"error": ..., "index": ..., "path": ...}``), a summary goes to
stderr and the exit status is 1. ``--on-error raise`` stops at the first failure instead.

``-o out.parquet`` writes Parquet instead (needs pyarrow: ``newsparse[arrow]``): one row per
file in the schema of ``newsparse.arrow_schema()``, written batch by batch from the tables the
core builds (no JSON, no dict per article); a failed file's row fills only ``path`` and
``error``.

``--max-bytes`` bounds each article (default 32M; ``K``/``M``/``G`` suffixes are powers of 1024,
``none`` leaves only the 4 GiB limit): a larger file, or a ``.gz`` inflating past it, is an
error record of kind ``too_large``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Iterable, List, Optional, TextIO

from . import DEFAULT_MAX_BYTES, __version__, _expand, _iso, _progress, parse_files, parse_many

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
                                                      on_error=args.on_error, output="arrow",
                                                      max_bytes=args.max_bytes))
                    continue
                rec = parse_many([data], published=published, format=args.format, max_bytes=args.max_bytes)[0]
                _write([rec], out, args.indent)
            else:
                paths.extend(_expand(f))
        show = args.progress if args.progress is not None else (sys.stderr.isatty() and len(paths) >= PROGRESS_MIN)
        # Batches written as they come keep memory bounded, so the bar is driven here rather
        # than by parse_files(progress=True), which returns one list.
        bar = _progress.bar(len(paths), bool(show))
        try:
            for i in range(0, len(paths), BATCH):
                chunk = paths[i : i + BATCH]
                records = parse_files(chunk, encoding=args.encoding, errors=args.errors,
                                      published=published, threads=args.threads, on_error=args.on_error,
                                      format=args.format, output="arrow" if sink is not None else "dicts",
                                      max_bytes=args.max_bytes)
                if sink is not None:
                    failures += sink.write(records)
                    bar.update(len(chunk))
                    continue
                for r in records:
                    if r is None or "error" in r:
                        failures += 1
                        if r is not None:
                            r["index"] += i
                _write(records, out, args.indent)
                bar.update(len(chunk))
        finally:
            bar.close()
    except (OSError, ValueError) as e:
        print(f"newsparse: {e}", file=sys.stderr)
        return 2
    finally:
        if sink is not None:
            sink.close()
        if out is not sys.stdout:
            out.close()
    if failures:
        print(f"newsparse: {failures} of {len(paths)} files failed (see their error records)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
