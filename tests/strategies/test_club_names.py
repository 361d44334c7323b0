"""A club a reader names in full is grounded by any form the article writes it in."""

from rumourx import Extractor, Settings
from rumourx.strategies.club_names import club_written, clubs_named, clubs_written
from rumourx.testing import FunctionModel


def _written(club: str, article: str) -> bool:
    return club_written(club, article, clubs_named(article))


def test_an_alias_after_in_is_still_the_club_a_reader_names() -> None:
    article = "Chelsea are interested in Brighton's midfielder Kofi Mensah, 24."
    assert "Brighton & Hove Albion" in clubs_written(article)
    assert _written("Brighton & Hove Albion", article)


def test_a_contextual_short_form_grounds_the_club_the_reader_chose() -> None:
    assert _written("Manchester United", "United have joined the race for Kofi Mensah.")
    assert _written("Chelsea", "The Blues are preparing a bid for Kofi Mensah.")
    # the article names Leeds United, but "United" alone may be another United
    assert _written("Manchester United", "United want Leeds United's winger Kofi Mensah.")


def test_a_first_or_last_word_standing_alone_grounds_the_club() -> None:
    assert _written("Real Madrid", "Real are also interested in Kofi Mensah, 28.")
    assert _written("Atletico Madrid", "Atletico want Kofi Mensah on loan.")


def test_a_club_the_article_writes_in_no_form_is_not_written() -> None:
    assert not _written("Leeds United", "Marcelo Bielsa's men still want Kofi Mensah.")
    assert not _written("Real Madrid", "Real Betis want Kofi Mensah.")
    assert not _written("Juventus", "Chelsea want Kofi Mensah.")
    assert _written(None, "Chelsea want Kofi Mensah.")


def test_a_model_naming_the_club_in_full_keeps_the_move() -> None:
    article = "United have made an approach for Lyon midfielder Kofi Mensah, 24."
    answer = {
        "rumours": [
            {
                "player": "Kofi Mensah",
                "from_club": "Lyon",
                "to_club": "Manchester United",
                "status": "talks",
                "evidence": article,
            }
        ]
    }
    for strategy in ("llm", "ensemble"):
        report = Extractor(
            Settings(strategy=strategy, api_key="k", model="m"),
            model=FunctionModel(lambda request: answer),
        ).extract(article)
        assert [(r.player, r.to_club) for r in report.rumours] == [
            ("Kofi Mensah", "Manchester United")
        ], report.warnings
