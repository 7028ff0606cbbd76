"""Exceptions newsparse raises. Each says which item (``index``) or file (``path``) failed."""

from __future__ import annotations

from typing import Optional


class NewsparseError(Exception):
    """Base class of newsparse's own errors.

    ``index`` is the position of the failing item in the input, ``path`` the file (for
    ``parse_files``), ``kind`` one of ``"internal"``, ``"decode"`` or ``"too_large"``.
    """

    def __init__(
        self,
        message: str,
        *,
        index: Optional[int] = None,
        path: Optional[str] = None,
        kind: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.index = index
        self.path = path
        self.kind = kind


class ArticleError(NewsparseError):
    """newsparse failed on this article. This is a bug: please report it with the article."""


class DecodeError(NewsparseError, ValueError):
    """A file's bytes are not valid in the requested encoding (the message gives the byte)."""


class TooLargeError(NewsparseError, ValueError):
    """An article is over ``max_bytes`` (raw, decompressed or decoded), or over the 4 GiB no
    article may reach: it was refused before parsing. Raise the limit with ``max_bytes=``
    (``None`` for no limit but the 4 GiB one)."""
