"""Random and adversarial text never crashes the parser and offsets always hold."""

from hypothesis import given, settings, strategies as st

import newsparse
from conftest import assert_offsets_hold, iter_spans

PIECES = [
    "\n", "\n\n", "\r\n", "\r", " ", "\t", "\u00a0", "\ufeff", "\u200b", '"', "'", "\u201c", "\u201d",
    "\u2018", "\u2019", "\u00ab", "\u00bb", "-", " - ", " -- ", "_", "(", ")", ".", ". ", "?", "!", ":",
    "Image caption ", "Image copyright ", "Media caption ", "By ", "Published ", "Updated ",
    "@highlight", "Related Topics", "Share this page", "BAGHDAD (Reuters) - ", "(CNN) -- ",
    "Mr", "Kerry", "said", "the", "US", "5 January 2014", "12:34 GMT", "2014-01-05", "1996-08-30",
    "\u0627\u0644\u0639\u0631\u0627\u0642", "\u4e2d\u6587", "\U0001f600", "e\u0301", "\u200f", "\x00",
    "LONDON", "Story highlights", "7,818", "$8bn",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60))
def test_random_text_never_crashes_and_offsets_hold(parts):
    text = "".join(parts)
    r = newsparse.parse(text)
    assert_offsets_hold(text, r)
    starts = [p["start"] for p in r["paragraphs"]]
    assert starts == sorted(starts)
    ends = [p["end"] for p in r["paragraphs"]]
    assert all(e <= s for e, s in zip(ends, starts[1:])), "paragraphs overlap"


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode(text):
    r = newsparse.parse(text)
    assert_offsets_hold(text, r)
    assert r["stats"]["characters"] == len(text)


def test_adversarial_inputs():
    cases = [
        "", " ", "\n" * 10000, "x" * 1_000_000, "a\n" * 100_000, '"' * 10000, "'" * 10000,
        "Mr " * 5000, "Image caption\n" * 2000, "By " * 3000, "\x00" * 100, "\ud800",
        ("Word. " * 20000), "@highlight\n" * 500,
    ]
    for t in cases:
        r = newsparse.parse(t)
        if "\ud800" not in t:
            assert_offsets_hold(t, r)
        assert sum(1 for _ in iter_spans(r)) >= 0
