"""Turn what the caller passed into clean article text, or say why not."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from rumourx.core.errors import InputError

__all__ = ["MAX_ARTICLE_CHARS", "looks_like_html", "prepare_article"]

#: Longest article accepted, in characters (about 2 MB of text: a long read is 50 kB).
MAX_ARTICLE_CHARS = 2_000_000

_HTML_HINT = re.compile(r"<(?:html|body|p|div|br|article|span|h[1-6]|a\s)[^>]*>", re.IGNORECASE)
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "article",
        "section",
        "tr",
        "blockquote",
        "header",
        "footer",
    }
)
_SKIP = frozenset({"script", "style", "noscript", "template", "head"})


def looks_like_html(text: str) -> bool:
    """Whether the text is HTML markup rather than plain prose."""
    return len(_HTML_HINT.findall(text[:20000])) >= 2


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self._skipping:
            self._skipping -= 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Reduce HTML to its visible text, one paragraph per block element."""
    parser = _TextOf()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def prepare_article(article: object, *, max_chars: int = MAX_ARTICLE_CHARS) -> str:
    """Validate an article and return its text (HTML reduced to text).

    Args:
        article: The article text.
        max_chars: Longest text accepted.

    Returns:
        The text, with HTML reduced to paragraphs and line endings normalised.

    Raises:
        InputError: Not a string, empty, binary, or longer than ``max_chars``.
    """
    if isinstance(article, (bytes, bytearray, memoryview)):
        raise InputError("article must be text (str), not bytes: decode it first")
    if not isinstance(article, str):
        raise InputError(f"article must be text (str), not {type(article).__name__}")
    if "\x00" in article:
        raise InputError("article looks binary (it contains NUL characters)")
    if len(article) > max_chars:
        raise InputError(
            f"article is {len(article):,} characters; the limit is {max_chars:,}: split it first"
        )
    text = article.replace("\r\n", "\n").replace("\r", "\n")
    if looks_like_html(text):
        text = html_to_text(text)
    if not text.strip():
        raise InputError("article is empty")
    return text
