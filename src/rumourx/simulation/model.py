"""A simulated strong model: it answers from gold labels, roughened like a real one.

It reads each request as a model would see it (the text between ``<<<`` and
``>>>``), finds the labelled text it was taken from, and reports the gold moves that
text shows: a move is visible when its gold evidence sentence is in the text, or
when the text names both the player and the destination. Then it makes mistakes,
each with probability ``noise`` (0 is perfect, 1 makes every mistake):

- per move: the player by surname only; either club by a press nickname; status
  and kind of move as synonyms; the fee as text or in thousands; the evidence
  paraphrased or cut mid-sentence; sources misspelt or given as a handle;
- per answer: one move dropped (when it holds two or more); one invented move of a
  famous player the text never names;
- on a long text read in chunks: a chunk answered as if it were the whole
  article (what the chunk does not state is lost: selling club, fee, sources, and
  the moves of a player it never names).

Mistakes are drawn from a seeded random source keyed on the text, so an answer is
reproducible, and a mistake made at one noise level is also made at every higher
one. Told its errors (a re-ask), it corrects each flagged move with probability
``1 - noise``. Requests about no labelled text get an empty answer.
"""

from __future__ import annotations

import difflib
import hashlib
import random
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rumourx.core.model import ModelRequest
from rumourx.knowledge.clubs import club_index
from rumourx.knowledge.fees import find_money
from rumourx.knowledge.folding import fold
from rumourx.simulation.labelled import LabelledText, TextIndex, squash
from rumourx.simulation.roughening import (
    cut_evidence,
    error_table,
    fee_as_text,
    fee_in_thousands,
    handle,
    misspell,
    paraphrase,
)
from rumourx.strategies.finishing import article_words
from rumourx.testing import FunctionModel
from rumourx.text.sentences import split_sentences

__all__ = ["SimulatedModel"]

Answer = dict[str, Any]
_PAYLOAD = re.compile(r"<<<\n?(.*?)\n?>>>", re.S)
_FLAGGED = re.compile(r"^rumours\.(\d+)", re.M)
_REASK = "Correct these errors"
_LONG = 500  # a chunk at least this long can be mistaken for the whole article


@dataclass
class _Move:
    clean: Answer
    noisy: Answer
    invented: bool = False


def _words(text: str) -> set[str]:
    return article_words(text)


def _surname(player: str) -> str:
    words = re.findall(r"[\w'-]+", fold(player))
    return words[-1] if words else ""


