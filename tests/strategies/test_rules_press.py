"""The rules strategy on press wordings, one family of constructions per test.

Every sentence here is written for these tests (invented players, real clubs).
"""

from __future__ import annotations

import pytest

from rumourx import Extractor, Settings

RULES = Extractor(Settings(strategy="rules"))

Move = tuple[str, str | None, str, str]


def moves(text: str) -> set[Move]:
    """(player, from_club, to_club, status) for every rumour the rules report."""
    report = RULES.extract(text)
    return {(r.player, r.from_club, r.to_club, r.status.value) for r in report.rumours}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Brentford have joined the race to sign Porto's Brazilian winger Tomas Ferrandel, 22.",
            {("Tomas Ferrandel", "Porto", "Brentford", "linked")},
        ),
        (
            "Fulham have joined Everton and Burnley in the chase for Lyon striker Marek Ostrand, 24.",
            {
                ("Marek Ostrand", "Lyon", "Fulham", "linked"),
                ("Marek Ostrand", "Lyon", "Everton", "linked"),
                ("Marek Ostrand", "Lyon", "Burnley", "linked"),
            },
        ),
        (
            "Benfica defender Ilario Santeiro has joined Wolves on a four-year deal.",
            {("Ilario Santeiro", "Benfica", "Wolverhampton Wanderers", "completed")},
        ),
    ],
)
def test_a_club_joining_the_race_has_signed_nobody(text: str, expected: set[Move]) -> None:
    assert moves(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Celtic director of football Ruud Kamphorst will step down from his post, and the"
        " former Dutch winger has been linked with Arsenal.",
        "Former Chelsea and Wales defender Owen Pritchard is keen on the Burnley job.",
        "Fulham are considering an approach for Marco Silvano as their next head coach after the"
        " departure of Dario Santangelo.",
        "Everton are weighing up a return for former midfielder Kevin Mallory as the club's"
        " manager following the exit of Rafael Soto.",
    ],
)
def test_a_coaching_or_executive_job_is_no_rumour(text: str) -> None:
    assert moves(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Wolves boss Lars Ekdal says French striker Adrien Lavelle, 27, will be sold in"
            " January despite interest from Roma.",
            {("Adrien Lavelle", "Wolverhampton Wanderers", "Roma", "linked")},
        ),
        (
            "Valencia president Marta Rubio insists Brazil forward Thiago Mendoza, 24, will"
            " stay at the club.",
            set(),
        ),
        (
            "Roma boss Jose Mourinho wants to sign Arsenal's Swiss midfielder Dario Kessler, 28.",
            {("Dario Kessler", "Arsenal", "Roma", "linked")},
        ),
        (
            "Porto technical director Joao Leal has begun talks with Everton about Belgian winger"
            " Ruben Vanholt, with the Toffees happy to sell the 26-year-old.",
            {("Ruben Vanholt", "Everton", "Porto", "talks")},
        ),
    ],
)
def test_a_clubs_official_speaking_of_a_player_staying_or_sold_speaks_of_his_own(
    text: str, expected: set[Move]
) -> None:
    assert moves(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Leeds and Everton have expressed an interest in signing Uruguay forward Mateo"
            " Sardinas, 23, from Sevilla.",
            {
                ("Mateo Sardinas", "Sevilla", "Leeds United", "linked"),
                ("Mateo Sardinas", "Sevilla", "Everton", "linked"),
            },
        ),
        (
            "Brighton are preparing to make a bid for Danish striker Anders Kolding, 21,"
            " from Midtjylland.",
            {("Anders Kolding", "Midtjylland", "Brighton & Hove Albion", "bid")},
        ),
        (
            "Wolves have rejected a bid for Portuguese winger Tiago Moreira, 25, from West Ham.",
            {("Tiago Moreira", "Wolverhampton Wanderers", "West Ham United", "bid_rejected")},
        ),
        (
            "Porto are trying to fend off interest in Tiago Moreira from Liverpool and Arsenal.",
            {
                ("Tiago Moreira", "Porto", "Liverpool", "linked"),
                ("Tiago Moreira", "Porto", "Arsenal", "linked"),
            },
        ),
    ],
)
def test_from_a_club_after_the_player_names_his_club_unless_it_bids(
    text: str, expected: set[Move]
) -> None:
    assert moves(text) == expected


def test_a_club_that_rejects_a_bid_sells_and_the_bid_was_rejected() -> None:
    assert moves(
        "Burnley have rejected an offer from Leeds for Scottish defender Callum Reid, 26."
    ) == {("Callum Reid", "Burnley", "Leeds United", "bid_rejected")}


