"""pandas tables from newsparse records. pandas is an optional extra (``newsparse[pandas]``),
imported on first use: ``import newsparse`` never imports it.

* ``to_frame(records)``: one row per article, the same columns whatever the records hold
  (see ``COLUMNS``). Lists stay Python lists; a missing record (``None``) is a row of missing
  values; an error record (``on_error="record"``) fills only ``path`` and ``error``.
* ``parse_frame(df, column="text")``: ``df`` with the record's columns added, index kept.
* Tidy tables, one row per item with an article id and flat columns, for ``groupby``:
  ``quotes_table``, ``entities_table``, ``mentions_table``, ``dates_table``,
  ``numbers_table``, ``counts_table``, ``keywords_table``. Missing and failed articles give
  no rows.
* ``df["text"].news.parse()``: the ``Series.news`` accessor, registered when pandas is
  imported (before or after newsparse) or when one of these functions first runs.

Dtypes are fixed per column so that frames concatenate (Dask partitions, batches): text
columns use pandas' default string dtype (``object`` before pandas 3, ``str`` from 3), whole
numbers the nullable ``Int64``, amounts ``float64`` (missing is NaN), lists ``object``.
"""

from __future__ import annotations

import importlib.util
import sys
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from ._core import DEFAULT_MAX_BYTES

# (column, dtype kind, where in the record, meaning). Kinds: str, int, float, bool, list.
COLUMNS: List[Tuple[str, str, Tuple[str, ...], str]] = [
    ("path", "str", ("path",), "the file (parse_files); missing otherwise"),
    ("url", "str", ("url",), "the page's WARC-Target-URI (web archive records); missing otherwise"),
    ("warc_date", "str", ("warc_date",), "the page's WARC-Date (web archive records); missing otherwise"),
    ("warc_record_id", "str", ("warc_record_id",), "the page's WARC-Record-ID (web archive records)"),
    ("error", "str", (), '"kind: message" of an error record (on_error="record"); missing otherwise'),
    ("section", "str", ("section", "text"), "section line above the headline"),
    ("headline", "str", ("headline", "text"), "title line"),
    ("headline_attribution", "str", ("headline_attribution", "text"), 'the "- Kerry" suffix of the headline'),
    ("byline", "str", ("byline", "text"), "byline text"),
    ("dateline", "str", ("dateline", "text"), 'dateline text ("BAGHDAD (Reuters) -")'),
    ("dateline_place", "str", ("dateline", "place"), "the dateline's place"),
    ("dateline_agency", "str", ("dateline", "agency"), "the dateline's agency"),
    ("published", "str", ("published", "value"), "publication stamp, ISO 8601 (missing for '3 hours ago')"),
    ("updated", "str", ("updated", "value"), "update stamp, ISO 8601"),
    ("reference_date", "str", ("reference_date",), "ISO date relative dates were resolved against"),
    ("lead", "str", ("lead", "text"), "first body paragraph"),
    ("authors", "list", ("authors",), "author name spans"),
    ("paragraphs", "list", ("paragraphs",), "body paragraph spans"),
    ("subheadings", "list", ("subheadings",), "subheading spans"),
    ("highlights", "list", ("highlights",), "highlight spans"),
    ("images", "list", ("images",), "picture blocks"),
    ("media", "list", ("media",), "video blocks"),
    ("related_topics", "list", ("related_topics",), "related topic spans"),
    ("boilerplate", "list", ("boilerplate",), "lines kept out of the body"),
    ("quotes", "list", ("quotes",), "quotes (see quotes_table)"),
    ("entities", "list", ("entities",), "entities (see entities_table, mentions_table)"),
    ("acronyms", "list", ("acronyms",), "acronym definitions"),
    ("sources", "list", ("sources",), "cited sources"),
    ("dates", "list", ("dates",), "temporal expressions (see dates_table)"),
    ("numbers", "list", ("numbers",), "amounts (see numbers_table)"),
    ("counts", "list", ("counts",), "event counts (see counts_table)"),
    ("n_characters", "int", ("stats", "characters"), "code points of the input"),
    ("n_words", "int", ("stats", "words"), "words in body paragraphs"),
    ("n_sentences", "int", ("stats", "sentences"), "sentences in body paragraphs"),
    ("n_paragraphs", "int", ("stats", "paragraphs"), "body paragraphs"),
    ("reading_time_minutes", "float", ("stats", "reading_time_minutes"), "words / 238"),
    ("language", "str", ("language", "code"), 'ISO 639-1 code of the text\'s language ("und": too short)'),
    ("language_confidence", "float", ("language", "confidence"), "the detector's probability for it"),
    ("declared_language", "str", ("language", "declared"), "the language an HTML page declares (pages only)"),
    ("tone", "float", ("tone", "tone"), "positive - negative (missing for non-English text)"),
    ("tone_positive", "float", ("tone", "positive"), "% of words positive, weighted by strength"),
    ("tone_negative", "float", ("tone", "negative"), "% of words negative, weighted by strength"),
    ("tone_polarity", "float", ("tone", "polarity"), "positive + negative"),
    ("tone_activity", "float", ("tone", "activity"), "% of words that are activity words"),
    ("tone_self_group", "float", ("tone", "self_group"), "% of words that are first-person pronouns"),
    ("keywords", "list", ("keywords",), "key phrases, best first (see keywords_table)"),
    ("summary", "list", ("summary",), "summary sentence spans, in article order"),
]

