"""The shared layers recover what the text proves and nothing more."""

from rumourx.core.types import Fee
from rumourx.strategies.drafts import Draft
from rumourx.strategies.finishing import (
    club_in_context,
    finish,
    full_name,
    provable_fee,
    source_name,
)

ARTICLE = (
    "Lyon midfielder Houssem Aouar is wanted by Arsenal, according to Sky Sports. "
    "Meanwhile Aouar trained alone. Manchester United and Newcastle United are watching."
)


def test_a_surname_is_completed_only_from_one_fuller_form_in_the_article() -> None:
    assert full_name("Aouar", ARTICLE) == "Houssem Aouar"
    assert full_name("Aouar", "Aouar left. Houssem Aouar stayed. Karim Aouar went.") == "Aouar"
    assert full_name("Smith", ARTICLE) == "Smith"


def test_handles_read_as_names() -> None:
    assert source_name("@FabrizioRomano") == "Fabrizio Romano"
    assert source_name("@SkySports") == "Sky Sports"
    assert source_name("The Athletic") == "The Athletic"


def test_a_fee_in_thousands_or_millions_is_rescaled_only_when_the_text_states_it() -> None:
    said = ["Arsenal bid £40m plus £5m in add-ons."]
    fixed = provable_fee(Fee(amount=40_000, currency="GBP", add_ons=5_000), said)
    assert fixed is not None and (fixed.amount, fixed.add_ons) == (40_000_000, 5_000_000)
    assert provable_fee(Fee(amount=40, currency="GBP"), said) == Fee(
        amount=40_000_000, currency="GBP"
    )
    unproven = Fee(amount=12_000, currency="GBP")
    assert provable_fee(unproven, said) == unproven


def test_a_short_club_name_is_read_in_the_article_context_when_unambiguous() -> None:
    assert club_in_context("Real", {"Real Madrid", "Lyon"}) == "Real Madrid"
    assert club_in_context("United", {"Manchester United", "Newcastle United"}) == "United"
    assert club_in_context("the Blues", {"Chelsea", "Lyon"}) == "Chelsea"
    assert club_in_context("the Gunners", set()) == "Arsenal"


def test_a_quote_cut_mid_sentence_becomes_the_whole_sentence_and_handles_become_sources() -> None:
    draft = Draft(
        player="Aouar",
        to_club="Arsenal",
        sources=["@SkySports"],
        evidence=["Lyon midfielder Houssem Aouar is wanted"],
    )
    [rumour] = finish([draft], ARTICLE, strategy="llm").rumours
    assert rumour.player == "Houssem Aouar"
    assert rumour.sources == ["Sky Sports"]
    assert rumour.evidence[0].text.endswith("according to Sky Sports.")
    assert ARTICLE[rumour.evidence[0].start : rumour.evidence[0].end] == rumour.evidence[0].text


def test_a_short_club_name_is_read_first_against_the_move_own_sentence() -> None:
    draft = Draft(
        player="Aouar",
        to_club="United",
        evidence=["Manchester United and Newcastle United are watching."],
    )
    [rumour] = finish([draft], ARTICLE, strategy="llm").rumours
    assert rumour.to_club == "United"  # two Uniteds in the sentence: left as written


def test_a_club_that_is_the_player_own_name_is_not_a_club() -> None:
    draft = Draft(
        player="Houssem Aouar", to_club="Houssem Aouar", evidence=[ARTICLE.split(". ")[0]]
    )
    report = finish([draft], ARTICLE, strategy="llm")
    assert report.rumours == []


def test_a_player_named_only_in_the_possessive_is_named() -> None:
    text = "West Ham have held talks over Jesse Lingard's move from Manchester United."
    draft = Draft(player="Jesse Lingard", to_club="West Ham United", evidence=[text])
    [rumour] = finish([draft], text, strategy="rules").rumours
    assert rumour.player == "Jesse Lingard"


def test_a_player_who_shares_a_word_with_a_club_is_still_a_player() -> None:
    for name, text in [
        ("Milan Skriniar", "Tottenham want Inter defender Milan Skriniar."),
        ("Enner Valencia", "Fenerbahce are keen on striker Enner Valencia."),
    ]:
        draft = Draft(player=name, to_club=text.split()[0], evidence=[text])
        assert [r.player for r in finish([draft], text, strategy="llm").rumours] == [name]
    text = "Manchester United, the Gunners and Tottenham want Chelsea's Mason Mount."
    for club in ("Manchester United", "the Gunners", "Chelsea's Mason Mount"):
        draft = Draft(player=club, to_club="Tottenham Hotspur", evidence=[text])
        assert finish([draft], text, strategy="llm").rumours == []
