"""The record's shape, for editors and type checkers. Records are plain dicts at run time.

Every item with ``text``/``start``/``end`` satisfies ``article[start:end] == text``: offsets
are Python code points into the string that was parsed.
"""

from __future__ import annotations

from typing import List, Optional, TypedDict


class Span(TypedDict):
    text: str
    start: int
    end: int


class Dateline(Span):
    place: Optional[str]
    agency: Optional[str]


class Stamp(Span):
    value: Optional[str]
    """ISO 8601 (``2014-01-05``, ``2014-01-05T12:34+00:00``); ``None`` for "3 hours ago"."""


class Image(Span):
    """A picture block; ``text`` spans the whole block, labels included."""

    title: Optional[Span]
    caption: Optional[Span]
    credit: Optional[Span]
    paragraph: int
    """Index of the body paragraph the picture precedes."""


class Media(Span):
    caption: Span
    paragraph: int


class Subheading(Span):
    paragraph: int


class Boilerplate(Span):
    kind: str


class Quote(Span):
    """A quote: ``text`` is inside the marks; a multi-paragraph quote runs from its first
    piece to its last, with the pieces in ``parts``."""

    paragraph: Optional[int]
    kind: str
    """direct | partial | headline | scare (scare quotes and titles: no speaker)"""
    continues: bool
    parts: List[Span]
    verb: Optional[str]
    speaker_mention: Optional[Span]
    """The words naming the speaker where they stand ("he", "Mr Kerry")."""
    speaker: Optional[str]
    """The resolved, canonical name ("John Kerry"); None when no one is named."""


class Mention(Span):
    paragraph: Optional[int]


class Entity(TypedDict):
    """One distinct entity of the article with all its mentions."""

    name: str
    """Canonical: the longest full form ("John Kerry")."""
    label: str
    """PERSON | ORG | LOC | NORP | EVENT"""
    aliases: List[str]
    mentions: List[Mention]
    count: int
    first: int
    """Code-point offset of the first mention."""
    salience: float
    """Mentions weighted 3 in the headline, 2 in the first two paragraphs, 1 elsewhere, over the article's top entity (1.0)."""
    roles: List[str]
    country: Optional[str]
    """ISO 3166-1 alpha-2, for places a gazetteer knows."""


class Acronym(TypedDict):
    short: Mention
    long: Mention


class Source(Span):
    """A cited source of information; ``text`` covers the clause ("a security source told")."""

    name: str
    kind: str
    """agency | outlet | official | anonymous"""
    paragraph: Optional[int]


# ``type`` is a keyword-ish name, so the functional syntax is used.
Date = TypedDict(
    "Date",
    {
        "text": str,
        "start": int,
        "end": int,
        "paragraph": Optional[int],
        "type": str,
        "value": str,
        "anchor": str,
    },
)
Date.__doc__ = """A temporal expression: ``type`` DATE | TIME | DURATION | SET, ``value`` in TimeML form
(``2014-01-04``, ``2014-W01``, ``P3M``, ``PAST_REF``, ``XXXX-01-04``), ``anchor`` the ISO reference
date it was resolved against, ``"none"`` when it needs none, ``"unknown"`` when it needed one and
the article has none."""


class Number(Span):
    """A numeric amount; ``text`` covers the amount only (not qualifier or noun)."""

    paragraph: Optional[int]
    value: float
    """Scale applied ("$8bn" is 8e9); a range's low end; a vague amount's least value."""
    low: Optional[float]
    high: Optional[float]
    kind: str
    """age | money | percent | fraction | range | vague | cardinal"""
    unit: Optional[str]
    currency: Optional[str]
    """ISO 4217"""
    noun: Optional[str]
    qualifier: Optional[str]
    approximate: bool


# ``type`` is a keyword-ish name, so the functional syntax is used.
Count = TypedDict(
    "Count",
    {
        "type": str,
        "count": float,
        "qualifier": Optional[str],
        "object": Optional[str],
        "trigger": str,
        "text": str,
        "start": int,
        "end": int,
        "paragraph": Optional[int],
    },
)
Count.__doc__ = """An event count (KILL, WOUND, ARREST, KIDNAP, DISPLACE, PROTEST, EVACUATE, AFFECT, SEIZE)."""


class Stats(TypedDict):
    characters: int
    words: int
    sentences: int
    paragraphs: int
    reading_time_minutes: float


class Language(TypedDict):
    code: str
    """ISO 639-1 ("en", "nb", "sr"); "und" when the text is too short to tell."""
    confidence: float
    """The detector's probability for ``code`` (0 for "und")."""
    declared: Optional[str]
    """For HTML pages: the language the page declares, as written; a hint, never the answer."""


