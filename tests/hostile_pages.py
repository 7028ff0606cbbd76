"""Hostile HTML pages, built in memory (no big files in the repository), and what newsparse
must do with each. Shared by tests/test_hardening_html.py (each case in a child process with
a memory cap and a time limit) and bench/hostile.py (prints time and peak memory per case).

Run one case by hand: ``python tests/hostile_pages.py CASE [MEMORY_MB]``; it prints one JSON
line: the case, seconds spent in newsparse (wall and CPU, all threads), the peak resident memory of the process (MB, input
building included) and a short summary. An assertion failing inside a case exits non-zero.
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import sys
import tempfile
import time
from typing import Any, Callable, Dict, Tuple

SENTENCE = "The minister said the talks in Geneva would go on for three more days. "
PARAGRAPH = f"<p>{SENTENCE * 3}</p>\n"
MB = 1 << 20


def page(body: str, head: str = "") -> bytes:
    return f"<!doctype html><html><head>{head}<title>Hostile page</title></head><body>{body}</body></html>".encode()


def article(n: int = 20) -> bytes:
    return page("<h1>Storm hits coast</h1>" + PARAGRAPH * n)


def check_offsets(rec: Dict[str, Any]) -> int:
    """Every span of an HTML record indexes its ``text``; returns how many were checked."""
    text = rec["text"]
    seen = 0
    stack = [rec]
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            if isinstance(v.get("text"), str) and isinstance(v.get("start"), int) and isinstance(v.get("end"), int):
                assert 0 <= v["start"] <= v["end"] <= len(text), (v["start"], v["end"], len(text))
                assert text[v["start"] : v["end"]] == v["text"]
                seen += 1
            stack.extend(x for k, x in v.items() if k != "html")
        elif isinstance(v, list):
            stack.extend(v)
    return seen


def parse_page(data: bytes, **kw: Any) -> Dict[str, Any]:
    import newsparse

    if not hasattr(newsparse, "DEFAULT_MAX_BYTES"):  # an older build, for bench/hostile.py --pkg
        kw.pop("max_bytes", None)
    rec = newsparse.parse_html(data, **kw)
    check_offsets(rec)
    return rec


# ------------------------------------------------------------------------------ the cases
# Each returns (what to time, a check of its result). Inputs are built before timing starts.

Case = Callable[[], Tuple[Callable[[], Any], Callable[[Any], Dict[str, Any]]]]
CASES: Dict[str, Case] = {}
# The address space each case runs in (MB): the target of 1 GB unless said otherwise.
CAP_MB: Dict[str, int] = {}


def case(fn: Case = None, *, cap_mb: int = 1024) -> Any:
    def register(f: Case) -> Case:
        name = f.__name__.replace("_", "-")
        CASES[name] = f
        CAP_MB[name] = cap_mb
        return f

    return register(fn) if fn is not None else register


def _bomb(dirname: str, inflated: int) -> str:
    """A ``.html.gz`` of ``inflated`` bytes: concatenated gzip members of 64 MiB of one byte
    each (``gzip -d`` reads them as one file), about a thousand times smaller."""
    member_size = min(64 * MB, inflated)
    body = b"<p>" + b"a" * (member_size - 3)
    member = gzip.compress(body, compresslevel=9)
    path = os.path.join(dirname, "bomb.html.gz")
    with open(path, "wb") as f:
        for _ in range(max(1, inflated // member_size)):
            f.write(member)
    return path


def _batch_around(path: str, dirname: str) -> list:
    paths = []
    for i in range(3):
        p = os.path.join(dirname, f"good{i}.html")
        with open(p, "wb") as f:
            f.write(article(5))
        paths.append(p)
    paths.insert(1, path)
    return paths


@case
def gzip_bomb() -> Any:
    """2.9 MB of .html.gz inflating to 2.9 GB, in a batch of good pages: its record is a
    too_large error, the others parse."""
    import newsparse

    d = tempfile.mkdtemp()
    paths = _batch_around(_bomb(d, 2900 * 1000 * 1000), d)
    size = os.path.getsize(paths[1])

    def run() -> Any:
        return newsparse.parse_files(paths, on_error="record")

    def check(recs: Any) -> Dict[str, Any]:
        assert recs[1]["error"]["kind"] == "too_large", recs[1]
        assert [r["headline"]["text"] for i, r in enumerate(recs) if i != 1] == ["Storm hits coast"] * 3
        try:
            newsparse.parse_files(paths[1])
            raise AssertionError("no TooLargeError")
        except newsparse.TooLargeError as e:
            assert e.kind == "too_large" and e.path == paths[1]
        return {"gz_mb": round(size / 1e6, 1), "error": recs[1]["error"]["message"]}

    return run, check


@case
def gzip_bomb_unlimited() -> Any:
    """The same bomb with ``max_bytes=None`` under a small address space: memory runs out while
    inflating, and that is this file's error, not the process's end."""
    import newsparse

    d = tempfile.mkdtemp()
    paths = _batch_around(_bomb(d, 2900 * 1000 * 1000), d)

    def run() -> Any:
        return newsparse.parse_files(paths, on_error="record", max_bytes=None, threads=1)

    def check(recs: Any) -> Dict[str, Any]:
        assert recs[1]["error"]["kind"] == "too_large", recs[1]
        assert all(recs[i]["headline"]["text"] == "Storm hits coast" for i in (0, 2, 3))
        return {"error": recs[1]["error"]["message"]}

    return run, check


@case
def over_max_bytes() -> Any:
    """An 82 MB page of paragraphs under the default limit (32 MiB): refused at once, in every
    entry point, each in its own way (error record, None, exception)."""
    import newsparse

    data = page(PARAGRAPH * (82 * 1000 * 1000 // len(PARAGRAPH)))
    text = data.decode()

    def run() -> Any:
        return newsparse.parse_many([article(3), data, text], format="html", on_error="record")

    def check(recs: Any) -> Dict[str, Any]:
        assert recs[0]["headline"]["text"] == "Storm hits coast"
        assert recs[1]["error"]["kind"] == recs[2]["error"]["kind"] == "too_large"
        assert newsparse.parse_many([data], format="html", on_error="null") == [None]
        for call in (lambda: newsparse.parse_html(data), lambda: newsparse.parse(text)):
            try:
                call()
                raise AssertionError("no TooLargeError")
            except newsparse.TooLargeError:
                pass
        return {"page_mb": round(len(data) / 1e6, 1), "error": recs[1]["error"]["message"]}

    return run, check


def _parsed(data: bytes, expect: str = "", **kw: Any) -> Any:
    def run() -> Any:
        return parse_page(data, **kw)

    def check(rec: Any) -> Dict[str, Any]:
        if expect:
            assert expect in rec["text"], rec["text"][:300]
        return {
            "page_mb": round(len(data) / 1e6, 2),
            "text_chars": len(rec["text"]),
            "truncated": rec["html"]["truncated"],
        }

    return run, check


@case
def nested_divs() -> Any:
    """200,000 nested divs (2.2 MB) around a paragraph."""
    n = 200_000
    return _parsed(page("<div>" * n + "<p>The deepest paragraph of the page.</p>" + "</div>" * n), "deepest paragraph")


@case
def nested_divs_then_siblings() -> Any:
    """Past the depth cap, closed tags still close the right elements: text after 100,000
    nested divs stays in the page."""
    n = 100_000
    body = "<div>" * n + "<p>Inside the deepest div of all.</p>" + "</div>" * n + PARAGRAPH * 5
    return _parsed(page(body), "Geneva")


@case
def unclosed_divs() -> Any:
    return _parsed(page("<div><p>Some text here.</p>" * 100_000), "Some text here")


@case
def unclosed_formatting() -> Any:
    """100,000 unclosed <b>, <i>, <span> and <font>."""
    return _parsed(page("<b><i><span><font color=red>" + SENTENCE * 100_000), "Geneva")


@case
def reopened_formatting() -> Any:
    """Each paragraph leaves a differently-classed <b> open, which every later paragraph
    re-opens (the standard's 'reconstruct the active formatting elements'): quadratic clones
    from linear input, unless each token may re-open only a few. Every paragraph is kept."""
    n = 50_000
    body = "".join(f"<p><b class=c{i}>Paragraph {i}: {SENTENCE}</p>" for i in range(n))
    return _parsed(page(body), f"Paragraph {n - 1}: The minister")


@case
def tree_budget() -> Any:
    """Elements re-opened by every paragraph, each with 256 attributes: the clones would hold
    hundreds of millions of attributes. The tree stops at its budget, the page says it was
    cut, and what came before the cut is kept."""
    attrs = " ".join(f"a{k}=v{k}" for k in range(256))
    opened = "".join(f"<b id=b{i} {attrs}>" for i in range(16))
    body = f"<p>{opened}{SENTENCE}</p>" + "".join(f"<p>Paragraph {i}: {SENTENCE}</p>" for i in range(100_000))
    run, check = _parsed(page(body), "Paragraph 0: The minister")

    def check2(rec: Any) -> Dict[str, Any]:
        out = check(rec)
        assert rec["html"]["truncated"]
        assert any(b["kind"] == "limit" for b in rec["html"]["boilerplate"])
        assert "Paragraph 99999" not in rec["text"]
        return out

    return run, check2


@case
def unclosed_lists_and_tables() -> Any:
    body = "".join(
        f"<ul><li>item {i}: {SENTENCE}<table><tr><td>cell {i}: {SENTENCE}<a href=/x>link {i} {SENTENCE}"
        for i in range(30_000)
    )
    return _parsed(page(body), "item 0: The minister")


@case
def million_attributes() -> Any:
    attrs = " ".join(f"data-a{i}=v{i}" for i in range(1_000_000))
    return _parsed(page(f"<div {attrs}>{PARAGRAPH}</div>" + PARAGRAPH), "Geneva")


@case
def huge_attribute() -> Any:
    return _parsed(page(f"<div class='{'x' * (30 * MB)}'>{PARAGRAPH * 5}</div>"), "Geneva")


@case
def huge_script_and_style() -> Any:
    js = "var a = '<p>not text</p>'; if (a < b && c > d) { x(); }\n" * (12 * MB // 56)
    css = ".a > .b { color: red; }\n" * (12 * MB // 25)
    data = page(f"<script>{js}</script><style>{css}</style>" + PARAGRAPH * 5)

    def run() -> Any:
        return parse_page(data), parse_page(page("<h1>Head</h1>" + PARAGRAPH + "<script>" + js))

    def check(recs: Any) -> Dict[str, Any]:
        full, unclosed = recs
        assert "not text" not in full["text"] and "color" not in full["text"] and "Geneva" in full["text"]
        assert "not text" not in unclosed["text"]
        return {"page_mb": round(len(data) / 1e6, 1), "text_chars": len(full["text"])}

    return run, check


@case
def comment_and_cdata_floods() -> Any:
    comments = "<!-- a comment -->" * 1_000_000
    cdata = "<svg>" + "<![CDATA[x < y]]>" * 500_000 + "</svg>"
    bogus = "<!bogus>" * 500_000
    unterminated = page(PARAGRAPH + "<!-- " + "never closed " * 1_000_000)
    data = page(comments + cdata + bogus + PARAGRAPH)

    def run() -> Any:
        return parse_page(data), parse_page(unterminated)

    def check(recs: Any) -> Dict[str, Any]:
        assert "Geneva" in recs[0]["text"] and "comment" not in recs[0]["text"]
        assert "never closed" not in recs[1]["text"]
        return {"page_mb": round(len(data) / 1e6, 1)}

    return run, check


@case
def bad_encodings() -> Any:
    """Invalid bytes under charsets declared three ways (meta charset, http-equiv, a BOM),
    and unknown or misleading labels declared each way: never an error, offsets valid."""
    bad = b"\xff\xfe\x81\x82\xe9\x80" * 50_000
    body = (f"<h1>Storm hits coast</h1>{PARAGRAPH}").encode() + b"<p>" + bad + b"</p>" + PARAGRAPH.encode() * 3
    heads = [
        b'<meta charset="utf-8">',
        b'<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">',
        b'<meta charset="x-klingon">',
        b'<meta http-equiv="content-type" content="text/html; charset=utf-16">',
        b'<?xml version="1.0" encoding="utf-32"?>',
        b'<meta charset="gb18030"><meta charset="big5">',
    ]
    pages = [b"<!doctype html><html><head>" + h + b"</head><body>" + body + b"</body></html>" for h in heads]
    pages.append(b"\xef\xbb\xbf" + pages[1])  # a UTF-8 BOM wins over the shift_jis label
    pages.append(b"\xff\xfe" + b"<\x00p\x00>\x00" + bad + b"\x00")  # UTF-16LE BOM, odd length

    def run() -> Any:
        return [parse_page(p) for p in pages]

    def check(recs: Any) -> Dict[str, Any]:
        for r in recs[:-1]:
            assert "Geneva" in r["text"], r["html"]["encoding"]
        return {"encodings": [r["html"]["encoding"] for r in recs]}

    return run, check


@case
def nul_bytes() -> Any:
    nul = "\x00"
    body = (
        f"<h1>Storm{nul}hits coast</h1><p{nul} cla{nul}ss='a{nul}b'>Text {nul} with NULs.</p>"
        f"<di{nul}v>{nul * 1000}</div><!-- {nul} --><script>{nul}</script>" + PARAGRAPH
    ) * 20_000
    return _parsed(page(body), "Geneva")


@case
def giant_text_node() -> Any:
    """One text node of 20 MB: a page that is one paragraph of prose, never closed."""
    return _parsed(b"<html><body><p>" + (SENTENCE * (20 * MB // len(SENTENCE))).encode(), "Geneva")


@case
def tokenizer_error_floods() -> Any:
    """Characters that are each a parse error (html5ever formats a message for every one):
    `<` in text, quotes in an unquoted attribute value, `<` as attribute names, bare `&`."""
    body = (
        PARAGRAPH * 5
        + "<p>" + "<" * (4 * MB) + "</p>"
        + "<a href=" + '"' * (4 * MB) + ">x</a>"
        + "<a " + "<" * (4 * MB) + ">x</a>"
        + "<p>" + "&amp" * MB + "</p>"
    )
    return _parsed(page(body), "Geneva")


@case(cap_mb=2048)
def paragraphs_30mb() -> Any:
    """A page of paragraphs just under the default limit."""
    return _parsed(page(PARAGRAPH * (30 * MB // len(PARAGRAPH))), "Geneva")


@case(cap_mb=6144)
def paragraphs_82mb() -> Any:
    """The 82 MB page of paragraphs of issue 19, with the limit raised."""
    return _parsed(page(PARAGRAPH * (82 * 1000 * 1000 // len(PARAGRAPH))), "Geneva", max_bytes=None)


def run_case(name: str, memory_mb: int = 0) -> Dict[str, Any]:
    """Runs one case; prints a JSON line as soon as it is timed (so a failing check still
    leaves its time and memory) and returns the full one."""
    if memory_mb:
        limit = memory_mb * MB
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    run, check = CASES[name]()
    t0, c0 = time.perf_counter(), time.process_time()
    result = run()
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {"case": name, "seconds": round(seconds, 2), "cpu": round(cpu, 2), "peak_mb": round(peak)}
    print(json.dumps(out), flush=True)
    out.update(check(result))
    return out


if __name__ == "__main__":
    print(json.dumps(run_case(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0)), flush=True)
