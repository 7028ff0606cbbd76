"""An article with its entities, quotes, dates and numbers highlighted, for Jupyter, under a
header with its language, tone, key phrases and summary.

``newsparse.display(text)`` parses and returns an ``Article``; its ``_repr_html_`` is what a
notebook shows. Records hold offsets, not the text, so give the text: ``display(text)``,
``display(record, text)``, ``display((text, record))``, or a ``parse_files`` record alone
(its file is read again).

Every character of the article, and every label, goes through ``html.escape``: an article
can never inject markup.

Overlaps. Quotes are the outer layer: an entity, date or number inside a quote is drawn
nested in it, and a multi-paragraph quote is drawn piece by piece (its ``parts``). Within a
layer, the span starting first wins (the longer on a tie) and spans overlapping it are not
drawn; an inner span crossing a quote's edge is not drawn either. ``Article.spans`` lists
what is drawn.
"""

from __future__ import annotations

import bisect
import html
import os
from typing import Any, Dict, List, NamedTuple, Optional, Tuple

COLORS: Dict[str, str] = {
    # displaCy's palette, so the colours mean what spaCy users expect.
    "PERSON": "#aa9cfc",
    "ORG": "#7aecec",
    "LOC": "#feca74",
    "NORP": "#c887fb",
    "EVENT": "#ffeb80",
    "DATE": "#bfe1d9",
    "TIME": "#bfe1d9",
    "DURATION": "#bfe1d9",
    "SET": "#bfe1d9",
    "NUMBER": "#e4e7d2",
    "QUOTE": "#f2f2f2",
}

_MARK = "background: {bg}; padding: 0.1em 0.3em; margin: 0 0.1em; border-radius: 0.3em; line-height: 2.1"
_LABEL = "font-size: 0.65em; font-weight: bold; margin-left: 0.4em; vertical-align: middle"
_QUOTE = "background: #f2f2f2; border-bottom: 2px solid #999; padding: 0.1em 0"
_SPEAKER = (
    "font-size: 0.65em; font-weight: bold; background: #555; color: #fff; padding: 0.1em 0.4em;"
    " margin-left: 0.3em; border-radius: 0.3em; vertical-align: middle"
)


class Span(NamedTuple):
    """One drawn span: ``layer`` 0 for quotes, 1 for entities, dates and numbers."""

    start: int
    end: int
    layer: int
    kind: str  # quote | entity | date | number
    label: str  # speaker, entity label, date type, number kind
    title: str  # tooltip: date value, amount, entity name


def _esc(s: Any) -> str:
    return html.escape(str(s), quote=True)


def _candidates(record: dict) -> Tuple[List[Span], List[Span]]:
    quotes: List[Span] = []
    for q in record.get("quotes") or ():
        speaker = q.get("speaker") or ""
        parts = q.get("parts") or [q]
        for k, part in enumerate(parts):
            last = k == len(parts) - 1
            quotes.append(Span(part["start"], part["end"], 0, "quote", speaker if last else "", q.get("kind") or ""))
    inner: List[Span] = []
    for e in record.get("entities") or ():
        for m in e.get("mentions") or ():
            inner.append(Span(m["start"], m["end"], 1, "entity", e.get("label") or "", e.get("name") or ""))
    for d in record.get("dates") or ():
        inner.append(Span(d["start"], d["end"], 1, "date", d.get("type") or "DATE", d.get("value") or ""))
    for n in record.get("numbers") or ():
        inner.append(Span(n["start"], n["end"], 1, "number", n.get("kind") or "", f"{n.get('value')}"))
    return quotes, inner


def _first_wins(spans: List[Span]) -> List[Span]:
    """Non-overlapping spans: earliest start first, longer on a tie; later overlaps dropped."""
    kept: List[Span] = []
    end = -1
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        if s.start >= s.end or s.start < end:
            continue
        kept.append(s)
        end = s.end
    return kept


def resolve(record: dict) -> List[Span]:
    """The spans to draw, properly nested, in document order (see the module docstring)."""
    quotes, inner = _candidates(record)
    quotes = _first_wins(quotes)
    starts = [q.start for q in quotes]
    kept: List[Span] = []
    for s in _first_wins(inner):
        i = bisect.bisect_right(starts, s.start) - 1
        inside = i >= 0 and s.start < quotes[i].end
        if inside and s.end > quotes[i].end:
            continue  # runs out of its quote
        j = bisect.bisect_right(starts, s.start)
        if j < len(quotes) and quotes[j].start < s.end:
            continue  # runs into the next quote
        kept.append(s)
    return sorted(quotes + kept, key=lambda s: (s.start, s.layer))


def _open(s: Span) -> str:
    if s.kind == "quote":
        return f'<span class="np-quote" style="{_QUOTE}" title="{_esc(s.title)} quote">'
    bg = COLORS.get(s.label, COLORS["NUMBER"]) if s.kind != "number" else COLORS["NUMBER"]
    title = f"{s.kind}: {s.title}" if s.title else s.kind
    return f'<mark class="np-{s.kind}" style="{_MARK.format(bg=bg)}" title="{_esc(title)}">'


