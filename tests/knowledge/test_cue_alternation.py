"""A cue table searched cue by cue gives what the whole alternation gives."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rumourx.knowledge.cue_alternation import CueAlternation
from rumourx.knowledge.cues import cue_tables
from rumourx.strategies.rules import lexicon

# Invented sentences: cues at several places, overlapping cues, case, accents.
TEXTS = [
    "",
    "Hillport have agreed a fee with Rivertown for Ada One, who will join on loan.",
    "The Lowmoor boss said talks had collapsed after a bid was rejected last week.",
    "Kelvin \u212aeen? SIGNING of the striker from Dalby is COMPLETE, sources say.",
    "Bayern están interesados en fichar al delantero; acordo fechado com o clube.",
    "He left in 2019, joined Brackley and signed a new contract until 2027",
    "a move to ",
    "versus   ",
    "They have offered a £30m bid plus add-ons from Eastfield for the winger. ",
    "Ryan İlkay and ſam: against, v Redburn - replace, replacing, replaced by X",
    "an option to buy after the loan spell; a swap deal for Ben Two was mooted.",
]

TABLES = {
    name: value for name, value in vars(lexicon).items() if isinstance(value, CueAlternation)
} | {f"STATUS_{status}": pattern for status, pattern in lexicon.STATUS_CUES}


def _same(found: re.Match[str] | None, expected: re.Match[str] | None) -> None:
    assert (found and (found.span(), found.group())) == (
        expected and (expected.span(), expected.group())
    )


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_table_finds_what_the_whole_alternation_finds(name: str) -> None:
    table = TABLES[name]
    for text in TEXTS:
        for pos, endpos in ((0, len(text)), (3, len(text)), (5, max(5, len(text) - 4))):
            _same(table.search(text, pos, endpos), table.whole.search(text, pos, endpos))
            _same(table.match(text, pos, endpos), table.whole.match(text, pos, endpos))
            found = [m.span() for m in table.finditer(text, pos, endpos)]
            assert found == [m.span() for m in table.whole.finditer(text, pos, endpos)]
        _same(table.search(text), table.whole.search(text))
        assert table.sub(" ", text) == table.whole.sub(" ", text)


def test_the_first_cue_wins_a_tie_and_the_leftmost_match_wins() -> None:
    table = CueAlternation([r"\bbid\b", r"\bbid for\b", "for"], re.IGNORECASE)
    assert table.search("a BID for him").group() == "BID"
    assert table.search("for a bid").group() == "for"


def test_the_tail_is_read_with_each_cue() -> None:
    table = CueAlternation([r"\bfrom", "loan"], re.IGNORECASE, tail=r"\s*$")
    assert table.search("on loan from ").group() == "from "
    assert table.search("from a loan").group() == "loan"
    assert table.search("from a loan at") is None


def test_cues_that_can_match_nothing_are_stepped_over_as_the_engine_does() -> None:
    table = CueAlternation(["x?", "ab"])
    assert [m.span() for m in table.finditer("abxab")] == [
        m.span() for m in table.whole.finditer("abxab")
    ]


def test_capturing_groups_keep_the_whole_pattern() -> None:
    table = CueAlternation([r"(bid)", "offer"])
    assert table.search("an offer, a bid").group(0) == "offer"
    assert table.search("a bid").group(1) == "bid"


def test_a_replacement_with_group_references_is_left_to_the_engine() -> None:
    table = CueAlternation(["bid", "offer"])
    assert table.sub(r"[\g<0>]", "a bid, an offer") == "a [bid], an [offer]"
    assert table.sub(" ", "a bid, an offer") == "a  , an  "


def test_a_negative_pos_is_read_as_the_engine_reads_it() -> None:
    # The engine takes a negative pos as 0; a slice of the text would count from its end.
    table = CueAlternation(["bid", "offer"])
    text = "a bid, then nothing"
    for pos, endpos in ((-3, len(text) - 1), (-1, 8), (-50, 5)):
        _same(table.search(text, pos, endpos), table.whole.search(text, pos, endpos))
        _same(table.match(text, pos, endpos), table.whole.match(text, pos, endpos))
        found = [m.span() for m in table.finditer(text, pos, endpos)]
        assert found == [m.span() for m in table.whole.finditer(text, pos, endpos)]


# Random cues from pieces the needle analysis must read rightly or give up on:
# look-arounds, optional parts, alternations, atomic groups, word edges, case.
_PIECES = [
    "a", "b", "ab", "ba", "k", "K", "s", "i", "I", "ss", " ", r"\b", r"\B", r"\s", r"\w", ".",
    "(?<=a)", "(?<!b)", "(?=a)", "(?!b)", "^", "$", r"\Z", "a?", "b*", "(?:ab)?", "(?:a|b)",
    "(?:ab|ba)", "(?:a|)", "a+?", "(?:ba)+", "[ab]", "[^a]", "(?>ab|a)", "a++", "(?-i:A)",
]  # fmt: skip
# Text pieces: case, the Kelvin sign, long s, dotless and dotted i, sharp s, new lines.
_CHARS = ["a", "b", "A", "B", " ", "k", "K", "\u212a", "s", "S", "ſ", "i", "I", "ı", "İ", "ß", "\n"]
_SPANS = st.tuples(st.integers(-3, 14), st.integers(-3, 14))


@settings(max_examples=300, deadline=None)
@given(
    cues=st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4).map("".join),
                  min_size=1, max_size=5),
    flags=st.sampled_from([0, re.IGNORECASE]),
    tail=st.sampled_from(["", r"\s*$", "b", r"(?=\s)"]),
    text=st.lists(st.sampled_from(_CHARS), max_size=12).map("".join),
    spans=st.lists(_SPANS, max_size=3),
)  # fmt: skip
def test_random_cues_find_what_their_alternation_finds(
    cues: list[str], flags: int, tail: str, text: str, spans: list[tuple[int, int]]
) -> None:
    table = CueAlternation(cues, flags, tail)
    for pos, endpos in [(0, len(text)), *spans]:
        _same(table.search(text, pos, endpos), table.whole.search(text, pos, endpos))
        _same(table.match(text, pos, endpos), table.whole.match(text, pos, endpos))
        found = [(m.span(), m.group()) for m in table.finditer(text, pos, endpos)]
        assert found == [(m.span(), m.group()) for m in table.whole.finditer(text, pos, endpos)]
    for replacement in ("", " X "):
        assert table.sub(replacement, text) == table.whole.sub(replacement, text)


# Words of the shipped cues, in any case, some with the characters that fold to ASCII.
_CUE_WORDS = sorted(
    {
        word
        for cues in cue_tables().values()
        for cue in cues
        for word in re.findall(r"[a-z']{2,}", cue)
    }
)
_FOLDED = str.maketrans({"k": "\u212a", "s": "ſ", "i": "ı"})
_WORD = st.sampled_from(_CUE_WORDS).flatmap(
    lambda w: st.sampled_from(
        [w, w.upper(), w.capitalize(), w.translate(_FOLDED), w.replace("i", "İ")]
    )
)
_TEXT = st.lists(
    st.one_of(_WORD, st.sampled_from([" ", ", ", "  ", "\n", ".", "'s", "£5m", "İ", "ß"])),
    max_size=24,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(name=st.sampled_from(sorted(TABLES)), text=_TEXT, spans=st.lists(_SPANS, max_size=2))
def test_every_table_finds_what_its_alternation_finds_in_cue_words(
    name: str, text: str, spans: list[tuple[int, int]]
) -> None:
    table = TABLES[name]
    for pos, endpos in [(0, len(text)), *spans]:
        _same(table.search(text, pos, endpos), table.whole.search(text, pos, endpos))
        _same(table.match(text, pos, endpos), table.whole.match(text, pos, endpos))
        found = [(m.span(), m.group()) for m in table.finditer(text, pos, endpos)]
        assert found == [(m.span(), m.group()) for m in table.whole.finditer(text, pos, endpos)]
    assert table.sub(" ", text) == table.whole.sub(" ", text)
