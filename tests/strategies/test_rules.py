import json
from pathlib import Path

import pytest

from rumourx import Extractor, Settings, Status, TransferType
from rumourx.evaluation.corpus import load_corpus
from rumourx.evaluation.runner import evaluate

OWN = Path(__file__).resolve().parents[2] / "examples" / "corpus"
RULES = Extractor(Settings(strategy="rules"))


def test_the_seed_gives_exactly_its_four_moves_and_the_opinion_adds_none(seed_text: str) -> None:
    report = RULES.extract(seed_text)
    moves = {(r.player, r.to_club): r for r in report.rumours}
    assert set(moves) == {
        ("Sergio Ramos", "Juventus"),
        ("Sergio Ramos", "Liverpool"),
        ("Sergio Ramos", "Paris Saint-Germain"),
        ("Sergio Ramos", "Real Madrid"),
    }
    juventus = moves[("Sergio Ramos", "Juventus")]
    assert juventus.sources == ["Diario Gol"] and juventus.source_tiers == {"Diario Gol": 5}
    assert juventus.status is Status.BID
    renewal = moves[("Sergio Ramos", "Real Madrid")]
    assert renewal.transfer_type is TransferType.EXTENSION
    opinion_start = seed_text.index("SPORTSLENS VIEW")
    for rumour in report.rumours:
        for evidence in rumour.evidence:
            assert evidence.start < opinion_start
            assert seed_text[evidence.start : evidence.end] == evidence.text
    assert report.usage.calls == 0


def test_an_opinion_only_move_is_marked_as_opinion(own_articles: dict) -> None:
    report = RULES.extract(own_articles["own-opinion"]["text"])
    assert [(r.player, r.to_club) for r in report.rumours] == [("Ivan Ruiz", "Newcastle United")]
    assert [(r.player, r.to_club) for r in report.opinion] == [("Ivan Ruiz", "Everton")]


def test_articles_without_transfers_give_empty_reports(own_articles: dict) -> None:
    for article_id in ("own-no-transfer", "own-injection"):
        assert RULES.extract(own_articles[article_id]["text"]).rumours == []


def test_five_languages_give_the_same_canonical_english_output(own_articles: dict) -> None:
    expected = {
        "own-spanish": ("Lukas Weber", "Borussia Dortmund", "Real Madrid", "bid"),
        "own-italian": ("Marco Ferri", "Atalanta", "Juventus", "agreed"),
        "own-german": ("Jonas Keller", "VfB Stuttgart", "Bayern Munich", "agreed"),
        "own-french": ("Karim Benali", "Lens", "Marseille", "completed"),
        "own-portuguese": ("João Ferreira", "Benfica", "Manchester City", "bid_rejected"),
    }
    for article_id, (player, from_club, to_club, status) in expected.items():
        first = RULES.extract(own_articles[article_id]["text"]).rumours[0]
        assert (first.player, first.from_club, first.to_club, first.status.value) == (
            player,
            from_club,
            to_club,
            status,
        ), article_id


@pytest.mark.parametrize("name", ["unseen", "unseen2", "unseen3"])
def test_rules_score_well_on_articles_written_after_they_were_frozen(name: str) -> None:
    # Each of these files was written after the rules were frozen; their first
    # measurements (F1 0.75, 0.90, 0.78) are in the README. This guards against regressions.
    corpus = load_corpus(OWN / f"{name}.jsonl", OWN / f"{name}-gold.jsonl")
    result = evaluate(corpus, "rules", Settings())
    assert result.score.f1 >= 0.9
    assert result.score.invented_on_negatives == 0


def test_rules_hold_their_first_figure_on_articles_never_tuned_on() -> None:
    # unseen4 was written last and measured once before any fix (F1 0.80, rules of
    # 15d60c6); it is never tuned on. This guards against falling below that figure.
    corpus = load_corpus(OWN / "unseen4.jsonl", OWN / "unseen4-gold.jsonl")
    result = evaluate(corpus, "rules", Settings())
    assert result.score.f1 >= 0.8
    assert result.score.invented_on_negatives == 0


def test_rules_on_the_own_corpus() -> None:
    corpus = load_corpus(OWN / "articles.jsonl", OWN / "gold.jsonl")
    result = evaluate(corpus, "rules", Settings())
    assert result.score.f1 >= 0.9
    assert result.score.accuracy("status") >= 0.9
    assert result.score.invented_on_negatives == 0
    assert json.loads(json.dumps(result.as_dict()))["f1"] == round(result.score.f1, 4)
