"""Evidence offsets slice exactly what the caller passed, on any text, on every strategy.

The property tests put line endings, decomposed accents, zero-width characters, bidi
marks, NBSP, emoji, RTL text and dotted capitals into and around rumour sentences we
wrote ourselves, and check every piece of evidence against the input. The sentences are
chosen so that rumours are found: an example where one is missing fails.

CI (``CI`` set) runs 2,000 generated texts per strategy; elsewhere fewer, so that
``make test`` stays quick (``RUMOURX_PROPERTY_EXAMPLES`` overrides both).
"""

from __future__ import annotations

import os
import re
import unicodedata
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rumourx import Extractor, Settings
from rumourx.core.model import ModelRequest
from rumourx.core.types import RumourReport
from rumourx.testing import FunctionModel
from rumourx.text.normalise import normalise
from rumourx.text.sentences import split_sentences

EXAMPLES = int(os.environ.get("RUMOURX_PROPERTY_EXAMPLES", 2000 if os.environ.get("CI") else 150))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# (sentence, player, destination, selling club): our own sentences, one move each.
MOVES = [
    (
        "Arsenal have agreed a £30m fee with Lyon for Houssem Aouar.",
        "Houssem Aouar",
        "Arsenal",
        "Lyon",
    ),
    (
        "Chelsea are in talks with Napoli over a loan for Victor Osimhen.",
        "Victor Osimhen",
        "Chelsea",
        "Napoli",
    ),
    (
        "Bayern Munich have agreed a €20m fee with Schalke for Thomas Müller.",
        "Thomas Müller",
        "Bayern Munich",
        "Schalke 04",
    ),
    (
        "Wolves have rejected a £30million bid from Newcastle United for Tom Harding, Sky Sports reports.",
        "Tom Harding",
        "Newcastle United",
        "Wolverhampton Wanderers",
    ),
    (
        "Everton have completed the loan signing of Benfica winger Rafael Nunes.",
        "Rafael Nunes",
        "Everton",
        "Benfica",
    ),
    (
        "Real Madrid are closing in on a deal for Sevilla defender José Ángel Peña.",
        "José Ángel Peña",
        "Real Madrid",
        "Sevilla",
    ),
    ("Fulham have signed Marco Bianchi on a free transfer.", "Marco Bianchi", "Fulham", None),
    (
        "Aston Villa are monitoring Brentford defender Kofi Mensah.",
        "Kofi Mensah",
        "Aston Villa",
        "Brentford",
    ),
    (
        "Juventus have agreed a fee with Benfica for Gonçalo Ramos.",
        "Gonçalo Ramos",
        "Juventus",
        "Benfica",
    ),
]
INVISIBLE = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u200e",
    "\u200f",
    "\u202b\u202c",
]
VISIBLE = [
    "😀",
    "👨\u200d👩\u200d👧",
    "🇬🇧",
    "مرحبا بكم",
    "שלום עליכם",
    "İİ",
    "İstanbul",
    "ﬁnal",
    "Straße",
    "日本語",
    "\u202bRTL\u202c",
]
SPACES = [" ", "\u00a0", " \u200b", "\u202f", "  "]
BETWEEN = [" ", "\n\n", "\n", "\u200b", "。", "\r\n\r\n"]


def _surname(player: str) -> str:
    return player.split()[-1]


@st.composite
def noisy_sentence(draw: st.DrawFn, sentence: str, *, visible_inside: bool) -> str:
    """The sentence with invisible characters in words and odd spaces between them."""
    words = sentence.split(" ")
    out: list[str] = []
    for index, word in enumerate(words):
        if draw(st.integers(0, 4)) == 0:  # an invisible character inside the word
            at = draw(st.integers(0, len(word)))
            word = word[:at] + draw(st.sampled_from(INVISIBLE)) + word[at:]
        if index:
            gap = draw(st.sampled_from(SPACES))
            if visible_inside and draw(st.integers(0, 5)) == 0:
                gap = f"{gap}{draw(st.sampled_from(VISIBLE))} "
            out.append(gap)
        out.append(word)
    text = "".join(out)
    return unicodedata.normalize("NFD", text) if draw(st.booleans()) else text