#: Columns that say where a record came from: ``parse_frame`` and ``Series.news`` leave them out.
ORIGIN = ["path", "url", "warc_date", "warc_record_id"]

Records = Union[Iterable[Optional[dict]], Any]  # an iterable of records, or a DataFrame of them
IdArg = Union[None, str, Sequence[Any]]


def _pd() -> Any:
    try:
        import pandas as pd
    except ImportError:
        raise ImportError("newsparse tables need pandas: pip install 'newsparse[pandas]'") from None
    register_accessor()
    return pd


_STR_DTYPE: List[Any] = []


def _column(pd: Any, kind: str, values: List[Any]) -> Any:
    """One column with its fixed dtype (see the module docstring)."""
    if kind == "str":
        if not _STR_DTYPE:  # pandas' own choice for text, so our frames look like the user's
            _STR_DTYPE.append(pd.Series(["a"]).dtype)
        return pd.Series(values, dtype=_STR_DTYPE[0])
    if kind == "int":
        return pd.Series(pd.array(values, dtype="Int64"))
    if kind == "float":
        return pd.Series([float("nan") if v is None else v for v in values], dtype="float64")
    if kind == "bool":
        return pd.Series(values, dtype="bool")
    import numpy as np  # a dependency of pandas

    arr = np.empty(len(values), dtype=object)  # element-wise: equal-length lists must not become 2-D
    for i, v in enumerate(values):
        arr[i] = v
    return pd.Series(arr, dtype=object)


def _dig(record: Any, path: Tuple[str, ...]) -> Any:
    v = record
    for key in path:
        if not isinstance(v, dict):
            return None
        v = v.get(key)
    return v


def _error(record: Any) -> Optional[str]:
    err = record.get("error") if isinstance(record, dict) else None
    if not isinstance(err, dict):
        return None
    return f"{err.get('kind')}: {err.get('message')}"


def to_frame(records: Iterable[Optional[dict]], *, index: Optional[Sequence[Any]] = None) -> Any:
    """One row per record, with the columns of ``COLUMNS`` in that order, always.

    ``records``: what ``parse_many``/``iter_parse``/``parse_files`` return (``None`` and error
    records included). ``index``: the frame's index (default 0..n-1).
    """
    pd = _pd()
    recs = list(records)
    data: Dict[str, Any] = {}
    for name, kind, path, _ in COLUMNS:
        if name == "error":
            values = [_error(r) for r in recs]
        elif kind == "list":
            # A record that has not got the key (an error record, an older version) is
            # missing, not empty: [] would claim the article has none.
            values = [_dig(r, path) if isinstance(r, dict) and "error" not in r else None for r in recs]
        else:
            values = [_dig(r, path) for r in recs]
        data[name] = _column(pd, kind, values)
    frame = pd.DataFrame(data)
    if index is not None:
        frame.index = index if isinstance(index, pd.Index) else pd.Index(index)
    return frame