def _close(s: Span) -> str:
    if s.kind == "quote":
        tag = f'<span class="np-speaker" style="{_SPEAKER}">{_esc(s.label)}</span>' if s.label else ""
        return "</span>" + tag
    return f'<span style="{_LABEL}">{_esc(s.label.upper())}</span></mark>'


def render(text: str, spans: List[Span]) -> str:
    """``text`` as escaped HTML with ``spans`` (properly nested, sorted) marked up."""
    out: List[str] = []
    pos = 0
    stack: List[Span] = []

    def pop_to(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= limit:
            top = stack.pop()
            out.append(_esc(text[pos : top.end]))
            pos = top.end
            out.append(_close(top))

    for s in spans:
        pop_to(s.start)
        out.append(_esc(text[pos : s.start]))
        pos = s.start
        out.append(_open(s))
        stack.append(s)
    pop_to(len(text))
    out.append(_esc(text[pos:]))
    return "".join(out)


class Article:
    """An article and its record, shown highlighted in Jupyter (``_repr_html_``)."""

    def __init__(self, text: str, record: Optional[dict]) -> None:
        if record is not None and "error" in record:
            raise ValueError(f"an error record has nothing to show: {record['error']}")
        chars = ((record or {}).get("stats") or {}).get("characters")
        if chars is not None and chars != len(text):
            raise ValueError(
                f"the record was parsed from a text of {chars} characters, not this one ({len(text)})"
            )
        self.text = text
        self.record = record
        self.spans: List[Span] = resolve(record) if record else []

    def html(self) -> str:
        """The highlighted article as an HTML fragment (every piece of text escaped)."""
        head = ""
        if self.record:
            n = self.record
            counts = ", ".join(
                f"{len(n.get(k) or ())} {k}" for k in ("quotes", "entities", "dates", "numbers")
            )
            facts = [counts]
            lang = n.get("language") or {}
            if lang.get("code"):
                facts.append(f"language {lang['code']} ({lang.get('confidence', 0):.2f})")
            tone = n.get("tone")
            if tone:
                facts.append(f"tone {tone.get('tone', 0):+.2f}")
            head = f'<div style="font-size: 0.8em; color: #666; margin-bottom: 0.5em">{_esc(" · ".join(facts))}</div>'
            kws = [k.get("text") for k in n.get("keywords") or () if isinstance(k, dict)]
            if kws:
                head += (
                    '<div style="font-size: 0.8em; margin-bottom: 0.5em">'
                    '<span style="font-weight: bold">Key phrases:</span> '
                    + _esc(", ".join(str(k) for k in kws)) + "</div>"
                )
            summ = [x.get("text") for x in n.get("summary") or () if isinstance(x, dict)]
            if summ:
                head += (
                    '<div class="np-summary" style="font-size: 0.85em; border-left: 3px solid #999;'
                    ' padding-left: 0.6em; margin-bottom: 0.8em"><div style="font-weight: bold">Summary</div>'
                    + "".join(f"<div>{_esc(x)}</div>" for x in summ) + "</div>"
                )
        body = render(self.text, self.spans)
        return (
            '<div class="newsparse">' + head
            + '<div style="white-space: pre-wrap; line-height: 2.1; font-family: sans-serif">'
            + body + "</div></div>"
        )

    def _repr_html_(self) -> str:
        return self.html()

    def __repr__(self) -> str:
        kinds: Dict[str, int] = {}
        for s in self.spans:
            kinds[s.kind] = kinds.get(s.kind, 0) + 1
        drawn = ", ".join(f"{v} {k}" for k, v in kinds.items()) or "nothing"
        return f"<Article: {len(self.text)} characters; drawn: {drawn}>"


def display(record_or_text: Any, text: Optional[str] = None) -> Article:
    """An ``Article`` for Jupyter: ``display(text)`` parses it; ``display(record, text)`` and
    ``display((text, record))`` show a record you have; a ``parse_files`` record alone is shown
    with its file read again (UTF-8)."""
    from . import parse

    obj = record_or_text
    if isinstance(obj, tuple) and len(obj) == 2 and isinstance(obj[0], str):
        return Article(obj[0], obj[1])
    if isinstance(obj, str):
        if text is not None:
            raise TypeError("display(text) or display(record, text), not two texts")
        return Article(obj, parse(obj))
    if obj is None:
        return Article(text or "", None)
    if isinstance(obj, dict):
        if text is None:
            path = obj.get("path")
            if not path:
                raise TypeError("records do not carry their text: call display(record, text)")
            # newline="": offsets count "\r\n" as two characters; -sig: the core drops a BOM.
            with open(os.fspath(path), encoding="utf-8-sig", newline="") as f:
                text = f.read()
        return Article(text, obj)
    raise TypeError(f"display() takes a text, a record and its text, or (text, record); got {type(obj).__name__}")
