"""Words and phrases that signal a move, its stage, its kind, or that it is history.

English first, then Spanish, Italian, German, French and Portuguese. Every table is
a compiled, case-insensitive regular expression; the engine only asks "does this
sentence say X", so adding a phrase never needs code.
"""

from __future__ import annotations

import re

__all__ = [
    "BACKGROUND",
    "BACKGROUND_TIME",
    "BACKGROUND_VERB",
    "RATED_MONEY",
    "BUYER_AFTER",
    "BUYER_BEFORE",
    "DEPARTURE",
    "EXTENSION",
    "EXTENSION_DONE",
    "FEE_CONTEXT",
    "FREE",
    "HEDGE",
    "LOAN",
    "LOAN_OBLIGATION",
    "LOAN_OPTION",
    "NEGATED_EXTENSION",
    "NON_FEE_MONEY",
    "NON_PLAYER_ROLE",
    "OPPONENT_BEFORE",
    "PAST_CLUB_BEFORE",
    "PERMANENT",
    "REPORTING",
    "SELLER_AFTER",
    "SELLER_BEFORE",
    "STATUS_CUES",
    "SUBORDINATE_PAST",
    "SWAP",
]


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


# Status cues, strongest first within a sentence. Each is (status, pattern).
STATUS_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("collapsed", _rx(
        r"\bpull(?:ed|s|ing)? out\b", r"\bwithdr[ae]wn?\b", r"\bwithdrawing\b",
        r"\bdecided not to pursue\b", r"\bnot (?:to )?pursue\b", r"\bdrop(?:ped|s)? (?:their|his|its) interest\b",
        r"\boff the table\b", r"\bruled out\b", r"\bcollaps(?:e|ed|es)\b", r"\bbroken down\b",
        r"\bgive up on\b", r"\bgave up on\b", r"\bend(?:ed)? (?:their|his) interest\b", r"\bwalk(?:ed)? away\b",
        r"\bdeal is off\b", r"\bno longer interested\b", r"\bfell through\b", r"\bhijack(?:ed)?\b",
        r"\bse cae\b", r"\bse ha caído\b", r"\brenuncia(?:do|n)?\b", r"\bsalta\b", r"\bsaltato\b",
        r"\bgeplatzt\b", r"\babgesagt\b", r"\bs'arrête\b", r"\bcapot\b", r"\bdesist\w*\b",
    )),
    ("bid_rejected", _rx(
        r"\breject(?:ed|s|ing)?\b", r"\bturn(?:ed|s)? down\b", r"\bknocked back\b", r"\brebuff(?:ed)?\b",
        r"\bdismissed\b", r"\brefus(?:ed|es) (?:a|an|the|their|his)\b.{0,30}\b(?:bid|offer)\b",
        r"\brechaza(?:do|da|n)?\b", r"\brespint[ao]\b", r"\brifiutat[ao]\b", r"\babgelehnt\b",
        r"\brepouss[ée]e?\b", r"\brecus\w+\b", r"\brejeit\w+\b", r"\brejet\w+\b",
        r"\brechaz\w+\b", r"\bha detto no\b",
    )),
    ("completed", _rx(
        r"\bcompleted?\b", r"\bhas signed\b", r"\bhave signed\b", r"\bsigned for\b", r"\bsigned a\b",
        r"\bofficially (?:joined|signed|unveiled)\b", r"\bconfirmed the\b.{0,40}\bsigning\b",
        r"\bconfirmed\b.{0,20}\b(?:from|as)\b", r"\bwas confirmed\b", r"\bhas joined\b", r"\bjoined\b",
        r"\bsealed\b", r"\bsealing the signature\b", r"\bleft for\b", r"\bofficialis\w+\b", r"\bput pen to paper\b", r"\bwas sold to\b",
        r"\bhas been sold\b", r"\bsold to\b", r"\bunveiled\b", r"\bmoved across\b", r"\bhas moved\b", r"\bspent\b.{0,20}\bon\b",
        r"\bofficial\b", r"\bfichado\b", r"\bha firmado\b", r"\boficial\b", r"\bufficiale\b", r"\bha firmato\b",
        r"\bha rinnovato\b", r"\bperfekt\b", r"\bunterschrieben\b", r"\bhat unterschrieben\b",
        r"\ba signé\b", r"\bofficiel\b", r"\bassinou\b", r"\boficializ\w+\b",
    )),
    ("agreed", _rx(
        r"\bagreed\b", r"\bagree (?:a|terms)\b", r"\bmedical\b", r"\bset to (?:sign|join|complete|seal|move)\b",
        r"\bon the (?:verge|brink)\b", r"\bclose to (?:signing|joining|completing|agreeing|a deal)\b",
        r"\bgeeinigt\b", r"\bclos(?:e|es|ing) in on\b", r"\bvicin[oa] all'accordo\b", r"\btrovato l'accordo\b",
        r"\bfinalis(?:e|ing)\b", r"\bfinaliz(?:e|ing)\b", r"\bdue to (?:sign|undergo|complete)\b",
        r"\bwill sign\b", r"\bhere we go\b", r"\bdeal (?:is )?(?:done|in place)\b", r"\bterms agreed\b",
        r"\bacuerdo (?:total|cerrado)\b", r"\bhan acordado\b", r"\bacuerdo\b", r"\breconocimiento médico\b",
        r"\baccordo\b", r"\bvisite mediche\b", r"\beinig\b", r"\beinigung\b", r"\bmedizincheck\b",
        r"\baccord\b", r"\bvisite médicale\b", r"\bacordo\b", r"\bexames médicos\b",
    )),
    ("bid", _rx(
        r"\bbid\b", r"\bbids\b", r"\boffer(?:ed|s)?\b", r"\bproposal\b", r"\bapproach\b",
        r"\bsubmit(?:ted)?\b", r"\blodge[ds]?\b", r"\bpaying\b", r"\bmake (?:an|a) (?:offer|move|attempt)\b",
        r"\boferta\b", r"\bofrecen\b", r"\bofferta\b", r"\bproposta\b", r"\bangebot\b", r"\boffre\b",
    )),
    ("talks", _rx(
        r"\btalks\b", r"\bnegotiat\w*\b", r"\bcontact(?:ed)?\b", r"\benquir(?:y|ies|ed)\b",
        r"\binquir(?:y|ies|ed)\b", r"\basked about\b", r"\bhard sell\b", r"\bdiscussions?\b",
        r"\bin dialogue\b", r"\bmeeting\b", r"\bconversaciones\b", r"\bnegociaciones\b", r"\bcontactos\b",
        r"\btrattativ\w+\b", r"\bcontatti\b", r"\bgespräche\b", r"\bverhandlungen\b", r"\bnégociations?\b",
        r"\bdiscussions\b", r"\bnegociaç\w+\b", r"\bconversas\b",
    )),
    ("linked", _rx(
        r"\blinked?\b", r"\btarget\b", r"\binterest(?:ed)?\b", r"\bkeen\b", r"\bwants?\b", r"\bwanted\b",
        r"\beye(?:ing|s)?\b", r"\bmonitor\w*\b", r"\btipped\b", r"\bcould (?:join|move|sign|leave|be)\b",
        r"\bin the chase\b", r"\bin the race\b", r"\bleading the race\b", r"\bpursuit\b", r"\bchasing\b",
        r"\bconsider(?:ing)?\b", r"\badmirer\w*\b", r"\bshortlist\w*\b", r"\bhope(?:s|ful)? to\b",
        r"\bexploring\b", r"\btrack(?:s|ing)?\b", r"\b(?:try|trying|attempt|aim|aiming|look|looking|want|wants|"
        r"hope|hoping|plan|planning) to (?:sign|land|bring in|secure|recruit)\b", r"\bto join\b", r"\bopening the door\b", r"\bmove to\b", r"\boffered to\b", r"\bwould like\b", r"\blikely\b", r"\bsuitors?\b",
        r"\breunion\b", r"\brecruit\b", r"\bopen to\b", r"\bin demand\b", r"\bexpected to make\b",
        r"\bin the running\b", r"\b(?:perfect|ideal|natural) (?:fit|signing|replacement|target)\b",
        r"\bwould suit\b", r"\b(?:should|must) (?:sign|move for|go for)\b", r"\bfavourites? to sign\b", r"\bon the cards\b", r"\bcredited\b",
        r"\binterés\b", r"\binteresa\b", r"\bquiere\b", r"\bobjetivo\b", r"\bsigue\b", r"\bvinculado\b",
        r"\binteresse\b", r"\bvuole\b", r"\bsegu(?:ire|e|endo)\b", r"\bmonitora\b", r"\bosserva\b",
        r"\bsigue de cerca\b", r"\bbeobachte\w*\b", r"\bsuit\b", r"\bs'intéresse\b", r"\bacompanha\b", r"\bobiettivo\b", r"\bsogna\b", r"\bpiace\b",
        r"\binteressiert\b", r"\bim visier\b", r"\bwunschspieler\b", r"\bwill\b.{0,20}\bholen\b",
        r"\bintéress\w+\b", r"\bcible\b", r"\bpiste\b", r"\bcourtis\w*\b", r"\binteressad[oa]\b",
        r"\bquer\b", r"\balvo\b", r"\bsonha\b",
    )),
]

