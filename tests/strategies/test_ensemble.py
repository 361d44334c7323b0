"""The ensemble strategy: the model reads, the rules check, one focused re-read."""

from typing import Any

import pytest

from rumourx import Extractor, ModelRequest, Settings
from rumourx.core.errors import ProviderError
from rumourx.knowledge.folding import fold
from rumourx.testing import FunctionModel, InventingModel

ARTICLE = (
    "Arsenal have made a £30m bid for Lyon midfielder Houssem Aouar, according to Goal.\n\n"
    "Meanwhile, Aston Villa are monitoring Brentford defender Kofi Mensah.\n\n"
    "The weather in London was mild on Sunday."
)
AOUAR = "Arsenal have made a £30m bid for Lyon midfielder Houssem Aouar, according to Goal."
MENSAH = "Meanwhile, Aston Villa are monitoring Brentford defender Kofi Mensah."


def _aouar(**fields: Any) -> dict[str, Any]:
    base = {
        "player": "Houssem Aouar",
        "from_club": "Lyon",
        "to_club": "Arsenal",
        "transfer_type": "permanent",
        "status": "bid",
        "fee_amount": 30_000_000,
        "fee_currency": "GBP",
        "sources": ["Goal"],
        "evidence": AOUAR,
    }
    return {**base, **fields}


def _mensah(**fields: Any) -> dict[str, Any]:
    base = {
        "player": "Kofi Mensah",
        "from_club": "Brentford",
        "to_club": "Aston Villa",
        "status": "linked",
        "evidence": MENSAH,
    }
    return {**base, **fields}


def _ensemble(
    first: Any, focused: Any = None, **settings: Any
) -> tuple[Extractor, list[ModelRequest[Any]]]:
    asked: list[ModelRequest[Any]] = []

    def answer(request: ModelRequest[Any]) -> Any:
        asked.append(request)
        focus = any("These sentences" in m["content"] for m in request.messages)
        return focused if focus else first

    model = FunctionModel(answer)
    return Extractor(
        Settings(strategy="ensemble", api_key="k", model="m", **settings), model=model
    ), asked


def test_when_the_model_and_the_rules_agree_one_call_is_enough() -> None:
    extractor, asked = _ensemble({"rumours": [_aouar(), _mensah()]})
    report = extractor.extract(ARTICLE)
    assert {(r.player, r.to_club) for r in report.rumours} == {
        ("Houssem Aouar", "Arsenal"),
        ("Kofi Mensah", "Aston Villa"),
    }
    assert len(asked) == 1 and report.usage.calls == 1
    assert report.strategy == "ensemble"


def test_a_move_only_the_rules_read_is_put_back_to_the_model_with_only_its_sentences() -> None:
    extractor, asked = _ensemble({"rumours": [_aouar()]}, {"rumours": [_mensah()]})
    report = extractor.extract(ARTICLE)
    assert ("Kofi Mensah", "Aston Villa") in {(r.player, r.to_club) for r in report.rumours}
    assert len(asked) == 2
    focused = asked[1].messages[-1]["content"]
    assert "Kofi Mensah" in focused and MENSAH in focused
    assert "Aouar" not in focused and "weather" not in focused
    assert asked[1].response_model is asked[0].response_model  # the same extraction schema
    assert report.usage.calls == 2  # the focused read is counted


def test_a_disputed_move_the_focused_read_does_not_confirm_is_dropped_with_a_warning() -> None:
    extractor, asked = _ensemble({"rumours": [_aouar()]}, {"rumours": []})
    report = extractor.extract(ARTICLE)
    assert [r.player for r in report.rumours] == ["Houssem Aouar"]
    assert any("did not confirm" in w and "Kofi Mensah" in w for w in report.warnings)
    assert len(asked) == 2


