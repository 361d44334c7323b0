"""The rules strategy's status ladder, one mechanism per family of press wordings.

Every sentence here is written for these tests (invented players, real clubs).
"""

from __future__ import annotations

import pytest

from rumourx import Extractor, Settings

RULES = Extractor(Settings(strategy="rules"))


def statuses(text: str) -> dict[tuple[str, str | None], str]:
    """(player, to_club) -> status for every rumour the rules report."""
    return {(r.player, r.to_club): r.status.value for r in RULES.extract(text).rumours}


@pytest.mark.parametrize(
    "text",
    [
        "Arsenal have held talks with Porto over winger Tomas Ferrandel, 22.",
        "Arsenal have opened negotiations with Porto over winger Tomas Ferrandel.",
        "Arsenal have made an approach for Porto winger Tomas Ferrandel.",
        "Arsenal have enquired about Porto winger Tomas Ferrandel, 23.",
        "Arsenal have made an enquiry about Porto winger Tomas Ferrandel.",
        "Arsenal are in discussions with Porto over winger Tomas Ferrandel.",
        "Arsenal have been in contact with Porto about winger Tomas Ferrandel.",
        "Arsenal have sounded out Porto about winger Tomas Ferrandel.",
        "Arsenal have made contact with Porto over winger Tomas Ferrandel.",
        "Arsenal are talking to Porto about winger Tomas Ferrandel.",
        "Arsenal have been in touch with Porto over winger Tomas Ferrandel.",
        "Arsenal have spoken to Porto about winger Tomas Ferrandel.",
        "Arsenal have asked about the availability of Porto winger Tomas Ferrandel.",
        "Arsenal have edged closer to signing Porto winger Tomas Ferrandel.",
    ],
)
def test_contact_approach_enquiry_and_negotiation_are_talks(text: str) -> None:
    assert statuses(text) == {("Tomas Ferrandel", "Arsenal"): "talks"}


@pytest.mark.parametrize(
    "text",
    [
        "Everton have made a £30m offer for Lyon striker Marek Ostrand.",
        "Everton have submitted a bid for Lyon striker Marek Ostrand.",
        "Everton have tabled an offer for Lyon striker Marek Ostrand.",
        "Everton have offered £20m for Lyon striker Marek Ostrand.",
        "Everton have made an opening offer of £25m for Lyon striker Marek Ostrand.",
        "Everton are preparing to make an offer for Lyon striker Marek Ostrand.",
    ],
)
def test_an_offer_made_or_prepared_is_a_bid(text: str) -> None:
    assert statuses(text) == {("Marek Ostrand", "Everton"): "bid"}


@pytest.mark.parametrize(
    "text",
    [
        "Fulham have pulled out of the race to sign Benfica defender Ilario Santeiro.",
        "Fulham have ended their interest in Benfica defender Ilario Santeiro.",
        "Fulham have walked away from a deal for Benfica defender Ilario Santeiro.",
        "Fulham are no longer interested in Benfica defender Ilario Santeiro.",
        "Fulham have abandoned their pursuit of Benfica defender Ilario Santeiro.",
        "Fulham have cooled their interest in Benfica defender Ilario Santeiro.",
    ],
)
def test_a_club_that_walks_away_has_collapsed(text: str) -> None:
    assert statuses(text) == {("Ilario Santeiro", "Fulham"): "collapsed"}


@pytest.mark.parametrize(
    "text",
    [
        "Leeds are monitoring Ajax midfielder Pieter Vondel, 22.",
        "Leeds want to sign Ajax midfielder Pieter Vondel.",
        "Leeds are keeping tabs on Ajax midfielder Pieter Vondel.",
        "Leeds are considering a move for Ajax midfielder Pieter Vondel.",
        "Leeds are preparing to make a move for Ajax midfielder Pieter Vondel.",
        "Leeds have never asked Ajax about midfielder Pieter Vondel's availability despite"
        " their interest in him.",
        "Leeds have not held talks with Ajax about midfielder Pieter Vondel.",
    ],
)
def test_wanting_and_watching_stay_linked(text: str) -> None:
    assert statuses(text) == {("Pieter Vondel", "Leeds United"): "linked"}


def test_talks_in_another_clause_about_another_player_lend_nothing() -> None:
    found = statuses(
        "Brentford are interested in Monaco forward Lucas Merrin, while Arsenal have held talks"
        " with Sevilla over defender Carlos Ortuno."
    )
    assert found[("Lucas Merrin", "Brentford")] == "linked"
    assert found[("Carlos Ortuno", "Arsenal")] == "talks"


def test_the_clause_naming_buyer_and_player_governs_a_later_mention() -> None:
    found = statuses(
        "Everton have restarted talks to sign Danish winger Jonas Lindqvist from Freiburg, and the"
        " German club are keen on selling the 23-year-old to the Toffees before February."
    )
    assert found == {("Jonas Lindqvist", "Everton"): "talks"}


