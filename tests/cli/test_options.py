import io
import sys
from pathlib import Path

import pytest

from rumourx import InputError
from rumourx.cli import main
from rumourx.cli.options import read_article_file


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rpm", "0"], "--rpm must be a finite number greater than 0, got 0.0"),
        (["--rpm", "nan"], "--rpm must be a finite number greater than 0, got nan"),
        (["--tpm", "inf"], "--tpm must be a finite number greater than 0, got inf"),
        (["--timeout", "-1"], "--timeout must be a finite number greater than 0, got -1.0"),
        (["--timeout", "nan"], "--timeout must be a finite number greater than 0, got nan"),
        (["--base-url", "ftp://x"], "--base-url must be an http:// or https:// URL, got 'ftp://x'"),
    ],
)
def test_bad_settings_name_the_option_and_what_it_accepts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "Arsenal want Aouar."}\n')
    code = main(["batch", str(source), "-o", str(tmp_path / "out.jsonl"), *args])
    assert code == 2
    assert capsys.readouterr().err == f"rumourx: error: {message}\n"


class Endless(io.RawIOBase):
    """Standard input that never ends, counting what was read from it."""

    def __init__(self, chunk: bytes) -> None:
        self.chunk, self.read_bytes = chunk, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        size = len(buffer)
        data = (self.chunk * (size // len(self.chunk) + 1))[:size]
        buffer[:size] = data
        self.read_bytes += size
        return size


def test_an_endless_stdin_is_refused_at_the_limit_without_reading_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    endless = Endless(b"Arsenal want Aouar. ")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(endless)))
    with pytest.raises(InputError, match="standard input is over the limit of 1,000 characters"):
        read_article_file("-", max_chars=1000)
    assert endless.read_bytes < 64 * 1024


def test_dev_zero_is_refused_as_binary_at_once(capsys: pytest.CaptureFixture[str]) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    assert main(["extract", "/dev/zero"]) == 2
    assert capsys.readouterr().err == "rumourx: error: /dev/zero looks binary, not text\n"


def test_the_first_undecodable_byte_is_named(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Müller ".encode() + b"\xe9 rest")
    with pytest.raises(InputError, match=r"is not UTF-8 text \(byte 9\)"):
        read_article_file(str(path))


def test_line_endings_and_a_bom_are_read_as_they_are(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfA.\r\nB.\r\n")
    assert read_article_file(str(path)) == "A.\r\nB.\r\n"
