from typing import Any, Iterable, List, Optional, Sequence, Union

from ._types import ErrorRecord, FileRecord, HtmlRecord, Record

__version__: str
DEFAULT_MAX_BYTES: int

class ArrowStream:
    """Record batches built in Rust; read once through the Arrow PyCapsule interface."""

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object: ...
    def __len__(self) -> int: ...

def parse(text: str, published: Optional[str] = None, max_bytes: Optional[int] = ...) -> Record: ...
def parse_many(
    texts: Iterable[Union[str, bytes, None]],
    published: Union[None, str, Sequence[Optional[str]]] = None,
    threads: Optional[int] = None,
    on_error: str = "raise",
    format: str = "text",
    output: str = "dicts",
    max_bytes: Optional[int] = ...,
) -> Union[List[Any], ArrowStream]: ...
def parse_html(
    html: Union[str, bytes], url: Optional[str] = None, published: Optional[str] = None, max_bytes: Optional[int] = ...
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
    max_bytes: Optional[int] = ...,
) -> Union[List[Union[FileRecord, ErrorRecord, None]], ArrowStream]: ...
def _parse_discard(texts: Sequence[str], threads: Optional[int] = None) -> int: ...
def _arrow_schema_stream() -> ArrowStream: ...
def default_threads() -> int: ...