def parse_frame(
    df: Any,
    column: str = "text",
    published: Any = None,
    *,
    threads: Optional[int] = None,
    on_error: str = "raise",
    progress: bool = False,
    prefix: str = "",
    fields: Any = None,
    summary_sentences: int = 3,
    max_bytes: Optional[int] = DEFAULT_MAX_BYTES,
) -> Any:
    """Parse ``df[column]`` and return ``df`` with the record columns added (``COLUMNS``
    without ``path`` and the web archive columns), its index and row order kept. ``fields``
    as in ``newsparse.parse`` (the columns stay the same; those not asked for are missing or
    empty).

    ``published``: a column name of ``df``, one date for all rows, or one per row. Missing
    texts give rows of missing values. A record column whose name ``df`` already has is an
    error: pass ``prefix="np_"`` to rename the new columns. ``max_bytes`` as in
    ``parse_many``.
    """
    from . import parse_many

    pd = _pd()
    if isinstance(published, str) and published in df.columns:
        published = df[published].tolist()
    records = parse_many(
        df[column].tolist(),
        published=published,
        threads=threads,
        on_error=on_error,
        progress=progress,
        fields=fields,
        summary_sentences=summary_sentences,
        max_bytes=max_bytes,
    )
    frame = to_frame(records).drop(columns=ORIGIN)
    if prefix:
        frame = frame.add_prefix(prefix)
    clash = [c for c in frame.columns if c in df.columns]
    if clash:
        raise ValueError(f"df already has columns {clash}; pass prefix= to rename the record's columns")
    # Positional, so duplicate or multi-level indexes are kept as they are.
    out = pd.concat([df.reset_index(drop=True), frame], axis=1)
    out.index = df.index
    return out


# ---- tidy tables -----------------------------------------------------------------------


Articles = Tuple[str, Any, List[Tuple[Any, Any]]]


def _articles(records: Records, key: str, id: IdArg) -> Articles:
    """(id column name, its dtype or kind, [(article id, list of items or None)]) from
    records or a frame. The id's dtype is fixed, so empty tables concatenate cleanly."""
    if hasattr(records, "columns") and hasattr(records, "index"):  # a DataFrame
        if key not in records.columns:
            raise KeyError(f"the frame has no {key!r} column: pass records or a frame from to_frame/parse_frame")
        items = records[key].tolist()
        if id is None:
            return "article", records.index.dtype, list(zip(records.index, items))
        if isinstance(id, str):
            return id, records[id].dtype, list(zip(records[id].tolist(), items))
        ids = list(id)
    else:
        recs = list(records)
        items = [r.get(key) if isinstance(r, dict) else None for r in recs]
        if id is None:
            return "article", "int64", list(enumerate(items))
        if isinstance(id, str):
            return id, "str", [(r.get(id) if isinstance(r, dict) else None, it) for r, it in zip(recs, items)]
        ids = list(id)
    if len(ids) != len(items):
        raise ValueError(f"id has {len(ids)} values for {len(items)} articles")
    return "article", None, list(zip(ids, items))


Spec = List[Tuple[str, str, Callable[[dict], Any]]]


def _span_text(key: str) -> Callable[[dict], Any]:
    return lambda item: (item.get(key) or {}).get("text")


def _field(key: str) -> Callable[[dict], Any]:
    return lambda item: item.get(key)


_SPAN: Spec = [
    ("start", "int", _field("start")),
    ("end", "int", _field("end")),
    ("paragraph", "int", _field("paragraph")),
]


def _table(rows: Iterable[Tuple[Any, dict]], id_name: str, id_dtype: Any, spec: Spec) -> Any:
    pd = _pd()
    if any(id_name == name for name, _, _ in spec):
        raise ValueError(f"id column {id_name!r} clashes with a table column; rename it")
    pairs = list(rows)
    ids = [aid for aid, _ in pairs]
    items = [item for _, item in pairs]
    cols = [[get(item) for item in items] for _, _, get in spec]
    if id_dtype == "str":
        id_col = _column(pd, "str", ids)
    elif id_dtype is not None:
        id_col = pd.Series(ids, dtype=id_dtype)
    else:
        id_col = pd.Series(ids) if ids else pd.Series(ids, dtype=object)
    data: Dict[str, Any] = {id_name: id_col}
    for (name, kind, _), values in zip(spec, cols):
        data[name] = _column(pd, kind, values)
    return pd.DataFrame(data)


def _items(articles: List[Tuple[Any, Any]]) -> Iterable[Tuple[Any, dict]]:
    for aid, items in articles:
        for item in items or ():
            if isinstance(item, dict):
                yield aid, item


