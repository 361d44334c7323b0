"""Split long articles into overlapping chunks on sentence boundaries."""

from __future__ import annotations

from dataclasses import dataclass

from rumourx.text.sentences import split_sentences

__all__ = ["Chunk", "chunk_article"]


@dataclass(frozen=True)
class Chunk:
    """A slice of the article: ``article[start:end] == text``."""

    text: str
    start: int
    end: int


def chunk_article(article: str, *, max_chars: int, overlap: int) -> list[Chunk]:
    """Cut ``article`` into chunks of at most about ``max_chars`` characters.

    Chunks end on sentence boundaries and repeat about ``overlap`` characters of
    the previous chunk, so a move described across a boundary is seen whole once.
    A single sentence longer than ``max_chars`` becomes its own chunk.
    """
    if len(article) <= max_chars:
        return [Chunk(article, 0, len(article))]
    sentences = split_sentences(article)
    chunks: list[Chunk] = []
    first = 0
    while first < len(sentences):
        last = first
        while (
            last + 1 < len(sentences)
            and sentences[last + 1].end - sentences[first].start <= max_chars
        ):
            last += 1
        start, end = sentences[first].start, sentences[last].end
        chunks.append(Chunk(article[start:end], start, end))
        if last + 1 >= len(sentences):
            break
        following = last + 1
        while following - 1 > first and end - sentences[following - 1].start <= overlap:
            following -= 1
        first = following
    return chunks
