"""Merging constructed report sets into stories (no reader involved: reports built by hand)."""

from __future__ import annotations

from rumourx.stories import build_stories
from tests.stories.reports import line, rumour


def _by_destination(stories: list) -> dict:
    return {(s.player, s.to_club): s for s in stories}


def test_a_surname_only_mention_joins_the_full_name_story_when_the_clubs_agree() -> None:
    stories = build_stories(
        [
            line("a", "2021-06-01", rumour("Houssem Aouar", "Arsenal", "Lyon", "talks")),
            line("b", "2021-06-05", rumour("Aouar", "Arsenal", "Lyon", "bid")),
            line("c", "2021-06-07", rumour("Aouar", "Arsenal", None, "bid")),  # no seller named
        ]
    )
    [story] = stories
    assert story.player == "Houssem Aouar"
    assert story.articles == ["a", "b", "c"]
    assert [e.player for e in story.timeline] == ["Houssem Aouar", "Aouar", "Aouar"]
    assert story.from_club == "Lyon"


def test_a_surname_stays_apart_when_the_selling_clubs_disagree_or_two_full_names_fit() -> None:
    stories = build_stories(
        [
            line("a", "2021-06-01", rumour("Houssem Aouar", "Arsenal", "Lyon")),
            line("b", "2021-06-02", rumour("Aouar", "Arsenal", "Marseille")),
            line(
                "c",
                "2021-06-03",
                rumour("Tom Harding", "Newcastle United", "Wolverhampton Wanderers"),
            ),
            line(
                "d",
                "2021-06-03",
                rumour("Sam Harding", "Newcastle United", "Wolverhampton Wanderers"),
            ),
            line(
                "e", "2021-06-04", rumour("Harding", "Newcastle United", "Wolverhampton Wanderers")
            ),
        ]
    )
    found = _by_destination(stories)
    assert set(found) == {
        ("Houssem Aouar", "Arsenal"),
        ("Aouar", "Arsenal"),
        ("Tom Harding", "Newcastle United"),
        ("Sam Harding", "Newcastle United"),
        ("Harding", "Newcastle United"),
    }


def test_names_with_more_words_gather_their_shorter_forms() -> None:
    stories = build_stories(
        [
            line("a", "2021-06-01", rumour("Virgil van Dijk", "Barcelona", "Liverpool")),
            line("b", "2021-06-02", rumour("van Dijk", "Barcelona", "Liverpool")),
            line("c", "2021-06-03", rumour("Dijk", "Barcelona")),
            line("d", "2021-06-04", rumour("Duje Caleta-Car", "Liverpool", "Marseille")),
            line("e", "2021-06-05", rumour("Caleta Car", "Liverpool", "Marseille")),
        ]
    )
    assert {(s.player, tuple(s.articles)) for s in stories} == {
        ("Virgil van Dijk", ("a", "b", "c")),
        ("Duje Caleta-Car", ("d", "e")),
    }


def test_two_destinations_stay_two_stories_and_compete() -> None:
    stories = build_stories(
        [
            line("a", "2021-06-01", rumour("Houssem Aouar", "Arsenal", "Lyon")),
            line("b", "2021-06-02", rumour("Houssem Aouar", "Chelsea", "Lyon")),
            line("c", "2021-06-03", rumour("Houssem Aouar", "Arsenal", "Lyon", "bid")),
        ]
    )
    found = _by_destination(stories)
    assert set(found) == {("Houssem Aouar", "Arsenal"), ("Houssem Aouar", "Chelsea")}
    assert found[("Houssem Aouar", "Arsenal")].articles == ["a", "c"]
    assert found[("Houssem Aouar", "Chelsea")].articles == ["b"]
    assert {s.competing for s in stories} == {1}


def test_nicknames_and_aliases_meet_in_one_story() -> None:
    stories = build_stories(
        [
            line("a", "2021-06-01", rumour("Houssem Aouar", "the Gunners", "Olympique Lyonnais")),
            line("b", "2021-06-02", rumour("Houssem Aouar", "Arsenal", "Lyon")),
        ]
    )
    [story] = stories
    assert (story.to_club, story.from_club, story.articles) == ("Arsenal", "Lyon", ["a", "b"])


def test_agreed_then_collapsed_is_collapsed_with_a_reversal() -> None:
    [story] = build_stories(
        [
            line(
                "b",
                "2021-07-20",
                rumour(
                    "Tom Harding", "Newcastle United", status="collapsed", sources=("Sky Sports",)
                ),
            ),
            line(
                "a",
                "2021-07-02",
                rumour(
                    "Tom Harding", "Newcastle United", status="agreed", sources=("The Athletic",)
                ),
            ),
        ]
    )
    assert story.status.value == "collapsed"
    assert [e.id for e in story.timeline] == ["a", "b"]  # date order, not file order
    [contradiction] = story.contradictions
    assert (contradiction.kind, contradiction.earlier, contradiction.later) == (
        "reversal",
        "a",
        "b",
    )
    assert (contradiction.earlier_status.value, contradiction.later_status.value) == (
        "agreed",
        "collapsed",
    )
    assert (
        contradiction.description
        == "agreed (The Athletic), then collapsed on 2021-07-20 (Sky Sports)"
    )


