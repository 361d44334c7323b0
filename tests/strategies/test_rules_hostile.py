"""Pathological texts through ``rumourx.extract`` with ``rules``: each one finishes
and gives a valid report, and the ordinary sentences around it are still read.

The inputs run in one child process under a generous wall-clock guard, so that a
reader gone quadratic fails here instead of blocking the suite. Nothing is timed:
speed is measured by ``benchmarks/word_soup.py`` and ``benchmarks/rules_speed.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from rumourx import RumourReport

GUARD_SECONDS = 120  # all the inputs together; a hang fails, a slow machine does not

_CHILD = textwrap.dedent(
    """
    import json, random, sys
    from rumourx import Settings, extract

    BEFORE = "Arsenal have signed John Smith from Chelsea. "
    AFTER = " Liverpool have agreed a £20m fee with Ajax for Tom Brown."

    def soup(words):
        rng = random.Random(7)
        syllables = "ka ro mi len dor sa vi tan bel gu ne ha zo pri ster".split()
        return " ".join(
            "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).capitalize()
            for _ in range(words)
        )

    def football_sentence(size):
        clause = "Tom Brown could join Arsenal from Chelsea, says Sky Sports, and "
        return clause * (size // len(clause)) + "that is all."

    def no_punctuation(size):
        rng = random.Random(4)
        words = ("arsenal want to sign the striker from chelsea for a fee of twenty "
                 "million pounds according to reports John Smith Manchester United").split()
        found, length = [], 0
        while length < size:
            found.append(rng.choice(words))
            length += len(found[-1]) + 1
        return " ".join(found)

    cases = {
        "soup-1000": soup(1000),
        "soup-4000": soup(4000),
        "sentence-200kb": BEFORE + football_sentence(200_000) + AFTER,
        "no-punctuation-1mb": no_punctuation(1_000_000),
        "nested-tags-20000": "<html><body>" + "<div>" * 20_000 + BEFORE + AFTER
        + "</div>" * 20_000 + "</body></html>",
        "quotes": BEFORE + '"' * 100_000 + AFTER,
        "quoted-words": BEFORE + '"Arsenal" ' * 20_000 + AFTER,
        "digits": BEFORE + "Arsenal bid £" + "9" * 100_000 + "m for Bob Jones." + AFTER,
        "long-number": BEFORE + "Arsenal bid £" + "9" * 400 + "m for Bob Jones." + AFTER,
        "hyphens": BEFORE + "Tom Brown-" + "-" * 100_000 + " from Chelsea." + AFTER,
        "hyphenated-names": BEFORE + "Arsenal want " + "Smith-" * 20_000 + "Jones." + AFTER,
        "many-fees": BEFORE + "Arsenal bid " + "£10m, " * 20_000 + "for Bob Jones." + AFTER,
    }
    settings = Settings(strategy="rules")
    for name, text in cases.items():
        print(json.dumps({"case": name, "report": extract(text, settings).model_dump_json()}))
        sys.stdout.flush()
    """
)


@pytest.fixture(scope="module")
def reports() -> dict[str, RumourReport]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD],
        capture_output=True,
        text=True,
        timeout=GUARD_SECONDS,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    found = {}
    for line in done.stdout.splitlines():
        row = json.loads(line)
        found[row["case"]] = RumourReport.model_validate_json(row["report"])
    return found


def _moves(report: RumourReport) -> set[tuple[str, str | None, str]]:
    return {(r.player, r.from_club, r.to_club) for r in report.rumours}


SMITH = ("John Smith", "Chelsea", "Arsenal")
BROWN = ("Tom Brown", "Ajax", "Liverpool")


@pytest.mark.parametrize("case", ["soup-1000", "soup-4000", "no-punctuation-1mb"])
def test_text_that_is_no_prose_reports_nothing(reports: dict[str, RumourReport], case: str) -> None:
    assert reports[case].rumours == []


@pytest.mark.parametrize(
    "case", ["sentence-200kb", "nested-tags-20000", "digits", "long-number", "many-fees"]
)
def test_the_sentences_around_a_hostile_run_are_still_read(
    reports: dict[str, RumourReport], case: str
) -> None:
    assert {SMITH, BROWN} <= _moves(reports[case])


@pytest.mark.parametrize("case", ["quotes", "quoted-words", "hyphens", "hyphenated-names"])
def test_the_sentence_before_a_hostile_run_is_still_read(
    reports: dict[str, RumourReport], case: str
) -> None:
    assert SMITH in _moves(reports[case])


@pytest.mark.parametrize("case", ["sentence-200kb", "no-punctuation-1mb", "soup-4000"])
def test_a_sentence_too_long_to_be_prose_is_left_unread_and_said_so(
    reports: dict[str, RumourReport], case: str
) -> None:
    assert any("was not read (longer than 2,000)" in w for w in reports[case].warnings)


def test_a_number_of_hundreds_of_digits_is_no_fee(reports: dict[str, RumourReport]) -> None:
    jones = [r for r in reports["long-number"].rumours if r.player == "Bob Jones"]
    assert jones and all(r.fee is None for r in jones)
