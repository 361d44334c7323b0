import json
from pathlib import Path

import pytest

from rumourx import Settings
from rumourx.core.errors import InputError
from rumourx.evaluation.items import (
    LabelledItem,
    evaluate_items,
    load_items,
    read_ids,
    score_item,
)

# Items we wrote ourselves, in the bbc-items format.
OWN_ITEMS = [
    {
        "id": "own-1",
        "text": "Arsenal are keen on signing Lyon winger Tomas Varga, 23.",
        "players": ["Tomas Varga"],
        "clubs_mentioned": ["Arsenal", "Lyon"],
    },
    {
        "id": "own-2",
        "text": "Everton boss Danny Miles says his side will not sell anyone this month.",
        "players": ["Danny Miles"],
        "clubs_mentioned": ["Everton"],
    },
    {
        "id": "own-3",
        "text": "Brighton have made a bid for Porto full-back Rui Serrano and Fulham "
        "midfielder Liam Crowe.",
        "players": ["Rui Serrano", "Liam Crowe"],
        "clubs_mentioned": ["Brighton", "Porto", "Fulham"],
    },
]


def _item(players: tuple[str, ...], clubs: tuple[str, ...] = ("Arsenal", "Lyon")) -> LabelledItem:
    return LabelledItem(id="x", text="", players=players, clubs=clubs)


def test_recall_counts_labelled_players_named_by_any_rumour() -> None:
    item = _item(("Tomas Varga", "Liam Crowe"))
    score = score_item(item, [{"player": "Varga", "to_club": "Arsenal", "from_club": "Lyon"}])
    assert (score.labelled, score.recalled) == (2, 1)
    assert score.recall == 0.5
    assert "x: missed Liam Crowe" in score.misses


def test_precision_counts_rumours_whose_player_is_labelled() -> None:
    item = _item(("Tomas Varga",))
    rumours = [
        {"player": "Tomás Varga", "to_club": "Arsenal", "from_club": None},
        {"player": "Danny Miles", "to_club": "Arsenal", "from_club": None},
    ]
    score = score_item(item, rumours)
    assert (score.returned, score.returned_labelled) == (2, 1)
    assert score.precision == 0.5
    assert "x: extra Danny Miles -> Arsenal" in score.misses


def test_club_consistency_uses_canonical_names_and_both_clubs() -> None:
    item = _item(("Tomas Varga",), clubs=("the Gunners", "Lyon"))
    consistent = score_item(item, [{"player": "Varga", "to_club": "Arsenal", "from_club": "Lyon"}])
    assert consistent.club_consistency == 1.0
    stray = score_item(item, [{"player": "Varga", "to_club": "Arsenal", "from_club": "Porto"}])
    assert stray.club_consistency == 0.0
    assert any("club not mentioned: Porto" in line for line in stray.misses)


def test_scores_add_up_across_items() -> None:
    total = score_item(_item(("A Bee",)), [])
    total += score_item(_item(("C Dee",)), [{"player": "C Dee", "to_club": "Arsenal"}])
    assert (total.items, total.labelled, total.recalled, total.returned) == (2, 2, 1, 1)
    assert total.as_dict()["player_recall"] == 0.5


@pytest.fixture
def items_file(tmp_path: Path) -> Path:
    path = tmp_path / "items.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in OWN_ITEMS), encoding="utf-8")
    return path


def test_load_items_leaves_out_excluded_ids(items_file: Path, tmp_path: Path) -> None:
    ids = tmp_path / "ids.txt"
    ids.write_text("# frozen\nown-2\n\n", encoding="utf-8")
    assert read_ids(ids) == {"own-2"}
    items = load_items(items_file, exclude=read_ids(ids))
    assert [i.id for i in items] == ["own-1", "own-3"]
    assert items[1].players == ("Rui Serrano", "Liam Crowe")


def test_load_items_names_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "t"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="item 1 needs"):
        load_items(path)
    with pytest.raises(InputError, match="no such file"):
        read_ids(tmp_path / "missing.txt")


def test_the_rules_on_our_own_items(items_file: Path) -> None:
    result = evaluate_items(load_items(items_file), "rules", Settings())
    score = result.score
    assert (score.items, score.labelled) == (3, 4)
    # The manager is labelled, as machine labels sometimes do, but is no player: not named.
    assert score.recalled == 3
    assert score.precision == 1.0 and score.club_consistency == 1.0
    assert result.as_dict()["errors"] == 0
