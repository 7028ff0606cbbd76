"""Web archives to records: MB of HTML per second, newsparse against fastwarc (reading only),
fastwarc + ``newsparse.parse_html`` in a Python loop and fastwarc + trafilatura. Prints figures;
asserts nothing.

    python bench/bench_warc.py HTML_DIR [--limit N] [--peer-limit 200] [--repeat 2]
    python bench/bench_warc.py --warc crawl.warc.gz ...

HTML_DIR: a folder of pages (``*.html``/``*.htm`` and ``.gz`` of them), e.g. the ``html/``
folder of the WCXB dev split. The script writes a WARC.gz of them in a temporary folder with
warcio, with the noise a crawl has around each page: its request record, and every fifth page an
image, a 404, a robots.txt and a revisit record; every third page is sent with chunked
transfer coding and every fourth gzip content coding (one gzip member per record, as crawlers
write). MB counts the pages' HTML after those codings are undone. Peers are not dependencies:
``pip install fastwarc trafilatura lxml_html_clean warcio``.

Rows (CPU seconds of this process, so per core; wall seconds too):

* ``newsparse reader``: reading, gunzipping, HTTP decoding and picking pages, no parsing
  (``_core._warc_read``, one thread);
* ``fastwarc reader``: ``ArchiveIterator`` over response records, HTTP parsed, body read;
* ``newsparse WARC -> Parquet``: ``iter_warc(output="arrow")`` written with ``ParquetWriter``,
  whole records, at 1 thread and at every thread;
* ``fastwarc + parse_html``: fastwarc's pages handed to ``newsparse.parse_html`` one by one;
* ``fastwarc + trafilatura``: ``trafilatura.bare_extraction(with_metadata=True)`` on
  ``--peer-limit`` pages (it is slow; its MB/s is over those pages).
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import pathlib
import sys
import tempfile
import time
from typing import Callable, List, Tuple

import newsparse
from newsparse import _core


def pages_of(root: pathlib.Path, limit: int) -> List[bytes]:
    files = sorted(p for p in root.rglob("*") if p.name.endswith((".html", ".htm", ".html.gz", ".htm.gz")))
    if limit and len(files) > limit:
        step = len(files) / limit
        files = [files[int(i * step)] for i in range(limit)]
    out = []
    for p in files:
        b = p.read_bytes()
        out.append(gzip.decompress(b) if p.name.endswith(".gz") else b)
    return out


def chunked(body: bytes, size: int = 8192) -> bytes:
    parts = [b"%x\r\n" % len(body[i : i + size]) + body[i : i + size] + b"\r\n" for i in range(0, len(body), size)]
    return b"".join(parts) + b"0\r\n\r\n"


def write_warc(pages: List[bytes], path: str) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        w.write_record(w.create_warcinfo_record(os.path.basename(path), {"software": "newsparse bench"}))
        for i, page in enumerate(pages):
            url = f"http://news{i % 17}.example/story/{i}"
            req = StatusAndHeaders(f"GET /story/{i} HTTP/1.1", [("Host", f"news{i % 17}.example")], is_http_request=True)
            w.write_record(w.create_warc_record(url, "request", http_headers=req, payload=io.BytesIO(b"")))
            headers = [("Content-Type", "text/html; charset=utf-8")]
            body = page
            if i % 4 == 0:
                body = gzip.compress(body)
                headers.append(("Content-Encoding", "gzip"))
            if i % 3 == 0:
                body = chunked(body)
                headers.append(("Transfer-Encoding", "chunked"))
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
            if i % 5 == 0:
                for u, status, ctype, b in [
                    (f"http://news{i % 17}.example/img/{i}.jpg", "200 OK", "image/jpeg", b"\xff\xd8\xff" + bytes(2000)),
                    (f"http://news{i % 17}.example/gone/{i}", "404 Not Found", "text/html", b"<html><body>Not found</body></html>"),
                    (f"http://news{i % 17}.example/robots.txt", "200 OK", "text/plain", b"User-agent: *\nDisallow: /x\n"),
                ]:
                    h = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
                    w.write_record(w.create_warc_record(u, "response", payload=io.BytesIO(b), http_headers=h))
                w.write_record(w.create_revisit_record(url, digest="sha1:AAAA", refers_to_uri=url, refers_to_date="2024-01-01T00:00:00Z"))


def timed(fn: Callable[[], float], repeat: int) -> Tuple[float, float, float]:
    """Best (cpu seconds, wall seconds) over ``repeat`` runs, and what ``fn`` returned (MB)."""
    best = None
    mb = 0.0
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        mb = fn()
        c, w = time.process_time() - c0, time.perf_counter() - w0
        if best is None or c < best[0]:
            best = (c, w)
    assert best is not None
    return best[0], best[1], mb


def fastwarc_pages(path: str) -> List[Tuple[str, bytes]]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    out = []
    with open(path, "rb") as f:
        for rec in ArchiveIterator(f, record_types=WarcRecordType.response, parse_http=True):
            if rec.http_headers is None or rec.http_headers.status_code != 200:
                continue
            ctype = rec.http_headers.get("Content-Type", "")
            if "html" not in ctype:
                continue
            body = rec.reader.read()
            te = rec.http_headers.get("Transfer-Encoding", "")
            if "chunked" in te:
                body = dechunk(body)
            if rec.http_headers.get("Content-Encoding", "") == "gzip" and body[:2] == b"\x1f\x8b":
                body = gzip.decompress(body)
            out.append((rec.headers.get("WARC-Target-URI"), body))
    return out


def dechunk(b: bytes) -> bytes:
    out, i = [], 0
    while True:
        j = b.index(b"\r\n", i)
        n = int(b[i:j].split(b";")[0], 16)
        if n == 0:
            return b"".join(out)
        out.append(b[j + 2 : j + 2 + n])
        i = j + 2 + n + 2


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("html_dir", nargs="?")
    ap.add_argument("--warc", help="an existing WARC.gz to read instead of writing one")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--peer-limit", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="bench-warc-")
    if args.warc:
        path = args.warc
    else:
        if not args.html_dir or not os.path.isdir(args.html_dir):
            print(f"skipped: no HTML folder at {args.html_dir!r} (give the WCXB dev html/ folder)")
            return 0
        pages = pages_of(pathlib.Path(args.html_dir), args.limit)
        path = os.path.join(tmp, "crawl.warc.gz")
        write_warc(pages, path)
    size = os.path.getsize(path)
    n_pages, html_bytes, failed = _core._warc_read([path])
    mb = html_bytes / 1e6
    reader = newsparse.iter_warc(path, output="arrow", batch_size=256)
    for _ in reader:
        pass
    s = reader.stats
    print(f"archive: {size / 1e6:.1f} MB gzipped, {s['records']} records, {n_pages} HTML pages ({mb:.1f} MB of HTML), "
          f"skipped {s['skipped']}, {failed} unreadable")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    rows = []

    def row(name: str, cpu: float, wall: float, mb_done: float) -> None:
        rows.append((name, mb_done / cpu if cpu else float("nan"), mb_done / wall, cpu, wall))

    cpu, wall, done = timed(lambda: _core._warc_read([path])[1] / 1e6, args.repeat)
    row("newsparse reader (no parsing)", cpu, wall, done)
    try:
        import fastwarc  # noqa: F401

        have_fastwarc = True
    except ImportError:
        have_fastwarc = False
        print("fastwarc not installed: its rows are skipped")
    if have_fastwarc:
        cpu, wall, done = timed(lambda: sum(len(b) for _, b in fastwarc_pages(path)) / 1e6, args.repeat)
        row("fastwarc reader (+ dechunk/gunzip)", cpu, wall, done)

    import pyarrow.parquet as pq

    def to_parquet(threads: int) -> float:
        out = os.path.join(tmp, f"out{threads}.parquet")
        with pq.ParquetWriter(out, newsparse.arrow_schema()) as w:
            for t in newsparse.iter_warc(path, output="arrow", threads=threads, on_error="record"):
                w.write_table(t)
        return mb

    cpu, wall, done = timed(lambda: to_parquet(1), args.repeat)
    row("newsparse WARC -> Parquet, 1 thread", cpu, wall, done)
    nt = newsparse.default_threads()
    cpu, wall, done = timed(lambda: to_parquet(nt), args.repeat)
    row(f"newsparse WARC -> Parquet, {nt} threads", cpu, wall, done)
    if have_fastwarc:
        got = fastwarc_pages(path)

        def loop() -> float:
            for url, body in got:
                newsparse.parse_html(body, url=url)
            return sum(len(b) for _, b in got) / 1e6

        cpu, wall, done = timed(loop, 1)
        c2, w2, _ = timed(lambda: sum(len(b) for _, b in fastwarc_pages(path)) / 1e6, 1)
        row("fastwarc + parse_html loop", cpu + c2, wall + w2, done)
        try:
            import trafilatura
        except ImportError:
            trafilatura = None
            print("trafilatura not installed: its row is skipped")
        if trafilatura is not None:
            step = max(1, len(got) // args.peer_limit) if args.peer_limit else 1
            sample = got[::step][: args.peer_limit or None]

            def traf() -> float:
                for url, body in sample:
                    trafilatura.bare_extraction(body.decode("utf-8", "replace"), url=url, with_metadata=True)
                return sum(len(b) for _, b in sample) / 1e6

            cpu, wall, done = timed(traf, 1)
            share = done / mb
            row(f"fastwarc + trafilatura ({len(sample)} pages)", cpu + c2 * share, wall + w2 * share, done)
    print()
    print("| pipeline | MB of HTML / CPU-second | MB / wall second | CPU s | wall s |")
    print("| --- | --- | --- | --- | --- |")
    for name, per_cpu, per_wall, cpu, wall in rows:
        print(f"| {name} | {per_cpu:.1f} | {per_wall:.1f} | {cpu:.2f} | {wall:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
