"""The rules' person filter: managers, executives, coaches and grounds are no movers.

Every sentence here is written for these tests (invented people, real clubs).
"""

from __future__ import annotations

import pytest

from rumourx import Extractor, Settings

RULES = Extractor(Settings(strategy="rules"))


def moves(text: str) -> set[tuple[str, str]]:
    """(player, to_club) for every rumour the rules report."""
    return {(r.player, r.to_club) for r in RULES.extract(text).rumours}


@pytest.mark.parametrize(
    "text",
    [
        # "NAME, boss of CLUB": a manager, whatever list he is on.
        "Anders Kjeldberg, boss of Belgian side Genk, is among the names Leeds United are"
        " considering.",
        # "NAME, who is working as ROLE": an executive.
        "Everton have held talks with Pieter Vandermolen, who is employed as sporting director"
        " by PSV Eindhoven.",
        # A coaching team, coaching experience, youth development: a job, not a transfer.
        "Burnley want Dimitri Karras on their coaching team after his departure from Stoke.",
        "Leeds manager Per Holm would welcome former Celtic and Ghana midfielder Kwame Asante,"
        " 39, to gain coaching experience at the club.",
        "Ex-Wales captain Gareth Pryce will go back to Swansea next season to help with youth"
        " development.",
        # A former player who comments on a managerial vacancy, named far from "former".
        "Former Sunderland and Scotland Under-21 midfielder Callum Reid, 36, believes Hibernian"
        " should sound out Aberdeen boss Ian Crane over their managerial vacancy.",
    ],
)
def test_a_manager_coach_or_executive_is_no_player(text: str) -> None:
    assert moves(text) == set()


def test_a_chief_executive_written_with_a_title_is_no_player() -> None:
    text = (
        "Speaking on Friday, Lyon CEO Hans-Peter Brandt confirmed that Real Madrid want"
        " Norwegian striker Tor Halvorsen."
    )
    assert moves(text) == {("Tor Halvorsen", "Real Madrid")}


@pytest.mark.parametrize("role", ["chief executive", "president", "sporting director"])
def test_an_official_reporting_another_clubs_interest_names_no_buyer_in_his_club(
    role: str,
) -> None:
    text = (
        f"Lyon {role} Marc Berthier says Arsenal are interested in signing Norwegian striker"
        " Tor Halvorsen, 21."
    )
    assert moves(text) == {("Tor Halvorsen", "Arsenal")}


def test_an_official_who_puts_his_own_club_in_the_race_keeps_it_a_buyer() -> None:
    text = (
        "Bayern Munich chief executive Karl Brenner says Liverpool and Chelsea are vying with his"
        " side for the signing of RB Leipzig defender Dayo Umeka, 22."
    )
    assert moves(text) == {
        ("Dayo Umeka", "Bayern Munich"),
        ("Dayo Umeka", "Liverpool"),
        ("Dayo Umeka", "Chelsea"),
    }


def test_a_manager_who_wants_a_player_still_makes_his_club_the_buyer() -> None:
    text = "Roma boss Luca Verdi has confirmed the club are keen to sign Tor Halvorsen, 21."
    assert moves(text) == {("Tor Halvorsen", "Roma")}


def test_a_ground_named_after_a_person_is_no_player() -> None:
    text = (
        "Chelsea are close to a permanent deal for Monaco midfielder Aurel Tchamba, 21, who"
        " could then stay at the Stade Louis II on loan for a season."
    )
    assert {player for player, _ in moves(text)} == {"Aurel Tchamba"}


def test_a_nationality_after_the_stands_for_the_player_last_named() -> None:
    text = (
        "Paris St-Germain are keen on signing Lille striker Jon Davidson. Chelsea and"
        " Tottenham have also asked about the Canadian's availability."
    )
    assert moves(text) == {
        ("Jon Davidson", "Paris Saint-Germain"),
        ("Jon Davidson", "Chelsea"),
        ("Jon Davidson", "Tottenham Hotspur"),
    }


def test_a_nationality_naming_a_club_is_no_player() -> None:
    text = "Arsenal want Lyon striker Jon Davidson. He is also wanted by the French club."
    assert moves(text) == {("Jon Davidson", "Arsenal")}


def test_a_listed_executive_is_no_player() -> None:
    text = (
        "With pressure growing on Arsenal technical director Edu Lemos, the club are weighing"
        " up Marc Overmars as his successor."
    )
    assert moves(text) == set()