def quotes_table(records: Records, *, id: IdArg = None) -> Any:
    """One row per quote: ``speaker`` (resolved name), ``speaker_mention`` (the words naming
    them where they stand), ``verb``, ``kind``, ``text``, ``start``, ``end``, ``paragraph``,
    ``continues``, ``n_parts``.

    ``id``: the article id column: by default ``article``, the input position (a frame's
    index for a frame); a column name (or record key, e.g. ``"path"``) to use its values; or
    a sequence with one id per article.
    """
    id_name, id_dtype, arts = _articles(records, "quotes", id)
    spec: Spec = [
        ("speaker", "str", _field("speaker")),
        ("speaker_mention", "str", _span_text("speaker_mention")),
        ("verb", "str", _field("verb")),
        ("kind", "str", _field("kind")),
        ("text", "str", _field("text")),
        *_SPAN,
        ("continues", "bool", lambda q: bool(q.get("continues"))),
        ("n_parts", "int", lambda q: len(q.get("parts") or ())),
    ]
    return _table(_items(arts), id_name, id_dtype, spec)


def entities_table(records: Records, *, id: IdArg = None) -> Any:
    """One row per distinct entity of an article: ``entity`` (its position in the article's
    ``entities``, to join ``mentions_table``), ``name``, ``label``, ``count``, ``salience``,
    ``first``, ``country``, ``aliases`` and ``roles`` (lists of str). ``id`` as in
    ``quotes_table``."""
    id_name, id_dtype, arts = _articles(records, "entities", id)
    # Items are (position, entity): no copy of each entity dict.
    rows = [(aid, (i, e)) for aid, ents in arts for i, e in enumerate(ents or ()) if isinstance(e, dict)]
    spec: Spec = [
        ("entity", "int", lambda x: x[0]),
        ("name", "str", lambda x: x[1].get("name")),
        ("label", "str", lambda x: x[1].get("label")),
        ("count", "int", lambda x: x[1].get("count")),
        ("salience", "float", lambda x: x[1].get("salience")),
        ("first", "int", lambda x: x[1].get("first")),
        ("country", "str", lambda x: x[1].get("country")),
        ("aliases", "list", lambda x: list(x[1].get("aliases") or ())),
        ("roles", "list", lambda x: list(x[1].get("roles") or ())),
    ]
    return _table(rows, id_name, id_dtype, spec)


def mentions_table(records: Records, *, id: IdArg = None) -> Any:
    """One row per mention of an entity: ``entity`` (as in ``entities_table``), ``name``,
    ``label``, ``text`` (the words as written), ``start``, ``end``, ``paragraph``."""
    id_name, id_dtype, arts = _articles(records, "entities", id)
    # Items are (position, entity, mention): no copy of each mention dict.
    rows = [
        (aid, (i, e, m))
        for aid, ents in arts
        for i, e in enumerate(ents or ())
        if isinstance(e, dict)
        for m in e.get("mentions") or ()
    ]
    spec: Spec = [
        ("entity", "int", lambda x: x[0]),
        ("name", "str", lambda x: x[1].get("name")),
        ("label", "str", lambda x: x[1].get("label")),
        ("text", "str", lambda x: x[2].get("text")),
        ("start", "int", lambda x: x[2].get("start")),
        ("end", "int", lambda x: x[2].get("end")),
        ("paragraph", "int", lambda x: x[2].get("paragraph")),
    ]
    return _table(rows, id_name, id_dtype, spec)


def dates_table(records: Records, *, id: IdArg = None) -> Any:
    """One row per temporal expression: ``text``, ``type``, ``value`` (TimeML), ``anchor``,
    ``start``, ``end``, ``paragraph``."""
    id_name, id_dtype, arts = _articles(records, "dates", id)
    spec: Spec = [
        ("text", "str", _field("text")),
        ("type", "str", _field("type")),
        ("value", "str", _field("value")),
        ("anchor", "str", _field("anchor")),
        *_SPAN,
    ]
    return _table(_items(arts), id_name, id_dtype, spec)


def numbers_table(records: Records, *, id: IdArg = None) -> Any:
    """One row per amount: ``text``, ``value``, ``low``, ``high``, ``kind``, ``unit``,
    ``currency``, ``noun``, ``qualifier``, ``approximate``, ``start``, ``end``, ``paragraph``."""
    id_name, id_dtype, arts = _articles(records, "numbers", id)
    spec: Spec = [
        ("text", "str", _field("text")),
        ("value", "float", _field("value")),
        ("low", "float", _field("low")),
        ("high", "float", _field("high")),
        ("kind", "str", _field("kind")),
        ("unit", "str", _field("unit")),
        ("currency", "str", _field("currency")),
        ("noun", "str", _field("noun")),
        ("qualifier", "str", _field("qualifier")),
        ("approximate", "bool", lambda n: bool(n.get("approximate"))),
        *_SPAN,
    ]
    return _table(_items(arts), id_name, id_dtype, spec)


