import itertools

from rumourx.text.chunking import chunk_article


def test_short_articles_are_one_chunk() -> None:
    assert len(chunk_article("One. Two.", max_chars=100, overlap=10)) == 1


def test_long_articles_split_on_sentences_with_overlap_and_cover_everything() -> None:
    sentences = [f"Sentence number {i} mentions Arsenal." for i in range(60)]
    article = " ".join(sentences)
    chunks = chunk_article(article, max_chars=300, overlap=80)
    assert len(chunks) > 1
    for chunk in chunks:
        assert article[chunk.start : chunk.end] == chunk.text
        assert len(chunk.text) <= 300
    for a, b in itertools.pairwise(chunks):
        assert b.start < a.end  # overlap
    covered = set()
    for chunk in chunks:
        covered.update(range(chunk.start, chunk.end))
    assert all(i in covered for i, c in enumerate(article) if not c.isspace())
