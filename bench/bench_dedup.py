"""Near-duplicates: speed, recall, precision and memory of ``newsparse.near_duplicates`` and
``DuplicateIndex`` against datasketch's ``MinHashLSH``, on a corpus of real articles with
planted copies and hard negatives. Prints figures; asserts nothing.

    python bench/bench_dedup.py --n 10000 [--n 100000] [--pool /work/pool/pool.jsonl]
                                [--data /work/shared/data] [--seed 1] [--skip-datasketch]

The corpus (``--n`` articles; rebuilt identically for a given ``--seed``):

* real articles: the layout pool (``pool.jsonl``: BBC 2004, 2012 web pages, 2016 political
  news, CNN) and the dev sets' texts under ``--data`` (quotes, ner, dates);
* background articles, to reach ``--n``: 4 to 12 paragraphs drawn at random from the real
  articles' paragraphs, under a headline taken from one of them (distinct stories that share
  a paragraph now and then, as wire rewrites do);
* planted copies (about 8% of the articles get 1 to 4): a new headline, the ending trimmed
  (0 to 15% of words), an outlet footer, light edits (0 to 3% of words replaced, dropped or
  repeated), each at random;
* hard negatives (about 4% of articles get one): the article cut to 55-75%, heavily edited
  (8-15% of words), updated with 30-60% new paragraphs, or half of it joined to half of another.

Truth is the exact Jaccard of the shingle sets (``newsparse.shingles``: word 5-grams of the
whole text, as raw text is compared) for every pair in a family (an original, its copies and
negatives), every pair any method reports, and, with ``--all-pairs``, every pair an exact
prefix-filtering join finds (checks that the pooled truth misses nothing). A pair is a duplicate
when its Jaccard is at least 0.8. Each method runs in a fresh process (peak RSS is its own; the
texts it loads are counted in ``baseline``).

Methods: newsparse exact (``near_duplicates(texts)``; candidates verified by exact Jaccard),
newsparse estimate (``exact=False``), ``DuplicateIndex`` fed in batches of 10,000, each at one
thread and at every thread; datasketch ``MinHash(num_perm=128)`` + ``MinHashLSH(threshold=0.8)``
over the same shingle strings (made by ``newsparse.shingles``; that time is not counted, so
its figure is MinHash + LSH only), its LSH
candidates as they come and filtered by the MinHash estimate >= 0.8; and what a user does to
get near-full recall from it: LSH at threshold 0.6, candidates checked by exact Jaccard on
Python sets (that check is timed too).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from typing import Dict, List, Set, Tuple

import numpy as np

THRESHOLD = 0.8
FOOTERS = [
    "Copyright {y} The Daily Courier. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
    "Follow the Evening Post on Twitter and Facebook for the latest news.",
    "Additional reporting by staff writers. Contact the newsroom at news@example.com.",
    "This story has been corrected to fix a spelling error.",
    "(c) {y} Metro Wire Services. Distributed by Example Syndicate.",
]


def real_articles(pool: str, data: str) -> List[str]:
    out = []
    if os.path.exists(pool):
        with open(pool, encoding="utf-8") as f:
            out += [json.loads(line)["text"] for line in f]
    for name in ("quotes", "ner", "dates"):
        p = os.path.join(data, name, "dev.jsonl")
        if os.path.exists(p):
            with open(p, encoding="utf-8") as f:
                out += [json.loads(line)["text"] for line in f]
    return [t for t in out if len(t.split()) >= 40]


def paragraphs(text: str) -> List[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def copy_of(text: str, rng: random.Random) -> str:
    paras = paragraphs(text)
    head, body = (paras[0], paras[1:]) if len(paras) > 1 else ("", paras)
    words = "\n\n".join(body).split(" ")
    if rng.random() < 0.5:  # trimmed ending
        words = words[: max(10, int(len(words) * (1 - rng.uniform(0, 0.15))))]
    if rng.random() < 0.5:  # light edits
        for _ in range(int(len(words) * rng.uniform(0, 0.03))):
            i = rng.randrange(len(words))
            op = rng.random()
            if op < 0.4:
                words[i] = rng.choice(["reportedly", "also", "now", "the", "officials", "said"])
            elif op < 0.7 and len(words) > 20:
                del words[i]
            else:
                words.insert(i, words[i])
    if rng.random() < 0.6:
        head = rng.choice(["BREAKING: ", "Update: ", ""]) + " ".join(reversed(head.split()[:8])) + " - Wire"
    out = head + "\n\n" + " ".join(words)
    if rng.random() < 0.5:
        out += "\n\n" + rng.choice(FOOTERS).format(y=rng.randint(2001, 2024))
    return out


def negative_of(text: str, other: str, rng: random.Random, spare: List[str]) -> str:
    words = text.split(" ")
    kind = rng.randrange(4)
    if kind == 0:
        return " ".join(words[: int(len(words) * rng.uniform(0.55, 0.75))])
    if kind == 1:
        for _ in range(int(len(words) * rng.uniform(0.08, 0.15))):
            words[rng.randrange(len(words))] = rng.choice(["alleged", "local", "new", "former", "said"])
        return " ".join(words)
    if kind == 2:
        extra = []
        while len(" ".join(extra).split()) < len(words) * rng.uniform(0.3, 0.6):
            extra.append(rng.choice(spare))
        return text + "\n\n" + "\n\n".join(extra)
    ow = other.split(" ")
    return " ".join(words[: len(words) // 2] + ow[len(ow) // 2 :])


def build(n: int, pool: str, data: str, seed: int) -> Tuple[List[str], List[List[int]]]:
    rng = random.Random(seed)
    real = real_articles(pool, data)
    spare = [p for t in real for p in paragraphs(t)[1:] if len(p.split()) >= 8]
    docs: List[str] = []
    families: List[List[int]] = []
    originals = list(real)
    rng.shuffle(originals)
    n_base = int(n / 1.16)
    while len(originals) < n_base:
        k = rng.randint(4, 12)
        head = rng.choice(spare).split(". ")[0][:90]
        originals.append(head + "\n\n" + "\n\n".join(rng.sample(spare, k)))
    originals = originals[:n_base]
    for i, text in enumerate(originals):
        fam = [len(docs)]
        docs.append(text)
        if rng.random() < 0.08:
            for _ in range(rng.randint(1, 4)):
                fam.append(len(docs))
                docs.append(copy_of(text, rng))
        if rng.random() < 0.04:
            fam.append(len(docs))
            docs.append(negative_of(text, originals[rng.randrange(len(originals))], rng, spare))
        if len(fam) > 1:
            families.append(fam)
    # Shuffle so copies are not next to their original (streaming order matters for some).
    order = list(range(len(docs)))
    rng.shuffle(order)
    where = {old: new for new, old in enumerate(order)}
    docs = [docs[i] for i in order]
    families = [sorted(where[i] for i in f) for f in families]
    return docs[:n] if len(docs) > n else docs, [[i for i in f if i < n] for f in families]


# ---- methods, each run in a child process ------------------------------------------------


def rss_mb() -> float:
    """Peak resident memory of this process (VmHWM: unlike ru_maxrss, not carried over from
    the parent across exec)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_method(method: str, workdir: str, threads: int) -> Dict:
    with open(os.path.join(workdir, "texts.jsonl"), encoding="utf-8") as f:
        texts = [json.loads(line) for line in f]
    base = rss_mb()
    shingle_cpu = 0.0
    out: Dict = {"method": method, "threads": threads, "baseline_mb": base}
    c0, w0 = time.process_time(), time.perf_counter()
    if method.startswith("newsparse"):
        import newsparse

        if method == "newsparse-exact":
            pairs = newsparse.near_duplicates(texts, THRESHOLD, threads=threads).pairs
        elif method == "newsparse-estimate":
            pairs = newsparse.near_duplicates(texts, THRESHOLD, exact=False, threads=threads).pairs
        else:
            ix = newsparse.DuplicateIndex(THRESHOLD)
            for lo in range(0, len(texts), 10_000):
                ix.add(texts[lo : lo + 10_000], threads=threads)
            pairs = ix.pairs()
            out["index_bytes_per_article"] = ix.memory_bytes() / len(ix)
        found = [(a, b) for a, b, _ in pairs]
        extra: List[Tuple[int, int]] = []
    else:
        from datasketch import MinHash, MinHashLSH
        import newsparse

        exact_check = method == "datasketch-exact"
        lsh = MinHashLSH(threshold=0.6 if exact_check else THRESHOLD, num_perm=128)
        mhs = []
        sets = []
        for i, text in enumerate(texts):
            s0 = time.process_time()
            sh = newsparse.shingles(text)  # the same shingles, made in Rust: not counted
            shingle_cpu += time.process_time() - s0
            if exact_check:
                sets.append(set(sh))
            m = MinHash(num_perm=128)
            m.update_batch([s.encode("utf-8") for s in sh])
            mhs.append(m)
            lsh.insert(i, m)
        raw: Set[Tuple[int, int]] = set()
        for i, m in enumerate(mhs):
            for j in lsh.query(m):
                if j != i:
                    raw.add((min(i, j), max(i, j)))
        if exact_check:
            found = sorted(p for p in raw if len(sets[p[0]] & sets[p[1]]) / max(1, len(sets[p[0]] | sets[p[1]])) >= THRESHOLD)
        else:
            found = sorted(p for p in raw if mhs[p[0]].jaccard(mhs[p[1]]) >= THRESHOLD)
        extra = sorted(raw)
    out["cpu_s"] = time.process_time() - c0 - (shingle_cpu if not method.startswith("newsparse") else 0.0)
    out["wall_s"] = time.perf_counter() - w0
    out["peak_mb"] = rss_mb()
    out["docs"] = len(texts)
    with open(os.path.join(workdir, f"pairs-{method}-{threads}.json"), "w") as f:
        json.dump({"found": found, "raw": extra}, f)
    return out