def counts_table(records: Records, *, id: IdArg = None) -> Any:
    """One row per event count: ``type`` (KILL, ARREST...), ``count``, ``qualifier``,
    ``object``, ``trigger``, ``text``, ``start``, ``end``, ``paragraph``."""
    id_name, id_dtype, arts = _articles(records, "counts", id)
    spec: Spec = [
        ("type", "str", _field("type")),
        ("count", "float", _field("count")),
        ("qualifier", "str", _field("qualifier")),
        ("object", "str", _field("object")),
        ("trigger", "str", _field("trigger")),
        ("text", "str", _field("text")),
        *_SPAN,
    ]
    return _table(_items(arts), id_name, id_dtype, spec)


def keywords_table(records: Records, *, id: IdArg = None) -> Any:
    """One row per key phrase: ``rank`` (0 = best), ``text``, ``score`` (1.0 for the article's
    top phrase), ``count``, ``first`` (code-point offset of the first mention, missing if
    none), ``mentions`` (list of ``{text, start, end, paragraph}``). ``id`` as in
    ``quotes_table``. Articles not in English have none."""
    id_name, id_dtype, arts = _articles(records, "keywords", id)
    rows = [(aid, (i, k)) for aid, kws in arts for i, k in enumerate(kws or ()) if isinstance(k, dict)]
    spec: Spec = [
        ("rank", "int", lambda x: x[0]),
        ("text", "str", lambda x: x[1].get("text")),
        ("score", "float", lambda x: x[1].get("score")),
        ("count", "int", lambda x: x[1].get("count")),
        ("first", "int", lambda x: ((x[1].get("mentions") or [{}])[0]).get("start")),
        ("mentions", "list", lambda x: list(x[1].get("mentions") or ())),
    ]
    return _table(rows, id_name, id_dtype, spec)


# ---- Series.news ---------------------------------------------------------------------


class NewsAccessor:
    """``series.news``: newsparse on a Series of article texts (missing values stay missing)."""

    def __init__(self, series: Any) -> None:
        self._s = series

    def records(self, published: Any = None, **options: Any) -> Any:
        """A Series of records (dicts, ``None`` for missing texts), same index."""
        from . import parse_many

        pd = _pd()
        recs = parse_many(self._s.tolist(), published=published, **options)
        return pd.Series(_column(pd, "list", recs).array, index=self._s.index, name=self._s.name)

    def parse(self, published: Any = None, **options: Any) -> Any:
        """A frame of record columns (``to_frame``), same index: ``df.join(df.text.news.parse())``."""
        from . import parse_many

        recs = parse_many(self._s.tolist(), published=published, **options)
        return to_frame(recs, index=self._s.index).drop(columns=ORIGIN)

    def display(self, label: Any) -> Any:
        """The article at ``label`` highlighted for Jupyter (``newsparse.display``)."""
        from .display import display

        return display(self._s.loc[label])


_REGISTERED: List[bool] = []


def register_accessor() -> None:
    """Register ``Series.news`` (idempotent; needs pandas)."""
    if _REGISTERED:
        return
    from pandas.api.extensions import register_series_accessor

    register_series_accessor("news")(NewsAccessor)
    _REGISTERED.append(True)


class _PandasImportHook:
    """A ``sys.meta_path`` finder that registers ``Series.news`` right after the user imports
    pandas, so newsparse need not import it. One shot: it leaves ``sys.meta_path`` on pandas'
    first import. (Not an ``importlib.abc`` subclass: that module costs import time.)"""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        if fullname != "pandas":
            return None
        if self in sys.meta_path:
            sys.meta_path.remove(self)
        spec = importlib.util.find_spec("pandas")
        loader = getattr(spec, "loader", None)
        exec_module = getattr(loader, "exec_module", None)
        if exec_module is None:
            return spec

        def exec_then_register(module: Any) -> None:
            exec_module(module)
            try:
                register_accessor()
            except Exception:  # a broken pandas is the user's import error, not ours
                pass

        loader.exec_module = exec_then_register  # type: ignore[union-attr]
        return spec


def register_on_import() -> None:
    if not any(isinstance(f, _PandasImportHook) for f in sys.meta_path):
        sys.meta_path.insert(0, _PandasImportHook())
