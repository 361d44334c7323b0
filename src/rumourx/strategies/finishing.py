"""The layers every strategy shares: normalise, ground, de-duplicate.

Drafts come in with names as written and quotes as claimed; rumours go out with
canonical clubs and outlets, reliability tiers, evidence whose offsets slice the
article, and one rumour per (player, destination). Anything that cannot be
grounded in the article is dropped, with a warning that says why.
"""

from __future__ import annotations

import re

from rumourx.core.types import Evidence, Fee, RumourReport, TransferRumour, TransferType, Usage
from rumourx.knowledge.clubs import club_index
from rumourx.knowledge.fees import find_money
from rumourx.knowledge.folding import fold
from rumourx.knowledge.outlets import outlet_index
from rumourx.strategies.drafts import Draft
from rumourx.text.grounding import align
from rumourx.text.injection import looks_like_instruction
from rumourx.text.sentences import Sentence, split_sentences

__all__ = [
    "article_words",
    "club_in_context",
    "clubs_named",
    "draft_club",
    "finish",
    "full_name",
    "player_in_article",
    "provable_fee",
    "source_in_article",
    "source_name",
]

_WORD = re.compile(r"[\w'’-]+")


def article_words(text: str) -> set[str]:
    """The text's words, folded; a possessive also counts as the bare name ("Lingard's")."""
    words = set(_WORD.findall(fold(text)))
    return (
        words
        | {w[:-2] for w in words if w.endswith("'s")}
        | {w[:-1] for w in words if w.endswith("'")}
    )


_words = article_words


_PARTICLES = frozenset(
    {"de", "da", "do", "dos", "das", "di", "del", "della", "van", "von", "der", "den"}
)


def player_in_article(player: str, article_words: set[str]) -> bool:
    """Whether the article names the player: every part of his name occurs in it.

    "Ramos" alone is enough for a name the article gives in full elsewhere; a name
    with a part the article never uses ("Benbacen Cottage") is not in it.
    """
    tokens = [t for t in _WORD.findall(fold(player)) if t not in _PARTICLES]
    return bool(tokens) and all(t in article_words for t in tokens)


def source_in_article(source: str, article: str) -> bool:
    """Whether the article names this outlet or person (misspellings allowed)."""
    if fold(source) in fold(article):
        return True
    outlets = outlet_index()
    wanted = outlets.lookup(source)
    if wanted is None:
        return False
    words = _WORD.findall(article)
    size = len(source.split())
    for width in {size, size + 1, max(size - 1, 1)}:
        for start in range(len(words) - width + 1):
            if outlets.lookup(" ".join(words[start : start + width])) == wanted:
                return True
    return False


def _surname(player: str) -> str:
    tokens = _WORD.findall(fold(player))
    return tokens[-1] if tokens else fold(player)


def _club_in_article(club: str | None, mentioned: set[str], folded_article: str) -> bool:
    return club is None or club in mentioned or fold(club) in folded_article


def _whole_sentence(evidence: Evidence, sentences: list[Sentence]) -> Evidence:
    """A quote cut mid-sentence, widened to the sentence it was cut from."""
    for sentence in sentences:
        if sentence.start <= evidence.start and evidence.end <= sentence.end:
            if (sentence.start, sentence.end) == (evidence.start, evidence.end):
                return evidence
            return Evidence(text=sentence.text, start=sentence.start, end=sentence.end)
    return evidence


def _whole_club_name(name: str) -> bool:
    """Whether the name is a club's ("Manchester United", "Chelsea's").

    A player who shares a word with a club ("Milan Skriniar", "Enner Valencia") is not.
    """
    stripped = name.strip()
    mentions = club_index().find(stripped)
    whole = len(mentions) == 1 and mentions[0].end == len(stripped)
    whole = whole and stripped[: mentions[0].start].strip().lower() in ("", "the")
    possessive = any(stripped[m.end :].startswith(("'s", "’s")) for m in mentions)
    return whole or possessive


def _not_a_club(club: str | None, draft: Draft) -> bool:
    """A club name no club has: the player's own name, or a known outlet's."""
    if club is None or club in club_index().clubs:
        return False
    return fold(club) == fold(draft.player) or outlet_index().lookup(club) is not None


def _evidence(draft: Draft, article: str, sentences: list[Sentence]) -> list[Evidence]:
    found: list[Evidence] = []
    for quote in draft.evidence:
        evidence = align(quote, article, sentences=sentences)
        if evidence is not None:
            evidence = _whole_sentence(evidence, sentences)
        if (
            evidence is not None
            and evidence not in found
            and not looks_like_instruction(evidence.text)
        ):
            found.append(evidence)
    return found


