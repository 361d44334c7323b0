"""Needles: what every match of a regular expression must contain."""

from __future__ import annotations

import re
import sys

from rumourx.knowledge.cues import cue_tables
from rumourx.knowledge.regex_needles import fold_case, needles


def test_a_phrase_needs_itself() -> None:
    assert needles(r"\bmove\ to\b", re.IGNORECASE) == {"move to"}


def test_case_is_folded_only_when_ignored() -> None:
    assert needles("Move", re.IGNORECASE) == {"move"}
    assert needles("Move") == {"Move"}


def test_an_alternation_needs_one_of_its_branches() -> None:
    assert needles(r"\b(?:sign|land)s?\s+him", re.IGNORECASE) == {"sign", "land"}


def test_the_longest_required_part_is_kept() -> None:
    assert needles(r"\bto\s+(?:re)?join(?:ing)?\b", re.IGNORECASE) == {"join"}


def test_a_needle_inside_another_is_enough() -> None:
    assert needles(r"(?:stays|stay)\s+at", re.IGNORECASE) == {"stay"}


def test_optional_or_unknown_parts_give_no_needle() -> None:
    assert needles(r"(?:deal)?\s*$") is None
    assert needles(r"(?:a|b?)c?") is None
    assert needles(r"[a-z]+\d") is None
    assert needles(r"(?=signs)\w+") is None  # a look-ahead takes no text


def test_a_repeat_at_least_once_needs_its_text() -> None:
    assert needles(r"(?:bid ){1,3}") == {"bid "}
    assert needles(r"(?:bid ){0,3}x") == {"x"}


def test_case_turned_on_in_part_of_a_case_sensitive_pattern_gives_up() -> None:
    assert needles(r"(?i:deal)") is None


def test_only_ascii_letters_make_needles() -> None:
    assert needles("negociação", re.IGNORECASE) == {"negocia"}
    assert needles("ñ", re.IGNORECASE) is None


def test_every_shipped_cue_is_read() -> None:
    for section, cues in cue_tables().items():
        for cue in cues:
            found = needles(cue, re.IGNORECASE)
            assert found is None or all(found), (section, cue)


def test_folding_gives_every_character_the_engine_takes_for_an_ascii_one() -> None:
    # Every code point that a case-ignoring pattern matches to an ASCII character
    # must fold to that character, or a needle could miss a real match.
    ascii_class = re.compile(r"[\x00-\x7f]", re.IGNORECASE)
    literals = [re.compile(re.escape(chr(a)), re.IGNORECASE) for a in range(128)]
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        near_ascii = any(f(char).isascii() for f in (str.lower, str.upper, str.casefold))
        if code < 128 or not (near_ascii or ascii_class.fullmatch(char)):
            continue
        for a, literal in enumerate(literals):
            if literal.fullmatch(char):
                assert fold_case(char) == chr(a).lower(), hex(code)


def test_folding_keeps_ascii_and_other_text() -> None:
    assert fold_case("Move TO Milan") == "move to milan"
    assert fold_case("Dembélé İlkay ſign") == "dembélé ilkay sign"