class SimulatedModel(FunctionModel):
    """A structured model that answers from gold labels with seeded, tunable mistakes.

    Args:
        texts: The labelled texts it knows (see :func:`rumourx.simulation.load_labelled`).
        noise: Probability of each kind of mistake, 0 (perfect) to 1.
        seed: Seed of the mistakes.
        max_reasks: Re-asks after invalid output, as ``Settings.max_reasks``.
        name: Model name reported.

    Example:
        >>> from rumourx import Extractor, Settings
        >>> from rumourx.simulation import LabelledText, SimulatedModel
        >>> text = "Arsenal have signed Lyon midfielder Houssem Aouar for £30m."
        >>> gold = {"player": "Houssem Aouar", "from_club": "Lyon", "to_club": "Arsenal",
        ...         "transfer_type": "permanent", "status": "completed", "evidence": text,
        ...         "fee": {"amount": 30000000, "currency": "GBP"}, "sources": []}
        >>> model = SimulatedModel([LabelledText("a", text, (gold,))], noise=0.0)
        >>> report = Extractor(Settings(strategy="llm"), model=model).extract(text)
        >>> [(r.player, r.to_club) for r in report.rumours]
        [('Houssem Aouar', 'Arsenal')]
    """

    def __init__(
        self,
        texts: Iterable[LabelledText],
        *,
        noise: float = 0.0,
        seed: int = 0,
        max_reasks: int = 1,
        name: str = "simulated",
    ) -> None:
        if not 0.0 <= noise <= 1.0:
            raise ValueError(f"noise must be between 0 and 1, got {noise}")
        self._index = TextIndex(texts)
        self.noise = noise
        self.seed = seed
        self.unknown = 0
        super().__init__(self._answer, max_reasks=max_reasks, name=name)

    def _answer(self, request: ModelRequest[Any]) -> Answer:
        messages = request.messages
        reask = messages[-1].get("content", "") if len(messages) > 2 else ""
        asked = next(
            (
                m.get("content", "")
                for m in reversed(messages)
                if m.get("role") == "user" and not m.get("content", "").startswith(_REASK)
            ),
            "",
        )
        found = _PAYLOAD.search(asked)
        payload = found.group(1) if found else ""
        located = self._index.find(payload) if payload else None
        fields = request.response_model.model_fields
        if located is None:
            self.unknown += 1
            return {"rumours": []} if "rumours" in fields else {}
        labelled, whole = located
        if "rumours" not in fields:
            return self._complete(asked, labelled, fields)
        moves = self._moves(labelled, payload, whole, asked)
        if reask.startswith(_REASK):
            moves = self._corrected(moves, reask, asked)
        return {"rumours": [move.noisy for move in moves]}

    def _random(self, asked: str, purpose: str) -> random.Random:
        """A random source keyed on the whole question: asked again, answered alike."""
        key = hashlib.sha256(f"{self.seed}|{purpose}|{squash(asked)}".encode()).hexdigest()
        return random.Random(key)

    def _moves(self, labelled: LabelledText, payload: str, whole: str, asked: str) -> list[_Move]:
        rolls = self._random(asked, "rolls")
        picks = self._random(asked, "picks")
        text = " ".join(part for part in re.split(r"\[removed: [^\]]*\]", payload))
        squashed = squash(text)
        named = {
            m.club for m in club_index().find(text, {m.club for m in club_index().find(whole)})
        }
        clean = [
            answer
            for gold in labelled.rumours
            if (answer := _visible(gold, text, squashed, named, squashed == whole)) is not None
        ]
        is_chunk = len(squashed) >= _LONG and squashed in whole and len(squashed) < len(whole)
        moves = []
        for answer in clean:
            noisy = self._roughen(answer, rolls, picks)
            moves.append(_Move(answer, noisy))
        if is_chunk and rolls.random() < self.noise:
            moves = [m for m in (_as_whole(m, text, named) for m in moves) if m is not None]
        drop, which = rolls.random() < self.noise, rolls.random()
        invent = rolls.random() < self.noise
        if drop and len(moves) >= 2:
            moves.pop(int(which * len(moves)))
        if invent:
            moves.append(_invented(labelled, text, named, picks))
        return moves

    def _roughen(self, answer: Answer, rolls: random.Random, picks: random.Random) -> Answer:
        table = error_table()
        p = self.noise
        noisy = dict(answer)
        draws = [rolls.random() for _ in range(11)]
        if draws[0] < p and len(str(noisy["player"]).split()) > 1:
            noisy["player"] = str(noisy["player"]).split()[-1]
        for roll, key in ((draws[1], "to_club"), (draws[2], "from_club")):
            nicknames = table.nicknames.get(str(noisy.get(key)))
            if roll < p and nicknames:
                noisy[key] = picks.choice(nicknames)
        for roll, key, words in (
            (draws[3], "status", table.status),
            (draws[4], "transfer_type", table.transfer_type),
        ):
            if roll < p and words.get(str(noisy[key])):
                noisy[key] = picks.choice(words[str(noisy[key])])
        if draws[5] < p:
            noisy = fee_as_text(noisy) if draws[6] < 0.5 else fee_in_thousands(noisy)
        if draws[7] < p:
            noisy = paraphrase(noisy, picks) if draws[8] < 0.5 else cut_evidence(noisy, picks)
        if draws[9] < p and noisy["sources"]:
            noisy["sources"] = [
                misspell(s, picks) if draws[10] < 0.5 else handle(s) for s in noisy["sources"]
            ]
        return noisy

    def _corrected(self, moves: list[_Move], reask: str, asked: str) -> list[_Move]:
        flagged = {int(i) for i in _FLAGGED.findall(reask)}
        rolls = self._random(asked + reask, "reask")
        kept = []
        for index, move in enumerate(moves):
            fix = index in flagged and rolls.random() >= self.noise
            if fix and move.invented:
                continue
            kept.append(_Move(move.clean, move.clean) if fix else move)
        return kept

    def _complete(self, asked: str, labelled: LabelledText, fields: Mapping[str, Any]) -> Answer:
        """Answer a question about one move's fields (the ``hybrid`` strategy's)."""
        player = re.search(r"Player: (.+)", asked)
        wanted = _surname(player.group(1)) if player else ""
        for gold in labelled.rumours:
            if _surname(str(gold.get("player", ""))) == wanted:
                return {key: gold.get(key) for key in fields}
        return {}


