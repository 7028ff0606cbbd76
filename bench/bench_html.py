"""Throughput on HTML pages: MB/s of HTML and pages/s of newsparse's full record (HTML -> layout
-> every extractor -> Python dicts) on 1 thread and all threads, side by side in one run with
trafilatura, newspaper4k and readability-lxml where installed. Prints figures; asserts nothing.

    python bench/bench_html.py DIR [--limit N] [--threads 1 2] [--repeat 3]
                               [--peer-limit 300] [--peers trafilatura ...]

DIR: a folder of pages (``*.html``, ``*.htm``, and ``.gz`` of them, recursively), e.g. the
``html/`` folder of the WCXB dev split. Every page is read, gunzipped and decoded to ``str`` once,
before any timing (one decoder for every tool: bench/html_tools.py); MB counts the page bytes
as read (after gunzip). ``--limit N`` keeps every k-th page up to N.

Rows:

* ``parse_many html``: ``newsparse.parse_many(pages, format="html", threads=T)``, full dicts;
* ``parse_files``: ``newsparse.parse_files(paths, format="html", threads=T)``, which also reads
  and gunzips the files (in Rust);
* ``text path``: ``parse_many`` over the extracted article texts (``record["text"]``), 1 thread
  (``text core``: the same, records dropped in Rust, no dicts), and the HTML stage derived from
  it (full HTML time minus the text path). The Python API has no HTML-only or metadata+body-only
  call, so that row is an estimate; the HTML stage measured stage by stage in Rust is ``cargo
  run --release --example bench_html -- DIR``;
* each installed peer, on one thread (they are single-threaded Python libraries; running them on
  more cores means a process pool, not timed here), on ``--peer-limit`` pages sampled evenly
  (0: all), run once; newsparse is also timed on that sample so the ratio compares the same pages.

Columns: MB/s and pages/s of wall time (best of ``--repeat``), and MB/s per CPU-second of this
process in that run (the fairer per-core figure on a shared machine; for the all-threads row it
adds up every thread's CPU time).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from typing import List, Optional

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import html_tools as ht  # noqa: E402
from timing import best_wall_cpu  # noqa: E402


def sample(items: list, n: Optional[int]) -> list:
    """Every k-th item up to n (all when n is 0 or None), so a sample spans the whole folder."""
    if not n or n >= len(items):
        return list(items)
    stride = len(items) / n
    return [items[int(i * stride)] for i in range(n)]


def row(
    tool: str, threads: str, pages: int, mb: float, wall: float, cpu: Optional[float], note: str = ""
) -> None:
    per_cpu = f"{mb / cpu:>9.1f}" if cpu else f"{'-':>9}"
    print(
        f"{tool:<24} {threads:>7} {pages:>6} {mb:>8.1f} {mb / wall:>8.1f} {pages / wall:>8.1f} {per_cpu}  {note}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--threads", type=int, nargs="+")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--peer-limit", type=int, default=300)
    ap.add_argument("--peer-repeat", type=int, default=1)
    ap.add_argument("--peers", nargs="*", default=ht.PEERS, choices=ht.PEERS)
    args = ap.parse_args()
    if not os.path.isdir(args.dir):
        print(f"skipped: {args.dir} not found")
        return
    paths = sample(ht.page_paths(args.dir), args.limit)
    if not paths:
        print(f"skipped: no .html/.htm(.gz) pages under {args.dir}")
        return

    import newsparse

    raws = [ht.read_bytes(p) for p in paths]
    pages = [ht.decode(r) for r in raws]
    sizes = [len(r) for r in raws]
    del raws
    mb = sum(sizes) / 1e6
    cores = newsparse.default_threads()
    threads = sorted(set(args.threads or [1, cores]))
    print(
        f"newsparse {newsparse.__version__} | {platform.processor() or platform.machine()} | "
        f"{os.cpu_count()} cores | {len(pages)} pages, {mb:.1f} MB of HTML | load {os.getloadavg()[0]:.2f}"
    )
    print(f"{'tool':<24} {'threads':>7} {'pages':>6} {'MB':>8} {'MB/s':>8} {'pages/s':>8} {'MB/cpu-s':>9}")

    strs = [str(p) for p in paths]
    # Lazily built tables (hint lists, gazetteers, regexes) are not part of any timed run.
    newsparse.parse_many(pages[:1], format="html", threads=1)
    newsparse.parse_many(["Storm hits coast\n\nA storm hit the coast on Monday."], threads=1)
    full = {}
    for t in threads:
        full[t] = best_wall_cpu(lambda: newsparse.parse_many(pages, format="html", threads=t), args.repeat)
        row("newsparse parse_many html", str(t), len(pages), mb, *full[t])
    for t in threads:
        w, c = best_wall_cpu(lambda: newsparse.parse_files(strs, format="html", threads=t), args.repeat)
        row("newsparse parse_files", str(t), len(pages), mb, w, c, "reads + gunzips too")

    # The text path over the extracted texts: what the extractors and dicts cost without HTML.
    texts = [r["text"] for r in newsparse.parse_many(pages, format="html", threads=1)]
    text_mb = sum(len(x.encode("utf-8")) for x in texts) / 1e6
    tw, tc = best_wall_cpu(lambda: newsparse.parse_many(texts, threads=1), args.repeat)
    row(
        "newsparse text path",
        "1",
        len(texts),
        text_mb,
        tw,
        tc,
        "MB here: the extracted text (record['text'])",
    )
    cw, cc = best_wall_cpu(lambda: newsparse._core._parse_discard(texts, 1), args.repeat)
    row(
        "newsparse text core",
        "1",
        len(texts),
        text_mb,
        cw,
        cc,
        "the same, records dropped in Rust (no dicts)",
    )
    hw, hc = (full[1][0] - tw, full[1][1] - tc) if 1 in full else (0.0, 0.0)
    if hw > 0:
        row(
            "newsparse HTML stage",
            "1",
            len(pages),
            mb,
            hw,
            hc if hc > 0 else None,
            "derived: parse_many html minus the text path (estimate)",
        )
    del texts

    peer_idx = sample(list(range(len(pages))), args.peer_limit)
    peer_pages = [pages[i] for i in peer_idx]
    peer_mb = sum(sizes[i] for i in peer_idx) / 1e6
    if args.peers:
        print(
            f"-- peers: one thread each, {len(peer_pages)} pages ({peer_mb:.1f} MB), "
            f"best of {args.peer_repeat}; newsparse on the same pages for the ratio"
        )
        base = {}
        for t in threads:
            base[t] = best_wall_cpu(
                lambda: newsparse.parse_many(peer_pages, format="html", threads=t), args.repeat
            )
            row("newsparse parse_many html", str(t), len(peer_pages), peer_mb, *base[t])
        ht.quiet_peer_logs()
    for name in args.peers:
        try:
            version, run = ht.adapter(name)
        except ImportError as e:
            print(f"skipped {name}: not installed ({e.name or e}); pip install {name}")
            continue
        failed: List[int] = []

        def go() -> None:
            failed.clear()
            for html in peer_pages:
                try:
                    run(html, None)
                except Exception:  # counted, not fatal: one odd page must not end the run
                    failed.append(1)

        w, c = best_wall_cpu(go, args.peer_repeat)
        # CPU time, not wall: the peers and newsparse run minutes apart, and on a shared machine
        # the load between them changes more than the ratio is worth.
        note = (
            f"{version}; newsparse 1 thread: {c / base[1][1]:.0f}x less CPU"
            if 1 in base and base[1][1] > 0
            else version
        )
        if failed:
            note += f"; {len(failed)} pages raised"
        row(name, "1", len(peer_pages), peer_mb, w, c, note)
    print(f"load after: {os.getloadavg()[0]:.2f} (1-min average; the machine may be shared)")


if __name__ == "__main__":
    main()
