import json
import os
from pathlib import Path

import pytest

from rumourx import OutputError, RumourReport
from rumourx.batch.outcomes import BatchError, BatchOutcome
from rumourx.batch.output import BatchOutput

REPORT = RumourReport(strategy="rules")


def _line(article_id: str, *, error: bool = False, digest: str = "h") -> str:
    outcome = BatchOutcome(
        article_id,
        report=None if error else REPORT,
        error=BatchError("ProviderError", "down") if error else None,
        input_hash=digest,
    )
    return outcome.to_json() + "\n"


def _ids(path: Path) -> list[str | None]:
    return [json.loads(line)["id"] for line in path.read_text().splitlines()]


def test_a_missing_or_empty_output_is_fine(tmp_path: Path) -> None:
    for path in (tmp_path / "new" / "out.jsonl", tmp_path / "empty.jsonl"):
        if path.name == "empty.jsonl":
            path.write_text("")
        with BatchOutput.open(path) as output:
            assert output.index.empty
            output.write(BatchOutcome("a", report=REPORT, input_hash="h"))
        assert _ids(path) == ["a"]


@pytest.mark.parametrize("name", ["same", "symlink", "dot", "hardlink"])
def test_the_input_file_is_refused_as_output_and_left_alone(tmp_path: Path, name: str) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "t"}\n{"id": "b", "text": "u"}')  # no final newline
    before = source.read_bytes()
    target = {
        "same": source,
        "symlink": tmp_path / "link.jsonl",
        "dot": Path(os.path.relpath(source)).parent / "." / source.name,
        "hardlink": tmp_path / "hard.jsonl",
    }[name]
    if name == "symlink":
        target.symlink_to(source)
    if name == "hardlink":
        os.link(source, target)
    with pytest.raises(OutputError, match="is the input file"):
        BatchOutput.open(target, source=source)
    assert source.read_bytes() == before


@pytest.mark.parametrize(
    "content",
    [
        "my notes\nline two\n",
        '{"id": "x", "other": 1}\n',
        _line("a") + "free text at the end",
        _line("a") + "a note\n" + _line("b"),
    ],
)
def test_a_file_that_is_not_rumourx_output_is_refused_and_left_alone(
    tmp_path: Path, content: str
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(content)
    with pytest.raises(OutputError, match="is not rumourx output"):
        BatchOutput.open(path)
    assert path.read_text() == content


def test_a_torn_last_line_of_our_own_is_cut_and_a_whole_one_keeps_its_line(
    tmp_path: Path,
) -> None:
    torn, whole = tmp_path / "torn.jsonl", tmp_path / "whole.jsonl"
    torn.write_text(_line("a") + _line("b")[:25])
    whole.write_text(_line("a") + _line("b").rstrip("\n"))
    for path, expected in ((torn, ["a"]), (whole, ["a", "b"])):
        with BatchOutput.open(path) as output:
            assert sorted(output.index.ids) == expected
            output.prepare(set(), set())
            output.write(BatchOutcome("c", report=REPORT))
        assert _ids(path) == [*expected, "c"]


def test_a_torn_line_of_one_character_is_still_ours(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text(_line("a") + "{")
    with BatchOutput.open(path) as output:
        output.prepare(set(), set())
    assert path.read_text() == _line("a")


def test_dropping_lines_keeps_every_other_line_and_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text(_line("a") + _line("b", error=True) + _line("c") + _line("d")[:10])
    os.chmod(path, 0o640)
    with BatchOutput.open(path) as output:
        output.prepare({"b"}, set())
        with pytest.raises(OutputError, match="being written by another rumourx batch"):
            BatchOutput.open(path)
        output.write(BatchOutcome("b", report=REPORT))
    assert _ids(path) == ["a", "c", "b"]
    assert (path.stat().st_mode & 0o777) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_a_second_writer_is_refused_while_the_first_holds_the_output(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with (
        BatchOutput.open(path),
        pytest.raises(OutputError, match="being written by another rumourx batch"),
    ):
        BatchOutput.open(path)
    with BatchOutput.open(path):  # released on close
        pass


def test_a_full_device_is_one_output_error(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with BatchOutput.open(Path("/dev/full")) as output:
        assert not output.regular
        with pytest.raises(OutputError, match="No space left on device"):
            output.write(BatchOutcome("a", report=REPORT))


def test_a_fifo_nobody_reads_is_refused_instead_of_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="FIFO that nobody is reading"):
        BatchOutput.open(fifo)


def test_a_closed_pipe_is_one_output_error() -> None:
    read_end, write_end = os.pipe()
    try:
        with BatchOutput.open(Path(f"/proc/self/fd/{write_end}")) as output:
            output.write(BatchOutcome("a", report=REPORT))
            assert os.read(read_end, 7) == b'{"id": '
            os.close(read_end)
            with pytest.raises(OutputError, match="Broken pipe"):
                output.write(BatchOutcome("b", report=REPORT))
    finally:
        os.close(write_end)


def test_an_unwritable_output_is_one_output_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "file").write_text("")
    with pytest.raises(OutputError, match="file is not a folder"):
        BatchOutput.open(tmp_path / "file" / "out.jsonl")
    with pytest.raises(OutputError, match="is a directory"):
        BatchOutput.open(tmp_path)
    target = tmp_path / "ro.jsonl"
    real_open = os.open

    def read_only(path: object, *args: object, **kwargs: object) -> int:
        if Path(str(path)) == target:
            raise OSError(30, "Read-only file system", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(OutputError, match=r"cannot write .*ro\.jsonl: Read-only file system"):
        BatchOutput.open(target)
