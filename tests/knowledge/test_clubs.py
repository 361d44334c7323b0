import pytest
from hypothesis import given
from hypothesis import strategies as st

from rumourx import normalise_club
from rumourx.knowledge.clubs import club_index


@pytest.mark.parametrize(
    ("alias", "club"),
    [
        ("the Gunners", "Arsenal"),
        ("Los Blancos", "Real Madrid"),
        ("the Bianconeri", "Juventus"),
        ("Spurs", "Tottenham Hotspur"),
        ("Man Utd", "Manchester United"),
        ("PSG", "Paris Saint-Germain"),
        ("Barca", "Barcelona"),
        ("Barça", "Barcelona"),
        ("Inter", "Inter Milan"),
        ("Wolves", "Wolverhampton Wanderers"),
        ("West Brom", "West Bromwich Albion"),
        ("atletico madrid", "Atletico Madrid"),
        ("Bayern München", "Bayern Munich"),
        ("the Camp Nou", "Barcelona"),
        ("Schalke", "Schalke 04"),
    ],
)
def test_aliases_and_nicknames_normalise(alias: str, club: str) -> None:
    assert normalise_club(alias) == club


def test_unknown_clubs_pass_through_trimmed() -> None:
    assert normalise_club("  Lokomotiv   Plovdiv ") == "Lokomotiv Plovdiv"
    assert normalise_club(None) is None


def test_top_five_leagues_are_covered() -> None:
    index = club_index()
    for club in [
        "Arsenal",
        "Brentford",
        "Real Madrid",
        "Girona",
        "Juventus",
        "Monza",
        "Bayern Munich",
        "Heidenheim",
        "Paris Saint-Germain",
        "Brest",
    ]:
        assert club in index.clubs


def test_find_resolves_contextual_aliases_and_skips_cities() -> None:
    index = club_index()
    text = "Manchester United want him. United will bid. He lives in Madrid."
    found = [(m.club, m.alias) for m in index.find(text, {"Manchester United"})]
    assert found == [("Manchester United", "Manchester United"), ("Manchester United", "United")]


@given(st.sampled_from(sorted(club_index().clubs)))
def test_a_canonical_name_normalises_to_itself(club: str) -> None:
    assert normalise_club(club) == club
    assert normalise_club(normalise_club(club)) == club


@given(st.text(max_size=40))
def test_normalising_is_idempotent_for_any_text(name: str) -> None:
    once = normalise_club(name)
    assert normalise_club(once) == once