# ---- truth and scoring -------------------------------------------------------------------


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if len(a) == 0 and len(b) == 0:
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


def all_pairs(sets: List[np.ndarray], t: float) -> Set[Tuple[int, int]]:
    """Exact join by prefix filtering: shingles ordered rarest first; two sets with Jaccard >= t
    share a shingle among their first |x| - ceil(t |x|) + 1."""
    from collections import Counter, defaultdict
    import math

    freq: Counter = Counter()
    for s in sets:
        freq.update(s.tolist())
    index: Dict[int, List[int]] = defaultdict(list)
    out: Set[Tuple[int, int]] = set()
    for i, s in enumerate(sets):
        if len(s) == 0:
            continue
        toks = sorted(s.tolist(), key=lambda x: (freq[x], x))
        p = len(toks) - math.ceil(t * len(toks)) + 1
        cands: Set[int] = set()
        for x in toks[:p]:
            cands.update(index[x])
            index[x].append(i)
        for j in cands:
            lo, hi = min(len(sets[i]), len(sets[j])), max(len(sets[i]), len(sets[j]))
            if lo < t * hi:
                continue
            if jaccard(sets[i], sets[j]) >= t:
                out.add((min(i, j), max(i, j)))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, action="append")
    ap.add_argument("--pool", default="/work/pool/pool.jsonl")
    ap.add_argument("--data", default="/work/shared/data")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--skip-datasketch", action="store_true")
    ap.add_argument("--all-pairs", action="store_true", help="also run the exact prefix-filtering join")
    ap.add_argument("--run", nargs=3, metavar=("METHOD", "WORKDIR", "THREADS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run:
        print(json.dumps(run_method(args.run[0], args.run[1], int(args.run[2]))))
        return 0
    if not os.path.exists(args.pool):
        print(f"skipped: no article pool at {args.pool}")
        return 0
    import newsparse

    for n in args.n or [10_000]:
        docs, families = build(n, args.pool, args.data, args.seed)
        work = tempfile.mkdtemp(prefix=f"bench-dedup-{n}-")
        with open(os.path.join(work, "texts.jsonl"), "w", encoding="utf-8") as f:
            for t in docs:
                f.write(json.dumps(t) + "\n")
        mb = sum(len(t.encode("utf-8")) for t in docs) / 1e6
        print(f"\n## {len(docs):,} articles ({mb:.0f} MB), {len(families):,} families with planted copies or negatives")
        runs = []
        nt = newsparse.default_threads()
        plan = [(m, t) for m in ("newsparse-exact", "newsparse-estimate", "newsparse-index") for t in sorted({1, nt})]
        if not args.skip_datasketch:
            try:
                import datasketch  # noqa: F401

                plan += [("datasketch", 1), ("datasketch-exact", 1)]
            except ImportError:
                print("datasketch not installed (pip install datasketch): its rows are skipped")
        for method, threads in plan:
            res = subprocess.run([sys.executable, __file__, "--run", method, work, str(threads)],
                                 capture_output=True, text=True)
            if res.returncode != 0:
                print(f"{method} failed: {res.stderr[-2000:]}")
                continue
            runs.append(json.loads(res.stdout.strip().splitlines()[-1]))
        sets = [np.unique(np.array([hash(x) for x in newsparse.shingles(t)], dtype=np.int64)) for t in docs]
        pool_pairs: Set[Tuple[int, int]] = set()
        for fam in families:
            pool_pairs.update((a, b) for k, a in enumerate(fam) for b in fam[k + 1 :])
        found_by: Dict[Tuple[str, int], Dict[str, Set[Tuple[int, int]]]] = {}
        for r in runs:
            with open(os.path.join(work, f"pairs-{r['method']}-{r['threads']}.json")) as f:
                got = json.load(f)
            sets_found = {k: {tuple(p) for p in v} for k, v in got.items()}
            found_by[(r["method"], r["threads"])] = sets_found
            pool_pairs |= sets_found["found"] | sets_found["raw"]
        sims = {p: jaccard(sets[p[0]], sets[p[1]]) for p in pool_pairs}
        truth = {p for p, s in sims.items() if s >= THRESHOLD}
        if args.all_pairs:
            t0 = time.perf_counter()
            exact = all_pairs(sets, THRESHOLD)
            print(f"exact prefix-filtering join: {len(exact):,} pairs in {time.perf_counter() - t0:.0f} s; "
                  f"missing from the pooled truth: {len(exact - truth)}")
            truth |= exact
            for p in exact:
                sims.setdefault(p, jaccard(sets[p[0]], sets[p[1]]))
        band = {p for p in truth if sims[p] < 0.9}
        print(f"truth: {len(truth):,} pairs with Jaccard >= {THRESHOLD} ({len(band):,} of them below 0.9); "
              f"{sum(1 for s in sims.values() if 0.6 <= s < THRESHOLD):,} pooled pairs in [0.6, 0.8) (hard negatives)")
        print()
        print("| method | threads | docs/s (CPU) | docs/s (wall) | recall | recall 0.8-0.9 | precision | peak MB (baseline) | index B/article |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for r in runs:
            got = found_by[(r["method"], r["threads"])]
            rows = [(r["method"], got["found"])]
            if r["method"] == "datasketch":
                rows = [("datasketch, MinHash estimate >= 0.8", got["found"]),
                        ("datasketch LSH candidates, unverified", got["raw"])]
            if r["method"] == "datasketch-exact":
                rows = [("datasketch LSH at 0.6 + exact Jaccard in Python", got["found"])]
            for name, f in rows:
                tp = len(f & truth)
                rec = tp / len(truth) if truth else float("nan")
                rec_band = len(f & band) / len(band) if band else float("nan")
                prec = tp / len(f) if f else float("nan")
                ib = r.get("index_bytes_per_article")
                print(f"| {name} | {r['threads']} | {r['docs'] / r['cpu_s']:,.0f} | {r['docs'] / r['wall_s']:,.0f} | "
                      f"{rec:.3f} | {rec_band:.3f} | {prec:.3f} | {r['peak_mb']:.0f} ({r['baseline_mb']:.0f}) | "
                      f"{'' if ib is None else f'{ib:.0f}'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
