r"""The text rumourx reads: a normalised copy of the input, with a map back to it.

Normalisation, in order:

1. Line endings (``\r\n``, ``\r``, U+2028, U+2029, NEL, VT, FF) become ``\n``.
2. Invisible format characters (Unicode category Cf: zero-width space and joiners,
   soft hyphens, bidi marks, BOM) are removed, so they hide nothing from the reader or
   the injection guard; a zero-width space right after a sentence end becomes a space,
   so that it still ends the sentence. Other spaces (NBSP, thin spaces) become ``" "``.
3. NFC: decomposed and composed text read the same.
4. Hard wraps: a single line break inside a sentence becomes a space (see
   :func:`join_wrapped_lines`); captions, headings and list items keep their lines.
5. A run of spaces and tabs reads as one space.

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
_SPACE_RUN = re.compile(r"[ \t]{2,}|\t")
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
        elif (
            "\u200b" in found and _ends_sentence(text, start) and not text[end : end + 1].isspace()
        ):
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
_SPLIT_WORD = re.compile(r"[^\W\d_]-$")
_LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")
# "... rejected. (Guardian)": a source in brackets after the sentence's full stop.
_TRAILING_SOURCE = re.compile(r"[" + SENTENCE_ENDS + r"]['\"’”]*\s*\([^()]*\)$")


def _is_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return (
        len(line) <= 60 and bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)
    )


def _joins(line: str, following: str, width: int, *, line_breaks: bool) -> bool:
    """Whether the break between two lines of one block falls inside a sentence."""
    line, following = line.rstrip(), following.lstrip()
    if not line or not following:
        return False
    if line.count("(") > line.count(")") or (following[0] == "(" and following.count(")")):
        return True  # inside brackets, or a source in brackets after its item: "(Sun)"
    if line[-1] in ",&+":
        return True  # "...Ricardo Lisboa,\n24." goes on, even into what looks like a list
    if _LIST_MARKER.match(following) or _is_heading(line):
        return False
    last = line.rstrip(_CLOSERS)[-1:] or line[-1]
    if last in SENTENCE_ENDS or last in ":;" or _TRAILING_SOURCE.search(line):
        return False
    if line_breaks or following[0].islower() or line[-1] in "(–-":
        return True
    word = _LAST_WORD.search(line)
    if word is not None and word.group(1).islower() and len(line) >= 0.6 * width:
        return True  # "...agreed a fee with Lyon for\nHoussem Aouar"
    # Wrapped at a fixed width: the next word would not have fitted on this line.
    return len(line) + 1 + len(following.split(maxsplit=1)[0]) > width


def join_wrapped_lines(text: str, *, line_breaks: bool = False) -> tuple[str, list[int]]:
    r"""Join the lines of hard-wrapped sentences.

    A break is a wrap when it falls inside brackets, before a bracketed source
    ("(Sun)") or after a comma; or when the line before it does not end a sentence (a
    full stop, or a source in brackets after one), is not a heading, the next line is
    not a list item, and either the sentence plainly goes on (a lower-case word after
    the break, or one before it on a line at least 60 % as long as the longest) or the
    text is wrapped at a fixed width (the next word would not have fitted within the
    longest wrapped line). Blank lines always separate paragraphs, so captions and
    headings without a full stop keep their lines in ordinary text.

    Args:
        text: The text.
        line_breaks: The single line breaks are explicit breaks inside paragraphs
            (``<br>`` in HTML), not layout: join every one that falls inside a
            sentence.

    Returns:
        The text with each joined break replaced by a space, and the offsets of the
        breaks to delete instead: those after a word split at its hyphen
        ("21-year-\nold" reads "21-year-old").
    """
    if "\n" not in text:
        return text, []
    lines = text.split("\n")
    blocks: list[tuple[int, int]] = []  # [first, last] line of each multi-line block
    index = 0
    while index < len(lines):
        first = index
        while lines[index].strip() and index + 1 < len(lines) and lines[index + 1].strip():
            index += 1
        if index > first:
            blocks.append((first, index))
        index += 1
    if not blocks:
        return text, []
    width = max(len(lines[i].rstrip()) for first, last in blocks for i in range(first, last + 1))
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    chars: list[str] | None = None
    deleted: list[int] = []
    for first, last in blocks:
        for i in range(first, last):
            if _joins(lines[i], lines[i + 1], width, line_breaks=line_breaks):
                if _SPLIT_WORD.search(lines[i]) and lines[i + 1][:1].isalpha():
                    deleted.append(starts[i + 1] - 1)
                    continue
                if chars is None:
                    chars = list(text)
                chars[starts[i + 1] - 1] = " "
    return (text if chars is None else "".join(chars)), deleted


def _squeeze(text: str, deleted: list[int]) -> tuple[str, OffsetMap]:
    """Delete the given characters, and read each run of spaces and tabs as one space."""
    cuts = [(p, p + 1, "") for p in deleted]
    cuts += [(m.start(), m.end(), " ") for m in _SPACE_RUN.finditer(text)]
    if not cuts:
        return text, OffsetMap.identity(len(text))
    builder = MapBuilder()
    pieces: list[str] = []
    done = 0
    for start, end, replacement in sorted(cuts):
        if start < done:  # a deleted break inside a run of spaces: the run covers it
            continue
        pieces.append(text[done:start])
        builder.copy(done, start - done)
        pieces.append(replacement)
        builder.group(len(replacement), start, end)
        done = end
    pieces.append(text[done:])
    builder.copy(done, len(text) - done)
    result = "".join(pieces)
    return result, builder.build(len(result), len(text))


def normalise(text: str, *, line_breaks: bool = False) -> tuple[str, OffsetMap]:
    """The reading text of ``text`` and the map from it back to ``text``.

    Args:
        text: The text to read.
        line_breaks: Single line breaks are explicit (``<br>``), see
            :func:`join_wrapped_lines`.
    """
    cleaned, mapping = _clean(text)
    composed, composing = compose(cleaned)
    if composed is not cleaned:  # not NFC to begin with
        mapping = composing.then(mapping)
    joined, deleted = join_wrapped_lines(composed, line_breaks=line_breaks)
    reading, squeezing = _squeeze(joined, deleted)
    if reading is not joined:
        mapping = squeezing.then(mapping)
    return reading, mapping
