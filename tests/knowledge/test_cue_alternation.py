"""A cue table searched cue by cue gives what the whole alternation gives."""

from __future__ import annotations

import re

import pytest

from rumourx.knowledge.cue_alternation import CueAlternation
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
