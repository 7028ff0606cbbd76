"""Near-duplicate articles: syndicated copies grouped by the Jaccard similarity of their word
5-gram shingles, in Rust (sketches in parallel, the GIL released).

What is compared (``shingles(text)`` shows it): the words of the article (the tokenizer's word
and number tokens, lower-cased, ’ read as '), in runs of 5. For a record (``parse_many``,
``parse_files``, ``parse_warc``), the words of its body paragraphs only, so a copy under a new
headline, with another outlet's dateline, captions or footer still matches; a raw ``str`` is
shingled whole. Each article becomes a 256-byte one-permutation MinHash sketch; LSH banding
tuned to ``threshold`` finds candidate pairs, which are then verified: exactly (``exact=True``,
the shingle sets recomputed from the input) or by the sketches' estimate (``DuplicateIndex``,
which keeps no text).
"""

from __future__ import annotations

from typing import Any, Iterable, List, NamedTuple, Optional, Sequence, Tuple, Union

from . import _core

Item = Union[str, dict, None]


class NearDuplicates(NamedTuple):
    """What ``near_duplicates`` finds. Ids are input positions."""

    groups: List[List[int]]
    """Groups of two or more articles joined by matching pairs, each ascending, ordered by
    their first article."""
    pairs: List[Tuple[int, int, float]]
    """``(i, j, similarity)`` with ``i < j`` for every matching pair (the exact Jaccard with
    ``exact=True``, else the estimate), ordered by ``j`` then ``i``."""
    labels: List[int]
    """Per article, its group's first article (its own position when it has no copy): the
    ``duplicate_group`` column."""


def body_text(record: Optional[dict]) -> Optional[str]:
    """The text shingled for a record: its body paragraphs joined by newlines (``None`` for a
    missing or failed record)."""
    if not isinstance(record, dict) or "error" in record:
        return None
    paras = record.get("paragraphs")
    if paras is None:
        return None
    return "\n".join(p["text"] if isinstance(p, dict) else str(p) for p in paras)


def _texts(items: Any) -> List[Optional[str]]:
    """``str`` items as they are, records as their body text; tables by their ``paragraphs``."""
    table = _table_texts(items)
    if table is not None:
        return table
    out: List[Optional[str]] = []
    for i, x in enumerate(items):
        if x is None or isinstance(x, str):
            out.append(x)
        elif isinstance(x, dict):
            out.append(body_text(x))
        else:
            raise TypeError(f"item {i}: expected str, a record (dict) or None, got {type(x).__name__}")
    return out


def _table_texts(obj: Any) -> Optional[List[Optional[str]]]:
    """Body texts of a pyarrow Table, polars or pandas DataFrame with a ``paragraphs`` column
    (``output="arrow"``/``"polars"``, ``to_frame``); ``None`` for anything else."""
    mod = type(obj).__module__
    if mod.startswith("pyarrow") and hasattr(obj, "column"):
        import pyarrow as pa
        import pyarrow.compute as pc

        col = obj.column("paragraphs").combine_chunks()
        lengths = pc.fill_null(pc.list_value_length(col), 0)
        offsets = pa.concat_arrays([pa.array([0], pa.int32()), pc.cumulative_sum(lengths).cast(pa.int32())])
        texts = pc.struct_field(pc.list_flatten(col), "text").cast(pa.string())
        lists = pa.ListArray.from_arrays(offsets, texts, mask=col.is_null())
        return pc.binary_join(lists, "\n").to_pylist()
    if mod.startswith("polars") and hasattr(obj, "get_column"):
        import polars as pl

        joined = obj.select(pl.col("paragraphs").list.eval(pl.element().struct.field("text")).list.join("\n"))
        return joined.to_series().to_list()
    if hasattr(obj, "columns") and hasattr(obj, "iloc"):  # pandas, from to_frame/parse_frame
        return [
            None if not isinstance(ps, list) else "\n".join(p["text"] for p in ps) for ps in obj["paragraphs"].tolist()
        ]
    return None