@st.composite
def noisy_article(draw: st.DrawFn, *, visible_inside: bool = False) -> tuple[str, list[int]]:
    """An article of one to three moves, with noise in and around its sentences."""
    chosen = draw(st.lists(st.integers(0, len(MOVES) - 1), min_size=1, max_size=3, unique=True))
    parts: list[str] = []
    if draw(st.booleans()):  # a paragraph of visible noise first
        parts.append(
            " ".join(draw(st.lists(st.sampled_from(VISIBLE), min_size=1, max_size=4))) + "\n\n"
        )
    for position, index in enumerate(chosen):
        sentence = MOVES[index][0]
        if position:
            between = draw(st.sampled_from(BETWEEN))
            if between == "。":
                parts[-1] = parts[-1][:-1]  # the CJK full stop replaces the Latin one
            parts.append(between)
            if draw(st.integers(0, 3)) == 0:
                parts.append(
                    " ".join(draw(st.lists(st.sampled_from(VISIBLE), min_size=1, max_size=3)))
                    + "\n\n"
                )
        parts.append(draw(noisy_sentence(sentence, visible_inside=visible_inside)))
    if draw(st.booleans()):
        parts.append("\n\n" + draw(st.sampled_from(VISIBLE)))
    text = "".join(parts)
    endings = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return text.replace("\r\n", "\n").replace("\n", endings), chosen


def _check_offsets(source: str, report: RumourReport, chosen: list[int]) -> None:
    found = {_surname(r.player) for r in report.rumours}
    wanted = {_surname(MOVES[i][1]) for i in chosen}
    assert wanted <= found, f"rumours lost: wanted {wanted}, found {found}"
    target = source if report.text is None else report.text
    for rumour in report.rumours + report.opinion:
        assert rumour.evidence
        for evidence in rumour.evidence:
            assert 0 <= evidence.start < evidence.end <= len(target)
            assert target[evidence.start : evidence.end] == evidence.text
            read, _ = normalise(evidence.text)
            assert read == read.strip() and read, evidence
            if _surname(rumour.player) in wanted:  # (noise can read as a name to the rules)
                assert _surname(rumour.player).casefold() in read.casefold(), (
                    rumour.player,
                    evidence,
                )


def _answer_from_the_text(style: str) -> FunctionModel:
    """A model that reports each of our moves whose sentence it is shown, quoting it."""

    def answer(request: ModelRequest[Any]) -> dict[str, Any]:
        content = request.messages[-1]["content"]
        if "Player:" in content:  # hybrid: complete the selling club
            player = content.split("Player:", 1)[1].split("\n", 1)[0].strip()
            for _, name, _, selling in MOVES:
                if _surname(name) in player:
                    return {"from_club": selling}
            return {"from_club": None}
        chunk = content.split("<<<\n", 1)[1].rsplit("\n>>>", 1)[0]
        rumours = []
        for sentence in split_sentences(chunk):
            for _, name, to_club, selling in MOVES:
                if _surname(name) in sentence.text:
                    quote = sentence.text
                    if style == "folded":
                        quote = quote.casefold()
                    elif style == "spaced":
                        quote = re.sub(r"\s+", "  ", quote).upper()
                    rumours.append(
                        {
                            "player": name,
                            "to_club": to_club,
                            "from_club": selling,
                            "evidence": quote,
                        }
                    )
        return {"rumours": rumours}

    return FunctionModel(answer)


RULES = Extractor(Settings(strategy="rules"))


@PROPERTY
@given(noisy_article())
def test_rules_evidence_slices_the_input(article: tuple[str, list[int]]) -> None:
    source, chosen = article
    _check_offsets(source, RULES.extract(source), chosen)


@PROPERTY
@given(noisy_article(visible_inside=True), st.sampled_from(["exact", "folded", "spaced"]))
def test_llm_evidence_slices_the_input(article: tuple[str, list[int]], style: str) -> None:
    source, chosen = article
    extractor = Extractor(Settings(strategy="llm"), model=_answer_from_the_text(style))
    _check_offsets(source, extractor.extract(source), chosen)


@PROPERTY
@given(noisy_article())
def test_hybrid_evidence_slices_the_input(article: tuple[str, list[int]]) -> None:
    source, chosen = article
    extractor = Extractor(Settings(strategy="hybrid"), model=_answer_from_the_text("exact"))
    _check_offsets(source, extractor.extract(source), chosen)


@pytest.mark.parametrize("style", ["exact", "folded", "spaced"])
def test_dotted_capitals_on_the_model_path_never_shift_evidence(style: str) -> None:
    source = "İİİ İstanbul news. İİ Arsenal have agreed a £30m fee with Lyon for Houssem Aouar."
    extractor = Extractor(Settings(strategy="llm"), model=_answer_from_the_text(style))
    report = extractor.extract(source)
    (evidence,) = report.rumours[0].evidence
    assert evidence.text == "İİ Arsenal have agreed a £30m fee with Lyon for Houssem Aouar."
    assert source[evidence.start : evidence.end] == evidence.text
