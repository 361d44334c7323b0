"""Reduce an HTML page to the text a reader sees, and trace that text to the markup.

The page is parsed by lexbor (through ``selectolax``), a C implementation of the
HTML5 parsing algorithm that browsers follow; of the parsers we measured it was the
fastest and the only one that neither lost text on deep nesting nor slowed down on
hostile markup (see the README). The tree is walked without recursion:

* ``<head>``, scripts, styles, templates, SVG, buttons, navigation menus and
  asides never become text;
* block elements (paragraphs, headings, list items, table rows, ...) become
  paragraphs, so a row or an item is never read as one sentence with the next;
* table cells in a row are joined with ``" | "``; ``<br>`` is a line break, which
  the reader joins when it falls inside a sentence (two make a paragraph);
* whitespace runs collapse to one space, as a browser shows them.

:func:`trace_to_markup` maps the reduced text back into the markup: each word is
found, in order and with a bounded search, in the text between the markup's tags.
Text the parser moved (foster-parented out of a table) may not be found; it then maps
to an empty span where the search stood.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from selectolax.lexbor import LexborHTMLParser

from rumourx.text.markup_scan import markup_text
from rumourx.text.offsets import MapBuilder, OffsetMap

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

__all__ = ["reduce_markup", "trace_to_markup"]

_SKIP = frozenset(
    "head script style noscript template svg math iframe object embed canvas select option "
    "button textarea nav aside title audio video map dialog".split()
)
_BLOCKS = frozenset(
    "address article blockquote body caption center dd details dialog div dl dt fieldset "
    "figcaption figure footer h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu "
    "ol p pre section summary table tbody tfoot thead tr ul".split()
)
_SEPARATORS = ("", " | ", "\n", "\n\n")  # by strength: none, cell, line, paragraph
_CELL, _LINE, _PARAGRAPH = 1, 2, 3
_ASCII_WHITESPACE = str.maketrans("\t\n\r\f", "    ")
_SPACES = re.compile(r" {2,}")
_COLLAPSIBLE = re.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")
_PIECE = re.compile(r"[^\n|]+")  # a line or a table cell of reduced text
_WORD = re.compile(r"[^ ]+")
# How far past the expected place a piece (a word) is looked for in the markup's text.
_PIECE_WINDOW = 65536
_WORD_WINDOW = 2048


def _walk(root: LexborNode) -> str:
    """Visible text, with the strongest break owed between two texts put between them."""
    parts: list[str] = []
    owed = 0  # strongest break owed before the next text
    space = False  # whitespace owed before the next text
    node: LexborNode | None = root
    while node is not None:
        tag = node.tag or "-"
        child = None
        if tag == "-text":
            data = (node.text_content or "").translate(_ASCII_WHITESPACE)
            if "  " in data:
                data = _SPACES.sub(" ", data)
            core = data.strip(" ")
            if core:
                if parts and owed:
                    parts.append(_SEPARATORS[owed])
                elif parts and (space or data[0] == " "):
                    parts.append(" ")
                parts.append(core)
                owed = 0
                space = data[-1] == " "
            else:
                space = space or bool(data)
        elif tag[0] != "-" and tag not in _SKIP:
            if tag in _BLOCKS:
                owed = _PARAGRAPH
            elif tag == "br":
                owed = _PARAGRAPH if owed >= _LINE else _LINE  # two <br> make a paragraph
            elif (tag == "td" or tag == "th") and not owed:
                owed = _CELL
            child = node.child
        if child is not None:
            node = child
            continue
        while node is not None:  # leave finished nodes until one has a next sibling
            if node.tag in _BLOCKS:
                owed = _PARAGRAPH
            following = node.next
            if following is not None:
                node = following
                break
            node = node.parent
    return "".join(parts)


def reduce_markup(markup: str) -> str:
    """The visible text of an HTML page: paragraphs separated by blank lines."""
    tree = LexborHTMLParser(markup)
    return "" if tree.root is None else _walk(tree.root)


def _collapsed(stream: str) -> tuple[str, OffsetMap]:
    """``stream`` with whitespace collapsed as :func:`reduce_markup` collapses it."""
    pieces: list[str] = []
    builder = MapBuilder()
    done = 0
    for run in _COLLAPSIBLE.finditer(stream):
        pieces.append(stream[done : run.start()])
        builder.copy(done, run.start() - done)
        pieces.append(" ")
        builder.group(1, run.start(), run.end())
        done = run.end()
    pieces.append(stream[done:])
    builder.copy(done, len(stream) - done)
    text = "".join(pieces)
    return text, builder.build(len(text), len(stream))


class _Tracer:
    """Finds pieces of reduced text in order in the markup's text, within a budget."""

    def __init__(self, stream: str) -> None:
        self.stream = stream
        self.cursor = 0
        self.budget = 8 * len(stream) + _PIECE_WINDOW  # bounds all searching together
        self.builder = MapBuilder()

    def find(self, piece: str, window: int) -> int:
        if self.budget <= 0:
            return -1
        limit = self.cursor + len(piece) + window
        found = self.stream.find(piece, self.cursor, limit)
        self.budget -= (found if found >= 0 else min(limit, len(self.stream))) - self.cursor
        return found

    def unmapped(self, count: int) -> None:
        self.builder.group(count, self.cursor, self.cursor)

    def mapped(self, found: int, count: int) -> None:
        self.builder.copy(found, count)
        self.cursor = found + count


def trace_to_markup(reduced: str, markup: str) -> OffsetMap:
    """Map each character of ``reduced`` (from :func:`reduce_markup`) into ``markup``.

    Each line of the reduced text (or cell, or word, when a line is not found whole)
    is looked for in order in the markup's collapsed text.
    """
    stream, to_markup = markup_text(markup)
    collapsed, to_stream = _collapsed(stream)
    tracer = _Tracer(collapsed)
    done = 0
    for piece in _PIECE.finditer(reduced):
        tracer.unmapped(piece.start() - done)  # the break before the piece
        done = piece.end()
        found = tracer.find(piece.group(), _PIECE_WINDOW)
        if found >= 0:
            tracer.mapped(found, len(piece.group()))
            continue
        word_done = piece.start()
        for word in _WORD.finditer(reduced, piece.start(), piece.end()):
            tracer.unmapped(word.start() - word_done)
            word_done = word.end()
            found = tracer.find(word.group(), _WORD_WINDOW)
            if found >= 0:
                tracer.mapped(found, len(word.group()))
            else:
                tracer.unmapped(len(word.group()))
        tracer.unmapped(piece.end() - word_done)
    tracer.unmapped(len(reduced) - done)
    to_collapsed = tracer.builder.build(len(reduced), len(collapsed))
    return to_collapsed.then(to_stream).then(to_markup)
