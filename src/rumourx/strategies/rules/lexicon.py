"""The cue tables as compiled patterns, each read in its place.

The words and phrases live in data files, one a language
(``rumourx/knowledge/data/cues/*.cues``, see :mod:`rumourx.knowledge.cues`). This
module only says where each table is read: anywhere in a sentence, right before a
club or a name ("from" X), or right after a club (X "are keen"). Adding a phrase
never needs code.

A table read as a whole (anywhere, or right before a club or a name) is a
:class:`~rumourx.knowledge.cue_alternation.CueAlternation`: the same matches as the
one regular expression, found by running only the cues whose words the text holds.
"""

from __future__ import annotations

import re

from rumourx.knowledge.cue_alternation import CueAlternation
from rumourx.knowledge.cues import case_sensitive, cue_tables

__all__ = [
    "BACKGROUND",
    "BACKGROUND_TIME",
    "BACKGROUND_VERB",
    "BID_BEFORE",
    "BID_RAISED",
    "BID_RECEIVED",
    "BUYER_AFTER",
    "BUYER_BEFORE",
    "BUYER_PRONOUN",
    "BUYER_VERB",
    "BYSTANDER_BEFORE",
    "CLUB_DESCRIPTOR",
    "CLUB_PREFIX",
    "CLUB_SLOT_BEFORE",
    "CLUB_SUFFIX",
    "DEPARTURE",
    "DESCRIPTOR_TAIL",
    "EXTENSION",
    "EXTENSION_DONE",
    "FREE",
    "HEDGE",
    "INTENDED",
    "INTEREST_NOUN",
    "JOB",
    "KEPT_PLAYER",
    "LOAN",
    "LOAN_OBLIGATION",
    "LOAN_OPTION",
    "MOVE_WORD",
    "NEGATED_EXTENSION",
    "NON_FEE_MONEY",
    "NON_PLAYER_AFTER",
    "NON_PLAYER_ROLE",
    "OFFER_VERB",
    "OPPONENT_BEFORE",
    "OWN_PLAYER_TALK",
    "PAST_CLUB_BEFORE",
    "PERMANENT",
    "PLAYER_POSSESSIVE",
    "PLAYER_SLOT_BEFORE",
    "PLAYER_STAYS",
    "POSITION",
    "RATED_MONEY",
    "RENEWAL_AGREED",
    "RENEWAL_REFUSED",
    "RENEWAL_TALKS",
    "REPLACES_BEFORE",
    "REPORTING",
    "SELLER_AFTER",
    "SELLER_BEFORE",
    "SELLER_VERB",
    "SELL_WORD",
    "SPEAKER_OWN_CLUB",
    "SPEAKER_REPORTS",
    "STATUS_CUES",
    "SUBORDINATE_PAST",
    "SWAP",
    "SWAP_FOR",
    "TOLD",
]

_STATUSES = ("collapsed", "bid_rejected", "completed", "agreed", "bid", "talks", "linked")


def _alt(section: str) -> str:
    """The section's cues as one alternation."""
    return "|".join(f"(?:{cue})" for cue in cue_tables()[section])


def _cues(*sections: str) -> list[str]:
    """The sections' cues, in order."""
    return [cue for section in sections for cue in cue_tables()[section]]


def _anywhere(section: str) -> CueAlternation:
    """Cues found anywhere in the text."""
    return CueAlternation(_cues(section), 0 if case_sensitive(section) else re.IGNORECASE)


def _before(section: str, tail: str = r"\s*$") -> CueAlternation:
    """Cues that end right before a club or a name (the text searched ends there)."""
    return CueAlternation(_cues(section), re.IGNORECASE, tail)


