import json
import os
from pathlib import Path

import pytest

from rumourx import InputError
from rumourx.batch import files
from rumourx.batch.admission import InvalidItem
from rumourx.batch.files import check_input, read_input

TEXT = "Arsenal agreed a £30m fee with Lyon for Houssem Aouar."


def _messages(items: list[object]) -> list[tuple[int, str]]:
    return [(i.line, i.message) for i in items if isinstance(i, InvalidItem)]


def test_input_lines_are_read_lazily_and_bad_lines_are_kept_as_invalid(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "text": "x", "k": 2}\n\nnot json\n[1]\n{"id": "s", "text": "y"}\n')
    items = list(read_input(source, skip={"s"}))
    assert items[0] == {"id": "1", "text": "x", "k": 2}
    assert _messages(items) == [
        (3, "line 3 is not JSON: Expecting value"),
        (4, 'line 4 is not a JSON object {"id": ..., "text": ...}'),
    ]
    assert list(read_input(source, skip={"1", "s"}, skip_lines={3, 4})) == []


def test_ids_must_be_strings_or_integers_and_say_so(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    rows = [{"id": 1.5}, {"id": {"k": 1}}, {"id": True}, {"id": [1]}, {"id": ""}, {"text": "t"}]
    source.write_text("".join(json.dumps({"text": TEXT, **row}) + "\n" for row in rows))
    assert _messages(list(read_input(source))) == [
        (1, "line 1 has a bad id: id must be a string or integer, not the number 1.5"),
        (2, "line 2 has a bad id: id must be a string or integer, not an object"),
        (3, "line 3 has a bad id: id must be a string or integer, not true"),
        (4, "line 4 has a bad id: id must be a string or integer, not an array"),
        (5, "line 5 has a bad id: id must not be empty"),
        (6, "line 6 has no 'id'"),
    ]


def test_a_bom_on_line_1_is_accepted(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": TEXT}).encode() + b"\n")
    assert list(read_input(source)) == [{"id": "a", "text": TEXT}]


def test_a_line_that_is_not_utf8_is_an_error_for_that_line_alone(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n{"id": "b", "text": "ok"}\n')
    items = list(read_input(source))
    assert _messages(items) == [(1, "line 1 is not UTF-8 text (byte 25)")]
    assert items[1] == {"id": "b", "text": "ok"}


def test_an_overlong_line_is_never_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_LINE_BYTES", 100)
    source = tmp_path / "in.jsonl"
    huge = json.dumps({"id": "big", "text": "x" * 5000})
    source.write_text(huge + "\n" + json.dumps({"id": "b", "text": "ok"}) + "\n" + "y" * 300)
    items = list(read_input(source))
    assert _messages(items) == [
        (1, "line 1 is longer than 100 bytes"),
        (3, "line 3 is longer than 100 bytes"),
    ]
    assert items[1] == {"id": "b", "text": "ok"}


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.jsonl", "no such file"),
        (lambda p: p, "is a directory"),
        (lambda p: os.mkfifo(p / "f") or p / "f", "is a FIFO (named pipe): batch input must be"),
        (lambda p: Path("/dev/null"), "is a character device"),
    ],
)
def test_unreadable_inputs_say_what_they_are(tmp_path: Path, make, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        check_input(make(tmp_path))
