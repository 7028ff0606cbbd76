"""The layout part of the record, on the seed article and one small fixture per layout."""

import re

import newsparse
from conftest import assert_offsets_hold, iter_spans


def texts(items):
    return [i["text"] for i in items]


def test_seed_article(seed):
    r = newsparse.parse(seed)
    assert r["section"]["text"] == "Middle East"
    assert r["headline"]["text"] == "Iraq conflict: US backs Iraq but will not send troops - Kerry"
    assert r["headline_attribution"]["text"] == "Kerry"
    [img] = r["images"]
    assert img["title"]["text"] == "Sunni fighters in Fallujah, 4 January"
    assert img["caption"]["text"].startswith("Sunni gunmen in Fallujah took advantage")
    assert img["paragraph"] == 0
    assert texts(r["subheadings"]) == ["'No boots on ground'"]
    assert r["subheadings"][0]["paragraph"] == 7
    assert len(r["paragraphs"]) == 23
    assert r["lead"] == r["paragraphs"][0]
    assert r["paragraphs"][7]["text"].startswith("Mr Kerry made his comments")
    assert [(b["kind"], b["text"]) for b in r["boilerplate"]] == [
        ("caption_label", "Image caption"),
        ("related_topics", "Related Topics"),
    ]
    assert r["stats"]["paragraphs"] == 23
    assert r["stats"]["characters"] == len(seed)
    assert r["stats"]["reading_time_minutes"] == round(r["stats"]["words"] / 238, 2)
    assert assert_offsets_hold(seed, r) > 25


LABELS = re.compile(r"Image caption|Image copyright|Image source|Media caption|Published|Updated|\bBy\b|@highlight")


def test_nothing_is_lost(seed):
    """Every word of the input lies inside some span of the record (labels aside)."""
    bbc = (
        "UK\n\nStorm hits coast\n\nBy Jane Doe\nBBC News\n\nPublished 5 January 2014\n\n"
        "Image copyright Getty Images\nImage caption Waves broke over the wall\n\n"
        "A storm hit the coast on Monday.\n\nMedia playback is unsupported on your device\n"
        "Media caption Residents describe the flood\n\nWhat happens next\n\nMore rain is due.\n\n"
        "Share this page\n\nRelated Topics\n\nWeather"
    )
    for text in (seed, bbc):
        r = newsparse.parse(text)
        covered = [False] * len(text)
        for _, item in iter_spans(r):
            for i in range(item["start"], item["end"]):
                covered[i] = True
        for m in re.finditer(r"\w+", LABELS.sub(lambda m: " " * len(m.group()), text)):
            assert all(covered[m.start() : m.end()]), f"lost {m.group()!r} at {m.start()}"


def test_bbc_page_with_byline_stamp_picture_media():
    t = (
        "UK\n\nStorm hits coast\n\nBy Jane Doe and John Smith, BBC News\n\nPublished 5 January 2014\n\n"
        "Image copyright Getty Images\nImage caption Waves broke over the wall\n\n"
        "A storm hit the coast on Monday.\n\nMedia playback is unsupported on your device\n"
        "Media caption Residents describe the flood\n\nMore rain is due.\n\n"
        "Share this page\n\nRelated Topics\n\nWeather\n\nFlooding"
    )
    r = newsparse.parse(t)
    assert r["section"]["text"] == "UK"
    assert r["headline"]["text"] == "Storm hits coast"
    assert r["byline"]["text"] == "By Jane Doe and John Smith, BBC News"
    assert texts(r["authors"]) == ["Jane Doe", "John Smith"]
    assert r["published"]["value"] == "2014-01-05"
    assert r["published"]["text"] == "5 January 2014"
    assert r["reference_date"] == "2014-01-05"
    assert r["images"][0]["credit"]["text"] == "Getty Images"
    assert r["media"][0]["caption"]["text"] == "Residents describe the flood"
    assert r["media"][0]["paragraph"] == 1
    assert texts(r["paragraphs"]) == ["A storm hit the coast on Monday.", "More rain is due."]
    assert texts(r["related_topics"]) == ["Weather", "Flooding"]
    assert [b["kind"] for b in r["boilerplate"]] == [
        "credit", "caption_label", "playback", "caption_label", "share", "related_topics"
    ]


def test_wire_story_with_dateline_and_updated_stamp():
    t = (
        "Bombs kill 19 in Baghdad\n\nUpdated 12:34 GMT, Sunday, 5 January 2014\n\n"
        "BAGHDAD (Reuters) - Bombs in the capital killed at least 19 people, police said.\n\n"
        "The attacks came a day after militants took Fallujah."
    )
    r = newsparse.parse(t)
    assert r["dateline"]["text"] == "BAGHDAD (Reuters) -"
    assert (r["dateline"]["place"], r["dateline"]["agency"]) == ("BAGHDAD", "Reuters")
    assert r["lead"]["text"].startswith("Bombs in the capital")
    assert r["updated"]["value"] == "2014-01-05T12:34+00:00"
    assert r["published"] is None


def test_cnn_layout_with_highlights():
    t = (
        "Story highlights\nPolice chase ends in arrest\nMan charged on Saturday\n\n"
        "Washington (CNN) -- A man was arrested on Friday after a chase, police said.\n\n"
        "He was charged on Saturday."
    )
    r = newsparse.parse(t)
    assert texts(r["highlights"]) == ["Police chase ends in arrest", "Man charged on Saturday"]
    assert r["dateline"]["agency"] == "CNN" and r["dateline"]["place"] == "Washington"
    assert r["lead"]["text"].startswith("A man was arrested")
    assert r["headline"] is None


def test_title_and_body_with_period_headline():
    t = "Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton.\n\nA Bloomberg poll shows it.\n\nClinton leads."
    r = newsparse.parse(t)
    assert r["headline"]["text"].startswith("Poll: Wealthy Voters")
    assert r["section"] is None
    assert len(r["paragraphs"]) == 2


def test_text_without_layout_is_all_paragraphs():
    t = "it was a quiet day in the village.\n\nnothing much happened, residents said."
    r = newsparse.parse(t)
    assert r["headline"] is None
    assert texts(r["paragraphs"]) == t.split("\n\n")


def test_awkward_whitespace_is_normal_input():
    t = "\ufeffMiddle East\r\n\r\nIraq conflict: US backs Iraq\u00a0\r\n\r\n\tThe US will help.  \r\n"
    r = newsparse.parse(t)
    assert r["section"]["text"] == "Middle East"
    assert r["headline"]["text"] == "Iraq conflict: US backs Iraq"
    assert r["paragraphs"][0]["text"] == "The US will help."
    assert_offsets_hold(t, r)
