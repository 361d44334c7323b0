"""The rules' club roles in press wordings: who buys, who sells, who is only named;
and a move's stage told in the buyer's next clause or sentence.

Every sentence here is written for these tests (invented players, real clubs).
"""

from __future__ import annotations

import pytest

from rumourx import Extractor, Settings

RULES = Extractor(Settings(strategy="rules"))

Move = tuple[str, str | None, str, str]


def moves(text: str) -> set[Move]:
    """(player, from_club, to_club, status) for every rumour the rules report."""
    return {(r.player, r.from_club, r.to_club, r.status.value) for r in RULES.extract(text).rumours}


@pytest.mark.parametrize(
    "text",
    [
        "Benfica have told Everton that winger Tiago Moreira is not for sale, although the two"
        " clubs are still in talks.",
        "Benfica have informed Everton that Tiago Moreira will not be sold, but discussions"
        " between the sides go on.",
    ],
)
def test_a_club_telling_another_its_player_is_not_for_sale_is_his_club(text: str) -> None:
    assert moves(text) == {("Tiago Moreira", "Benfica", "Everton", "talks")}


def test_a_club_telling_another_it_will_bid_stays_the_buyer() -> None:
    text = "Arsenal have told Lyon they will bid for Tor Halvorsen before he leaves."
    assert moves(text) == {("Tor Halvorsen", "Lyon", "Arsenal", "bid")}


@pytest.mark.parametrize(
    "text",
    [
        "Tottenham are hoping to convince Lyon defender Jens Aalund to join them.",
        "Tottenham are trying to persuade Lyon defender Jens Aalund to move to north London.",
    ],
)
def test_the_club_that_persuades_a_player_to_join_is_his_destination(text: str) -> None:
    assert moves(text) == {("Jens Aalund", "Lyon", "Tottenham Hotspur", "linked")}


def test_the_club_that_persuades_its_player_to_stay_offers_an_extension() -> None:
    assert moves("Arsenal are trying to convince Jens Aalund to stay.") == {
        ("Jens Aalund", "Arsenal", "Arsenal", "linked")
    }


def test_the_player_a_target_would_succeed_is_a_bystander() -> None:
    text = (
        "Chelsea have drawn up a list of successors to Dave Degler, with Brentford keeper Emil"
        " Marston on it."
    )
    assert moves(text) == {("Emil Marston", "Brentford", "Chelsea", "linked")}


def test_a_season_spent_on_loan_is_a_spell_not_a_completed_deal() -> None:
    text = (
        "Wolves are keen on Lyon defender Jens Aalund, who has spent the last two seasons on"
        " loan at Rennes."
    )
    assert {status for *_, status in moves(text)} == {"linked"}
    assert moves("Chelsea have spent £50m on Lyon striker Tor Halvorsen.") == {
        ("Tor Halvorsen", "Lyon", "Chelsea", "completed")
    }


def test_a_list_on_the_club_s_shortlist_goes_to_the_club_the_text_is_about() -> None:
    text = (
        "Salzburg striker Karl Adler, 19, is Borussia Dortmund's top target. Fiorentina's Vlasko"
        " and Stuttgart's Austria forward Sam Kalder, 24, are also on the Bundesliga club's"
        " shortlist."
    )
    assert {(player, to) for player, _, to, _ in moves(text)} == {
        ("Karl Adler", "Borussia Dortmund"),
        ("Vlasko", "Borussia Dortmund"),
        ("Sam Kalder", "Borussia Dortmund"),
    }


def test_a_player_a_club_has_offered_to_another_is_read_from_his_surname() -> None:
    text = "Barcelona have already offered Brantley to Everton."
    assert moves(text) == {("Brantley", "Barcelona", "Everton", "bid")}


@pytest.mark.parametrize(
    "text",
    [
        "Arsenal have asked Lyon about Tor Halvorsen.",
        "Arsenal have opened dialogue with Lyon about Tor Halvorsen.",
        "Arsenal have been speaking to Lyon about Tor Halvorsen.",
        "Arsenal have made an approach to Lyon for Tor Halvorsen.",
        "Lyon have received an enquiry from Arsenal about Tor Halvorsen.",
        "Lyon have been approached by Arsenal about striker Tor Halvorsen.",
    ],
)
def test_the_club_spoken_to_about_a_player_is_his_club(text: str) -> None:
    assert moves(text) == {("Tor Halvorsen", "Lyon", "Arsenal", "talks")}


def test_a_club_that_receives_a_boost_is_still_the_buyer() -> None:
    text = "Newcastle have received encouragement in their chase for Lyon striker Tor Halvorsen."
    assert moves(text) == {("Tor Halvorsen", "Lyon", "Newcastle United", "linked")}


def test_a_club_named_as_a_rival_in_the_race_is_no_selling_club() -> None:
    assert moves("Arsenal are keen on Tor Halvorsen ahead of rivals Chelsea.") == {
        ("Tor Halvorsen", None, "Arsenal", "linked"),
        ("Tor Halvorsen", None, "Chelsea", "linked"),
    }


# A move's stage told outside the player's clause (strategies/rules/stage_context.py).


@pytest.mark.parametrize(
    "text",
    [
        # The next clause, with the club as its unspoken subject.
        "Arsenal are interested in Lyon striker Tor Halvorsen, 24, and have made contact with"
        " his representatives.",
        "Arsenal want Lyon striker Tor Halvorsen, 24, and have opened talks with the French club.",
        # A relative clause with a plural verb: the club, not the player.
        "Lyon striker Tor Halvorsen, 24, is a target for Arsenal, who have held talks with his"
        " agent.",
        # The next sentence, with the buyer or "they" as its subject and no other player.
        "Arsenal are keen on Lyon striker Tor Halvorsen. They have opened talks over a deal.",
        "Arsenal are keen on Lyon striker Tor Halvorsen. The Gunners have already made contact"
        " with the French club.",
    ],
)
def test_talks_told_in_the_buyers_next_clause_or_sentence_are_the_moves(text: str) -> None:
    assert moves(text) == {("Tor Halvorsen", "Lyon", "Arsenal", "talks")}


@pytest.mark.parametrize(
    "text",
    [
        "Arsenal want Lyon striker Tor Halvorsen, 24, and have made a bid for Sam Kalder.",
        "Arsenal are keen on Lyon striker Tor Halvorsen. Chelsea have opened talks with Lyon.",
        "Arsenal want Lyon striker Tor Halvorsen, who has held talks with Chelsea.",
    ],
)
def test_a_stage_about_another_player_or_club_lends_nothing(text: str) -> None:
    found = {(p, to): status for p, _, to, status in moves(text)}
    assert found[("Tor Halvorsen", "Arsenal")] == "linked"


def test_the_next_sentence_may_name_the_player_by_a_descriptor() -> None:
    text = (
        "Paris St-Germain are keen on signing Lille striker Jon Davidson. The French club"
        " have also made contact with the Canadian."
    )
    assert moves(text) == {("Jon Davidson", "Lille", "Paris Saint-Germain", "talks")}
