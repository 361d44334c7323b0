"""Read the stage (status) a clause or sentence names, on the corpus ladder.

Cue tables (:mod:`.lexicon`) give the words; this module weighs them: the strongest
stage first, a hedge lowers it a step ("could make a bid" is linked), a negation or
an intention keeps it below the stage it names ("want to agree a deal" is linked).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rumourx.strategies.rules.lexicon import (
    BID_RAISED,
    HEDGE,
    INTENDED,
    STATUS_CUES,
    SUBORDINATE_PAST,
)

__all__ = ["OTHER_DEAL", "RANK", "TALKS", "own_clause", "stage_in"]

RANK = {status: rank for rank, (status, _) in enumerate(STATUS_CUES)}
TALKS = dict(STATUS_CUES)["talks"]

# Words of a stage that report none: an attempt ("in a bid to", "their bid to find a
# striker"), or a player offered to the club by someone else ("have been offered X").
_NEUTRALISE = re.compile(
    r"\bin a bid to\b|\boffered (?:the )?(?:opportunity|chance) to\b|\bhas been offered to\b|"
    r"\bwas offered to\b|\boffered to the club\b|\b(?:have|has|had|were|was) been offered\b|"
    r"(?:\b(?:their|his|its)|['’]s) bid to (?:strengthen|bolster|improve|find|add|replace|"
    r"(?:sign|land|bring in) (?:a|an|another)\b)",
    re.IGNORECASE,
)
_HEDGE_BREAK = re.compile(r"\b(?:after|because|since|as|when|following)\b", re.IGNORECASE)

# "plan to offer a deal": an offer being prepared is a bid (the corpus ladder).
_PLANNED = re.compile(r"plan", re.IGNORECASE)
_CLOSER = re.compile(r"\bcloser to\s+(?:[\w'’]+\s+){0,2}$", re.I)
_NOT_YET = re.compile(r"\b(?:not yet|yet to)\b(?:\s+[\w'’]+){0,3}\s+$", re.I)
# "no bid", but not "there is no doubt they have made a bid" nor "made no secret of their bid".
_NEGATED = re.compile(
    r"\b(?:never|not|no(?!\s+(?:doubt|question|secret|surprise|wonder)\b)|yet to|without)\b"
    r"(?:\s+[\w'’]+){0,5}\s+$",
    re.I,
)
_NOT_AGREED = re.compile(r"\b(?:not|never|yet to)\s+(?:[\w'’]+\s+)?$", re.I)

OTHER_DEAL = re.compile(r"^(?:if|despite|after|before|although|though|should|unless)\b", re.I)
_DOWNGRADE = {"bid": "linked", "agreed": "talks", "completed": "agreed"}


@lru_cache(maxsize=4096)  # asked of the same sentence for each of its moves
def stage_in(text: str) -> str | None:
    """The furthest stage a clause or sentence names, hedges and negations applied."""
    text = _NEUTRALISE.sub(" linked ", SUBORDINATE_PAST.sub(" ", text))
    text = INTENDED.sub(" linked ", text)  # "want to agree a deal": not yet talks
    for status, pattern in STATUS_CUES:
        match = pattern.search(text)
        if match:
            if status in ("talks", "bid") and _NEGATED.search(text[: match.start()]):
                return "linked"  # "have never asked about his availability"
            if status == "agreed" and _NOT_AGREED.search(text[: match.start()]):
                return "talks"  # "the clubs have not agreed a fee": not there yet
            if status == "agreed" and _CLOSER.search(text[: match.start()]):
                return "talks"  # "edged closer to an agreement": not there yet
            if status == "completed" and _NOT_YET.search(text[: match.start()]):
                return "agreed"  # "has not yet completed his move": not done, still on
            if status == "bid" and BID_RAISED.search(text):
                return status  # "could increase their bid": one was made
            hedge = [h for h in HEDGE.finditer(text[: match.start()])]
            if (
                status in _DOWNGRADE
                and hedge
                and not _HEDGE_BREAK.search(text[hedge[-1].end() : match.start()])
                and not (status == "bid" and _PLANNED.match(hedge[-1].group()))
            ):
                return _DOWNGRADE[status]
            return status
    return None


def own_clause(spans: list[tuple[int, int]], offset: int) -> int | None:
    """The index of the clause holding ``offset``, if any."""
    return next((i for i, (s, e) in enumerate(spans) if s <= offset <= e), None)
