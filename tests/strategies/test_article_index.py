from rumourx.knowledge.outlets import outlet_index
from rumourx.strategies.article_index import ArticleIndex, article_words
from rumourx.strategies.finishing import clubs_named

ARTICLE = (
    "Arsenal have agreed a £30m fee with Lyon for Houssem Aouar, reports Sky Sprots. "
    "The Gunners will also talk to Real Madrid about Dani Ceballos, according to Marca.\n\n"
    "United remain interested, the Daily Telegarph says."
)


def test_each_answer_is_the_one_derived_from_the_text() -> None:
    index = ArticleIndex(ARTICLE)
    assert index.words == article_words(ARTICLE)
    assert index.mentioned == clubs_named(ARTICLE)
    assert {"Arsenal", "Lyon", "Real Madrid"} <= index.clubs_named
    assert index.sentences[0].text.startswith("Arsenal have agreed")
    assert index.sentence_clubs(1) >= {"Real Madrid"}
    assert "ceballos" in index.sentence_words(1)


def test_outlet_lookups_agree_with_the_outlet_index() -> None:
    index = ArticleIndex(ARTICLE)
    names = [
        "Sky Sports",
        "Sky Sprots",
        "Daily Telegarph",
        "Marca",
        "the Telegraph",
        "Houssem Aouar",
        "Dani Ceballos",
        "Real Madrid",
        "Fabrizio Romanno",
        "x",
    ]
    for name in names:
        assert index.outlet(name) == outlet_index().lookup(name), name


def test_a_misspelt_outlet_is_still_named_and_an_absent_one_is_not() -> None:
    index = ArticleIndex(ARTICLE)
    assert index.names_source("Sky Sports")  # written "Sky Sprots"
    assert index.names_source("Marca")
    assert not index.names_source("L'Equipe")
    assert not index.names_source("Somebody Unknown")
