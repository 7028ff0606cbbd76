"""newsparse against trafilatura, newspaper4k and readability-lxml on the WCXB dev split, every
tool scored by the same Python scorer (bench/html_tools.py, a port of examples/eval_html.rs):
body token F1 (bag of lower-cased ``\\w+`` words, as WCXB's evaluate.py), title exact (case,
whitespace and curly quotes folded), publication day, author right, and author invented on
pages whose gold has no author. Rows: "news" (article pages whose gold has both an author and a
publication date, as eval_html.rs), "article", and all pages. Prints figures; asserts nothing.

    python bench/html_quality.py WCXB_DEV_DIR [--tools newsparse trafilatura ...] [--limit N]
                                 [--pred PREFIX]

WCXB_DEV_DIR holds ``ground-truth/NNNN.json`` and ``html/NNNN.html(.gz)``. Only the dev split:
the test split is reserved. Every tool gets the same decoded ``str`` and the page's URL from the
ground truth. Peers are optional (``pip install trafilatura newspaper4k readability-lxml
lxml_html_clean``); a missing one is skipped with a line. readability-lxml finds only the body
and a title: its date and author columns are "-". ``--limit N`` scores every k-th page up to N
(quicker, noisier); ``--pred PREFIX`` writes PREFIX-TOOL.jsonl with each page's fields and F1.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import sys
import time
from typing import Dict, List, Optional, Tuple

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import html_tools as ht  # noqa: E402

ROWS = ["news", "article", "all"]


def load(folder: str, limit: Optional[int]) -> List[Tuple[str, dict, str, int]]:
    """(file id, ground truth, decoded page, bytes of HTML) for each scored page, in id order."""
    root = pathlib.Path(folder)
    gts = sorted((root / "ground-truth").glob("*.json"))
    if limit and limit < len(gts):
        stride = len(gts) / limit
        gts = [gts[int(i * stride)] for i in range(limit)]
    out = []
    for gp in gts:
        try:
            gt = json.loads(gp.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # as eval_html.rs: an unreadable gold file is not scored
        page = next(
            (
                p
                for p in (root / "html" / f"{gp.stem}.html.gz", root / "html" / f"{gp.stem}.html")
                if p.is_file()
            ),
            None,
        )
        if page is None:
            continue
        raw = ht.read_bytes(page)
        out.append((gp.stem, gt, ht.decode(raw), len(raw)))
    return out


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "    - "


def run_tool(name: str, pages, pred_prefix: Optional[str]) -> Optional[Dict]:
    try:
        version, run = ht.adapter(name)
    except ImportError as e:
        print(f"skipped {name}: not installed ({e.name or e}); pip install {name}")
        return None
    tallies = {k: ht.Tally() for k in ROWS}
    failed = 0
    cpu = 0.0
    out = open(f"{pred_prefix}-{name}.jsonl", "w", encoding="utf-8") if pred_prefix else None
    for fid, gt, html, _ in pages:
        url = gt.get("url") if isinstance(gt.get("url"), str) else None
        t0 = time.process_time()
        try:
            ex = run(html, url)
        except Exception as e:  # a peer that throws on a page scores as finding nothing there
            failed += 1
            ex = {"body": "", "title": None, "authors": [], "published": None, "error": repr(e)[:200]}
        cpu += time.process_time() - t0
        s = ht.score(gt, ex)
        ptype = ht.page_type(gt)
        for key in ("all", ptype, "news" if ht.is_news(gt) else None):
            if key in tallies:
                tallies[key].add(s)
        if out:
            out.write(
                json.dumps({"file_id": fid, "type": ptype, "f1": s.f1, **ex}, ensure_ascii=False) + "\n"
            )
    if out:
        out.close()
    mb = sum(p[3] for p in pages) / 1e6
    print(
        f"{version}: {len(pages)} pages in {cpu:.1f} s of CPU ({mb / max(cpu, 1e-9):.1f} MB/s, one thread)"
        + (f", {failed} pages raised (scored as empty)" if failed else "")
    )
    return {"version": version, "tallies": tallies, "metadata": name != "readability-lxml"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--tools", nargs="+", default=ht.TOOLS, choices=ht.TOOLS)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--pred")
    args = ap.parse_args()
    if not (pathlib.Path(args.dir) / "ground-truth").is_dir():
        print(f"skipped: {args.dir}/ground-truth not found (WCXB dev split)")
        return
    ht.quiet_peer_logs()
    pages = load(args.dir, args.limit)
    print(f"WCXB dev: {len(pages)} pages, {sum(p[3] for p in pages) / 1e6:.1f} MB of HTML")
    results = {}
    for name in args.tools:
        r = run_tool(name, pages, args.pred)
        if r:
            results[name] = r
    print()
    print(
        f"| subset | tool | pages | body F1 | title exact | publication day | author right | author invented |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for row in ROWS:
        for name, r in results.items():
            t = r["tallies"][row]
            meta = r["metadata"]
            print(
                f"| {row} | {name} | {t.pages} | {t.f1 / max(t.pages, 1):.3f} | {pct(t.title_ok, t.titles).strip()} "
                f"| {pct(t.date_ok, t.dates).strip() if meta else '-'} | {pct(t.author_ok, t.authors).strip() if meta else '-'} "
                f"| {pct(t.invented, t.no_author).strip() if meta else '-'} |"
            )
    t = next(iter(results.values()))["tallies"] if results else None
    if t:
        print(
            f"(denominators on all pages: {t['all'].titles} gold titles, {t['all'].dates} gold days, "
            f"{t['all'].authors} gold authors, {t['all'].no_author} pages without one)"
        )


if __name__ == "__main__":
    main()