@pytest.mark.parametrize(
    "text",
    [
        "Fulham are interested in Lyon's French winger Bastien Morel, 22.",
        "Fulham are interested in Lyon winger Bastien Morel, 22.",
    ],
)
def test_a_city_club_after_in_is_the_club_when_a_player_follows(text: str) -> None:
    assert moves(text) == {("Bastien Morel", "Lyon", "Fulham", "linked")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Everton are keen on Porto's Brazilian midfielder Caio Renaldo, 23, but face"
            " competition from Lazio and Napoli.",
            {
                ("Caio Renaldo", "Porto", "Everton", "linked"),
                ("Caio Renaldo", "Porto", "Lazio", "linked"),
                ("Caio Renaldo", "Porto", "Napoli", "linked"),
            },
        ),
        (
            "Fulham like Torino and Italy striker Pietro Galante, but Roma and Napoli are"
            " also looking at the 25-year-old.",
            {
                ("Pietro Galante", "Torino", "Fulham", "linked"),
                ("Pietro Galante", "Torino", "Roma", "linked"),
                ("Pietro Galante", "Torino", "Napoli", "linked"),
            },
        ),
        (
            "Brentford hope to beat Aberdeen to the signature of Hibernian's Scottish winger Ewan"
            " Dalgleish, 20.",
            {
                ("Ewan Dalgleish", "Hibernian", "Brentford", "linked"),
                ("Ewan Dalgleish", "Hibernian", "Aberdeen", "linked"),
            },
        ),
        (
            "Former Everton manager Luigi Pardo wants to make Arsenal's Swiss defender Nico"
            " Brunner, 27, his first signing at Napoli.",
            {("Nico Brunner", "Arsenal", "Napoli", "linked")},
        ),
    ],
)
def test_rival_clubs_in_their_own_clause_are_buyers_not_sellers(
    text: str, expected: set[Move]
) -> None:
    assert moves(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Leeds are chasing 26-year-old Danish defender Mikkel Sorensen of Brentford.",
            {("Mikkel Sorensen", "Brentford", "Leeds United", "linked")},
        ),
        (
            "Fulham want Danish defender Mikkel Sorensen, whose contract at Brentford runs out"
            " in June.",
            {("Mikkel Sorensen", "Brentford", "Fulham", "linked")},
        ),
        (
            "Fulham want Danish defender Mikkel Sorensen but need Brentford to lower their"
            " £20m asking price.",
            {("Mikkel Sorensen", "Brentford", "Fulham", "linked")},
        ),
        (
            "Fulham want Danish defender Mikkel Sorensen but Brentford are reluctant to do"
            " business with them.",
            {("Mikkel Sorensen", "Brentford", "Fulham", "linked")},
        ),
    ],
)
def test_the_players_own_club_in_its_usual_wordings(text: str, expected: set[Move]) -> None:
    assert moves(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chelsea could sell French defender Luc Marchand as they close in on the signing of"
            " Everton and England defender Tom Ashby, 24.",
            {("Tom Ashby", "Everton", "Chelsea", "agreed")},
        ),
    ],
)
def test_a_club_selling_one_player_to_buy_another(text: str, expected: set[Move]) -> None:
    assert moves(text) == expected


def test_clubs_whose_officials_meet_are_not_the_players_club() -> None:
    found = moves(
        "Officials from Leeds and Porto met this week to talk about a deal that would see"
        " Portuguese winger Nuno Valente join the Whites."
    )
    # Which of the two sells is not said; the destination the text names is read.
    assert ("Nuno Valente", None, "Leeds United", "linked") in found


def test_speculation_linking_him_with_clubs_links_him() -> None:
    assert moves(
        "Porto winger Andre Salgado, 24, says he is not thinking of leaving, despite"
        " speculation linking him with Everton and Fulham."
    ) == {
        ("Andre Salgado", "Porto", "Everton", "linked"),
        ("Andre Salgado", "Porto", "Fulham", "linked"),
    }


def test_the_players_contract_at_a_club_names_his_club() -> None:
    assert moves(
        "Andre Salgado is Everton's top target, with the 24-year-old's contract at Porto"
        " running out in the summer."
    ) == {("Andre Salgado", "Porto", "Everton", "linked")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Fulham hope to agree a new contract with Harvey Lomond, 27, before the summer.",
            {("Harvey Lomond", "Fulham", "Fulham", "linked")},
        ),
        (
            "Burnley are in talks with Lomond over a new £60,000-a-week contract.",
            {("Lomond", "Burnley", "Burnley", "talks")},
        ),
    ],
)
def test_renewal_talks_name_the_player_and_his_club(text: str, expected: set[Move]) -> None:
    assert moves(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Fulham have refused to comment on moves for Lomond and Porto defender Rui Vidal.",
        "Fulham want a winger, with the club also having Lomond among their list of targets.",
    ],
)
def test_a_lone_surname_in_a_target_slot_is_a_player(text: str) -> None:
    assert ("Lomond", None, "Fulham", "linked") in moves(text)


def test_a_club_that_hoped_to_sign_him_before_is_an_earlier_suitor() -> None:
    assert moves(
        "Fulham have made a loan bid for Chelsea defender Ollie Brant after Reading hoped to"
        " sign the 20-year-old."
    ) == {("Ollie Brant", "Chelsea", "Fulham", "bid")}
