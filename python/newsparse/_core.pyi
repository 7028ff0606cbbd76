from typing import Any, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

from ._types import ErrorRecord, FileRecord, HtmlRecord, Record, WarcRecord, WarcStats

__version__: str
DEFAULT_MAX_BYTES: int

class ArrowStream:
    """Record batches built in Rust; read once through the Arrow PyCapsule interface."""

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object: ...
    def __len__(self) -> int: ...

def parse(
    text: str, published: Optional[str] = None, fields: Optional[List[str]] = None, summary_sentences: int = 3,
    max_bytes: Optional[int] = ...,
) -> Record: ...
def parse_many(
    texts: Iterable[Union[str, bytes, None]],
    published: Union[None, str, Sequence[Optional[str]]] = None,
    threads: Optional[int] = None,
    on_error: str = "raise",
    format: str = "text",
    output: str = "dicts",
    fields: Optional[List[str]] = None,
    summary_sentences: int = 3,
    max_bytes: Optional[int] = ...,
) -> Union[List[Any], ArrowStream]: ...
def parse_html(
    html: Union[str, bytes],
    url: Optional[str] = None,
    published: Optional[str] = None,
    fields: Optional[List[str]] = None,
    summary_sentences: int = 3,
    max_bytes: Optional[int] = ...,
) -> HtmlRecord: ...
def parse_files(
    paths: Sequence[str],
    encoding: str = "utf-8",
    errors: str = "strict",
    published: Union[None, str, Sequence[Optional[str]]] = None,
    threads: Optional[int] = None,
    on_error: str = "raise",
    format: str = "auto",
    output: str = "dicts",
    fields: Optional[List[str]] = None,
    summary_sentences: int = 3,
    max_bytes: Optional[int] = ...,
) -> Union[List[Union[FileRecord, ErrorRecord, None]], ArrowStream]: ...
def _parse_discard(texts: Sequence[str], threads: Optional[int] = None, fields: Optional[List[str]] = None) -> int: ...
def _arrow_schema_stream() -> ArrowStream: ...
def default_threads() -> int: ...
def field_names() -> List[str]: ...

class WarcBatches(Iterator[Union[List[Union[WarcRecord, ErrorRecord, None]], ArrowStream]]):
    """Batches of parsed pages of web archives (``newsparse.iter_warc`` wraps it)."""

    def __init__(
        self,
        paths: Sequence[str],
        published: Optional[str] = None,
        threads: Optional[int] = None,
        on_error: str = "raise",
        output: str = "dicts",
        batch_size: int = 256,
        max_record_bytes: int = 67108864,
        fields: Optional[List[str]] = None,
    ) -> None: ...
    def __iter__(self) -> "WarcBatches": ...
    def __next__(self) -> Union[List[Union[WarcRecord, ErrorRecord, None]], ArrowStream]: ...
    @property
    def stats(self) -> WarcStats: ...

def _warc_read(paths: Sequence[str], max_record_bytes: int = 67108864) -> Tuple[int, int, int]: ...
def near_duplicates(
    texts: Iterable[Optional[str]], threshold: float = 0.8, exact: bool = True, threads: Optional[int] = None
) -> Tuple[List[Tuple[int, int, float]], List[List[int]], List[int]]: ...
def shingles(text: str) -> List[str]: ...

class DuplicateIndex:
    def __init__(self, threshold: float = 0.8) -> None: ...
    @property
    def threshold(self) -> float: ...
    def add(self, texts: Iterable[Optional[str]], threads: Optional[int] = None) -> List[int]: ...
    def query(self, texts: Iterable[Optional[str]], threads: Optional[int] = None) -> List[List[Tuple[int, float]]]: ...
    def groups(self) -> List[List[int]]: ...
    def labels(self) -> List[int]: ...
    def pairs(self) -> List[Tuple[int, int, float]]: ...
    def memory_bytes(self) -> int: ...
    def __len__(self) -> int: ...
