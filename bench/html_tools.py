"""Shared by bench_html.py and html_quality.py: reading a folder of pages, one decoder for every
tool, the WCXB scorer (ported once from examples/eval_html.rs), and one adapter per tool that
turns a page into the same four fields (body, title, authors, published).

The peers are optional: ``adapter(name)`` raises ImportError when one is not installed, and the
callers print a line and skip it. None is a dependency of newsparse.
"""

from __future__ import annotations

import codecs
import gzip
import pathlib
import re
import unicodedata
from collections import Counter
from typing import Callable, Dict, List, Optional, Tuple

PEERS = ["trafilatura", "newspaper4k", "readability-lxml"]
TOOLS = ["newsparse"] + PEERS
SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")


# ---------------------------------------------------------------- pages


def page_paths(folder: str) -> List[pathlib.Path]:
    root = pathlib.Path(folder)
    return sorted(p for p in root.rglob("*") if p.is_file() and p.name.lower().endswith(SUFFIXES))


def read_bytes(path: pathlib.Path) -> bytes:
    raw = path.read_bytes()
    return gzip.decompress(raw) if path.name.lower().endswith(".gz") else raw


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode(raw: bytes) -> str:
    """One decoding for every tool, done before any timing, so each gets the same ``str``: BOM,
    then valid UTF-8, then the ``<meta>`` charset in the first 4 KB, else windows-1252 (the
    order newsparse documents, except that valid UTF-8 is tried before the declaration, which
    newsparse also lets win)."""
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(enc, errors="replace").lstrip("\ufeff")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _CHARSET.search(raw[:4096])
    if m:
        try:
            enc = codecs.lookup(m.group(1).decode("ascii")).name
            if enc not in ("utf-16-le", "utf-16-be", "utf-16"):  # a declared UTF-16 on 8-bit bytes lies
                return raw.decode(enc, errors="replace")
        except (LookupError, UnicodeDecodeError):
            pass
    return raw.decode("cp1252", errors="replace")


# ---------------------------------------------------------------- scorer (examples/eval_html.rs)


def _word_class() -> "re.Pattern[str]":
    """Rust regex's ``\\w`` (Alphabetic, marks, decimal digits, connector punctuation and the
    zero-width joiners), which eval_html.rs uses. Python's ``\\w`` (WCXB's evaluate.py) differs
    only at the edges: it takes superscript digits and not marks or U+200D; on the dev split
    that moves all-page body F1 by about 0.001."""
    # Other_Alphabetic outside the marks: circled and squared Latin letters.
    extra = [(0x24B6, 0x24E9), (0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189), (0x200C, 0x200D)]
    ok = [c for c in range(0x110000) if unicodedata.category(chr(c)) in _WORD_CATS]
    ok += [c for lo, hi in extra for c in range(lo, hi + 1)]
    ok.sort()
    ranges, lo, prev = [], ok[0], ok[0]
    for c in ok[1:]:
        if c != prev + 1:
            ranges.append((lo, prev))
            lo = c
        prev = c
    ranges.append((lo, prev))
    cls = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges
    )
    return re.compile(f"[{cls}]+")


_WORD_CATS = {"Lu", "Ll", "Lt", "Lm", "Lo", "Nl", "Mn", "Mc", "Me", "Nd", "Pc"}
_WORD = _word_class()
# Rust's split_whitespace splits on Unicode White_Space; Python's str.split() also splits on
# U+001C..U+001F, so the set is spelled out to fold exactly as eval_html.rs does.
_WS = re.compile("[\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")


def words(s: str) -> Counter:
    return Counter(_WORD.findall(s.lower()))


def f1(pred: str, gold: str) -> float:
    """Bag of lower-cased ``\\w+`` words, as WCXB's evaluate.py (word_f1) and eval_html.rs."""
    p, g = words(pred), words(gold)
    gn, pn = sum(g.values()), sum(p.values())
    if gn == 0:
        return 1.0 if pn == 0 else 0.0
    if pn == 0:
        return 0.0
    overlap = sum((p & g).values())
    if overlap == 0:
        return 0.0
    pr, rc = overlap / pn, overlap / gn
    return 2 * pr * rc / (pr + rc)


def fold(s: str) -> str:
    """Case, whitespace and typographic quotes folded."""
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(w for w in _WS.split(s) if w).lower()


def name_set(s: str) -> set:
    out = set()
    for part in re.split(r"[,&;|]", s):
        for p in part.split(" and "):
            p = fold(p)
            while p.startswith("and "):  # Rust's trim_start_matches strips every repeat
                p = p[4:]
            p = p.strip()
            if p:
                out.add(p)
    return out


def page_type(gt: dict) -> str:
    pt = (gt.get("_internal") or {}).get("page_type") or {}
    primary = pt.get("primary") if isinstance(pt, dict) else None
    return primary if isinstance(primary, str) else "unknown"


class Tally:
    def __init__(self) -> None:
        self.pages = 0
        self.f1 = 0.0
        self.titles = self.title_ok = 0
        self.dates = self.date_ok = 0
        self.authors = self.author_ok = 0
        self.no_author = self.invented = 0

    def add(self, s: "Score") -> None:
        self.pages += 1
        self.f1 += s.f1
        if s.title_ok is not None:
            self.titles += 1
            self.title_ok += s.title_ok
        if s.date_ok is not None:
            self.dates += 1
            self.date_ok += s.date_ok
        if s.author_ok is not None:
            self.authors += 1
            self.author_ok += s.author_ok
        if s.invented is not None:
            self.no_author += 1
            self.invented += s.invented


