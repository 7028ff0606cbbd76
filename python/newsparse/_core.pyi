from typing import Any, Iterable, List, Optional, Sequence, Union

from ._types import ErrorRecord, FileRecord, Record

__version__: str

def parse(text: str, published: Optional[str] = None) -> Record: ...
def parse_many(
    texts: Iterable[Optional[str]],
    published: Union[None, str, Sequence[Optional[str]]] = None,
    threads: Optional[int] = None,
    on_error: str = "raise",
) -> List[Any]: ...
def parse_files(
    paths: Sequence[str],
    encoding: str = "utf-8",
    errors: str = "strict",
    published: Union[None, str, Sequence[Optional[str]]] = None,
    threads: Optional[int] = None,
    on_error: str = "raise",
) -> List[Union[FileRecord, ErrorRecord, None]]: ...
def default_threads() -> int: ...
