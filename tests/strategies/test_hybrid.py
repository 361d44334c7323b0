from typing import Any

from rumourx import Extractor, ModelRequest, Settings, TransferType
from rumourx.testing import FunctionModel


def _hybrid(answer: Any) -> tuple[Extractor, list[ModelRequest[Any]]]:
    asked: list[ModelRequest[Any]] = []

    def complete(request: ModelRequest[Any]) -> Any:
        asked.append(request)
        return answer

    return Extractor(
        Settings(strategy="hybrid", api_key="k", model="m"), model=FunctionModel(complete)
    ), asked


def test_the_model_fills_a_missing_selling_club_named_in_the_move_sentences() -> None:
    text = (
        "Villa have asked about a deal for Milot Rashica. "
        "Rashica has been outstanding for Werder Bremen since 2020."
    )
    extractor, asked = _hybrid({"from_club": "Werder Bremen"})
    report = extractor.extract(text)
    [rumour] = report.rumours
    assert rumour.from_club == "Werder Bremen"
    assert len(asked) == 1 and "Rashica" in asked[0].messages[-1]["content"]
    assert report.usage.calls == 1


def test_a_club_the_sentences_never_name_is_not_taken_and_the_kind_stays_with_the_rules() -> None:
    extractor, _ = _hybrid({"from_club": "Arsenal"})
    report = extractor.extract(
        "Exciting youngster Ainsley Maitland-Niles is heavily tipped to move to Wolves."
    )
    [rumour] = report.rumours
    assert rumour.from_club is None
    assert rumour.transfer_type is TransferType.UNKNOWN


def test_a_complete_move_asks_the_model_nothing() -> None:
    extractor, asked = _hybrid({"from_club": "Chelsea"})
    report = extractor.extract("Arsenal have agreed a £30m fee with Lyon for Houssem Aouar.")
    assert report.rumours[0].from_club == "Lyon"
    assert asked == [] and report.usage.calls == 0
