import html
import re
from html.parser import HTMLParser

import pytest

import newsparse
from newsparse.display import Article, resolve

EVIL = (
    'Tom <b>Smith</b> & "friends"\n\n'
    '"<script>alert(\'x\')</script> is fine," said John Smith, the mayor of <i>London</i>, on Monday.\n\n'
    "He said 5 people & 3 dogs were hurt.\n\n"
    "A 'quote' </div> end."
)


class _Collect(HTMLParser):
    """The tags and text the browser would see."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.attrs = [], [], []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(v for _, v in attrs)
        if tag == "span" and any(v and "font-size: 0.65em" in v for _, v in attrs):
            self._skip += 1  # labels and speaker tags are additions, not article text

    def handle_endtag(self, tag):
        if tag == "span" and self._skip:
            self._skip -= 1  # labels hold no nested spans

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def _body_text(fragment: str) -> str:
    body = fragment.split("font-family: sans-serif\">", 1)[1]
    p = _Collect()
    p.feed(body)
    return "".join(p.text)


def test_article_text_never_injects_markup():
    a = newsparse.display(EVIL)
    out = a._repr_html_()
    p = _Collect()
    p.feed(out)
    assert set(p.tags) <= {"div", "mark", "span"}, p.tags  # no <script>, <b>, <i> from the text
    assert "<script" not in out and "</div> end" not in out
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in out and "&amp; &quot;" in out
    # every article character is shown once, in order, and the labels are extras
    shown = _body_text(out)
    assert shown.startswith(EVIL)


def test_labels_and_tooltips_are_escaped_too():
    rec = newsparse.parse("Short title\n\nBody with Paris in it, said Anna.")
    rec["entities"] = [
        {"name": '"><script>x</script>', "label": "<img src=x onerror=alert(1)>", "mentions": [{"start": 23, "end": 28}]}
    ]
    rec["quotes"] = [{"start": 13, "end": 17, "parts": [{"start": 13, "end": 17}], "speaker": "<b>Eve</b>", "kind": "x"}]
    out = newsparse.display(rec, "Short title\n\nBody with Paris in it, said Anna.")._repr_html_()
    p = _Collect()
    p.feed(out)
    assert set(p.tags) <= {"div", "mark", "span"}
    assert "<script" not in out and "<img" not in out and "<b>" not in out
    assert "&lt;B&gt;EVE&lt;/B&gt;" not in out and "&lt;b&gt;Eve&lt;/b&gt;" in out  # speaker is not upper-cased
    # the hostile name stays inside its title attribute (decoded by the parser, not markup)
    assert 'entity: "><script>x</script>' in p.attrs


def test_highlights_entities_quotes_dates_numbers_with_speaker(seed):
    a = newsparse.display(seed)
    out = a._repr_html_()
    for cls in ("np-entity", "np-quote", "np-date", "np-number", "np-speaker"):
        assert f'class="{cls}"' in out, cls
    assert ">John Kerry</span>" in out  # the speaker label
    assert ">PERSON</span>" in out
    assert _body_text(out) == seed
    assert repr(a).startswith("<Article: 3446 characters")


def test_spans_nest_inside_quotes_and_never_cross(seed):
    rec = newsparse.parse(seed)
    spans = resolve(rec)
    quotes = [s for s in spans if s.layer == 0]
    inner = [s for s in spans if s.layer == 1]
    assert quotes and inner
    for group in (quotes, inner):
        for x, y in zip(group, group[1:]):
            assert x.end <= y.start  # no overlap within a layer
    nested = 0
    for s in inner:
        for q in quotes:
            overlap = s.start < q.end and q.start < s.end
            if overlap:
                assert q.start <= s.start and s.end <= q.end
                nested += 1
    assert nested > 0  # "Iraq" inside Kerry's quote is drawn nested


def test_overlap_rule_first_then_longer_wins_and_crossing_spans_are_dropped():
    text = "abcdefghijklmnopqrstuvwxyz"
    rec = {
        "quotes": [
            {"start": 5, "end": 12, "parts": [{"start": 5, "end": 12}], "speaker": "S", "kind": "direct"},
            {"start": 10, "end": 15, "parts": [{"start": 10, "end": 15}], "speaker": "T", "kind": "direct"},
        ],
        "entities": [
            {"name": "a", "label": "PERSON", "mentions": [{"start": 0, "end": 3}, {"start": 6, "end": 8}]},
            {"name": "b", "label": "ORG", "mentions": [{"start": 0, "end": 4}, {"start": 3, "end": 7}]},
            {"name": "c", "label": "LOC", "mentions": [{"start": 11, "end": 14}, {"start": 20, "end": 20}]},
        ],
        "dates": [{"start": 16, "end": 18, "type": "DATE", "value": "2014"}],
        "numbers": [{"start": 17, "end": 19, "kind": "cardinal", "value": 1.0}],
    }
    got = [(s.start, s.end, s.kind, s.label) for s in Article(text, rec).spans]
    assert got == [
        (0, 4, "entity", "ORG"),  # same start: the longer wins over (0, 3)
        (5, 12, "quote", "S"),  # first quote wins over the overlapping (10, 15)
        (6, 8, "entity", "PERSON"),  # (3, 7) overlapped the kept (0, 4)
        (16, 18, "date", "DATE"),  # (11, 14) ran out of its quote; (17, 19) overlapped
    ]


def test_multi_paragraph_quote_is_drawn_by_parts():
    text = '"First part.\n\n"Second part," she said.'
    rec = {
        "quotes": [
            {
                "start": 1, "end": 26, "speaker": "Ann", "kind": "direct",
                "parts": [{"start": 1, "end": 12}, {"start": 15, "end": 26}],
            }
        ]
    }
    spans = Article(text, rec).spans
    assert [(s.start, s.end, s.label) for s in spans] == [(1, 12, ""), (15, 26, "Ann")]


def test_display_inputs(tmp_path, seed):
    rec = newsparse.parse(seed)
    assert newsparse.display(rec, seed).spans == newsparse.display((seed, rec)).spans
    with pytest.raises(TypeError, match="text"):
        newsparse.display(rec)
    with pytest.raises(ValueError, match="characters"):
        newsparse.display(rec, seed + "x")
    f = tmp_path / "a.txt"
    f.write_bytes(("\ufeff" + seed.replace("\n", "\r\n")).encode("utf-8"))
    frec = newsparse.parse_files([f])[0]
    shown = newsparse.display(frec)
    assert shown.spans and _body_text(shown.html()) == seed.replace("\n", "\r\n")
    err = newsparse.parse_files([tmp_path / "nope.txt"], on_error="record")[0]
    with pytest.raises(ValueError, match="error record"):
        newsparse.display(err, "")
    assert newsparse.display(None, "<x>").html().count("&lt;x&gt;") == 1


def test_html_is_well_formed(seed):
    out = newsparse.display(seed).html()
    stack = []
    for m in re.finditer(r"<(/?)(\w+)[^>]*>", out):
        if m.group(1):
            assert stack.pop() == m.group(2)
        else:
            stack.append(m.group(2))
    assert stack == []
    assert html.unescape(re.sub(r"<[^>]+>", "", out)).count("Kerry") >= seed.count("Kerry")
