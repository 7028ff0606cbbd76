from typing import Any, Iterable, List, Optional, Sequence, Union

from ._types import ErrorRecord, FileRecord, HtmlRecord, Record

__version__: str

def parse(text: str, published: Optional[str] = None) -> Record: ...
def parse_many(
    texts: Iterable[Optional[str]],
    published: Union[None, str, Sequence[Optional[str]]] = None,
    threads: Optional[int] = None,
    on_error: str = "raise",
    format: str = "text",
) -> List[Any]: ...
def parse_html(html: Union[str, bytes], url: Optional[str] = None, published: Optional[str] = None) -> HtmlRecord: ...
def parse_files(
    paths: Sequence[str],
    encoding: str = "utf-8",
    errors: str = "strict",
    published: Union[None, str, Sequence[Optional[str]]] = None,
    threads: Optional[int] = None,
    on_error: str = "raise",
    format: str = "auto",
) -> List[Union[FileRecord, ErrorRecord, None]]: ...
def _parse_discard(texts: Sequence[str], threads: Optional[int] = None) -> int: ...
def default_threads() -> int: ...
