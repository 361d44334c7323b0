"""``rumourx batch`` as a real process: locks, pipes and FIFOs need one."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rumourx.batch.output import BatchOutput
from rumourx.cli import main

TEXT = "Wolves have rejected a £30m bid from Newcastle United for Tom Harding. Item {i}."
COMMAND = [sys.executable, "-m", "rumourx", "batch"]


def _input(path: Path, n: int) -> Path:
    path.write_text(
        "".join(json.dumps({"id": f"a{i}", "text": TEXT.format(i=i)}) + "\n" for i in range(n))
    )
    return path


def test_a_second_writer_exits_2_while_another_holds_the_output(tmp_path: Path) -> None:
    source, out = _input(tmp_path / "in.jsonl", 3), tmp_path / "out.jsonl"
    with BatchOutput.open(out):
        second = subprocess.run(
            [*COMMAND, str(source), "-o", str(out), "--no-cache"],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert second.returncode == 2
    assert second.stderr == (
        f"rumourx: error: {out} is being written by another rumourx batch: "
        "wait for it to finish, or give another output file\n"
    )
    assert out.read_text() == ""


@pytest.mark.slow
def test_two_concurrent_writers_never_write_an_id_twice(tmp_path: Path) -> None:
    source, out = _input(tmp_path / "in.jsonl", 400), tmp_path / "out.jsonl"
    command = [*COMMAND, str(source), "-o", str(out), "--no-cache"]
    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [(run.wait(timeout=300), run.stderr.read() if run.stderr else "") for run in runs]
    for run in runs:
        for stream in (run.stdout, run.stderr):
            if stream:
                stream.close()
    assert sorted(code for code, _ in results) in ([0, 0], [0, 2]), results
    for code, err in results:
        if code == 2:
            assert "being written by another rumourx batch" in err
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert len(ids) == len(set(ids)) == 400


def test_output_to_dev_stdout_through_a_pipe_does_not_hang(tmp_path: Path) -> None:
    source = _input(tmp_path / "in.jsonl", 3)
    done = subprocess.run(
        [*COMMAND, str(source), "-o", "/dev/stdout", "--no-cache"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    ids = [json.loads(line)["id"] for line in done.stdout.splitlines()]
    assert sorted(ids) == ["a0", "a1", "a2"], "stdout holds the JSONL and nothing else"
    assert "3 in input, 0 already done, 3 done" in done.stderr


def test_a_fifo_as_batch_input_says_it_is_a_fifo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "in.fifo"
    os.mkfifo(fifo)
    assert main(["batch", str(fifo), "-o", str(tmp_path / "out.jsonl")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"rumourx: error: {fifo} is a FIFO (named pipe)")
    assert len(err.splitlines()) == 1
