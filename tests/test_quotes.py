"""quotes through the Python API; the Rust suite covers mark styles and cue patterns in detail."""

import newsparse
from conftest import assert_offsets_hold


def test_seed_quotes_and_speakers(seed):
    r = newsparse.parse(seed)
    by_start = {q["text"][:30]: q for q in r["quotes"]}
    q = by_start["We will stand with the governm"]
    assert (q["kind"], q["verb"], q["speaker"]) == ("direct", "said", "John Kerry")
    assert q["speaker_mention"]["text"] == "he"
    assert by_start["We are not contemplating putti"]["speaker"] == "John Kerry"
    p = by_start["the prisoners of ISIS"]
    assert p["kind"] == "partial" and p["speaker"] == "Hadi Razeij"
    assert by_start["No boots on ground"]["kind"] == "headline"
    assert by_start["city of terrorism"]["kind"] == "scare"
    assert_offsets_hold(seed, r)


def test_unbalanced_marks_do_not_lose_other_quotes():
    t = 'Title line here\n\n"It is over," she said.\n\nHe said "this never ends.\n\nLater, "we won," said Mr Smith.'
    r = newsparse.parse(t)
    texts = [q["text"] for q in r["quotes"]]
    assert "It is over," in texts
    assert any(x.startswith("we won") for x in texts)
    assert_offsets_hold(t, r)
