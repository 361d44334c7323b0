"""The rules strategy names the player's club from the press's formulas.

Every sentence here is written for these tests (invented players, real clubs).
"""

from __future__ import annotations

import pytest

from rumourx import Extractor, Settings

RULES = Extractor(Settings(strategy="rules"))


def moves(text: str) -> set[tuple[str, str | None, str | None]]:
    """(player, from_club, to_club) for every rumour the rules report."""
    return {(r.player, r.from_club, r.to_club) for r in RULES.extract(text).rumours}


def test_name_age_from_club_in_a_list_names_each_players_own_club() -> None:
    found = moves(
        "West Brom want to bring in Turkey defender Kemal Yoksul, 26, from"
        " Celta Vigo and English right-back Jed Tanner, 21, from Tottenham."
    )
    assert found == {
        ("Kemal Yoksul", "Celta Vigo", "West Bromwich Albion"),
        ("Jed Tanner", "Tottenham Hotspur", "West Bromwich Albion"),
    }


@pytest.mark.parametrize(
    ("text", "club"),
    [
        (
            "Chelsea are keen on Manchester City's England defender John Stanes, 26.",
            "Manchester City",
        ),
        (
            "Everton are monitoring Celtic's former France Under-21 striker Odin Edwards, 23.",
            "Celtic",
        ),
        (
            "Fulham have their eye on Bristol Rovers' former Wales Under-21 winger Tom Briggs, 22.",
            "Bristol Rovers",
        ),
    ],
)
def test_club_possessive_before_describing_words_names_his_club(text: str, club: str) -> None:
    assert {from_club for _, from_club, _ in moves(text)} == {club}


def test_a_city_club_in_the_and_country_formula_is_the_club() -> None:
    found = moves("Tottenham remain interested in Lyon and Belgium midfielder Hugo Aubert, 23.")
    assert found == {("Hugo Aubert", "Lyon", "Tottenham Hotspur")}


def test_a_descriptor_of_the_player_names_his_club() -> None:
    found = moves(
        "The representatives of Erik Halvorsen will meet Manchester City officials next month"
        " about a possible move for the 20-year-old Borussia Dortmund and Denmark forward."
    )
    assert found == {("Erik Halvorsen", "Borussia Dortmund", "Manchester City")}


def test_a_descriptor_names_the_club_of_the_only_player_named() -> None:
    found = moves(
        "Brighton are keeping an eye on Scotland international Rory Dunmore's future, with the"
        " Manchester United attacking midfielder's loan to Leeds close to breaking down."
    )
    assert ("Rory Dunmore", "Manchester United", "Brighton & Hove Albion") in found
    assert all(from_club == "Manchester United" for _, from_club, _ in found)


def test_a_former_club_before_a_bare_position_is_no_descriptor_of_his_club() -> None:
    found = moves("Wolves want former Leicester striker Jamie Vardon, 33.")
    assert all(from_club != "Leicester City" for _, from_club, _ in found)


def test_the_club_his_contract_with_runs_out_at_is_his_and_the_move_is_free() -> None:
    report = RULES.extract(
        "Veteran Spain keeper Pablo Ordaz, 35, is set to choose Sevilla once his contract with"
        " Arsenal runs out in June."
    )
    assert [(r.player, r.from_club, r.to_club, r.transfer_type.value) for r in report.rumours] == [
        ("Pablo Ordaz", "Arsenal", "Sevilla", "free")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A price asked, even as hearsay, is asked by his club.
        (
            "Valencia are believed to want around £25m for goalkeeper Pau Ribera, a target for"
            " Brighton.",
            {("Pau Ribera", "Valencia", "Brighton & Hove Albion")},
        ),
        # A club that will not let him leave is his.
        (
            "Porto will not allow winger Tiago Moreira to go this month, whatever Wolves offer.",
            {("Tiago Moreira", "Porto", "Wolverhampton Wanderers")},
        ),
        # He tells his club he will leave; he says goodbye to it.
        (
            "Jonas Keller has told Stuttgart he will leave next summer, and Napoli are keen.",
            {("Jonas Keller", "VfB Stuttgart", "Napoli")},
        ),
        (
            "Anders Kolding spent Sunday saying goodbye to Midtjylland before his switch to"
            " Brighton.",
            {("Anders Kolding", "Midtjylland", "Brighton & Hove Albion")},
        ),
        # "has been with CLUB since": where he plays now.
        (
            "Sheffield United are keen on forward Leon Fairley, 34, who has been with Turkish"
            " club Besiktas since 2020.",
            {("Leon Fairley", "Besiktas", "Sheffield United")},
        ),
        # An offer made to a club is made for its player.
        (
            "The Gunners have made a £58m offer to Fiorentina for Serbia forward Dusan Vlasic.",
            {("Dusan Vlasic", "Fiorentina", "Arsenal")},
        ),
        # A quoted word before the club still names where he is.
        (
            'Rui Vidal insists he is "very settled" at Porto despite interest from Everton.',
            {("Rui Vidal", "Porto", "Everton")},
        ),
        # The club a buyer makes things clear to is the other party.
        (
            "Sevilla have made it clear to Arsenal that they would like to keep goalkeeper Ollie"
            " Brant for good.",
            {("Ollie Brant", "Arsenal", "Sevilla")},
        ),
        # Only his club sets his price.
        (
            "Porto president Jorge Nunes says the club has set no price for winger Tiago"
            " Moreira, who is wanted by Wolves.",
            {("Tiago Moreira", "Porto", "Wolverhampton Wanderers")},
        ),
    ],
)
def test_the_club_that_holds_him_is_his_club_not_a_destination(
    text: str, expected: set[tuple[str, str | None, str | None]]
) -> None:
    assert moves(text) == expected


