"""The text rumourx reads: a normalised copy of the input, with a map back to it.

Normalisation, in order:

1. Line endings (``\\r\\n``, ``\\r``, U+2028, U+2029, NEL, VT, FF) become ``\\n``.
2. Invisible format characters (Unicode category Cf: zero-width space and joiners,
   soft hyphens, bidi marks, BOM) are removed, so they hide nothing from the reader or
   the injection guard; a zero-width space right after a sentence end becomes a space,
   so that it still ends the sentence. Other spaces (NBSP, thin spaces) become ``" "``.
3. NFC: decomposed and composed text read the same.
4. Hard wraps: a single line break inside a sentence becomes a space (see
   :func:`join_wrapped_lines`); captions, headings and list items keep their lines.

Every step keeps a map, so any span of the reading text maps back to the exact
characters of the input it came from.
"""

from __future__ import annotations

import re

from rumourx.text.composition import compose
from rumourx.text.offsets import MapBuilder, OffsetMap

__all__ = ["SENTENCE_ENDS", "join_wrapped_lines", "normalise", "strip_invisible"]

#: Characters that end a sentence, in any script this reader meets.
SENTENCE_ENDS = ".!?…。！？｡؟۔।॥።"
_CLOSERS = "'\"’”)]」』»"

# Unicode 15.1 category Cf (tests check it against the running Python's tables).
_INVISIBLE = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_SPECIAL = re.compile(f"\r\n?|[\x0b\x0c\x85\u2028\u2029]|[{_INVISIBLE}]+|[{_SPACES}]")
_INVISIBLE_RUN = re.compile(f"[{_INVISIBLE}]+")
_SPACE_SET = frozenset(" \u00a0\u1680\u202f\u205f\u3000") | {chr(c) for c in range(0x2000, 0x200B)}


def strip_invisible(text: str) -> str:
    """``text`` without invisible format characters (zero-width spaces, joiners...)."""
    return _INVISIBLE_RUN.sub("", text)


def _clean(text: str) -> tuple[str, OffsetMap]:
    """Steps 1 and 2: line endings, invisible characters, odd spaces."""
    pieces: list[str] = []
    builder = MapBuilder()
    done = 0
    for match in _SPECIAL.finditer(text):
        start, end = match.span()
        pieces.append(text[done:start])
        builder.copy(done, start - done)
        done = end
        found = match.group()
        first = found[0]
        if first == "\r" and len(found) == 2:
            pieces.append("\n")
            builder.group(1, start, end)
        elif first in "\r\x0b\x0c\x85\u2028\u2029":
            pieces.append("\n")
            builder.copy(start, 1)
        elif first in _SPACE_SET:
            pieces.append(" ")
            builder.copy(start, 1)
        elif "\u200b" in found and _ends_sentence(text, start):
            # "Aouar.\u200bChelsea": the zero-width space is the sentence's only gap.
            pieces.append(" ")
            builder.group(1, start, end)
        # Any other invisible run is dropped: its characters map to nothing.
    pieces.append(text[done:])
    builder.copy(done, len(text) - done)
    cleaned = "".join(pieces)
    return cleaned, builder.build(len(cleaned), len(text))


def _ends_sentence(text: str, position: int) -> bool:
    before = text[max(0, position - 4) : position].rstrip(_CLOSERS)
    return bool(before) and before[-1] in SENTENCE_ENDS


_LIST_MARKER = re.compile(r"(?:[-*•·–—>▪●◦]|\d{1,3}[.)])\s")
_LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")


def _is_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(line) <= 60 and bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(
        letters
    )


def _joins(line: str, following: str, width: int, lines_in_block: int) -> bool:
    """Whether the break between two lines of one block is a hard wrap."""
    line, following = line.rstrip(), following.lstrip()
    if not line or not following or _LIST_MARKER.match(following) or _is_heading(line):
        return False
    last = line.rstrip(_CLOSERS)[-1:] or line[-1]
    if last in SENTENCE_ENDS or last in ":;":
        return False
    if following[0].islower() or line[-1] in ",&+(–-":
        return True
    word = _LAST_WORD.search(line)
    if word is not None and word.group(1).islower():
        return True  # "...agreed a fee with Lyon for\nHoussem Aouar"
    # A block wrapped at a fixed width: the next word would not have fitted.
    first_word = following.split(maxsplit=1)[0]
    return lines_in_block >= 3 and len(line) + 1 + len(first_word) > width >= len(line)


def join_wrapped_lines(text: str) -> str:
    """Replace the line breaks of hard-wrapped sentences with spaces (same length).

    A break is a wrap when the line before it does not end a sentence, is not a
    heading, the next line is not a list item, and either the sentence plainly goes
    on (a lower-case word or a comma before the break, a lower-case word after it) or
    the block is wrapped at a fixed width (three lines or more, each as full as the
    next word allowed). Blank lines always separate paragraphs.
    """
    if "\n" not in text:
        return text
    lines = text.split("\n")
    chars: list[str] | None = None
    block_start = 0
    position = 0
    starts: list[int] = []
    for line in lines:
        starts.append(position)
        position += len(line) + 1
    index = 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        block_start = index
        while index + 1 < len(lines) and lines[index + 1].strip():
            index += 1
        block = lines[block_start : index + 1]
        if len(block) > 1:
            width = max(len(line.rstrip()) for line in block)
            for offset in range(len(block) - 1):
                if _joins(block[offset], block[offset + 1], width, len(block)):
                    if chars is None:
                        chars = list(text)
                    chars[starts[block_start + offset + 1] - 1] = " "
        index += 1
    return text if chars is None else "".join(chars)


def normalise(text: str) -> tuple[str, OffsetMap]:
    """The reading text of ``text`` and the map from it back to ``text``."""
    cleaned, cleaning = _clean(text)
    composed, composing = compose(cleaned)
    reading = join_wrapped_lines(composed)
    if composed is cleaned:  # already NFC: nothing to compose
        return reading, cleaning
    return reading, composing.then(cleaning)