def provable_fee(fee: Fee | None, passages: list[str]) -> Fee | None:
    """The fee, rescaled when the passages prove it was given in thousands or millions.

    A model may answer 40000 (thousands) or 40 (millions) for "£40m". When the
    amount is not among the sums the passages state but 1,000 or 1,000,000 times it
    is, that sum is the fee. Otherwise the fee is returned unchanged.
    """
    if fee is None or not fee.amount:
        return fee
    sums = [money for passage in passages for money in find_money(passage)]

    def stated(amount: float) -> bool:
        return any(abs(money.amount - amount) <= 0.02 * money.amount for money in sums)

    if not sums or stated(fee.amount):
        return fee
    for factor in (1_000, 1_000_000):
        if stated(fee.amount * factor):
            return Fee(
                amount=fee.amount * factor,
                currency=fee.currency,
                add_ons=fee.add_ons * factor if fee.add_ons and fee.add_ons < 1e6 else fee.add_ons,
                text=fee.text,
            )
    return fee


_HANDLE_PART = re.compile(r"[A-Z][a-z']+|[A-Z]+(?![a-z])|\d+")


def source_name(name: str) -> str:
    """A source as a name: "@FabrizioRomano" is "Fabrizio Romano", "@SkySports" "Sky Sports"."""
    name = " ".join(name.split())
    if not name.startswith("@"):
        return name
    handle = name[1:].replace("_", " ")
    if " " in handle:
        return handle
    return " ".join(_HANDLE_PART.findall(handle)) or handle


_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]*\s+){1,2})$")
_NOT_FIRST_NAMES = frozenset(
    """the a an and but with for from to as of in on at by meanwhile however yesterday today
    now also then while when if after before sources reports report midfielder striker
    defender winger forward goalkeeper keeper manager boss coach star youngster captain
    international teenager team-mate teammate former ex new mr target""".split()
)


def full_name(player: str, article: str) -> str:
    """A surname the article also gives in full, in full ("Aouar" is "Houssem Aouar").

    Only when the article writes exactly one fuller form of the name; anything else,
    and every name of two or more words, is kept as given.
    """
    if len(player.split()) != 1:
        return player
    clubs = club_index()
    outlets = outlet_index()
    forms: set[str] = set()
    for match in re.finditer(r"(?<![\w'’-])" + re.escape(player) + r"(?![\w'’-])", article):
        before = _NAME_BEFORE.search(article[max(0, match.start() - 60) : match.start()])
        if before is None:
            continue
        words = before.group(1).split()
        while words and (
            fold(words[0]) in _NOT_FIRST_NAMES
            or clubs.canonical(words[0].rstrip("'’s"))
            or outlets.lookup(words[0])
            or words[0].endswith(("'s", "’s", "."))
        ):
            words = words[1:]
        if words and not any(clubs.canonical(w) or w.endswith(("'s", "’s")) for w in words):
            forms.add(" ".join([*words, player]))
    return forms.pop() if len(forms) == 1 else player


def clubs_named(article: str) -> set[str]:
    """Canonical clubs the article names, short forms ("United") read in context."""
    clubs = club_index()
    mentioned = {m.club for m in clubs.find(article)}
    return mentioned | {m.club for m in clubs.find(article, mentioned)}


def club_in_context(name: str | None, mentioned: set[str]) -> str | None:
    """The canonical club for ``name``, reading a short form against the article's clubs.

    "Real" is Real Madrid, and "United" Manchester United, when the article names
    exactly one club whose name starts or ends with that short form. Otherwise the
    name is normalised as usual (canonical when known, else as given).
    """
    clubs = club_index()
    canonical = clubs.canonical(name)
    if canonical is not None or not name:
        return canonical if canonical is not None else clubs.normalise(name)
    found = clubs.find(name, mentioned)
    if len(found) == 1 and len(found[0].alias) >= len(name.strip()) - 4:
        return found[0].club  # a contextual alias: "the Blues" when Chelsea are named
    short = fold(name).split()
    if short and short[0] == "the":
        short = short[1:]
    fits = {
        club
        for club in mentioned
        if short
        and len(short) < len(words := fold(club).split())
        and (words[: len(short)] == short or words[-len(short) :] == short)
    }
    return fits.pop() if len(fits) == 1 else clubs.normalise(name)


def draft_club(name: str | None, draft: Draft, mentioned: set[str]) -> str | None:
    """A club a draft names, short forms read first against its own evidence, then the article."""
    clubs = club_index()
    if name is None or clubs.canonical(name) is not None:
        return club_in_context(name, mentioned)
    nearby = clubs_named(" ".join(draft.evidence))
    found = club_in_context(name, nearby) if nearby else None
    if found is not None and found in clubs.clubs:
        return found
    return club_in_context(name, mentioned)


