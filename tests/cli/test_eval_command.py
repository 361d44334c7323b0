import json
from pathlib import Path

import pytest

from rumourx.cli import main

ITEMS = [
    {
        "id": "own-a",
        "text": "Leeds have had a £12m bid for Ajax defender Pieter Brand, 24, rejected.",
        "players": ["Pieter Brand"],
        "clubs_mentioned": ["Leeds", "Ajax"],
    },
    {
        "id": "own-b",
        "text": "Celtic are monitoring Norwich striker Josh Pellow.",
        "players": ["Josh Pellow"],
        "clubs_mentioned": ["Celtic", "Norwich"],
    },
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def items(tmp_path: Path) -> Path:
    path = tmp_path / "items.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in ITEMS), encoding="utf-8")
    return path


def test_eval_items_prints_player_recall_precision_and_club_consistency(
    items: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "eval", "--items", str(items), "--json")
    assert code == 0 and err == ""
    [result] = json.loads(out)
    assert result["strategy"] == "rules"
    assert (result["items"], result["labelled_players"]) == (2, 2)
    assert result["player_recall"] == 1.0
    assert result["player_precision"] == 1.0
    assert result["club_consistency"] == 1.0


def test_eval_items_leaves_out_excluded_ids_and_prints_a_table(
    items: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = tmp_path / "ids.txt"
    ids.write_text("own-b\n", encoding="utf-8")
    code, out, _ = run(capsys, "eval", "--items", str(items), "--exclude", str(ids))
    assert code == 0
    header, row = out.splitlines()[:2]
    assert "player R" in header and "club consistency" in header
    assert row.startswith("rules | 1 | 1 | 1.000 | 1.000 | 1.000 |")


def test_eval_needs_items_or_articles_with_gold(
    items: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "eval")
    assert code == 2 and "give --articles with --gold, or --items" in err
    code, _, err = run(capsys, "eval", "--items", str(items), "--gold", str(items))
    assert code == 2 and "either --items" in err
    code, _, err = run(capsys, "eval", "--items", str(items), "--compare", "naive")
    assert code == 2 and "naive" in err


def test_gold_without_evidence_scores_like_gold_with_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The frozen sample's gold is ids and labels only: its texts come from the items file.
    articles = tmp_path / "items.jsonl"
    articles.write_text("".join(json.dumps(row) + "\n" for row in ITEMS), encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    rumour = {
        "player": "Pieter Brand",
        "from_club": "Ajax",
        "to_club": "Leeds United",
        "transfer_type": "permanent",
        "status": "bid_rejected",
        "fee": {"amount": 12000000, "currency": "GBP", "add_ons": None},
        "sources": [],
    }
    gold.write_text(json.dumps({"id": "own-a", "rumours": [rumour]}) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "eval", "--articles", str(articles), "--gold", str(gold), "--json")
    [result] = json.loads(out)
    assert code == 0
    assert (result["matched"], result["predicted"], result["gold"]) == (1, 1, 1)
    assert result["accuracy"]["from_club"] == 1.0 and result["accuracy"]["status"] == 1.0
    assert result["accuracy"]["fee_amount"] == 1.0
