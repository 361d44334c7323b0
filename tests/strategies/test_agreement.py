"""Which moves the readers share, and whose word each field takes."""

from rumourx.core.types import Fee, TransferType
from rumourx.strategies.agreement import focus_sentences, merge_fields, move_key
from rumourx.strategies.drafts import Draft

ARTICLE = (
    "Arsenal have made a £30m bid for Lyon midfielder Houssem Aouar, according to Goal. "
    "Aouar scored twice last week. Real Madrid want Kofi Mensah."
)
RULES = Draft(
    player="Houssem Aouar",
    to_club="Arsenal",
    from_club="Lyon",
    transfer_type=TransferType.PERMANENT,
    fee=Fee(amount=30_000_000, currency="GBP"),
    sources=["Goal"],
    evidence=["Arsenal have made a £30m bid for Lyon midfielder Houssem Aouar, according to Goal."],
)


def test_moves_are_known_by_surname_and_destination_short_forms_included() -> None:
    mentioned = {"Arsenal", "Lyon", "Real Madrid"}
    assert move_key(Draft(player="Aouar", to_club="the Gunners"), mentioned) == ("aouar", "Arsenal")
    assert move_key(Draft(player="K. Mensah", to_club="Real"), mentioned) == (
        "mensah",
        "Real Madrid",
    )
    extension = Draft(
        player="X Aouar", to_club=None, from_club="Lyon", transfer_type=TransferType.EXTENSION
    )
    assert move_key(extension, mentioned) == ("aouar", "Lyon")


def test_the_model_word_counts_unless_the_text_proves_otherwise() -> None:
    model = Draft(
        player="Aouar",
        to_club="Arsenal",
        from_club="Olympique Marseille",  # the article never names it
        transfer_type=TransferType.LOAN,
        fee=Fee(amount=30_000, currency="GBP"),  # in thousands
        sources=["Gaol Sport"],  # the article names no such outlet
        evidence=[],
    )
    merged = merge_fields(model, RULES, ARTICLE)
    assert merged.player == "Houssem Aouar"
    assert merged.from_club == "Lyon"
    assert merged.transfer_type is TransferType.LOAN
    assert merged.fee is not None and merged.fee.amount == 30_000_000
    assert merged.sources == ["Goal"]


def test_a_model_that_gives_no_fee_or_source_is_taken_at_its_word() -> None:
    model = Draft(player="Houssem Aouar", to_club="Arsenal", sources=[], evidence=[])
    merged = merge_fields(model, RULES, ARTICLE)
    assert merged.fee is None and merged.sources == []


def test_focus_sentences_are_those_naming_the_players() -> None:
    assert focus_sentences([RULES], ARTICLE) == [
        "Arsenal have made a £30m bid for Lyon midfielder Houssem Aouar, according to Goal.",
        "Aouar scored twice last week.",
    ]