# A past-tense status inside one of these clauses describes an earlier stage.
SUBORDINATE_PAST = _rx(
    r"\b(?:after|despite|since|following|having)\b[^.;]{0,80}?"
    r"\b(?:reject\w*|turn\w* down|dismiss\w*|rebuff\w*|fail\w*)\b",
    r"\b(?:dismissed|rejected|initial|opening|first)\s+(?:£|€|\$)?[\d.]*\w*\s*(?:bid|offer)\b",
)
HEDGE = _rx(
    r"\bcould\b", r"\bmight\b", r"\bmay\b", r"\blikely\b", r"\bshould\b", r"\bwould\b", r"\bif\b",
    r"\bexpected to\b", r"\blook(?:s|ing)? set to\b", r"\bplan(?:s|ning)? to\b", r"\bhop(?:e|es|ing)\b",
    r"\bconsider(?:s|ing)?\b", r"\bwhether\b", r"\bweigh(?:ing)? up\b",
    r"\bpodría\b", r"\bpotrebbe\b", r"\bkönnte\b", r"\bpourrait\b", r"\bpoderia\b",
)
# Moves that are history, not news.
BACKGROUND = _rx(
    r"\b(?:signed|brought in|recruited|bought)\b[^.;]{0,50}\b(?:such as|including|the likes of)\b",
    r"\b(?:joined|moved|arrived|signed|sold|bought|lured|left|came|leaving|signing)\b[^.;]{0,90}?"
    r"\b(?:in (?:\w+ )?(?:19|20)\d\d|years? ago|last year|back in|when he was|previously|"
    r"seven years|earlier in his career)\b",
    r"\b(?:had been|was previously|were previously) (?:linked|heavily linked|strongly linked)\b",
    r"\b(?:in (?:\w+ )?(?:19|20)\d\d)\b[^.;]{0,40}\b(?:joined|moved|signed|arrived)\b",
    r"\bformer(?:ly)?\b[^.;]{0,30}\b(?:team-?mate|club)\b",
    r"\bhas (?:won|scored)\b",
    r"\bvon\b.{0,40}\b(?:19|20)\d\d\b.{0,20}\bgewechselt\b",
    r"\bllegó\b.{0,60}\ben (?:19|20)\d\d\b", r"\barrivato\b.{0,60}\bnel (?:19|20)\d\d\b",
)

