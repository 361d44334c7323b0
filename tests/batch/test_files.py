import json
from pathlib import Path

import pytest

from rumourx import InputError
from rumourx.batch.files import finished_ids, read_input
from rumourx.batch.runner import InvalidItem


def test_a_torn_last_line_is_cut_off_and_not_counted(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a", "report": {}}\n{"id": "b", "error": {}}\n{"id": "c", "rep')
    assert finished_ids(out) == {"a", "b"}
    assert out.read_text().endswith("}\n")


def test_retry_failed_drops_the_error_lines(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a", "report": {}}\n{"id": "b", "error": {"type": "X"}}\n')
    assert finished_ids(out, drop_errors=True) == {"a"}
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a"]


def test_input_lines_are_read_lazily_and_bad_lines_are_kept_as_invalid(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "text": "x", "k": 2}\n\nnot json\n[1]\n{"id": "s", "text": "y"}\n')
    items = list(read_input(source, skip={"s"}))
    assert items[0] == {"id": "1", "text": "x", "k": 2}
    assert items[1:] == [
        InvalidItem("line-3", "line 3 is not JSON: Expecting value"),
        InvalidItem("line-4", "line 4 has no 'id'"),
    ]
    assert list(read_input(source, skip={"1", "s", "line-3", "line-4"})) == []


def test_unreadable_inputs_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        list(read_input(tmp_path / "missing.jsonl", set()))
    with pytest.raises(InputError):
        list(read_input(tmp_path, set()))
    binary = tmp_path / "b.jsonl"
    binary.write_bytes(b'{"id": "a", "text": "\xff\xfe"}\n')
    with pytest.raises(InputError):
        list(read_input(binary, set()))