class Tone(TypedDict):
    """GDELT GKG V1.5TONE-style tone (English text only): shares of words in percent."""

    tone: float
    """positive - negative"""
    positive: float
    negative: float
    polarity: float
    """positive + negative"""
    activity: float
    self_group: float
    """First-person pronouns ("I", "we", "our")."""
    word_count: int
    paragraphs: List[float]
    """``tone`` of each body paragraph, aligned with ``paragraphs``."""


class Keyword(TypedDict):
    text: str
    """The phrase as first written mid-sentence."""
    score: float
    """1.0 for the article's top phrase."""
    count: int
    mentions: List[Mention]


class SummarySentence(Span):
    paragraph: Optional[int]
    score: float
    """Centrality relative to the article's most central sentence (1.0)."""


class Record(TypedDict):
    section: Optional[Span]
    headline: Optional[Span]
    headline_attribution: Optional[Span]
    byline: Optional[Span]
    authors: List[Span]
    dateline: Optional[Dateline]
    published: Optional[Stamp]
    updated: Optional[Stamp]
    reference_date: Optional[str]
    images: List[Image]
    media: List[Media]
    subheadings: List[Subheading]
    paragraphs: List[Span]
    lead: Optional[Span]
    highlights: List[Span]
    related_topics: List[Span]
    boilerplate: List[Boilerplate]
    quotes: List[Quote]
    entities: List[Entity]
    acronyms: List[Acronym]
    sources: List[Source]
    dates: List[Date]
    numbers: List[Number]
    counts: List[Count]
    stats: Optional[Stats]  # None only when not asked for (fields=)
    language: Optional[Language]
    """None only when not asked for (fields=)."""
    tone: Optional[Tone]
    """None for text not in English."""
    keywords: List[Keyword]
    summary: List[SummarySentence]
    """The most central body sentences, in article order (``summary_sentences=``, default 3)."""


class FileRecord(Record):
    path: str


class ErrorInfo(TypedDict):
    kind: str
    message: str


class ErrorRecord(TypedDict, total=False):
    """What ``on_error="record"`` puts in a failed item's place."""

    error: ErrorInfo
    index: int
    path: str
    url: Optional[str]
    """Web archive records: what is known of the failed record."""
    warc_date: Optional[str]
    warc_record_id: Optional[str]


class HtmlImage(TypedDict):
    src: Optional[str]
    alt: Optional[str]
    caption: Optional[str]
    credit: Optional[str]


class HtmlLink(TypedDict):
    text: str
    href: str


class Dropped(TypedDict):
    kind: str
    """nav | furniture | links | repeat | credit | stamp | title | section | notice | bio | paywall | script_only | limit"""
    text: str
    """At most 100 characters of what was dropped."""


class HtmlMeta(TypedDict):
    """What only an HTML page's markup tells."""

    encoding: str
    language: Optional[str]
    site_name: Optional[str]
    title: Optional[str]
    canonical_url: Optional[str]
    description: Optional[str]
    tags: List[str]
    authors: List[str]
    published: Optional[str]
    modified: Optional[str]
    section: Optional[str]
    page_type: Optional[str]
    page_kind: str
    """article | listing | product | forum | page"""
    is_article: bool
    paywalled: bool
    truncated: bool
    images: List[HtmlImage]
    subheading_levels: List[int]
    paragraph_kinds: List[str]
    related_links: List[HtmlLink]
    boilerplate: List[Dropped]


class HtmlRecord(Record):
    """``parse_html``'s record: every span indexes ``text``, the article text extracted from the page."""

    text: str
    html: HtmlMeta


class WarcRecord(HtmlRecord):
    """A web archive page's record (``parse_warc``, ``iter_warc``, ``parse_files``)."""

    path: str
    """The archive."""
    url: Optional[str]
    """``WARC-Target-URI``."""
    warc_date: Optional[str]
    """``WARC-Date`` as written (ISO 8601); the reference date of a page that states none."""
    warc_record_id: Optional[str]
    """``WARC-Record-ID`` as written (``<urn:uuid:...>``)."""


class SkipCounts(TypedDict):
    warcinfo: int
    request: int
    metadata: int
    revisit: int
    resource: int
    other_type: int
    status: int
    """Responses whose HTTP status is not 200."""
    not_html: int


class WarcFileStats(TypedDict):
    path: str
    records: int
    pages: int
    errors: int
    skipped: SkipCounts


class WarcStats(TypedDict):
    """``iter_warc(...).stats``: every record is a page, an error or a skip."""

    records: int
    pages: int
    errors: int
    skipped: SkipCounts
    files: List[WarcFileStats]
