"""Linear passes over markup: is it HTML, how deep does it nest, where is its text.

The HTML parser (lexbor, through ``selectolax``) builds the tree; it does not say
where in the markup a piece of text came from, and the HTML tree-building algorithm
spends time in proportion to the nesting depth on every tag. Two scans, each reading
every character a bounded number of times (comments, raw-text elements and
unterminated tags are skipped with one forward search each), answer that:

* :func:`scan_markup`, before parsing: whether the input is HTML at all (it names an
  HTML element anywhere, not only in its first 20,000 characters), and a copy in which
  start tags nested deeper than :data:`MAX_DEPTH` are blanked out (replaced by as many
  spaces), as browsers flatten such nesting, so the parser's work stays linear;
* :func:`markup_text`, on demand: the markup's text, entities decoded, with a map from
  each character back into the markup, so reduced text can be traced to its source.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from rumourx.text.offsets import MapBuilder, OffsetMap

__all__ = ["MAX_DEPTH", "MarkupScan", "markup_text", "scan_markup"]

#: Deepest element nesting passed to the parser (browsers cap theirs at 512).
MAX_DEPTH = 256

_KNOWN = frozenset(
    "a abbr address area article aside audio b base bdi bdo blockquote body br button canvas "
    "caption cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i "
    "iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript "
    "object ol optgroup option output p param picture pre progress q rp rt ruby s samp script "
    "section select slot small source span strong style sub summary sup table tbody td template "
    "textarea tfoot th thead time title tr track u ul var video wbr font center".split()
)
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr basefont bgsound "
    "frame keygen image".split()
)
# End tag optional: the parser closes them itself, they never pile up.
_SELF_CLOSING = frozenset("p li dt dd tr td th thead tbody tfoot option optgroup rb rt rp".split())
# Content is not markup: skipped to the matching end tag.
_RAW = frozenset(
    "script style textarea title xmp iframe noembed noframes noscript svg math".split()
)
_NAME = re.compile(r"[A-Za-z][^\t\n\f\r />]*")
_ATTRIBUTES = re.compile(r"""(?:[^>=]+|=\s*"[^"]*"|=\s*'[^']*'|=)*""")
_ENTITY_OR_CR = re.compile(r"&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;?)|\r\n?")
_DOCTYPE = re.compile(r"\s*<!doctype html", re.IGNORECASE)
_END_TAGS: dict[str, re.Pattern[str]] = {
    name: re.compile(f"</{name}[\t\n\f\r />]", re.IGNORECASE) for name in _RAW
}


@dataclass(frozen=True)
class MarkupScan:
    """What a quick pass over the input found.

    Attributes:
        is_html: The input names at least one HTML element.
        capped: The markup, with start tags nested deeper than ``MAX_DEPTH`` blanked.
        flattened: How many start tags were blanked.
    """

    is_html: bool
    capped: str
    flattened: int


_TAG = re.compile(r"<(?:(!--)|(/?)([A-Za-z][^\t\n\f\r />]*))")


def scan_markup(markup: str) -> MarkupScan:
    """Whether ``markup`` is HTML, and a copy safe to parse in linear time."""
    capped: list[str] = []
    capped_done = known = flattened = depth = position = 0
    length = len(markup)
    last_close = markup.rfind(">")  # a tag is closed only if a ">" follows it
    while (match := _TAG.search(markup, position)) is not None:
        position = match.end()
        if match.group(1):  # a comment: skipped whole
            close = markup.find("-->", position)
            position = close + 3 if close >= 0 else length
            continue
        name = match.group(3).lower()
        if not known and name in _KNOWN and position <= last_close:
            known = 1
        if match.group(2):
            if depth and name not in _VOID and name not in _SELF_CLOSING and name not in _RAW:
                depth -= 1
        elif name in _RAW:
            close_match = _END_TAGS[name].search(markup, position)
            position = close_match.start() if close_match else length
        elif name not in _VOID and name not in _SELF_CLOSING:
            if depth < MAX_DEPTH:
                depth += 1
                continue
            end = _tag_end(markup, position)
            flattened += 1
            capped += [markup[capped_done : match.start()], " " * (end - match.start())]
            capped_done = position = end
    capped.append(markup[capped_done:])
    return MarkupScan(
        is_html=known > 0 or _DOCTYPE.match(markup) is not None,
        capped="".join(capped) if flattened else markup,
        flattened=flattened,
    )


class _Text:
    """The decoded text stream and its map, built left to right."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.builder = MapBuilder()

    def add(self, markup: str, start: int, end: int) -> None:
        if start >= end:
            return
        piece = markup[start:end]
        if "&" not in piece and "\r" not in piece:
            self.pieces.append(piece)
            self.builder.copy(start, end - start)
            return
        done = start
        for match in _ENTITY_OR_CR.finditer(markup, start, end):
            found = match.group()
            decoded = "\n" if found[0] == "\r" else html.unescape(found)
            if decoded == found:
                continue
            self.pieces.append(markup[done : match.start()])
            self.builder.copy(done, match.start() - done)
            self.pieces.append(decoded)
            self.builder.group(len(decoded), match.start(), match.end())
            done = match.end()
        self.pieces.append(markup[done:end])
        self.builder.copy(done, end - done)


def _tag_end(markup: str, after_name: int) -> int:
    """Offset just past the tag's ``>``, or the end of the input if it never closes."""
    stop = _ATTRIBUTES.match(markup, after_name)
    end = stop.end() if stop else after_name
    return end + 1 if end < len(markup) else len(markup)


def markup_text(markup: str) -> tuple[str, OffsetMap]:
    """The text between the tags of ``markup``, decoded, with its map into the markup.

    Comments and raw-text elements (scripts, styles...) are left out; entities are
    decoded and line endings unified as the HTML parser does.
    """
    stream = _Text()
    position = text_start = 0
    length = len(markup)
    while True:
        opening = markup.find("<", position)
        if opening < 0 or opening + 1 >= length:
            break
        after = markup[opening + 1]
        if markup.startswith("!--", opening + 1):
            if markup.startswith(("<!-->", "<!--->"), opening):
                end = markup.index(">", opening + 4) + 1
            else:
                close = markup.find("-->", opening + 4)
                end = close + 3 if close >= 0 else length
        elif after in "!?" or (after == "/" and not markup[opening + 2 : opening + 3].isalpha()):
            close = markup.find(">", opening + 2)
            end = close + 1 if close >= 0 else length
        elif after == "/" or (after.isascii() and after.isalpha()):
            name_match = _NAME.match(markup, opening + (2 if after == "/" else 1))
            if name_match is None:
                position = opening + 1
                continue
            end = _tag_end(markup, name_match.end())
            name = name_match.group().lower()
            if after != "/" and name in _RAW:
                close_match = _END_TAGS[name].search(markup, end)
                stream.add(markup, text_start, opening)
                position = text_start = close_match.start() if close_match else length
                continue
        else:  # a "<" that starts no tag ("Fee < £10m") is text
            position = opening + 1
            continue
        stream.add(markup, text_start, opening)
        position = text_start = end
    stream.add(markup, text_start, length)
    text = "".join(stream.pieces)
    return text, stream.builder.build(len(text), length)
