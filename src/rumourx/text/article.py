"""Turn what the caller passed into clean article text, or say why not.

The work is done by :func:`rumourx.text.document.read_document`, which also keeps the
map from the reading text back to the input; these helpers give only the text.
"""

from __future__ import annotations

from rumourx.text.document import MAX_ARTICLE_CHARS, read_document
from rumourx.text.markup_scan import scan_markup
from rumourx.text.markup_text import reduce_markup

__all__ = ["MAX_ARTICLE_CHARS", "html_to_text", "looks_like_html", "prepare_article"]


def looks_like_html(text: str) -> bool:
    """Whether the text is HTML: it names an HTML element anywhere in it."""
    return "<" in text and scan_markup(text).is_html


def html_to_text(markup: str) -> str:
    """Reduce HTML to its visible text, one paragraph per block element."""
    return reduce_markup(scan_markup(markup).capped)


def prepare_article(article: object, *, max_chars: int = MAX_ARTICLE_CHARS) -> str:
    """Validate an article and return its reading text (see :func:`read_document`).

    Raises:
        InputError: Not a string, empty, binary, not valid Unicode, or longer than
            ``max_chars``.
    """
    return read_document(article, max_chars=max_chars).text
