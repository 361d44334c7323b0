"""The simulated strong model: perfect at noise 0, every kind of mistake as noise rises."""

from typing import Any

import pytest

from rumourx import Extractor, ModelRequest, Settings
from rumourx.evaluation.scoring import Score, score_article
from rumourx.knowledge.clubs import club_index
from rumourx.simulation import LabelledText, SimulatedModel, load_labelled
from rumourx.strategies.wire import LLMExtraction

from ..conftest import OWN_CORPUS

BID = "Arsenal have made a £30m bid for Lyon midfielder Houssem Aouar, according to Sky Sports."
TALKS = "Chelsea are in talks with Brentford over a move for striker Kofi Mensah."
GOLD = (
    {
        "player": "Houssem Aouar",
        "from_club": "Lyon",
        "to_club": "Arsenal",
        "transfer_type": "permanent",
        "status": "bid",
        "fee": {"amount": 30_000_000, "currency": "GBP", "add_ons": None},
        "sources": ["Sky Sports"],
        "evidence": BID,
    },
    {
        "player": "Kofi Mensah",
        "from_club": "Brentford",
        "to_club": "Chelsea",
        "transfer_type": "unknown",
        "status": "talks",
        "fee": None,
        "sources": [],
        # no evidence: found from the text, as for the hand-labelled BBC items
    },
)
TEXT = LabelledText("ours", f"{BID}\n\n{TALKS}", GOLD)


def _ask(model: SimulatedModel, text: str, intro: str = "") -> dict[str, Any]:
    request: ModelRequest[Any] = ModelRequest(
        messages=[
            {"role": "system", "content": "extract"},
            {"role": "user", "content": f"{intro}Article:\n<<<\n{text}\n>>>"},
        ],
        response_model=LLMExtraction,
    )
    return model._answer(request)


def test_at_noise_zero_it_answers_the_gold_moves_exactly() -> None:
    answer = _ask(SimulatedModel([TEXT]), TEXT.text)
    assert [
        (r["player"], r["to_club"], r["status"], r["fee_amount"]) for r in answer["rumours"]
    ] == [
        ("Houssem Aouar", "Arsenal", "bid", 30_000_000),
        ("Kofi Mensah", "Chelsea", "talks", None),
    ]
    assert answer["rumours"][1]["evidence"] == TALKS


def test_a_focused_read_is_answered_from_the_same_gold() -> None:
    answer = _ask(SimulatedModel([TEXT]), TALKS, "These sentences mention Kofi Mensah.\n")
    assert [r["player"] for r in answer["rumours"]] == ["Kofi Mensah"]


def test_a_text_it_was_not_given_gets_an_empty_answer() -> None:
    model = SimulatedModel([TEXT])
    assert _ask(model, "Nothing about football happened in this sentence today.") == {"rumours": []}
    assert model.unknown == 1


def test_answers_are_reproducible_and_noise_must_be_a_probability() -> None:
    assert _ask(SimulatedModel([TEXT], noise=0.6), TEXT.text) == _ask(
        SimulatedModel([TEXT], noise=0.6), TEXT.text
    )
    with pytest.raises(ValueError):
        SimulatedModel([TEXT], noise=1.5)


def test_at_full_noise_it_makes_every_kind_of_mistake() -> None:
    answer = _ask(SimulatedModel([TEXT], noise=1.0), TEXT.text)["rumours"]
    invented = [r for r in answer if r["player"] not in ("Aouar", "Mensah")]
    kept = [r for r in answer if r not in invented]
    assert len(invented) == 1 and invented[0]["player"].split()[-1] not in TEXT.text
    assert len(kept) == 1, "one of the two moves is dropped"
    move = kept[0]
    assert len(move["player"].split()) == 1  # surname only
    assert move["to_club"] not in club_index().clubs  # a nickname
    assert move["status"] not in ("bid", "talks")  # a synonym
    assert move["evidence"] not in (BID, TALKS)  # paraphrased or cut


def test_fees_and_sources_are_roughened_at_full_noise() -> None:
    seen_fees, seen_sources = set(), set()
    for seed in range(12):
        for r in _ask(SimulatedModel([TEXT], noise=1.0, seed=seed), TEXT.text)["rumours"]:
            if r["player"] == "Aouar":
                seen_fees.add(type(r["fee_amount"]).__name__ + str(r["fee_amount"])[:3])
                seen_sources.update(r["sources"])
    assert "str£30" in seen_fees and "float300" in seen_fees  # as text, in thousands
    assert "@SkySports" in seen_sources and any(s.startswith("Sky S") for s in seen_sources)


def test_a_chunk_of_a_long_text_can_be_answered_as_if_it_were_the_whole_article() -> None:
    filler = "The club shop reopened after a refit and fans queued outside on Sunday. " * 12
    late = "Chelsea are in talks over a move for striker Kofi Mensah."
    gold = ({**GOLD[1], "evidence": late},)
    text = f"{BID} Kofi Mensah has impressed for Brentford this season. {filler}{late}"
    chunk = f"{filler.strip()} {late}"  # Brentford is named only before this chunk
    clean = _ask(SimulatedModel([LabelledText("long", text, gold)]), chunk)["rumours"]
    assert [r["from_club"] for r in clean] == ["Brentford"]
    rough = [
        r
        for seed in range(6)
        for r in _ask(
            SimulatedModel([LabelledText("long", text, gold)], noise=1.0, seed=seed), chunk
        )["rumours"]
        if r["player"].endswith("Mensah")
    ]
    assert rough and all(r["from_club"] is None for r in rough)


def test_told_its_errors_it_corrects_them_at_low_noise() -> None:
    model = SimulatedModel([TEXT], noise=0.0)
    request: ModelRequest[Any] = ModelRequest(
        messages=[
            {"role": "system", "content": "extract"},
            {"role": "user", "content": f"Article:\n<<<\n{TEXT.text}\n>>>"},
            {"role": "user", "content": "Correct these errors:\nrumours.0.player\n  bad"},
        ],
        response_model=LLMExtraction,
    )
    assert model._answer(request)["rumours"][0]["player"] == "Houssem Aouar"


def _f1(strategy: str, texts: list[LabelledText], noise: float) -> tuple[float, float]:
    model = SimulatedModel(texts, noise=noise)
    extractor = Extractor(Settings(strategy=strategy, api_key="k", model="sim"), model=model)  # type: ignore[arg-type]
    total, calls = Score(), 0
    for item in texts:
        report = extractor.extract(item.text)
        calls += report.usage.calls
        predicted = [r.model_dump(mode="json") for r in report.rumours]
        total += score_article(list(item.rumours), predicted)
    return total.f1, calls / len(texts)


def test_on_our_own_articles_llm_is_perfect_at_noise_zero_and_ensemble_recovers_at_half() -> None:
    texts = load_labelled(OWN_CORPUS / "articles.jsonl", OWN_CORPUS / "gold.jsonl")
    assert _f1("llm", texts, 0.0)[0] == 1.0
    llm, _ = _f1("llm", texts, 0.5)
    ensemble, calls = _f1("ensemble", texts, 0.5)
    assert llm < 1.0, "noise 0.5 should cost the model alone some moves"
    assert ensemble > llm and calls <= 2.0
