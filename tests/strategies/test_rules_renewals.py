"""The rules strategy's renewals: a new contract climbs the same ladder as a move.

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
    ("text", "status"),
    [
        # Talks named, even under a hedge, are talks.
        (
            "A knee problem might delay talks over a new contract at Everton for Ola Brenvik.",
            "talks",
        ),
        # An offer made or about to be made is a bid.
        ("Everton will soon offer defender Ola Brenvik, 29, a new two-year contract.", "bid"),
        ("Everton have offered defender Ola Brenvik a new deal worth £40,000 a week.", "bid"),
        # Handed over or about to be signed: agreed.
        ("Everton are set to give winger Ola Brenvik, 23, a new deal until 2028.", "agreed"),
        ("Everton winger Ola Brenvik, 23, is ready to sign a new deal at Goodison Park.", "agreed"),
        (
            "Everton winger Ola Brenvik has spent the week agreeing a new contract with the club.",
            "agreed",
        ),
        # Wanted by the player or by his club: talks.
        (
            "Everton winger Ola Brenvik wants to renew his deal, though his wage demands are high.",
            "talks",
        ),
        ("Everton want winger Ola Brenvik, 23, to sign a new contract before the spring.", "talks"),
        # Believed, or only being prepared: linked.
        ("Everton are confident winger Ola Brenvik will sign a fresh contract soon.", "linked"),
        ("Everton are preparing to open talks with winger Ola Brenvik over a new deal.", "linked"),
        # Turned down: the renewal is off.
        (
            "Everton winger Ola Brenvik has turned down a new contract offered by the club.",
            "collapsed",
        ),
    ],
)
def test_a_renewal_climbs_the_ladder_of_a_move(text: str, status: str) -> None:
    assert statuses(text) == {("Ola Brenvik", "Everton"): status}


def test_an_offered_renewal_still_being_negotiated_is_talks() -> None:
    text = "Everton have offered winger Ola Brenvik a new deal, but the talks are stuck."
    assert statuses(text) == {("Ola Brenvik", "Everton"): "talks"}


def test_another_moves_ending_does_not_end_the_renewal() -> None:
    text = (
        "With his switch to Lazio off the table, Ola Brenvik is likely to agree fresh terms"
        " with Everton."
    )
    assert statuses(text).get(("Ola Brenvik", "Everton")) != "collapsed"


def test_a_renewal_agreed_ends_the_chase_of_another_club() -> None:
    text = (
        "Fulham's chase of Ola Brenvik, 23, is over for now, with the winger agreeing a new"
        " deal to stay at Everton until 2029."
    )
    assert statuses(text) == {
        ("Ola Brenvik", "Everton"): "agreed",
        ("Ola Brenvik", "Fulham"): "collapsed",
    }


def test_a_refused_renewal_ends_only_the_renewal() -> None:
    text = (
        "Wales keeper Dan Ostrow, 34, has rejected a new contract at Everton and has agreed to"
        " join Fulham."
    )
    assert statuses(text) == {
        ("Dan Ostrow", "Everton"): "collapsed",
        ("Dan Ostrow", "Fulham"): "agreed",
    }


def test_a_renewal_offer_turned_down_without_a_new_deal_cue_is_talks() -> None:
    # No "new/fresh/improved contract" for the refusal cue: the rejected offer is a
    # term turned down, so the renewal is still in talks (not linked).
    text = (
        "Ola Brenvik, the Everton winger, has rejected the club's offer of an extension to"
        " his contract."
    )
    assert statuses(text) == {("Ola Brenvik", "Everton"): "talks"}
