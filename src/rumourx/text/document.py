"""The prepared article: what the caller passed, the text rumourx reads, and the map.

:func:`read_document` checks the input, reduces HTML to its visible text, and
normalises the result into the *reading text* every strategy reads (see
:mod:`rumourx.text.normalise`). Whatever is found in the reading text is mapped back
with :meth:`Document.to_original`, so evidence offsets always slice a string the
caller holds:

* for plain text, the string they passed (``Document.source``);
* for HTML, the page's visible text (``Document.html_text``, exposed to callers as
  ``RumourReport.text``). Offsets into markup would slice tags and entities, not
  sentences; :meth:`Document.to_markup` traces a span on into the markup when wanted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from rumourx.core.errors import InputError
from rumourx.core.types import Evidence
from rumourx.text.markup_scan import scan_markup
from rumourx.text.markup_text import reduce_markup, trace_to_markup
from rumourx.text.normalise import normalise
from rumourx.text.offsets import OffsetMap

__all__ = ["MAX_ARTICLE_CHARS", "TEXT_VERSION", "Document", "read_document"]

#: Longest article accepted, in characters (about 2 MB of text: a long read is 50 kB).
MAX_ARTICLE_CHARS = 2_000_000

#: Changes whenever the reading text or the meaning of offsets changes (caches key on it).
TEXT_VERSION = "2"

_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, eq=False)
class Document:
    """One article, prepared for reading.

    Attributes:
        source: Exactly the string the caller passed.
        text: The reading text: normalised, and for HTML reduced to visible text.
        html_text: For HTML input, its visible text (what offsets index); else None.
    """

    source: str
    text: str
    html_text: str | None
    _to_original: OffsetMap = field(repr=False)

    @property
    def is_html(self) -> bool:
        """Whether the input was an HTML page or fragment."""
        return self.html_text is not None

    @property
    def original(self) -> str:
        """The string evidence offsets index: the input, or for HTML its visible text."""
        return self.source if self.html_text is None else self.html_text

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the reading text to the span of :attr:`original` it came from.

        Raises:
            ValueError: The span is empty or outside the reading text.
        """
        return self._to_original.to_origin(start, end)

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for reading-text span ``[start, end)``: a verbatim slice of the original."""
        first, last = self.to_original(start, end)
        return Evidence(text=self.original[first:last], start=first, end=last)

    @cached_property
    def _markup_map(self) -> OffsetMap:
        html_text = self.html_text if self.html_text is not None else ""
        return trace_to_markup(html_text, self.source)

    def to_markup(self, start: int, end: int) -> tuple[int, int]:
        """Where span ``[start, end)`` of :attr:`html_text` sits in the markup.

        For plain text, the span itself. Traced on first use, in time linear in the
        page's length. Text the parser moved out of place maps to an empty span where it
        was looked for.
        """
        if self.html_text is None:
            return start, end
        return self._markup_map.to_origin(start, end)


def _check(article: object, max_chars: int) -> str:
    if isinstance(article, (bytes, bytearray, memoryview)):
        raise InputError("article must be text (str), not bytes: decode it first")
    if not isinstance(article, str):
        raise InputError(f"article must be text (str), not {type(article).__name__}")
    if len(article) > max_chars:
        raise InputError(
            f"article is {len(article):,} characters; the limit is {max_chars:,}: split it first"
        )
    if "\x00" in article:
        raise InputError("article looks binary (it contains NUL characters)")
    surrogate = _SURROGATE.search(article)
    if surrogate is not None:
        raise InputError(
            f"article is not valid Unicode: a lone surrogate "
            f"(U+{ord(surrogate.group()):04X}) at character {surrogate.start():,}"
        )
    return article


def read_document(article: object, *, max_chars: int = MAX_ARTICLE_CHARS) -> Document:
    """Check an article and prepare it for reading.

    Args:
        article: The article text, plain or HTML.
        max_chars: Longest text accepted.

    Raises:
        InputError: Not a string, binary, not valid Unicode, longer than
            ``max_chars``, or with no text to read.
    """
    source = _check(article, max_chars)
    html_text: str | None = None
    original = source
    if "<" in source:
        scan = scan_markup(source)
        if scan.is_html:
            html_text = original = reduce_markup(scan.capped)
    text, to_original = normalise(original, line_breaks=html_text is not None)
    if not text.strip():
        raise InputError(
            "article is empty" if html_text is None else "article is empty: no visible text"
        )
    return Document(source=source, text=text, html_text=html_text, _to_original=to_original)
