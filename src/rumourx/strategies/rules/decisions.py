"""Decide a move's fields from its sentences: status, kind, fee, sources, clubs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rumourx.core.types import Fee, Status, TransferType
from rumourx.knowledge.fees import find_money, parse_fee
from rumourx.knowledge.outlets import OutletIndex
from rumourx.strategies.rules.lexicon import (
    EXTENSION_DONE,
    FREE,
    LOAN,
    LOAN_OBLIGATION,
    LOAN_OPTION,
    MOVE_WORD,
    NON_FEE_MONEY,
    PERMANENT,
    RATED_MONEY,
    REPORTING,
    SWAP,
)
from rumourx.strategies.rules.renewals import (
    blank_extension_clauses,
    concessive_end,
    refusal_outside,
    renewal_settled,
    renewal_stage,
)
from rumourx.strategies.rules.roles import clauses
from rumourx.strategies.rules.stage_reading import OTHER_DEAL, RANK, TALKS, own_clause, stage_in

__all__ = ["decide_fee", "decide_status", "decide_type", "find_sources"]

_NO_OFFER = re.compile(
    r"\b(?:yet to|not|no|never|without)\s+(?:\w+\s+)?"
    r"(?:make|made|making|submit\w*|lodge\w*|table\w*)\s+(?:an?\s+|any\s+)?(?:formal\s+)?(?:offer|bid)s?\b"
    r"|\b(?:no (?:intention|plans?|desire) (?:of|to)|not|never|won't|refuse to|reluctant to)\s+"
    r"(?:\w+\s+)?(?:sell|selling)\b",
    re.IGNORECASE,
)
_NAMES_ONLY = re.compile(
    r"^\s*(?:with|and|or|plus|as well as)?\s*(?:(?:the\s+)?[A-Z][\w'’&.-]*\s*)+$"
)
_LIST_ITEM = re.compile(r"^\s*(?:and\s+|or\s+)?(?:the\s+)?[A-Z]")
_REJECTED_BY = re.compile(
    r"^(?:rejected|turned down|knocked back|rebuffed|dismissed)\s+by\b", re.IGNORECASE
)
_WAGE_AFTER = re.compile(r"\s*(?:a|per|every)\s+(?:week|month|year|season)\b|\s*-a-week\b", re.I)
_OFFER_BEFORE = re.compile(r"\boffer\w*\b[^.;£€$]{0,60}$", re.I)
# "turn X's loan into a permanent move", "make the loan permanent": a sale, not a loan.
_LOAN_MADE_PERMANENT = re.compile(
    r"\b(?:turn|make|convert|made|turned|converted|making|turning|converting)s?\b[^.;]{0,50}?"
    r"\bloan\b[^.;]{0,30}?\bpermanent\b",
    re.IGNORECASE,
)
_REPORT_AFTER = re.compile(
    r"^\s*(?:now\s+|are\s+|is\s+|have\s+|has\s+)?(?:report(?:s|ing|ed)?|claim(?:s|ed)?|"
    r"understand(?:s)?|reveal(?:s|ed)?|state(?:s|d)?|suggest(?:s|ed)?|insist(?:s)?|"
    r"write(?:s)?|believe(?:s)?|informa|riporta|berichtet|rapporte|avança|asegura|posted|"
    r"tweeted|wrote|told|said|says|confirmed|added|explained)\b",
    re.IGNORECASE,
)
_CANDIDATE_NAME = re.compile(
    r"(?:[A-Z][\w.'’-]*|[a-z]+\.[a-z]+)(?:\s+(?:[A-Z][\w.'’-]*|(?:dello|della|del|de|di|do|da)\b))*"
)
_REPORT_BEFORE_LOOSE = re.compile(
    r"\b(?:according to|reported by|reports? (?:from|by)|per|told|según|secondo|laut|selon|segundo|"
    r"berichtet|informa|avança|avanza|riporta|rapporte|révèle|reports|writes|reveals)"
    r"\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
_PAREN_SOURCE = re.compile(r"\(([^()]{1,60})\)\s*$")
_PAREN_NOISE = re.compile(r"\s*[-–,]\s*(?:in \w+|subscription required|external|via .*)$", re.I)


def _clause_at(text: str, offset: int) -> str:
    """The clause holding ``offset``, with any short clause that only finishes it.

    "West Ham have had a £30m bid for Pereira, 23, rejected.": the last clause is
    two words with no name of its own, so it belongs to the anchor's clause.
    """
    spans = clauses(text)
    own = own_clause(spans, offset)
    if own is None:
        return text
    parts = [text[spans[own][0] : spans[own][1]]]
    if _NAMES_ONLY.match(parts[0]):
        # "with Napoli, Roma and Fiorentina also making enquiries": a list's first
        # names take the stage of the clause that closes the list.
        for start, end in spans[own + 1 : own + 4]:
            piece = text[start:end]
            if not _LIST_ITEM.match(piece):
                break
            if stage_in(piece):
                return " ".join([parts[0], piece])
    for start, end in spans[own + 1 :]:
        tail = _PAREN_SOURCE.sub("", text[start:end]).strip()
        short = len(tail.split()) <= 3 or _REJECTED_BY.match(tail)
        if short and stage_in(tail) in ("bid_rejected", "collapsed"):
            parts.append(tail)
    return " ".join(parts)


def _clause_before(text: str, offset: int) -> str:
    """The nearest earlier clause of the sentence that names a stage, or "".

    "... wanted by Hillport, Rivertown and Eastbury Athletic": the list's
    later clubs take the stage of the clause that opened it.
    """
    spans = clauses(text)
    own = own_clause(spans, offset)
    if own is not None and OTHER_DEAL.match(text[spans[own][0] : spans[own][1]]):
        return ""  # "..., before they secured X": the main clause's stage is not his
    for start, end in reversed(spans[max(0, (own or 0) - 3) : own or 0]):
        piece = text[start:end]
        if OTHER_DEAL.match(piece):
            break  # "If talks to sign X break down, ...": another deal's stage
        if stage_in(piece):
            return piece
    return ""


def decide_status(texts: Iterable[tuple[str, int]], *, extension: bool) -> Status:
    """The furthest stage any sentence reaches; clause-local first.

    Args:
        texts: ``(sentence, offset of the move's anchor in it)`` pairs.
        extension: A renewal: stages read as linked, talks or completed.
    """
    best: str | None = None
    seen: set[str] = set()  # "talks" once any sentence names them
    for text, anchor in texts:
        ended = None
        if not extension:
            ended = "collapsed" if renewal_settled(text, anchor) else concessive_end(text, anchor)
            # The cue table's own needle test is the cheap look-up: no code-side word list,
            # so a phrase added to [renewal_refused] is never skipped.
            text = refusal_outside(text, anchor)
            if text == "collapsed":
                best = "collapsed"
                continue
            text = blank_extension_clauses(text, anchor)
        status = ended or (
            stage_in(_clause_at(text, anchor))
            or stage_in(_clause_before(text, anchor))
            or stage_in(text)
            or ("linked" if MOVE_WORD.search(text) else None)
        )
        if extension and EXTENSION_DONE.search(text):
            return Status.COMPLETED
        if extension and status == "collapsed":
            status = None  # "his move to Hillport is off": another move's end
        renewal = renewal_stage(text, anchor) if extension else None
        if extension and (renewal == "talks" or TALKS.search(text)):
            seen.add("talks")
        for found in (status, renewal):
            if found is not None and (best is None or RANK[found] < RANK[best]):
                best = found
    if extension:
        # The renewal climbs the same ladder as a move. Talks over an offered deal
        # ("offered a new deal but talks have stalled") are its latest stage; a term
        # turned down is still talks (a new deal turned down is "collapsed" by its own
        # cue); only a contract signed (above) completes it.
        if best == "bid_rejected" or (best == "bid" and "talks" in seen):
            return Status.TALKS
        if best == "completed":
            return Status.AGREED
    return Status(best) if best else Status.LINKED


def decide_type(own: list[str], context: list[str], *, extension: bool) -> TransferType:
    """The kind of move, from its own sentences and what the article says of the player."""
    if extension:
        return TransferType.EXTENSION
    own = [blank_extension_clauses(text) for text in own]
    context = [blank_extension_clauses(text) for text in context]
    everything = _without_wages(_NO_OFFER.sub(" ", " ".join(own + context)))
    mine = _without_wages(_NO_OFFER.sub(" ", " ".join(own)))
    everything, mine = (_LOAN_MADE_PERMANENT.sub(" permanent ", t) for t in (everything, mine))
    if LOAN_OBLIGATION.search(mine):
        return TransferType.LOAN_WITH_OBLIGATION
    if LOAN_OPTION.search(mine):
        return TransferType.LOAN_WITH_OPTION
    if LOAN.search(mine):
        return TransferType.LOAN
    if SWAP.search(everything):
        return TransferType.SWAP
    if FREE.search(everything):
        return TransferType.FREE
    if LOAN_OPTION.search(everything):
        return TransferType.LOAN_WITH_OPTION
    if LOAN.search(everything) and not PERMANENT.search(mine):
        return TransferType.LOAN
    if PERMANENT.search(mine) or PERMANENT.search(everything):
        return TransferType.PERMANENT
    return TransferType.UNKNOWN


@lru_cache(maxsize=1024)  # the same joined sentences come back for each move of a player
def _without_wages(text: str) -> str:
    """Blank out wages ("offer him £80,000 a week"): a salary is no fee, so no sale."""
    chars = list(text)
    for money in find_money(text):
        if _WAGE_AFTER.match(text, money.end):
            offer = _OFFER_BEFORE.search(text, max(0, money.start - 80), money.start)
            start = offer.start() if offer else money.start
            chars[start : money.end] = " " * (money.end - start)
    return "".join(chars)


def _fee_text(text: str) -> str:
    """Blank out sums that are not a fee for this move (valuations, wages)."""
    chars = list(text)
    for money in find_money(text):
        around = text[max(0, money.start - 45) : money.end + 60]
        if NON_FEE_MONEY.search(around) or RATED_MONEY.match(text[money.end : money.end + 40]):
            chars[money.start : money.end] = " " * (money.end - money.start)
    return "".join(chars)


def decide_fee(statements: list[str], transfer_type: TransferType) -> Fee | None:
    """The current fee: the first stated, refined by a later breakdown of the same sum."""
    if transfer_type in (TransferType.FREE, TransferType.EXTENSION, TransferType.SWAP):
        return None
    chosen: Fee | None = None
    for text in statements:
        if transfer_type is TransferType.LOAN and "loan fee" not in text.lower():
            continue
        fee = parse_fee(_fee_text(text), total_hint=chosen.amount if chosen else None)
        if fee is None or fee.amount is None:
            continue
        if chosen is None or chosen.amount is None:
            chosen = fee
            continue
        total = fee.amount + (fee.add_ons or 0)
        if (
            chosen.add_ons is None
            and fee.add_ons
            and abs(total - chosen.amount) <= 0.02 * chosen.amount
        ):
            chosen = fee
    return chosen


def find_sources(text: str, outlets: OutletIndex, exclude: set[str]) -> list[str]:
    """Outlets and journalists a sentence attributes its claim to.

    A name counts when it stands in a reporting frame: "according to X", "X
    reports", "reported by X", or "(X)" closing a gossip item. Known outlets are
    matched exactly or through small misspellings ("Diaro Gol").
    """
    found: list[str] = []

    seen: set[str] = set()

    def keep(name: str) -> None:
        outlet = outlets.lookup(name)
        if outlet and outlet.name not in exclude and outlet.name not in seen:
            seen.add(outlet.name)
            found.append(outlets.display_name(name))

    paren = _PAREN_SOURCE.search(text)
    if paren:
        for part in re.split(r",|/|\band\b", _PAREN_NOISE.sub("", paren.group(1))):
            keep(part.strip())
    for match in _CANDIDATE_NAME.finditer(text):
        name = match.group().strip().rstrip(".")
        before = text[max(0, match.start() - 30) : match.start()]
        after = text[match.end() : match.end() + 30]
        words = name.split()
        for cut in range(len(words), 0, -1):
            framed_before = bool(REPORTING.search(before) or _REPORT_BEFORE_LOOSE.search(before))
            piece = " ".join(words[:cut]) if framed_before else " ".join(words[-cut:])
            if outlets.lookup(piece) and (framed_before or _REPORT_AFTER.match(after)):
                keep(piece)
                break
    return found