def _as_written(name: str | None, text: str, named: set[str]) -> str | None:
    """A club as the text writes it, when the gold names it in a form the text lacks.

    A strong model copies names from what it reads: when the gold's form is not in
    the text and the club index cannot tie it to a club the text names, the closest
    capitalised phrase of the text is taken (accents and spelling may differ).
    """
    if not name or fold(name) in fold(text) or club_index().canonical(name) in named:
        return name
    phrases = {
        m.group(0)
        for m in re.finditer(r"[A-Z][\w'’.-]*(?:[ -](?:[A-Z][\w'’.-]*|de|del|di))*", text)
    }
    scored = [(difflib.SequenceMatcher(None, fold(name), fold(p)).ratio(), p) for p in phrases]
    best = max(scored, default=(0.0, name))
    return best[1] if best[0] >= 0.75 else name


def _in_text(player: str, text: str) -> str:
    """The player as the text writes him (the closest word to his surname, if not exact)."""
    words = re.findall(r"[\w'’-]+", text)
    surname = _surname(player)
    if surname in article_words(text):
        return player
    scored = [(difflib.SequenceMatcher(None, surname, fold(w)).ratio(), w) for w in words]
    best = max(scored, default=(0.0, player))
    if best[0] < 0.75:
        return player
    return " ".join([*player.split()[:-1], best[1]])


def _visible(
    gold: Mapping[str, Any], text: str, squashed: str, named: set[str], whole: bool
) -> Answer | None:
    """The clean answer for a gold move, if ``text`` shows it; else None.

    The whole text shows every gold move; a part of it (a chunk, a focused read's
    sentences) shows a move when it holds the move's evidence sentence, or names
    both the player and the destination.
    """
    player = _in_text(str(gold.get("player", "")), text)
    to_club = _as_written(gold.get("to_club"), text, named)
    evidence = squash(str(gold.get("evidence") or ""))
    has_player = _surname(player) in _words(text)
    clubs = club_index()
    has_club = to_club is None or clubs.canonical(to_club) in named or fold(to_club) in fold(text)
    if not whole and not (evidence and evidence in squashed) and not (has_player and has_club):
        return None
    if not (evidence and evidence in squashed):
        sentences = [s.text for s in split_sentences(text)]
        about = [s for s in sentences if _surname(player) in _words(s)]
        with_club = [s for s in about if to_club and fold(str(to_club)) in fold(s)]
        evidence = (with_club or about or sentences or [""])[0]
    fee = gold.get("fee") or {}
    return {
        "player": player,
        "from_club": _as_written(gold.get("from_club"), text, named),
        "to_club": to_club,
        "transfer_type": gold.get("transfer_type") or "unknown",
        "status": gold.get("status") or "linked",
        "fee_amount": fee.get("amount"),
        "fee_currency": fee.get("currency"),
        "fee_add_ons": fee.get("add_ons"),
        "sources": list(gold.get("sources") or []),
        "evidence": evidence,
    }


def _as_whole(move: _Move, text: str, named: set[str]) -> _Move | None:
    """The move as read from a chunk alone: what the chunk does not state is lost."""
    answer = dict(move.noisy)
    if _surname(str(move.clean["player"])) not in _words(text):
        return None
    from_club = move.clean.get("from_club")
    if from_club and club_index().canonical(str(from_club)) not in named:
        answer["from_club"] = None
    answer["sources"] = [
        s
        for s, c in zip(answer["sources"], move.clean["sources"], strict=False)
        if fold(str(c)) in fold(text)
    ]
    amount = move.clean.get("fee_amount")
    if amount and not any(abs(m.amount - amount) <= 0.02 * amount for m in find_money(text)):
        answer["fee_amount"] = answer["fee_currency"] = answer["fee_add_ons"] = None
    return _Move(move.clean, answer)


def _invented(labelled: LabelledText, text: str, named: set[str], picks: random.Random) -> _Move:
    """A move of a famous player the text never names, on a real sentence or none."""
    table = error_table()
    article = _words(labelled.text)
    names = [n for n in table.famous_players if _surname(n) not in article] or ["Zz Nobody"]
    clubs = sorted(named) or table.famous_clubs
    sentences = [s.text for s in split_sentences(text)]
    answer: Answer = {
        "player": picks.choice(names),
        "from_club": None,
        "to_club": picks.choice(clubs),
        "transfer_type": "permanent",
        "status": "linked",
        "fee_amount": None,
        "fee_currency": None,
        "fee_add_ons": None,
        "sources": [],
        "evidence": picks.choice(sentences) if sentences else "",
    }
    return _Move(answer, answer, invented=True)
