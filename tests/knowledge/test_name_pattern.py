import re

from hypothesis import given
from hypothesis import strategies as st

from rumourx.knowledge.clubs import club_index
from rumourx.knowledge.name_pattern import alternation


def _plain(names: list[str]) -> re.Pattern[str]:
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(" + "|".join(re.escape(n) for n in ordered) + r")(?![\w-])")


def _trie(names: list[str]) -> re.Pattern[str]:
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(" + alternation(ordered) + r")(?![\w-])")


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span(1) for m in pattern.finditer(text)]


def test_the_longest_name_that_fits_is_taken_and_shorter_ones_when_it_does_not() -> None:
    names = ["Man", "Manchester", "Manchester United", "Manchester City", "Inter", "Inter Milan"]
    pattern = _trie(names)
    assert [m.group(1) for m in pattern.finditer("Manchester United, Manchester-ish, Man")] == [
        "Manchester United",
        "Man",
    ]
    assert [m.group(1) for m in pattern.finditer("Inter Milanese and Inter Milan")] == [
        "Inter",
        "Inter Milan",
    ]


names_strategy = st.lists(st.text(alphabet="ab .-", min_size=1, max_size=6), min_size=1, max_size=8)


@given(names_strategy, st.text(alphabet="ab .-x", max_size=40))
def test_the_trie_matches_what_the_plain_alternation_matches(names: list[str], text: str) -> None:
    assert _spans(_trie(names), text) == _spans(_plain(names), text)


def test_the_club_table_matches_as_the_plain_alternation_would() -> None:
    aliases = [alias for alias, _ in club_index().alias_items()]
    text = " ".join(a[: len(a) // 2 + 1] + " " + a + "s " + a + "-x the " + a for a in aliases)
    assert _spans(_trie(aliases), text) == _spans(_plain(aliases), text)