def _supporting_sentence(
    player: str, to_club: str | None, sentences: list[Sentence]
) -> list[Evidence]:
    """Find the first sentence naming both the player and the destination.

    Used for a draft that came without usable evidence.
    """
    surname = _surname(player)
    clubs = club_index()
    for sentence in sentences:
        if surname not in _words(sentence.text) or looks_like_instruction(sentence.text):
            continue
        if to_club is None or any(m.club == to_club for m in clubs.find(sentence.text)):
            return [Evidence(text=sentence.text, start=sentence.start, end=sentence.end)]
    return []


def _merge(into: TransferRumour, other: TransferRumour) -> None:
    for evidence in other.evidence:
        if evidence not in into.evidence:
            into.evidence.append(evidence)
    for source in other.sources:
        if source not in into.sources:
            into.sources.append(source)
            if source in other.source_tiers:
                into.source_tiers[source] = other.source_tiers[source]
    if into.fee is None and other.fee is not None:
        into.fee = other.fee
    if into.from_club is None:
        into.from_club = other.from_club
    if into.transfer_type is TransferType.UNKNOWN:
        into.transfer_type = other.transfer_type


def finish(
    drafts: list[Draft],
    article: str,
    *,
    strategy: str,
    usage: Usage | None = None,
    warnings: list[str] | None = None,
) -> RumourReport:
    """Turn drafts into a grounded, normalised, de-duplicated report."""
    clubs = club_index()
    outlets = outlet_index()
    sentences = split_sentences(article)
    mentioned = clubs_named(article)
    folded = fold(article)
    article_words = _words(article)
    notes = list(warnings or [])
    reported: dict[tuple[str, str | None], TransferRumour] = {}
    opinion: dict[tuple[str, str | None], TransferRumour] = {}
    for draft in drafts:
        to_club = draft_club(draft.to_club, draft, mentioned)
        from_club = draft_club(draft.from_club, draft, mentioned)
        if draft.transfer_type is TransferType.EXTENSION and to_club is None:
            to_club = from_club
        if not player_in_article(draft.player, article_words):
            notes.append(f"dropped {draft.player!r}: the article never names this player")
            continue
        if not _club_in_article(to_club, mentioned, folded) or _not_a_club(to_club, draft):
            notes.append(
                f"dropped {draft.player} to {to_club!r}: the article never names that club"
            )
            continue
        if not _club_in_article(from_club, mentioned, folded) or _not_a_club(from_club, draft):
            notes.append(f"cleared from_club {from_club!r} of {draft.player}: not in the article")
            from_club = None
        if (
            outlets.lookup(draft.player)
            or clubs.canonical(draft.player)
            or _whole_club_name(draft.player)
        ):
            notes.append(f"dropped {draft.player!r}: that is an outlet or a club, not a player")
            continue
        evidence = _evidence(draft, article, sentences) or _supporting_sentence(
            draft.player, to_club, sentences
        )
        player = full_name(draft.player, article)
        if not evidence:
            notes.append(f"dropped {draft.player} to {to_club}: no evidence found in the article")
            continue
        sources: list[str] = []
        tiers: dict[str, int] = {}
        for name in map(source_name, draft.sources):
            if not source_in_article(name, article):
                notes.append(f"dropped source {name!r} of {draft.player}: not in the article")
                continue
            outlet = outlets.lookup(name)
            shown = outlets.display_name(name)
            if shown and shown not in sources:
                sources.append(shown)
                if outlet is not None:
                    tiers[shown] = outlet.tier
        try:
            rumour = TransferRumour(
                player=player,
                from_club=from_club,
                to_club=to_club,
                transfer_type=draft.transfer_type,
                status=draft.status,
                fee=provable_fee(draft.fee, [e.text for e in evidence]),
                sources=sources,
                source_tiers=tiers,
                evidence=evidence,
            )
        except ValueError as exc:
            notes.append(f"dropped {draft.player!r}: {exc}".splitlines()[0])
            continue
        key = (_surname(rumour.player), rumour.to_club)
        target = opinion if draft.opinion else reported
        if key in target:
            _merge(target[key], rumour)
        else:
            target[key] = rumour
    return RumourReport(
        rumours=list(reported.values()),
        opinion=[r for k, r in opinion.items() if k not in reported],
        usage=usage or Usage(),
        warnings=notes,
        strategy=strategy,
    )