def test_completed_in_one_outlet_and_collapsed_in_another_on_one_day_is_a_conflict() -> None:
    [story] = build_stories(
        [
            line(
                "a",
                "2021-07-02T09:00:00",
                rumour(
                    "Tom Harding", "Newcastle United", status="completed", sources=("Daily Star",)
                ),
            ),
            line(
                "b",
                "2021-07-02T18:00:00",
                rumour(
                    "Tom Harding", "Newcastle United", status="collapsed", sources=("The Times",)
                ),
            ),
        ]
    )
    [contradiction] = story.contradictions
    assert contradiction.kind == "conflict"
    assert contradiction.description == "Daily Star said completed while The Times said collapsed"


def test_a_steady_story_has_no_contradiction() -> None:
    [story] = build_stories(
        [
            line("a", "2021-07-01", rumour("Tom Harding", "Newcastle United", status="talks")),
            line("b", "2021-07-02", rumour("Tom Harding", "Newcastle United", status="agreed")),
            line("c", "2021-07-03", rumour("Tom Harding", "Newcastle United", status="completed")),
        ]
    )
    assert story.contradictions == [] and story.status.value == "completed"


def test_as_of_gives_the_earlier_state() -> None:
    reports = [
        line("a", "2021-07-01", rumour("Tom Harding", "Newcastle United", status="talks")),
        line("b", "2021-07-10", rumour("Tom Harding", "Newcastle United", status="agreed")),
        line("c", "2021-07-20", rumour("Tom Harding", "Newcastle United", status="collapsed")),
        line("d", "2021-07-21", rumour("Ben Cole", "Leeds United", status="bid")),
    ]
    [earlier] = build_stories(reports, as_of="2021-07-10")
    assert (earlier.status.value, earlier.articles, earlier.last_reported) == (
        "agreed",
        ["a", "b"],
        "2021-07-10",
    )
    assert earlier.contradictions == [] and earlier.as_of == "2021-07-10"
    later = _by_destination(build_stories(reports))
    assert later[("Tom Harding", "Newcastle United")].status.value == "collapsed"
    assert ("Ben Cole", "Leeds United") in later


def test_as_of_with_a_time_keeps_what_was_published_by_then() -> None:
    reports = [
        line(
            "a",
            "2021-07-10T08:00:00+00:00",
            rumour("Tom Harding", "Newcastle United", status="talks"),
        ),
        line(
            "b",
            "2021-07-10T20:00:00+00:00",
            rumour("Tom Harding", "Newcastle United", status="agreed"),
        ),
    ]
    [story] = build_stories(reports, as_of="2021-07-10T12:00:00Z")
    assert story.articles == ["a"]
    [whole_day] = build_stories(reports, as_of="2021-07-10")
    assert whole_day.articles == ["a", "b"]


def test_a_move_with_no_destination_joins_the_players_only_story() -> None:
    [story] = build_stories(
        [
            line("a", "2021-06-01", rumour("Houssem Aouar", "Arsenal", "Lyon")),
            line(
                "b",
                "2021-06-02",
                rumour("Houssem Aouar", None, "Lyon", sentence="Aouar wants to leave Lyon."),
            ),
        ]
    )
    assert story.articles == ["a", "b"]
    assert story.timeline[1].to_club is None and story.to_club == "Arsenal"


def test_a_move_with_no_destination_stays_apart_when_the_player_has_two_stories() -> None:
    stories = build_stories(
        [
            line("a", "2021-06-01", rumour("Houssem Aouar", "Arsenal", "Lyon")),
            line("b", "2021-06-01", rumour("Houssem Aouar", "Chelsea", "Lyon")),
            line("c", "2021-06-02", rumour("Houssem Aouar", None, "Lyon")),
            line("d", "2021-06-02", rumour("Ben Cole", None, "Leeds United")),
        ]
    )
    found = _by_destination(stories)
    assert found[("Houssem Aouar", None)].articles == ["c"]
    assert found[("Houssem Aouar", None)].competing == 2
    assert found[("Ben Cole", None)].competing == 0
    assert found[("Houssem Aouar", "Arsenal")].articles == ["a"]


def test_one_timeline_entry_per_article_even_when_it_names_the_player_twice() -> None:
    [story] = build_stories(
        [
            line(
                "a",
                "2021-06-01",
                rumour("Houssem Aouar", "Arsenal", "Lyon", "talks", sources=("Sky Sports",)),
                rumour(
                    "Aouar", "Arsenal", "Lyon", "bid", sources=("The Athletic",), fee=30_000_000
                ),
            ),
            line(
                "a", "2021-06-01", rumour("Houssem Aouar", "Arsenal", "Lyon", "talks")
            ),  # repeated line
        ]
    )
    [entry] = story.timeline
    assert entry.status.value == "bid"
    assert entry.sources == ["Sky Sports", "The Athletic"]
    assert entry.fee is not None and entry.fee.amount == 30_000_000


def test_undated_articles_come_first_in_input_order() -> None:
    [story] = build_stories(
        [
            line("x", "2021-06-01", rumour("Tom Harding", "Newcastle United", status="bid")),
            line("u1", None, rumour("Tom Harding", "Newcastle United", status="agreed")),
            line("u2", None, rumour("Tom Harding", "Newcastle United")),
        ]
    )
    assert story.articles == ["u1", "u2", "x"]
    assert story.status.value == "bid"
    assert (story.first_reported, story.last_reported) == ("2021-06-01", "2021-06-01")
