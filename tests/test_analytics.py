"""Issue 16: language, tone, keywords and summary in every record."""

import json

import pytest

import newsparse
from newsparse.cli import main

FRENCH = """Le gouvernement annonce une nouvelle réforme des retraites

Le Premier ministre a présenté mercredi à Paris un projet de loi qui doit relever l'âge légal de départ à la retraite. Selon le texte, les salariés devront travailler deux années de plus avant de toucher une pension complète.

Les syndicats ont immédiatement dénoncé une mesure injuste et appellent à une grève nationale le 15 mars. « Nous ne laisserons pas passer cette réforme », a déclaré la secrétaire générale de la CGT devant la presse.

Le ministre du Travail estime que la réforme permettra d'économiser 12 milliards d'euros d'ici 2030. L'opposition promet de déposer des milliers d'amendements lors de l'examen du texte à l'Assemblée nationale.
"""

GERMAN = """Bundesregierung beschließt neues Klimaschutzgesetz

Die Bundesregierung hat am Mittwoch in Berlin ein neues Gesetz zum Klimaschutz beschlossen. Nach dem Entwurf sollen die Emissionen des Verkehrs bis zum Jahr 2030 um die Hälfte sinken.

Die Opposition kritisierte das Vorhaben als viel zu schwach. „Das reicht bei weitem nicht aus“, sagte der Fraktionsvorsitzende der Grünen am Abend in einem Interview mit der Zeitung.

Nach Angaben des Ministeriums kostet das Programm rund 40 Milliarden Euro. Die Länder müssen dem Gesetz im Bundesrat noch zustimmen, was im Herbst geschehen soll.
"""

ENGLISH_ONLY = ("quotes", "entities", "acronyms", "sources", "dates", "counts", "keywords")


def test_record_keys_present_and_typed(seed):
    rec = newsparse.parse(seed)
    lang = rec["language"]
    assert set(lang) >= {"code", "confidence", "declared"}
    assert lang["code"] == "en" and 0.9 <= lang["confidence"] <= 1.0
    assert lang["declared"] is None  # plain text declares nothing
    tone = rec["tone"]
    for k in ("tone", "positive", "negative", "polarity", "activity", "self_group"):
        assert isinstance(tone[k], float), k
    assert isinstance(tone["word_count"], int) and tone["word_count"] > 0
    assert tone["positive"] >= 0 and tone["negative"] >= 0
    assert tone["tone"] == pytest.approx(tone["positive"] - tone["negative"], abs=1e-6)
    assert tone["polarity"] == pytest.approx(tone["positive"] + tone["negative"], abs=2e-3)  # each rounded to 3 decimals
    assert len(tone["paragraphs"]) == len(rec["paragraphs"])
    assert rec["keywords"] and all(isinstance(k["score"], float) for k in rec["keywords"])
    scores = [k["score"] for k in rec["keywords"]]
    assert scores == sorted(scores, reverse=True) and scores[0] == pytest.approx(1.0)
    assert len(rec["summary"]) == 3
    assert all(isinstance(s["score"], float) and 0 < s["score"] <= 1.0 for s in rec["summary"])


@pytest.mark.parametrize("text,code", [(FRENCH, "fr"), (GERMAN, "de")])
def test_non_english_article_skips_english_only_fields(text, code):
    rec = newsparse.parse(text)
    assert rec["language"]["code"] == code and rec["language"]["confidence"] >= 0.9
    for k in ENGLISH_ONLY:
        assert rec[k] == [], k
    assert rec["tone"] is None
    # What does not depend on English still runs.
    assert rec["headline"] is not None and len(rec["paragraphs"]) == 3
    assert [n["value"] for n in rec["numbers"]], "numbers run on any language"
    assert rec["stats"]["words"] > 50
    assert 1 <= len(rec["summary"]) <= 3
    for s in rec["summary"]:
        assert text[s["start"] : s["end"]] == s["text"]


def test_fields_tone_fills_only_tone(seed):
    rec = newsparse.parse(seed, fields=["tone"])
    assert rec["tone"] is not None and rec["tone"]["word_count"] > 0
    for k in ("quotes", "entities", "keywords", "summary", "dates", "numbers", "paragraphs"):
        assert rec[k] == [], k
    assert rec["stats"] is None and rec["headline"] is None


def test_negation_flips_tone_sign():
    good = newsparse.parse("The new hospital is good for the town and its families.")
    bad = newsparse.parse("The new hospital is not good for the town and its families.")
    assert good["tone"]["tone"] > 0
    assert bad["tone"]["tone"] < 0


def test_intensifier_raises_tone():
    plain = newsparse.parse("The plan was good for the workers at the plant.")
    very = newsparse.parse("The plan was extremely good for the workers at the plant.")
    assert very["tone"]["tone"] > plain["tone"]["tone"] > 0


def test_summary_sentences_zero_gives_empty(seed):
    assert newsparse.parse(seed, summary_sentences=0)["summary"] == []
    assert [len(r["summary"]) for r in newsparse.parse_many([seed, seed], summary_sentences=1)] == [1, 1]


def test_summary_in_article_order_and_offsets(seed):
    rec = newsparse.parse(seed, summary_sentences=5)
    summ = rec["summary"]
    assert len(summ) == 5
    starts = [s["start"] for s in summ]
    assert starts == sorted(starts) and len(set(starts)) == 5
    for s in summ:
        assert seed[s["start"] : s["end"]] == s["text"]
        p = rec["paragraphs"][s["paragraph"]]
        assert p["start"] <= s["start"] and s["end"] <= p["end"]
    assert max(s["score"] for s in summ) == pytest.approx(1.0)


def test_keyword_mentions_match_offsets(seed):
    rec = newsparse.parse(seed)
    assert len(rec["keywords"]) >= 5
    for k in rec["keywords"]:
        assert k["count"] == len(k["mentions"]) >= 1
        for m in k["mentions"]:
            assert seed[m["start"] : m["end"]] == m["text"]
            assert m["text"].lower().rstrip("'s’") or m["text"]


def test_too_short_text_is_und():
    rec = newsparse.parse("Ok.")
    assert rec["language"]["code"] == "und" and rec["language"]["confidence"] == 0


def test_cli_summary_sentences(tmp_path, seed, capsys):
    a = tmp_path / "a.txt"
    a.write_text(seed, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main([str(a), "-o", str(out), "--summary-sentences", "1"]) == 0
    rec = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert len(rec["summary"]) == 1
    s = rec["summary"][0]
    assert seed[s["start"] : s["end"]] == s["text"]
    assert rec["language"]["code"] == "en"