def test_a_move_only_the_model_read_is_kept() -> None:
    text = "Gossip: Everton are weighing up a January move for Fulham's Tyrese Banks."
    answer = {
        "player": "Tyrese Banks",
        "from_club": "Fulham",
        "to_club": "Everton",
        "status": "linked",
        "evidence": text,
    }
    extractor, _asked = _ensemble({"rumours": [answer]})
    report = extractor.extract(text)
    assert [(r.player, r.to_club, r.from_club) for r in report.rumours] == [
        ("Tyrese Banks", "Everton", "Fulham")
    ]


def test_what_the_text_proves_wins_field_by_field_and_the_model_word_counts_elsewhere() -> None:
    sloppy = _aouar(
        player="Aouar",
        to_club="the Gunners",
        fee_amount=30_000,  # in thousands
        sources=["@Goal"],
        status="offer made",
        evidence="Arsenal have made a £30m bid",  # cut mid-sentence
    )
    extractor, _ = _ensemble({"rumours": [sloppy, _mensah()]})
    [aouar] = [r for r in extractor.extract(ARTICLE).rumours if r.to_club == "Arsenal"]
    assert aouar.player == "Houssem Aouar"
    assert aouar.fee is not None and (aouar.fee.amount, aouar.fee.currency) == (30_000_000, "GBP")
    assert aouar.sources == ["Goal"]
    assert aouar.status.value == "bid"
    assert aouar.evidence[0].text == AOUAR


def test_an_unusable_model_answer_keeps_the_rules_moves_without_a_focused_read() -> None:
    extractor, asked = _ensemble("not json")
    report = extractor.extract(ARTICLE)
    assert {r.player for r in report.rumours} == {"Houssem Aouar", "Kofi Mensah"}
    assert len(asked) == 2  # the call and its one re-ask; no focused read
    assert report.usage.calls == 2
    assert any("no usable answer" in w for w in report.warnings)


def test_an_unusable_focused_read_keeps_the_disputed_moves() -> None:
    extractor, _asked = _ensemble({"rumours": [_aouar()]}, "not json")
    report = extractor.extract(ARTICLE)
    assert {r.player for r in report.rumours} == {"Houssem Aouar", "Kofi Mensah"}
    assert report.usage.calls == 3  # read, focused read, its re-ask


def test_a_model_that_invents_every_answer_gets_no_rumour_reported() -> None:
    article = ARTICLE + "\n\nLionel Messi watched from the stands in Miami."
    for text in (ARTICLE, article):
        rules = Extractor(Settings(strategy="rules")).extract(text)
        supported = {(r.player, r.to_club) for r in rules.rumours}
        for valid_enums in (True, False):
            report = Extractor(
                Settings(strategy="ensemble", api_key="k", model="m"),
                model=InventingModel(valid_enums=valid_enums),
            ).extract(text)
            found = {(r.player, r.to_club) for r in report.rumours}
            assert found <= supported, "a rumour the article does not support was reported"
            assert all("messi" not in fold(r.player) for r in report.rumours)
            assert all(text[e.start : e.end] == e.text for r in report.rumours for e in r.evidence)


def test_a_long_article_costs_at_most_one_call_per_chunk_plus_one() -> None:
    filler = "The club shop reopened after a refit and fans queued outside on Sunday. " * 40
    text = AOUAR + " " + filler + MENSAH + " " + filler
    extractor, asked = _ensemble(
        {"rumours": []}, {"rumours": [_aouar(), _mensah()]}, chunk_chars=1500, chunk_overlap=100
    )
    report = extractor.extract(text)
    chunks = sum(1 for r in asked if "These sentences" not in r.messages[-1]["content"])
    assert chunks >= 3
    assert report.usage.calls == len(asked) <= chunks + 1
    assert {r.player for r in report.rumours} == {"Houssem Aouar", "Kofi Mensah"}


def test_an_endpoint_failure_is_raised_not_hidden() -> None:
    def fail(request: ModelRequest[Any]) -> Any:
        return ProviderError("HTTP 503 after 3 attempt(s)", attempts=3)

    extractor = Extractor(
        Settings(strategy="ensemble", api_key="k", model="m"), model=FunctionModel(fail)
    )
    with pytest.raises(ProviderError, match="503"):
        extractor.extract(ARTICLE)
