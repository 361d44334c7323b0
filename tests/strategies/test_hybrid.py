from typing import Any

from rumourx import Extractor, ModelRequest, Settings, TransferType
from rumourx.testing import FunctionModel

ARTICLE = "Exciting youngster Ainsley Maitland-Niles is heavily tipped to move to Wolves."


def test_the_model_fills_only_the_gaps_the_rules_left() -> None:
    asked: list[ModelRequest[Any]] = []

    def complete(request: ModelRequest[Any]) -> dict[str, Any]:
        asked.append(request)
        return {"transfer_type": "loan", "from_club": "Arsenal"}

    report = Extractor(
        Settings(strategy="hybrid", api_key="k", model="m"), model=FunctionModel(complete)
    ).extract(ARTICLE)
    [rumour] = report.rumours
    assert rumour.transfer_type is TransferType.LOAN
    assert rumour.from_club is None, "a club the article never names must not be taken"
    assert len(asked) == 1 and "Maitland-Niles" in asked[0].messages[-1]["content"]


def test_a_complete_move_asks_the_model_nothing() -> None:
    def fail(request: ModelRequest[Any]) -> dict[str, Any]:
        raise AssertionError("the model was asked")

    text = "Arsenal have agreed a £30m fee with Lyon for Houssem Aouar."
    report = Extractor(
        Settings(strategy="hybrid", api_key="k", model="m"), model=FunctionModel(fail)
    ).extract(text)
    assert report.rumours[0].to_club == "Arsenal"
    assert report.usage.calls == 0