BACKGROUND_VERB = _rx(
    r"\b(?:joined|moved|arrived|signed|sold|bought|lured|left|came|spent)\b",
    r"\bllegó\b", r"\bfichó\b", r"\barrivato\b", r"\bgewechselt\b", r"\barrivé\b", r"\bchegou\b",
)
BACKGROUND_TIME = _rx(
    r"\bin (?:\w+ )?(?:19|20)\d\d\b", r"\byears? ago\b", r"\blast year\b", r"\bback in\b",
    r"\bwhen he was\b", r"\bearlier in his career\b", r"\bseasons? ago\b", r"\bthe previous summer\b",
    r"\ben (?:19|20)\d\d\b", r"\bnel (?:19|20)\d\d\b", r"\bim (?:\w+ )?(?:19|20)\d\d\b",
)
RATED_MONEY = re.compile(
    r"^(?:-rated|\s*rated|\s+(?:[A-Z][\w.]+\s+){1,3}(?:striker|midfielder|forward|defender|winger|"
    r"star|man|goalkeeper|playmaker|centre-back|full-back)\b|\s+(?:striker|midfielder|forward|"
    r"defender|winger|star|man|goalkeeper|playmaker|centre-back|full-back)\b)",
)

EXTENSION = _rx(
    r"\bnew (?:long-term |long term |five-year |four-year |three-year |two-year |one-year )?"
    r"(?:contract|deal|terms)\b", r"\bnews terms\b", r"\bfresh (?:terms|contract|deal)\b", r"\brenewal\b",
    r"\bextension\b", r"\bextend(?:ed|ing)? (?:his|their|the) (?:contract|deal|stay)\b",
    r"\brenew(?:ed|ing|s)?\b", r"\btie (?:him|\w+) down\b", r"\btied (?:him|\w+) down\b",
    r"\brenov(?:ación|ar|ado|ó|ará)\b", r"\brenueva\b", r"\brinnovo\b", r"\brinnovare\b", r"\brinnova\b",
    r"\bvertragsverlängerung\b", r"\bverlänger\w*\b", r"\bprolongation\b", r"\bprolonger\b",
    r"\bprolong\w*\b", r"\brenovação\b", r"\brenovar\b",
)
EXTENSION_DONE = _rx(
    r"\bsigned a new\b", r"\bhas signed\b", r"\bput pen to paper\b", r"\btied him down\b",
    r"\bhas (?:extended|renewed)\b", r"\bofficially\b", r"\bha renovado\b", r"\bha rinnovato\b",
    r"\bhat verlängert\b", r"\ba prolongé\b", r"\brenovou\b",
)
NEGATED_EXTENSION = _rx(
    r"\bunable to offer\b", r"\bcannot offer\b", r"\bcan't offer\b", r"\bwill not offer\b",
    r"\brefus\w+ (?:to sign|a new)\b", r"\bno (?:new )?(?:contract|extension) (?:offer|talks)\b",
)
LOAN_OPTION = _rx(
    r"\bloan\b[^.;]{0,60}\b(?:view to|option to|option of|with an option)\b",
    r"\boption to (?:buy|make)\b", r"\bbuy(?:ing)? option\b", r"\bopción de compra\b",
    r"\bdiritto di riscatto\b", r"\bkaufoption\b", r"\boption d'achat\b", r"\bopção de compra\b",
)
LOAN_OBLIGATION = _rx(
    r"\bobligation to (?:buy|sign|make)\b", r"\bobligat\w+ (?:to buy|purchase)\b",
    r"\bcompulsory (?:purchase|buy)\b", r"\bobbligo di riscatto\b", r"\bobligación de compra\b",
    r"\bkaufpflicht\b", r"\bobligation d'achat\b", r"\bobrigação de compra\b",
)
LOAN = _rx(
    r"\bloan\b", r"\bloaned\b", r"\bcesión\b", r"\bcedido\b", r"\bprestito\b", r"\bleihe\b",
    r"\bausgeliehen\b", r"\bprêt\b", r"\bprêté\b", r"\bempréstimo\b", r"\bemprestado\b",
)
SWAP = _rx(
    r"\bswap\b", r"\bpart[- ]exchange\b", r"\bin exchange\b", r"\bplus player\b",
    r"\bintercambio\b", r"\bscambio\b", r"\btauschgeschäft\b", r"\béchange\b", r"\btroca\b",
)
FREE = _rx(
    r"\bfree transfer\b", r"\bfree agent\b", r"\bon a free\b", r"\bfor free\b", r"\bpre-contract\b",
    r"\bprecontract\b", r"\bout of contract\b", r"\bcontract (?:expires|expiring|runs out)\b",
    r"\bexpir(?:y|ation|ing|es) of his\b", r"\bend of his contract\b", r"\bfinal six months\b",
    r"\bfree to (?:sign|talk|negotiate)\b", r"\blegally negotiate\b", r"\bas a free agent\b",
    r"\bagente libre\b", r"\bcoste cero\b", r"\bparametro zero\b", r"\bsvincolato\b", r"\bablösefrei\b",
    r"\bablosefrei\b", r"\blibre\b", r"\bcusto zero\b", r"\bfim de contrato\b",
)
PERMANENT = _rx(
    r"\bpermanent\b", r"\bfee\b", r"\bbid\b", r"\bbids\b", r"\boffer\b", r"\bprice\b", r"\bvaluation\b",
    r"\bvalued\b", r"\brelease clause\b", r"\bsale\b", r"(?<!hard )\bsell\b", r"\bsold\b",
    r"\bbuy\b", r"(?:£|€|\$)\s?\d", r"\bcláusula\b", r"\btraspaso\b", r"\bclausola\b",
    r"\bablöse\b", r"\bindemnité\b", r"\bcláusula\b", r"\bvenda\b", r"\bmillion", r"\bmillones\b",
    r"\bmilioni\b", r"\bmillionen\b", r"\bmillions\b", r"\bmilhões\b",
)
FEE_CONTEXT = _rx(
    r"\bbid\b", r"\boffer\b", r"\bfee\b", r"\bdeal\b", r"\bmove\b", r"\bsigning\b", r"\bsold\b",
    r"\brelease clause\b", r"\bfor\b", r"\bpaying\b", r"\bworth\b", r"\bplus\b", r"\bspent\b",
    r"\boferta\b", r"\bofferta\b", r"\bangebot\b", r"\boffre\b", r"\bpor\b", r"\bper\b", r"\bfür\b",
    r"\bpour\b",
)
# Sums that are not the transfer fee for the move.
NON_FEE_MONEY = _rx(
    r"\bvaluation\b", r"\bvalued\b", r"\basking\b", r"\bwages?\b", r"\bsalary\b", r"\ba week\b",
    r"\bper week\b", r"\ba year\b", r"\bper year\b", r"\bper season\b", r"\bbuy-back\b",
    r"\bbuy back\b", r"\bworth more than\b", r"\bworld record\b", r"\bexpired\b",
    r"\bwants? (?:at least |around )?[£€$]\s?\d",
    r"\bdid have\b", r"\bused to have\b", r"\bdemand\w*\b", r"\bcláusula de rescis\w+\b",
    r"\bcláusula de rescisión\b", r"\bcontract until\b",
    r"\bsueldo\b", r"\bstipendio\b", r"\bgehalt\b", r"\bsalaire\b", r"\bsalário\b",
)
DEPARTURE = _rx(
    r"\bno longer wanted to stay\b", r"\bwants? to leave\b", r"\bshown the exit\b", r"\bup for sale\b",
    r"\btransfer[- ]listed\b", r"\bfree to leave\b", r"\bwill (?:likely )?leave the club\b",
    r"\bset to leave\b", r"\beager to leave\b", r"\bkeen to leave\b", r"\bheaded for the exit\b", r"\bexit door\b",
)
# A club right before the player in these shapes is his current club.
SELLER_BEFORE = _rx(
    r"(?<!away )\bfrom\s*$", r"\bfrom (?:rivals|neighbours|French club|Italian club|Spanish club|German club|"
    r"Portuguese club|Dutch club|club|side)\s*$", r"\bleave\s*$", r"\bleaving\s*$", r"\bquit\s*$", r"\bdepart\s*$", r"\bde\s*$",
    r"\b(?:talks|agreement|accord|negotiations|contact|discussions|deal|terms)\s+with\s*$",
    r"\b(?:rejected|turned down|dismissed|rebuffed) by\s*$",
    r"\b(?:con|mit|avec|com)\s+(?:l['’]|el|la|il|lo|dem|der|den|le|o|a)?\s*$", r"\ben provenance d[ue]\s*$",
    r"\bdal\s*$", r"\bdel\s*$", r"\bdu\s*$", r"\bvom\s*$", r"\bdo\s*$",
)
SELLER_AFTER = _rx(
    r"^\s*(?:have|has|had|ha|hat|a|hanno|han)?\s*(?:rejected|turned down|dismissed|knocked back|"
    r"rebuffed|rechazado|recusou|rejeitou|respinto|abgelehnt|rejeté|refusé|rechaza|recusa)\b",
    r"^\s*(?:will|would|must|need to|are|is)?\s*(?:\w+\s+){0,6}?(?:replace|the void left by|"
    r"a replacement for|successor to|cash in on)\b",
    r"^\s*(?:are|is|were|was)?\s*(?:open to selling|willing to sell|happy to let|standing firm|"
    r"keen (?:on keeping|to keep)|demanding|asking|refus\w+)\b",
    r"^\s*(?:will|would)\s+(?:hold out|demand|refuse|accept|let|sell)\b",
    r"^\s*(?:are|is|were|was)\s+(?:waiting on|fielding|receiving)\s+(?:bids|offers)\b",
    r"^\s*(?:want|wants|demand|demands|are asking|value|valued)\s+(?:at least\s+|around\s+)?[£€$\d]",
    r"^\s*(?:are|is)?\s*(?:now\s+)?(?:expected|set|ready|willing|looking|prepared|happy|forced)\s+to\s+"
    r"(?:sell|cash in|let)\b",
)
# A club before the player after these words is where the move goes.
BUYER_BEFORE = _rx(
    r"\b(?:to|join|joining|joined|for|towards)\s*$", r"\barriv(?:e|al|ing|ed) at\s*$",
    r"\b(?:reunion|sign|contract) with\s*$",
    r"\b(?:move|switch|transfer|return|loan|swap|deal)\s+to\s*$",
    r"\blinked with(?: a move to)?(?: the likes of)?\s*$", r"\binterest from\s*$",
    r"\b(?:offer|bid|approach|proposal|enquiry|interest)\s+from\s*$", r"\bsign for\s*$",
    r"\balla\s*$", r"\bzum\s*$", r"\bzu\s*$", r"\bpara o\s*$", r"\bpara\s*$",
    r"\bau\s*$", r"\bà\s*$", r"\bnach\s*$",
)
BUYER_AFTER = _rx(
    r"^\s*(?:are|is|were|was|have|has|had|will|would|could|look|looks|remain)?\s*"
    r"(?:(?:also|still|now|already|both|all|reportedly|said to be|\w+ly)\s+){0,3}"
    r"(?:keen|interested|eyeing|monitoring|preparing|prepare|planning|plotting|considering|lining up|"
    r"set to (?:make|launch|bid|sign|agree)|in talks|in the chase|in the race|leading the race|"
    r"chasing|pursuing|tracking|weighing up|weigh up|launch\w*|lodg\w*|submit\w*|make|made|"
    r"bid|offer\w*|agree\w*|sign\w*|confirm\w*|want\w*|determined|expected to make|in pole|"
    r"favourites|contact\w*|asked|approach\w*|hold talks|waiting|ready|target\w*|complet\w*|spent|"
    r"will (?:also )?\w+|paying|pay|quieren|vuole|will|veut|quer|negoci\w+|tratt\w+|verhandel\w+)\b",
    r"^['’]s?\s+(?:[£€$][\d.,]+\s?\w*\s+|\w+\s+){0,2}(?:bid|offer|approach|interest|move|"
    r"pursuit|proposal|attempt)\b",
)
OPPONENT_BEFORE = _rx(
    r"\b(?:against|versus|vs\.?|v|beat|beating|defeat to|draw with|win against|loss to|lost to|"
    r"win over|victory over|face|faces|facing|play|playing)\s*$",
)
PAST_CLUB_BEFORE = _rx(
    r"\b(?:spell|stint|time|career|days) (?:at|with)\s*$", r"\bformer\s*$", r"\bex-\s*$", r"\bex\s*$", r"\bformerly of\s*$", r"\bformer\s+\w+\s*$",
)
# Words in front of a name that say the person is not a player.
NON_PLAYER_ROLE = _rx(
    r"\b(?:boss|manager|coach|head coach|president|chairman|director|sporting director|"
    r"chief executive|ceo|owner|(?<!free )agent|head of football|technical director|journalist|"
    r"reporter|presidente|entrenador|allenatore|trainer|entraîneur|treinador|"
    r"director deportivo|sportdirektor|ds|dg)\s*,?\s*$",
)
REPORTING = _rx(
    r"\baccording to\s*$", r"\breported by\s*$", r"\bas reported by\s*$", r"\bper\s*$",
    r"\bsegún\s*$", r"\bsecondo\s*$", r"\blaut\s*$", r"\bselon\s*$", r"\bsegundo\s*$",
    r"\bde acuerdo con\s*$", r"\bcredited by\s*$",
)