def test_a_move_not_yet_completed_is_agreed() -> None:
    report = RULES.extract("Gino Wallander is yet to complete his switch to Villarreal.")
    assert [r.status.value for r in report.rumours] == ["agreed"]


def test_a_new_deal_with_a_club_is_offered_by_his_own_club() -> None:
    found = moves("Lee Wallis is poised to agree a new two-year deal with Hearts.")
    assert found == {("Lee Wallis", "Hearts", "Hearts")}


def test_a_surname_with_two_particles_is_one_name_and_keeps_his_club() -> None:
    found = moves(
        "Brentford want to take Pieter van der Kolk, 23, on a season-long loan from Ajax."
    )
    assert found == {("Pieter van der Kolk", "Ajax", "Brentford")}


def test_from_the_managers_former_club_names_the_club_he_buys_from() -> None:
    found = moves(
        "New Fulham coach Marco Silvano wants defender Tim Lenz, 25, from his old side Hertha Berlin."
    )
    assert found == {("Tim Lenz", "Hertha Berlin", "Fulham")}


def test_a_bystander_beside_the_move_does_not_take_the_club_it_comes_from() -> None:
    found = moves(
        "Danish striker Aksel Holm, 22, would top the wage bill at Everton, ahead of captain"
        " Lewis Crane, if he moves from Benfica in August."
    )
    assert ("Aksel Holm", "Benfica", "Everton") in found


@pytest.mark.parametrize(
    ("text", "player", "club"),
    [
        (
            "Porto have vetoed 24-year-old Brazil winger Caio Ramires' proposed switch to Everton.",
            "Caio Ramires",
            "Porto",
        ),
        (
            "Villarreal insist they have turned down a bid from Aston Villa for Spanish centre-back"
            " Iker Sola, 21.",
            "Iker Sola",
            "Villarreal",
        ),
        (
            "Norwegian forward Eirik Dahl, 27, has been left out of the Rennes squad for the trip"
            " to Lille, with Fulham and Brentford both keen on the striker.",
            "Eirik Dahl",
            "Rennes",
        ),
    ],
)
def test_the_club_that_acts_as_his_owner_is_his_club(text: str, player: str, club: str) -> None:
    found = moves(text)
    assert found
    assert {(p, f) for p, f, _ in found} == {(player, club)}


def test_a_club_open_to_selling_a_list_of_players_sells_each_of_them() -> None:
    found = moves(
        "Wolves are willing to sell Portugal forward Rui Peixe, 26, and Irish defender Conor"
        " Walsh, 29, to Sevilla."
    )
    assert found == {
        ("Rui Peixe", "Wolverhampton Wanderers", "Sevilla"),
        ("Conor Walsh", "Wolverhampton Wanderers", "Sevilla"),
    }


def test_a_club_renewing_its_player_is_his_club_for_the_other_moves() -> None:
    found = moves(
        "Danish midfielder Jonas Brandt is being tracked by Napoli and Lazio as Brentford"
        " work to tie down the 25-year-old with a fresh contract."
    )
    assert found == {
        ("Jonas Brandt", "Brentford", "Napoli"),
        ("Jonas Brandt", "Brentford", "Lazio"),
        ("Jonas Brandt", "Brentford", "Brentford"),
    }