def shingles(text: Union[str, dict]) -> List[str]:
    """The distinct shingles of a text (or of a record's body), in order of first appearance:
    five normalised words joined by a space. Jaccard similarity is measured on these sets."""
    t = body_text(text) if isinstance(text, dict) else text
    return _core.shingles(t or "")


def near_duplicates(
    items: Union[Iterable[Item], Any],
    threshold: float = 0.8,
    *,
    exact: bool = True,
    threads: Optional[int] = None,
) -> NearDuplicates:
    """Groups and pairs of near-duplicate articles among ``items``.

    ``items``: texts (``str``, shingled whole), records from ``parse_many``/``parse_files``/
    ``parse_warc`` (their body only; ``None`` and error records match nothing), or a table of
    them (``output="arrow"`` or ``"polars"``, or a ``to_frame`` frame). A pair matches when the
    Jaccard similarity of its shingle sets is at least ``threshold``. ``exact=False`` keeps the
    sketches' estimate (standard error about 0.025 near 0.8) instead of recomputing shingles.
    Deterministic, whatever ``threads``.
    """
    pairs, groups, labels = _core.near_duplicates(_texts(items), float(threshold), exact, threads)
    return NearDuplicates(groups, pairs, labels)


def add_duplicate_group(
    table: Any, threshold: float = 0.8, *, exact: bool = True, threads: Optional[int] = None, name: str = "duplicate_group"
) -> Any:
    """``table`` (pyarrow Table, polars or pandas DataFrame of records) with an ``int64``
    column ``duplicate_group`` added at the end: the row of the first article of the row's
    group of near-duplicates (its own row when it has no copy; null for missing or failed
    rows). Keep one article per group with ``duplicate_group == row number``."""
    texts = _table_texts(table)
    if texts is None:
        raise TypeError("add_duplicate_group takes a pyarrow Table, a polars or a pandas DataFrame of records")
    labels: List[Optional[int]] = list(near_duplicates(texts, threshold, exact=exact, threads=threads).labels)
    for i, t in enumerate(texts):
        if t is None:
            labels[i] = None
    mod = type(table).__module__
    if mod.startswith("pyarrow"):
        import pyarrow as pa

        return table.append_column(name, pa.array(labels, pa.int64()))
    if mod.startswith("polars"):
        import polars as pl

        return table.with_columns(pl.Series(name, labels, dtype=pl.Int64))
    import pandas as pd

    out = table.copy()
    out[name] = pd.array(labels, dtype="Int64")
    return out


class DuplicateIndex:
    """A near-duplicate index for corpora larger than memory: add batches of texts or records,
    query new ones, read the groups. Keeps a 256-byte sketch and the LSH bands per article
    (under 1 KB in all; ``memory_bytes()``), never the text, so candidates are verified by the
    sketches' estimate. Ids count articles in the order they were added, from 0."""

    def __init__(self, threshold: float = 0.8) -> None:
        self._core = _core.DuplicateIndex(float(threshold))

    @property
    def threshold(self) -> float:
        return self._core.threshold

    def add(self, items: Union[Iterable[Item], Any], *, threads: Optional[int] = None) -> List[int]:
        """Adds a batch; returns each new article's group label as known now (the id of the
        first article of its group: a later article can still join two groups, which
        ``labels()`` and ``groups()`` then show)."""
        return self._core.add(_texts(items), threads)

    def query(self, items: Union[Iterable[Item], Any], *, threads: Optional[int] = None) -> List[List[Tuple[int, float]]]:
        """Per item, the indexed articles it matches as ``(id, estimated similarity)``; nothing
        is added."""
        return self._core.query(_texts(items), threads)

    def groups(self) -> List[List[int]]:
        return self._core.groups()

    def labels(self) -> List[int]:
        return self._core.labels()

    def pairs(self) -> List[Tuple[int, int, float]]:
        return self._core.pairs()

    def memory_bytes(self) -> int:
        return self._core.memory_bytes()

    def __len__(self) -> int:
        return len(self._core)


__all__ = ["near_duplicates", "add_duplicate_group", "shingles", "body_text", "DuplicateIndex", "NearDuplicates"]