def test_a_bid_rejected_by_the_seller_after_the_players_age_is_rejected() -> None:
    found = statuses(
        "Wolves have seen a £21m bid for Belgium winger Jules Verhaegen, 27, rejected by Lille."
    )
    assert found == {("Jules Verhaegen", "Wolverhampton Wanderers"): "bid_rejected"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lyon striker Marek Ostrand, 24, is being watched by clubs including Everton.",
            {("Marek Ostrand", "Everton"): "linked"},
        ),
        (
            "Ajax look set to battle it out with Everton for Lyon winger Marek Ostrand, 19.",
            {("Marek Ostrand", "Ajax"): "linked", ("Marek Ostrand", "Everton"): "linked"},
        ),
        (
            "Could Lyon striker Marek Ostrand, 26, be on his way to Everton?",
            {("Marek Ostrand", "Everton"): "linked"},
        ),
        (
            "Everton have asked Lyon about taking striker Marek Ostrand, 20, on loan.",
            {("Marek Ostrand", "Everton"): "talks"},
        ),
        (
            "Lyon striker Marek Ostrand, 34, is set to choose Everton when his contract with"
            " Lyon expires.",
            {("Marek Ostrand", "Everton"): "agreed"},
        ),
    ],
)
def test_wordings_that_gave_nothing_now_give_the_move(
    text: str, expected: dict[tuple[str, str | None], str]
) -> None:
    assert statuses(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Lyon striker Marek Ostrand, 24, is set for a loan move to Everton.",
        "Marek Ostrand's imminent arrival at Everton from Lyon could free up a squad place.",
    ],
)
def test_a_move_set_or_imminent_is_agreed(text: str) -> None:
    assert statuses(text) == {("Marek Ostrand", "Everton"): "agreed"}


@pytest.mark.parametrize(
    ("text", "player", "club", "status"),
    [
        # Collapsed: the deal fell through, the club failed, the player does not want it.
        (
            "The proposed loan of Hull forward Nam Mendel to Sparta Rotterdam has fallen through.",
            "Nam Mendel",
            "Sparta Rotterdam",
            "collapsed",
        ),
        (
            "Leeds failed with a late approach for Porto winger Rico Puigden.",
            "Rico Puigden",
            "Leeds United",
            "collapsed",
        ),
        (
            "Chris Smalwood does not want to join Newcastle, despite their interest.",
            "Chris Smalwood",
            "Newcastle United",
            "collapsed",
        ),
        # Bid: an offer being prepared.
        (
            "Villarreal plan to offer Marko Brozic a three-year deal when his Inter Milan contract"
            " ends.",
            "Marko Brozic",
            "Villarreal",
            "bid",
        ),
        (
            "Brentford are preparing to make a £12m move for Genk forward Max Corbin and have"
            " opened talks over personal terms.",
            "Max Corbin",
            "Brentford",
            "bid",
        ),
        # Linked: a rival named after the club in talks; a club that joins others in being
        # linked has signed nobody.
        (
            "Hull City have begun talks with goalkeeper Jack Hanley, who is out of contract, amid"
            " competition from Stoke.",
            "Jack Hanley",
            "Stoke City",
            "linked",
        ),
        (
            "Napoli have joined Lazio in being linked with Brazil defender Cris Romano.",
            "Cris Romano",
            "Napoli",
            "linked",
        ),
        # Talks: the clause that closes a list of clubs gives all of them its stage.
        (
            "Lazio lead the chase for Ajax defender Yves Bissoma, with Napoli, Roma and Fiorentina"
            " also making enquiries.",
            "Yves Bissoma",
            "Napoli",
            "talks",
        ),
    ],
)
def test_stage_wordings_of_the_press(text: str, player: str, club: str, status: str) -> None:
    assert statuses(text)[(player, club)] == status


def test_a_bid_that_only_could_come_stays_linked() -> None:
    text = "Arsenal could make a bid for Lyon striker Tor Halvorsen."
    assert statuses(text) == {("Tor Halvorsen", "Arsenal"): "linked"}