def test_a_club_offering_a_new_deal_is_his_and_a_boyhood_club_is_a_destination() -> None:
    report = RULES.extract(
        "Benfica have offered 33-year-old Argentine striker Tomas Vidal a new two-year deal,"
        " which could end hopes of a return to boyhood club Boca Juniors."
    )
    found = {(r.player, r.from_club, r.to_club, r.transfer_type.value) for r in report.rumours}
    assert found == {
        ("Tomas Vidal", "Benfica", "Benfica", "extension"),
        ("Tomas Vidal", "Benfica", "Boca Juniors", "unknown"),
    }


def test_his_first_professional_deal_is_a_renewal_at_his_club() -> None:
    report = RULES.extract(
        "Irish winger Cian Doyle, 17, has signed his first professional contract with Celtic"
        " despite interest from Ajax."
    )
    renewal = next(r for r in report.rumours if r.to_club == "Celtic")
    assert (renewal.from_club, renewal.transfer_type.value) == ("Celtic", "extension")


def test_a_first_contract_told_as_history_is_no_renewal() -> None:
    report = RULES.extract(
        "Leeds are keen on Dutch midfielder Bram Visser, 26, who signed his first professional"
        " contract with Feyenoord in 2015 and now plays in Turkey."
    )
    assert all(r.transfer_type.value != "extension" for r in report.rumours)


def test_who_plays_for_names_his_club() -> None:
    found = moves(
        "Burnley hope to land 24-year-old Peru forward Diego Alcazar, who plays for Millwall,"
        " before the window shuts."
    )
    assert found == {("Diego Alcazar", "Millwall", "Burnley")}


def test_the_club_he_joined_since_is_his_club_now() -> None:
    found = moves(
        "Lazio would like to bring back Serbian defender Luka Petrovic, who has rarely started"
        " since joining Sevilla from the Roman club two years ago."
    )
    assert found == {("Luka Petrovic", "Sevilla", "Lazio")}


def test_a_club_possessive_describing_the_named_player_later_is_his_club() -> None:
    found = moves(
        "Everton are tracking Noah Berg, 20, but face a fight with Wolves, who also admire"
        " Hoffenheim's Sweden Under-21 forward."
    )
    assert {from_club for _, from_club, _ in found} == {"TSG Hoffenheim"}
    assert {to_club for _, _, to_club in found} == {"Everton", "Wolverhampton Wanderers"}


def test_a_club_and_country_possessive_names_his_club() -> None:
    found = moves("Southampton are keen on Lens and Ivory Coast's Yao Kouassi, 22.")
    assert found == {("Yao Kouassi", "Lens", "Southampton")}


def test_respectively_pairs_the_players_with_their_clubs_in_order() -> None:
    found = moves(
        "Leeds have asked about Scottish pair Fraser Boyd, 20, and 22-year-old Callum Reid"
        " of Hibernian and Aberdeen respectively."
    )
    assert found == {
        ("Fraser Boyd", "Hibernian", "Leeds United"),
        ("Callum Reid", "Aberdeen", "Leeds United"),
    }


def test_every_club_of_a_former_list_is_a_past_club() -> None:
    found = moves(
        "Salford City are weighing up a move for former Everton, Stoke and Wales winger"
        " Gareth Pryce. Pryce, 32, left Swansea when his contract expired in June."
    )
    assert found == {("Gareth Pryce", None, "Salford City")}


def test_a_club_whose_contract_he_terminated_is_no_longer_his() -> None:
    report = RULES.extract(
        "Spanish full-back Marcos Lledo, 29, is close to joining Getafe after cancelling his"
        " deal with Valencia last week."
    )
    found = {(r.player, r.from_club, r.to_club, r.transfer_type.value) for r in report.rumours}
    assert found == {("Marcos Lledo", None, "Getafe", "free")}


def test_respectively_after_destinations_does_not_make_them_his_clubs() -> None:
    found = moves(
        "Chelsea youngsters Tom Ashby, 19, and Leon Pike, 20, are close to loan moves to"
        " Luton and Millwall respectively."
    )
    assert all(from_club not in ("Luton Town", "Millwall") for _, from_club, _ in found)


def test_a_former_club_listed_with_another_club_stays_a_destination() -> None:
    found = moves(
        "The 29-year-old Arne Solberg has been linked with former club Everton and Leeds."
    )
    assert {to_club for _, _, to_club in found} == {"Everton", "Leeds United"}


def test_clubs_listed_after_a_preposition_are_not_the_subject_of_a_keeping_verb() -> None:
    report = RULES.extract(
        "Lille are trying to fight off interest in Jonas Berg from Arsenal and Newcastle by tying the"
        " 22-year-old Danish defender down to a longer contract."
    )
    assert {r.from_club for r in report.rumours} == {"Lille"}