# Status cues, strongest first within a sentence. Each is (status, pattern).
STATUS_CUES: list[tuple[str, CueAlternation]] = [(s, _anywhere(s)) for s in _STATUSES]
# A move verb or noun says "linked" when no stage cue says more: "Arsenal can sign X",
# "the signing of X", "X could switch to Y".
MOVE_WORD = CueAlternation(_cues("buyer_verb", "buyer_noun", "mover_verb"), re.IGNORECASE)
# A club selling says "linked" for the clubs it sells to ("PSG would sell X to Real").
SELL_WORD = _anywhere("seller_verb")
# Verbs and nouns whose subject club is the buyer ("Arsenal can sign X").
BUYER_VERB = CueAlternation(_cues("buyer_verb", "buyer_noun"), re.IGNORECASE)
# A past-tense status inside one of these clauses describes an earlier stage.
SUBORDINATE_PAST = _anywhere("subordinate_past")
HEDGE = _anywhere("hedge")
# A stage only wished, believed or conditional reads linked; a raised bid stays a bid.
INTENDED = _anywhere("intended")
BID_RAISED = _anywhere("bid_raised")
# The player stays put ("will remain at X"): the link conceded beside it is off.
PLAYER_STAYS = _anywhere("player_stays")
# A renewal's own stage words: a new deal about to be signed, or wanted by either side.
RENEWAL_AGREED = _anywhere("renewal_agreed")
RENEWAL_TALKS = _anywhere("renewal_talks")
RENEWAL_REFUSED = _anywhere("renewal_refused")
# Moves that are history, not news.
BACKGROUND = _anywhere("background")
BACKGROUND_VERB = _anywhere("background_verb")
BACKGROUND_TIME = _anywhere("background_time")
# Right after a sum: "£50m-rated striker" is a rating, not a fee.
RATED_MONEY = re.compile(
    rf"^(?:-rated|\s*rated|\s+(?:[A-Z][\w.]+\s+){{1,3}}(?:{_alt('rated_noun')})\b|"
    rf"\s+(?:{_alt('rated_noun')})\b)"
)
EXTENSION = _anywhere("extension")
EXTENSION_DONE = _anywhere("extension_done")
NEGATED_EXTENSION = _anywhere("negated_extension")
LOAN_OPTION = _anywhere("loan_option")
LOAN_OBLIGATION = _anywhere("loan_obligation")
LOAN = _anywhere("loan")
SWAP = _anywhere("swap")
FREE = _anywhere("free")
PERMANENT = _anywhere("permanent")
# Sums that are not the transfer fee for the move.
NON_FEE_MONEY = _anywhere("non_fee_money")
DEPARTURE = _anywhere("departure")
# A club right before the player in these shapes is his current club.
SELLER_BEFORE = _before("seller_before")
SELLER_AFTER = re.compile(
    r"^\s*(?:(?:are|is|were|was)\s+(?:said|thought|understood|believed|reported|claimed)\s+to\s+"
    rf"|reportedly\s+|(?:{_alt('club_statement')})\s+)?(?:{_alt('seller_after')})",
    re.IGNORECASE,
)
# A club before the player after these words is where the move goes.
BUYER_BEFORE = _before("buyer_before")
BUYER_AFTER = re.compile(
    rf"^\s*(?:{_alt('club_auxiliary')})?\s*(?:(?:{_alt('adverb')})\s+){{0,3}}"
    rf"(?:{_alt('buyer_after')})\b"
    rf"|^['’]s?\s+(?:[£€$][\d.,]+\s?\w*\s+|\w+\s+){{0,2}}(?:{_alt('buyer_possessive')})\b",
    re.IGNORECASE,
)
OPPONENT_BEFORE = _before("opponent_before")
PAST_CLUB_BEFORE = _before("past_club_before")
# Words in front of a name that say the person is not a player.
NON_PLAYER_ROLE = _before("non_player_role", tail=r"\s*,?\s*$")
REPORTING = _before("reporting")
NON_PLAYER_AFTER = re.compile(
    rf"^\s*,\s*(?:\d{{2}},\s*)?(?:{_alt('non_player_after')})", re.IGNORECASE
)
# A sentence about a coaching or executive job: its people are no players.
JOB = _anywhere("job")
# Player nouns, as an alternation to build patterns with ("Lyon winger X").
POSITION = _alt("position")
# Before a lone surname: the surname is a player's ("sign Dembele").
PLAYER_SLOT_BEFORE = _before("player_slot_before")
# After "X's": X is a player ("Kane's contract").
PLAYER_POSSESSIVE = re.compile(rf"^['’]s?\s+(?:{_alt('player_possessive')})", re.IGNORECASE)
# Words that open or close a club's name, and nouns before one ("Swedish club X").
CLUB_PREFIX = _alt("club_prefix")
CLUB_SUFFIX = _alt("club_suffix")
CLUB_DESCRIPTOR = _alt("club_descriptor")
CLUB_SLOT_BEFORE = _alt("club_slot_before")
# Before a player: he is named beside the move, not moving ("to replace X").
BYSTANDER_BEFORE = _before("bystander_before", tail=r"\s+(?:[\w'’-]+\s+){0,5}$")
# Words between a role cue and the club that change nothing: "join Dutch club X",
# "wanted by both X and Y", "from League One side X".
DESCRIPTOR_TAIL = re.compile(
    rf"\s+(?:both|also|either|the|the likes of|clubs? (?:like|such as|including)|"
    rf"(?:(?-i:[A-Z][\w'’-]*)\s+|top-flight\s+|second-tier\s+|non-league\s+|"
    rf"newly-promoted\s+|fellow\s+){{0,3}}(?:{CLUB_DESCRIPTOR}|rivals|neighbours|sides|clubs))\s*$",
    re.IGNORECASE,
)
# "Chelsea have offered X to Inter in a swap deal for Y".
OFFER_VERB = _anywhere("offer_verb")
SWAP_FOR = _anywhere("swap_for")
# Verbs whose subject club lets its player go ("Watford are in talks over selling X").
SELLER_VERB = CueAlternation(_cues("seller_verb", "keeper_verb"), re.IGNORECASE)
# After "CLUB boss NAME": the player he speaks of is the club's own ("says Y will stay").
OWN_PLAYER_TALK = _anywhere("own_player_talk")
# Before a player: the club replacing him is his own ("Barca look to replace Suarez").
REPLACES_BEFORE = _before("replaces_before", tail=r"\s+(?:[\w'’-]+\s+){0,5}$")
# After "CLUB official NAME": he reports another club's move ("has confirmed that").
SPEAKER_REPORTS = re.compile(
    rf"^(?:,\s*\d{{2}},\s*)?\s*(?:has\s+|had\s+)?(?:{_alt('speaker_verb')})\s+"
    rf"(?:(?:{_alt('speaker_audience')})\s+)?(?:that\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
# ... unless he puts his own club in it ("his side").
SPEAKER_OWN_CLUB = _anywhere("speaker_own_club")
# Between two clubs: the first tells the second ("X have told Y that ...").
TOLD = re.compile(rf"^\s+(?:have|has|had)\s+(?:\w+\s+)?(?:{_alt('told_verb')})\s+$", re.IGNORECASE)
# After "X have told Y": the player stays at X ("is not for sale").
KEPT_PLAYER = _anywhere("kept_player")
# Opening a sentence: the buyer of the sentence before ("They have ...").
BUYER_PRONOUN = re.compile(
    rf"^(?:{_alt('buyer_pronoun')})\s+(?:have|had|are|were)\b", re.IGNORECASE
)
# Before "from CLUB": a bid noun or a sum ("a £30m bid from Hillport").
BID_BEFORE = re.compile(
    rf"\b(?:{_alt('bid_noun')})\b[^.;]{{0,70}}$"
    r"|(?:[£€$]\s?[\d.,]+\s?(?:m|bn|million|billion)?|[\d.,]+\s?m euros)\b[^.;]{0,25}$",
    re.IGNORECASE,
)
# Before "a bid for X from CLUB": the subject got the bid, so CLUB made it.
BID_RECEIVED = re.compile(rf"\b(?:{_alt('bid_received')})\s+(?:\S+\s+){{0,4}}$", re.IGNORECASE)
# A bid noun whose "X from CLUB" names the interested club.
INTEREST_NOUN = re.compile(_alt("interest_noun"), re.IGNORECASE)