@pytest.mark.parametrize(
    ("text", "player", "club", "status"),
    [
        (
            "Kyle Mbala, 22, has been urged to remain at Paris St-Germain amid links with Real"
            " Madrid.",
            "Kyle Mbala",
            "Real Madrid",
            "linked",
        ),
        (
            "Barcelona are preparing to bolster their attack with Chelsea's German forward Tim"
            " Wehner, 25, being considered.",
            "Tim Wehner",
            "Barcelona",
            "linked",
        ),
        (
            "West Ham want Clermont striker Mo Bayor. Bayor, 23, has scored seven goals this"
            " season with Southampton and Brentford also keen on the Frenchman.",
            "Mo Bayor",
            "Brentford",
            "linked",
        ),
        (
            "Chelsea have turned their attention away from Lille striker Oscar Dumont because of"
            " his price.",
            "Oscar Dumont",
            "Chelsea",
            "collapsed",
        ),
    ],
)
def test_interest_wordings_of_the_press(text: str, player: str, club: str, status: str) -> None:
    assert statuses(text)[(player, club)] == status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A subordinate clause with its own subject keeps its stage to itself.
        (
            "Leeds failed with a late approach for Porto winger Rico Puigden, before they secured"
            " Benfica midfielder Mart Odegren on loan.",
            {
                ("Rico Puigden", "Leeds United"): "collapsed",
                ("Mart Odegren", "Leeds United"): "completed",
            },
        ),
        (
            "Leeds will miss out on Lazio's Rob Gosling as Inter Milan appear set to sign the"
            " German.",
            {
                ("Rob Gosling", "Leeds United"): "collapsed",
                ("Rob Gosling", "Inter Milan"): "agreed",
            },
        ),
        # Closer to an agreement is not yet one; a transfer "80% complete" is agreed.
        (
            "Everton edged closer to an agreement for Ajax defender Ben Whitby on Monday.",
            {("Ben Whitby", "Everton"): "talks"},
        ),
        (
            "Brighton's deal for Lille forward Sergio Agueda is now 90 per cent complete.",
            {("Sergio Agueda", "Brighton & Hove Albion"): "agreed"},
        ),
        (
            "Arsenal have secured a deal for Lyon striker Tor Halvorsen.",
            {("Tor Halvorsen", "Arsenal"): "agreed"},
        ),
    ],
)
def test_each_clause_keeps_its_own_stage(
    text: str, expected: dict[tuple[str, str | None], str]
) -> None:
    assert statuses(text) == expected


def test_a_club_prepared_for_its_player_to_leave_is_no_destination() -> None:
    text = "Manchester United are prepared for midfielder Paul Poggio to leave next summer."
    assert statuses(text) == {}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Arsenal have been offered Lyon striker Tor Halvorsen.", "linked"),
        ("Arsenal's bid to sign a striker could see them move for Lyon's Tor Halvorsen.", "linked"),
        ("Arsenal face a bidding war for Lyon striker Tor Halvorsen.", "linked"),
        ("Arsenal have made a bid to sign Lyon striker Tor Halvorsen.", "bid"),
    ],
)
def test_an_offered_player_or_an_attempt_is_no_bid(text: str, status: str) -> None:
    assert statuses(text) == {("Tor Halvorsen", "Arsenal"): status}


@pytest.mark.parametrize(
    ("text", "club", "status"),
    [
        # Ends: a move blocked, a clause not going to be used, the player staying put.
        (
            "Lyon have blocked striker Tor Halvorsen's planned switch to Everton.",
            "Everton",
            "collapsed",
        ),
        (
            "Tor Halvorsen looks set to stay at Lyon as Everton are unlikely to activate their"
            " option on the striker.",
            "Everton",
            "collapsed",
        ),
        (
            "Tor Halvorsen's representative says the striker will stay at Lyon, despite interest"
            " from Everton.",
            "Everton",
            "collapsed",
        ),
        # Agreed: stated to come, announced, a medical before completion.
        (
            "Lyon striker Tor Halvorsen will join Everton on a three-year contract in July.",
            "Everton",
            "agreed",
        ),
        (
            "Everton are poised to announce the signing of Lyon striker Tor Halvorsen.",
            "Everton",
            "agreed",
        ),
        (
            "Lyon striker Tor Halvorsen is in England and has a medical booked before completing"
            " his switch to Everton.",
            "Everton",
            "agreed",
        ),
        # A raised bid was a bid, whatever the hedge.
        (
            "Everton may improve their offer for Lyon striker Tor Halvorsen this week.",
            "Everton",
            "bid",
        ),
        # Wished, conditional or only explored: linked.
        ("Everton hope to agree a loan deal for Lyon striker Tor Halvorsen.", "Everton", "linked"),
        (
            "Lyon striker Tor Halvorsen would welcome a switch to Everton if the clubs could agree"
            " a fee.",
            "Everton",
            "linked",
        ),
        ("Everton have explored a move for Lyon striker Tor Halvorsen.", "Everton", "linked"),
        ("Everton are optimistic they will land Lyon striker Tor Halvorsen.", "Everton", "linked"),
    ],
)
def test_ends_arrivals_and_wishes_of_a_move(text: str, club: str, status: str) -> None:
    assert statuses(text)[("Tor Halvorsen", club)] == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # "no" negates the bid it governs...
        ("Everton have made no bid for Lyon striker Tor Halvorsen.", "linked"),
        # ...but not when it only says the bid is certain or open.
        (
            "Everton insist there is no doubt they have lodged a bid for Lyon striker"
            " Tor Halvorsen.",
            "bid",
        ),
        (
            "Everton have made no secret of the bid they lodged for Lyon striker Tor Halvorsen.",
            "bid",
        ),
    ],
)
def test_no_doubt_or_no_secret_does_not_negate_a_bid(text: str, status: str) -> None:
    assert statuses(text)[("Tor Halvorsen", "Everton")] == status
