"""Near-duplicates: syndicated copies made here from the example articles must group, other
articles must not, on texts, records and tables alike."""

import pathlib
import random

import pytest

import newsparse

CORPUS = sorted((pathlib.Path(__file__).resolve().parent.parent / "examples" / "corpus").glob("*.txt"))


@pytest.fixture(scope="module")
def articles():
    texts = [p.read_text(encoding="utf-8") for p in CORPUS]  # the seed article is among them
    assert len(texts) >= 10
    return texts


def retitled(text, n):
    """A syndicated copy: another headline, the body as it was, another outlet's footer."""
    head, _, body = text.partition("\n\n")
    return f"Outlet {n} headline about it\n\n{body}\n\nCopyright 2024 Outlet {n} Ltd. All rights reserved."


def edited(text, rng):
    """Light edits: a few words swapped, the last paragraph dropped when there are several."""
    paras = text.split("\n\n")
    if len(paras) > 4:
        paras = paras[:-1]
    words = "\n\n".join(paras).split(" ")
    for _ in range(max(1, len(words) // 80)):
        i = rng.randrange(len(words))
        words[i] = words[i].upper() if rng.random() < 0.5 else "indeed"
    return " ".join(words)


def jaccard(a, b):
    sa, sb = set(newsparse.shingles(a)), set(newsparse.shingles(b))
    return len(sa & sb) / len(sa | sb)


def test_copies_group_on_raw_text(articles):
    rng = random.Random(7)
    texts = list(articles) + [edited(articles[0], rng), edited(articles[3], rng)]
    found = newsparse.near_duplicates(texts)
    n = len(articles)
    expected = sorted([[0, n], [3, n + 1]])
    assert found.groups == expected, [jaccard(texts[0], texts[n]), jaccard(texts[3], texts[n + 1])]
    assert found.labels[n] == 0 and found.labels[n + 1] == 3 and found.labels[1] == 1
    for i, j, sim in found.pairs:
        # Similarities are the exact Jaccard of the documented shingles.
        assert sim == pytest.approx(jaccard(texts[i], texts[j]))
        assert sim >= 0.8


def test_records_compare_bodies_only(articles):
    texts = list(articles) + [retitled(articles[1], 1), retitled(articles[1], 2)]
    records = newsparse.parse_many(texts)
    n = len(articles)
    found = newsparse.near_duplicates(records)
    assert [1, n, n + 1] in found.groups
    sims = {(i, j): s for i, j, s in found.pairs}
    assert sims[(n, n + 1)] == 1.0  # same body under two headlines and footers
    # On raw text the headline and footer count, and the copies drift apart.
    raw = newsparse.near_duplicates(texts, threshold=0.99)
    assert [n, n + 1] not in raw.groups
    # None and error records match nothing and keep their slot.
    found = newsparse.near_duplicates([records[1], None, {"error": {"kind": "io", "message": "x"}}, records[n]])
    assert found.groups == [[0, 3]] and found.labels == [0, 1, 2, 0]


def test_threshold_exact_and_threads(articles):
    rng = random.Random(1)
    texts = [t for a in articles for t in (a, edited(a, rng))]
    one = newsparse.near_duplicates(texts, threads=1)
    two = newsparse.near_duplicates(texts, threads=2)
    assert one == two
    est = newsparse.near_duplicates(texts, exact=False)
    assert {(i, j) for i, j, _ in est.pairs} <= {(i, j) for i, j, _ in newsparse.near_duplicates(texts, 0.6).pairs}
    strict = newsparse.near_duplicates(texts, threshold=1.0)
    assert all(s == 1.0 for _, _, s in strict.pairs)
    with pytest.raises(ValueError, match="threshold"):
        newsparse.near_duplicates(texts, threshold=0)
    with pytest.raises(TypeError, match="item 0"):
        newsparse.near_duplicates([3])


def test_tables_get_an_opt_in_column(articles):
    pa = pytest.importorskip("pyarrow")
    texts = list(articles[:4]) + [None, retitled(articles[2], 9)]
    table = newsparse.parse_many(texts, output="arrow")
    assert "duplicate_group" not in newsparse.arrow_schema().names
    out = newsparse.add_duplicate_group(table)
    assert out.schema.names == table.schema.names + ["duplicate_group"]
    assert out.schema.field("duplicate_group").type == pa.int64()
    assert out.column("duplicate_group").to_pylist() == [0, 1, 2, 3, None, 2]
    records = newsparse.parse_many(texts)
    assert newsparse.near_duplicates(table).labels == newsparse.near_duplicates(records).labels
    sliced = newsparse.add_duplicate_group(pa.concat_tables([table.slice(1), table.slice(0, 2)]))
    assert sliced.column("duplicate_group").to_pylist() == [0, 1, 2, None, 1, 5, 0]
    pl = pytest.importorskip("polars")
    df = newsparse.add_duplicate_group(newsparse.parse_many(texts, output="polars"))
    assert df["duplicate_group"].to_list() == [0, 1, 2, 3, None, 2]
    assert df.schema["duplicate_group"] == pl.Int64
    pd = pytest.importorskip("pandas")
    frame = newsparse.add_duplicate_group(newsparse.to_frame(records))
    assert frame["duplicate_group"].tolist()[:4] == [0, 1, 2, 3]
    assert frame["duplicate_group"].isna().tolist() == [False] * 4 + [True, False]
    assert str(frame["duplicate_group"].dtype) == "Int64"


def test_streaming_index_matches_the_batch_result(articles):
    rng = random.Random(3)
    texts = [t for a in articles for t in (a, edited(a, rng), retitled(a, 5))]
    ix = newsparse.DuplicateIndex(0.8)
    labels = []
    for lo in range(0, len(texts), 7):
        labels += ix.add(texts[lo : lo + 7])
    assert len(ix) == len(texts)
    batch = newsparse.near_duplicates(texts, exact=False)
    assert ix.groups() == batch.groups
    assert ix.labels() == batch.labels
    assert sorted(ix.pairs()) == sorted(batch.pairs)
    assert labels[0] == 0 and labels[1] == 0
    hits = ix.query([articles[2], "Nothing like any of these articles at all, not one word in five."])
    assert 6 in [i for i, _ in hits[0]] and hits[1] == []
    assert len(ix) == len(texts)  # query adds nothing
    assert ix.memory_bytes() / len(ix) < 1024
    ix.add(newsparse.parse_many(articles[:1]))  # records too
    assert ix.labels()[-1] == 0


def test_shingles_are_documented_five_word_runs():
    assert newsparse.shingles("The U.S. Army’s 7,818 troops left, officials said.") == [
        "the u.s army's 7,818 troops",
        "u.s army's 7,818 troops left",
        "army's 7,818 troops left officials",
        "7,818 troops left officials said",
    ]
    assert newsparse.shingles("Too short") == ["too short"]
    assert newsparse.shingles("") == []