class Score:
    __slots__ = ("f1", "title_ok", "date_ok", "author_ok", "invented")


def score(gt: dict, ex: "Extract") -> Score:
    """One page, exactly as eval_html.rs scores it (a gold field that is not a string is absent)."""
    g = gt.get("ground_truth") or {}
    s = Score()
    main = g.get("main_content")
    s.f1 = f1(ex["body"] or "", main if isinstance(main, str) else "")
    title = g.get("title")
    s.title_ok = (
        (ex["title"] is not None and fold(ex["title"]) == fold(title)) if isinstance(title, str) else None
    )
    author = g.get("author")
    gold_author = author if isinstance(author, str) and author.strip() else None
    date = g.get("publish_date")
    gold_date = date if isinstance(date, str) and len(date.encode("utf-8")) >= 10 else None
    pub = ex["published"]
    s.date_ok = (
        (pub is not None and len(pub.encode("utf-8")) >= 10 and pub[:10] == gold_date[:10])
        if gold_date
        else None
    )
    names = ex["authors"]
    joined = ", ".join(names)
    if gold_author is not None:
        fa = fold(gold_author)
        s.author_ok = (
            fold(joined) == fa
            or any(fold(x) == fa for x in names)
            or (bool(names) and name_set(gold_author) == name_set(joined))
        )
        s.invented = None
    else:
        s.author_ok = None
        s.invented = bool(names)
    return s


def is_news(gt: dict) -> bool:
    """eval_html.rs's "news": an article page whose gold has both an author and a day."""
    g = gt.get("ground_truth") or {}
    a, d = g.get("author"), g.get("publish_date")
    return (
        page_type(gt) == "article"
        and isinstance(a, str)
        and bool(a.strip())
        and isinstance(d, str)
        and len(d.encode("utf-8")) >= 10
    )


# ---------------------------------------------------------------- tools

Extract = Dict[str, object]  # body: str, title: Optional[str], authors: List[str], published: Optional[str]
Run = Callable[[str, Optional[str]], Extract]


def _newsparse() -> Tuple[str, Run]:
    import newsparse

    def run(html: str, url: Optional[str]) -> Extract:
        rec = newsparse.parse_html(html, url=url)
        return from_newsparse(rec)

    return f"newsparse {newsparse.__version__}", run


def from_newsparse(rec: dict) -> Extract:
    """The body as eval_html.rs takes it: the record's text from the first paragraph,
    subheading or picture to the end (the header lines before it are not body)."""
    starts = [x["start"] for key in ("paragraphs", "subheadings", "images") for x in rec[key]]
    meta = rec["html"]
    return {
        "body": rec["text"][min(starts) :] if starts else "",
        "title": meta["title"],
        "authors": list(meta["authors"]),
        "published": meta["published"],
    }


def _trafilatura() -> Tuple[str, Run]:
    import trafilatura

    def run(html: str, url: Optional[str]) -> Extract:
        # Defaults otherwise (include_comments=True, the fallback extractors on), as a user
        # calling it with metadata gets.
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
        if doc is None:
            return {"body": "", "title": None, "authors": [], "published": None}
        d = doc if isinstance(doc, dict) else doc.as_dict()
        author = d.get("author") or ""
        return {
            "body": d.get("text") or "",
            "title": d.get("title"),
            "authors": [a.strip() for a in author.split(";") if a.strip()],  # it joins names with "; "
            "published": d.get("date"),
        }

    return f"trafilatura {trafilatura.__version__}", run


def _iso(d: object) -> Optional[str]:
    if not d:
        return None
    iso = getattr(d, "isoformat", None)
    return iso() if iso else str(d)


def _newspaper4k() -> Tuple[str, Run]:
    import newspaper
    from newspaper import Article

    def run(html: str, url: Optional[str]) -> Extract:
        # fetch_images=False: never go to the network for image sizes.
        a = Article(url or "http://example.com/page", fetch_images=False)
        a.download(input_html=html)
        a.parse()
        return {
            "body": a.text or "",
            "title": a.title,
            "authors": list(a.authors or []),
            "published": _iso(a.publish_date),
        }

    return f"newspaper4k {newspaper.__version__}", run


_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "figcaption",
    "ul",
    "ol",
    "table",
    "dd",
    "dt",
}


def _readability() -> Tuple[str, Run]:
    import lxml.html
    from readability import Document

    try:
        from importlib.metadata import version

        ver = version("readability-lxml")
    except Exception:
        ver = "?"

    def run(html: str, url: Optional[str]) -> Extract:
        doc = Document(html, url=url)
        summary = doc.summary(html_partial=True)
        root = lxml.html.fromstring(summary) if summary.strip() else None
        body = ""
        if root is not None:
            # A newline after each block, so words of adjacent paragraphs are not glued.
            for el in root.iter():
                if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
                    el.tail = "\n" + (el.tail or "")
            body = root.text_content()
        # short_title(): its own title with the site name cut off (title() is the raw <title>).
        # It has no authors or dates.
        return {"body": body, "title": doc.short_title(), "authors": [], "published": None}

    return f"readability-lxml {ver} (body, title only)", run


_ADAPTERS = {
    "newsparse": _newsparse,
    "trafilatura": _trafilatura,
    "newspaper4k": _newspaper4k,
    "readability-lxml": _readability,
}


def adapter(name: str) -> Tuple[str, Run]:
    """(version line, run(html, url) -> Extract); ImportError when the tool is not installed."""
    return _ADAPTERS[name]()


def quiet_peer_logs() -> None:
    """The peers log a warning per odd page; the tables are what matters here."""
    import logging

    for name in ("trafilatura", "newspaper", "readability", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
