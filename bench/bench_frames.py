"""Throughput of the table paths: records (dicts), Arrow and polars built in Rust, to_frame,
the tidy tables, and Dask on a two-process LocalCluster over files; then iter_parse's memory over a stream ten times its batch
size (it should stay flat). Prints figures; asserts nothing.

    python bench/bench_frames.py [FOLDER] [--mb 8] [--repeat 3] [--batch 1000]

FOLDER as for bench_parse.py (e.g. ../shared/data); without it the seed article is repeated.
Needs pandas; the Arrow rows need pyarrow, the polars row polars, the Dask row
dask[distributed]; each is skipped with a line when its package is missing.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))

import corpus  # noqa: E402
from timing import best, best_cpu  # noqa: E402

import newsparse  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def rss_mb() -> float:
    """Resident memory now (not the peak): Linux /proc, else the peak as a fallback."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * PAGE / 1e6
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024




def has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def row(name, n, mb, t):
    print(f"{name:<40} {n / t:>12,.0f} {mb / t:>8.1f}")


def memory(texts, batch, output="dicts"):
    """RSS while streaming 10 x batch articles through iter_parse, results dropped as read."""
    n = 10 * batch
    stream = itertools.islice(itertools.cycle(texts), n)  # lazy: the stream is never a list
    samples = []
    start = rss_mb()
    if output == "dicts":
        for i, rec in enumerate(newsparse.iter_parse(stream, batch_size=batch)):
            if i % 100 == 0:
                samples.append((i, rss_mb()))
    else:
        for b, table in enumerate(newsparse.iter_parse(stream, batch_size=batch, output=output)):
            samples.append((b * batch, rss_mb()))
            del table
    after_first = max(r for i, r in samples if i < batch)
    late = [r for i, r in samples if i >= batch]
    print(f"\niter_parse(output={output!r}) over {n:,} articles (batch_size={batch}): RSS before {start:.0f} MB, "
          f"during batch 1 up to {after_first:.0f} MB, batches 2-10 up to {max(late):.0f} MB "
          f"(growth after batch 1: {max(late) - after_first:+.1f} MB), end {samples[-1][1]:.0f} MB")


def dask_row(texts, mb, repeat):
    try:
        import dask
        import dask.bag as db
        import distributed
    except ImportError:
        print(f"{'dask LocalCluster (not installed)':<40}")
        return
    import pandas as pd

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, t in enumerate(texts):
            p = os.path.join(tmp, f"{i:06}.txt")
            with open(p, "w", encoding="utf-8") as f:
                f.write(t)
            paths.append(p)
        t0 = time.perf_counter()
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                           dashboard_address=None, silence_logs=40)
        client = distributed.Client(cluster)
        started = time.perf_counter() - t0
        try:
            def run(table):
                recs = db.from_sequence(paths, npartitions=16).map_partitions(newsparse.parse_files, threads=1)
                parts = [dask.delayed(table)(p) for p in recs.to_delayed()]
                return pd.concat(dask.compute(*parts), ignore_index=True)

            run(newsparse.to_frame)  # warm the workers (imports)
            for name, table in (("to_frame", newsparse.to_frame), ("quotes_table", newsparse.quotes_table)):
                row(f"dask 2 workers: files -> {name}", len(paths), mb, best(lambda: run(table), repeat))
                local = best(lambda: table(newsparse.parse_files(paths, threads=2)), repeat)
                row(f"  same, local parse_files -> {name}", len(paths), mb, local)
        finally:
            client.close()
            cluster.close()
        print(f"(cluster start-up {started:.1f} s, not counted)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?")
    ap.add_argument("--mb", type=float, default=8.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch", type=int, default=1000)
    args = ap.parse_args()
    texts = corpus.load(args.folder, args.mb)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    n = len(texts)
    threads = newsparse.default_threads()
    print(f"newsparse {newsparse.__version__} | {platform.processor() or platform.machine()} | "
          f"{os.cpu_count()} cores, threads={threads} | {n} articles, {mb:.1f} MB")

    memory(texts, args.batch)  # first, before this process holds records and frames
    if has("pyarrow"):
        memory(texts, args.batch, "arrow")

    if has("pyarrow"):
        # One thread, CPU time: what each output path costs per core, little affected by
        # other jobs on a shared machine.
        print(f"\nthreads=1, CPU time\n{'path':<40} {'articles/s':>12} {'MB/s':>8}")
        core = best_cpu(lambda: newsparse._core._parse_discard(texts, threads=1), args.repeat)
        row("core only (no output)", n, mb, core)
        for name, output in (("dicts", "dicts"), ("arrow", "arrow")):
            t = best_cpu(lambda: newsparse.parse_many(texts, threads=1, output=output), args.repeat)
            row(f"parse_many(output={output!r})", n, mb, t)
            print(f"{'':<4}output conversion: {100 * (t - core) / t:.0f}% of the time")

    print(f"\n{'path':<40} {'articles/s':>12} {'MB/s':>8}")
    recs = newsparse.parse_many(texts)
    row("parse_many (dicts)", n, mb, best(lambda: newsparse.parse_many(texts), args.repeat))
    row("_parse_discard (core, no output)", n, mb,
        best(lambda: newsparse._core._parse_discard(texts), args.repeat))
    if has("pyarrow"):
        row("parse_many(output='arrow')", n, mb,
            best(lambda: newsparse.parse_many(texts, output="arrow"), args.repeat))
        row("parse_many(output='arrow') -> to_pandas", n, mb,
            best(lambda: newsparse.parse_many(texts, output="arrow").to_pandas(), args.repeat))
        import pandas as pd

        row("  same, types_mapper=pd.ArrowDtype", n, mb,
            best(lambda: newsparse.parse_many(texts, output="arrow").to_pandas(types_mapper=pd.ArrowDtype),
                 args.repeat))
    else:
        print(f"{'parse_many(output=arrow) (no pyarrow)':<40}")
    if has("polars"):
        row("parse_many(output='polars')", n, mb,
            best(lambda: newsparse.parse_many(texts, output="polars"), args.repeat))
    else:
        print(f"{'parse_many(output=polars) (no polars)':<40}")
    row("parse_many + to_frame", n, mb,
        best(lambda: newsparse.to_frame(newsparse.parse_many(texts)), args.repeat))
    t_frame = best(lambda: newsparse.to_frame(recs), args.repeat)
    row("  to_frame alone", n, mb, t_frame)
    tables = (newsparse.quotes_table, newsparse.entities_table, newsparse.mentions_table,
              newsparse.dates_table, newsparse.numbers_table, newsparse.counts_table)
    row("  all six tidy tables, from records", n, mb,
        best(lambda: [f(recs) for f in tables], args.repeat))
    row("parse_many(progress=True)", n, mb,
        best(lambda: newsparse.parse_many(texts, progress=True), args.repeat))
    recs = None  # free the records before the Dask row
    dask_row(texts, mb, args.repeat)


if __name__ == "__main__":
    main()
