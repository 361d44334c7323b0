"""A player named more fully than the article writes him is still the article's player."""

from rumourx import Extractor, Settings
from rumourx.strategies.player_names import player_as_written
from rumourx.testing import FunctionModel


def test_a_fuller_name_is_reported_as_the_article_writes_it() -> None:
    assert player_as_written("Kofi Mensah", "Chelsea want striker Mensah, 27.") == "Mensah"
    assert player_as_written("Kofi Mensah", "Spurs' Mensah is wanted by Chelsea.") == "Mensah"
    assert player_as_written("Kofi Mensah", "Chelsea want Mensah's signature.") == "Mensah"
    text = "Chelsea want Mensah. Brentford's Kwame Mensah, 27, is keen."
    assert player_as_written("Kofi Mensah", text) == "Kwame Mensah"  # the article's one full form


def test_a_name_every_part_of_which_is_written_is_kept() -> None:
    assert player_as_written("Houssem Aouar", "Arsenal want Houssem Aouar.") == "Houssem Aouar"
    assert player_as_written("Aouar", "Arsenal want Lyon's Houssem Aouar. Aouar is keen.") == (
        "Houssem Aouar"
    )


def test_a_surname_written_only_inside_another_name_is_not_the_player() -> None:
    assert player_as_written("Benbacen Cottage", "Fulham play at Craven Cottage today.") is None
    assert player_as_written("Lionel Messi", "Chelsea want striker Kofi Mensah.") is None
    assert player_as_written("Mensah", "Chelsea want striker Kofi Ansah.") is None


def test_a_model_that_names_the_player_in_full_keeps_the_move() -> None:
    article = "Chelsea have made a bid for Brentford striker Mensah, 27."
    answer = {
        "rumours": [
            {"player": "Kofi Mensah", "to_club": "Chelsea", "status": "bid", "evidence": article}
        ]
    }
    for strategy in ("llm", "ensemble"):
        report = Extractor(
            Settings(strategy=strategy, api_key="k", model="m"),
            model=FunctionModel(lambda request: answer),
        ).extract(article)
        assert [(r.player, r.to_club) for r in report.rumours] == [("Mensah", "Chelsea")], (
            report.warnings
        )
