"""The ``llm`` strategy: one structured call per chunk, then the shared layers.

The wire schema (:mod:`rumourx.strategies.wire`) is what the model fills in. Its
validators check, with the article as validation context, that every player and
club it names occurs in the article and that its evidence is a sentence of the
article; instructor sends any failure back to the model as a re-ask. What still
fails after the re-asks is parsed leniently and left to the finishing layer, which
drops it with a warning.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

from rumourx.core.errors import ExtractionError
from rumourx.core.model import ModelRequest, ModelResponse
from rumourx.core.types import Usage
from rumourx.prompting import Prompt, load_prompt
from rumourx.strategies.base import ArticleJob, Plan, Proposal
from rumourx.strategies.drafts import Draft
from rumourx.strategies.wire import LLMExtraction, LLMRumour
from rumourx.text.chunking import chunk_article
from rumourx.text.injection import looks_like_instruction
from rumourx.text.sentences import split_sentences

__all__ = ["LLMExtraction", "LLMRumour", "LLMStrategy", "Reading", "read_chunks"]


def _without_instructions(text: str) -> str:
    """The chunk with instruction-like sentences blanked out before a model reads it."""
    for sentence in reversed(split_sentences(text)):
        if looks_like_instruction(sentence.text):
            text = (
                text[: sentence.start] + "[removed: instruction-like text]" + text[sentence.end :]
            )
    return text


def article_messages(prompt: Prompt, job: ArticleJob, text: str) -> list[dict[str, str]]:
    """The chat messages that ask ``prompt`` of ``text`` (the article or a part of it)."""
    publisher = f"Publisher: {job.publisher}\n" if job.publisher else ""
    text = _without_instructions(text)
    return [
        {"role": "system", "content": prompt.template},
        {"role": "user", "content": f"{publisher}Article:\n<<<\n{text}\n>>>"},
    ]


@dataclass
class Reading:
    """What the model read in every chunk of one article.

    Attributes:
        proposal: The model's drafts, usage and warnings.
        chunks: Chunks asked about.
        failed: Chunks whose answer was unusable (not an extraction at all).
    """

    proposal: Proposal
    chunks: int = 0
    failed: int = 0


def read_chunks(
    prompt: Prompt,
    job: ArticleJob,
    *,
    chunk_chars: int,
    chunk_overlap: int,
    lenient: bool = False,
    tolerate_failure: bool = False,
) -> Generator[ModelRequest[Any], ModelResponse[Any], Reading]:
    """Ask the model once per chunk; keep what validates, note what does not.

    Args:
        prompt: The extraction prompt.
        job: The article.
        chunk_chars: Longest chunk, in characters.
        chunk_overlap: Characters shared by neighbouring chunks.
        lenient: Leave grounding to the finishing layer instead of re-asking.
        tolerate_failure: Note a chunk whose answer is unusable instead of raising.

    Raises:
        ExtractionError: A chunk's answer was unusable and failure is not tolerated.
    """
    reading = Reading(proposal=Proposal())
    proposal = reading.proposal
    context: dict[str, Any] = {"article": job.text}
    if lenient:
        context["lenient"] = True
    for chunk in chunk_article(job.text, max_chars=chunk_chars, overlap=chunk_overlap):
        reading.chunks += 1
        request: ModelRequest[Any] = ModelRequest(
            messages=article_messages(prompt, job, chunk.text),
            response_model=LLMExtraction,
            context=context,
        )
        try:
            response: ModelResponse[Any] = yield request
        except ExtractionError as exc:
            salvaged = _salvage(exc.raw_output)
            proposal.usage = proposal.usage + (exc.usage or Usage())
            if salvaged is None:
                if not tolerate_failure:
                    raise  # nothing usable came back: say so rather than report nothing
                reading.failed += 1
                proposal.warnings.append(f"model answer unusable after {exc.attempts} call(s)")
                continue
            proposal.warnings.append(
                f"model output failed grounding after {exc.attempts} call(s); "
                f"kept {len(salvaged)} rumour(s) for the finishing checks"
            )
            proposal.drafts.extend(salvaged)
            continue
        proposal.usage = proposal.usage + response.usage
        proposal.drafts.extend(r.to_draft() for r in response.output.rumours)
    return reading


class LLMStrategy:
    """One well-structured call per chunk to a capable model."""

    name = "llm"

    def __init__(self, *, chunk_chars: int = 6000, chunk_overlap: int = 400) -> None:
        self._prompt = load_prompt("extract")
        self._chunk_chars = chunk_chars
        self._chunk_overlap = chunk_overlap

    @property
    def prompt_id(self) -> str:
        """The prompt version this strategy sends."""
        return self._prompt.id

    def plan(self, job: ArticleJob) -> Plan:
        """Ask once per chunk; keep what validates, note what does not."""
        reading = yield from read_chunks(
            self._prompt, job, chunk_chars=self._chunk_chars, chunk_overlap=self._chunk_overlap
        )
        return reading.proposal


def _salvage(raw: str) -> list[Draft] | None:
    """Parse output that failed grounding, without the grounding checks.

    Returns:
        The drafts for the finishing layer to check, or None when the output is
        not an extraction at all (broken JSON, wrong shape).
    """
    try:
        parsed = LLMExtraction.model_validate_json(raw)
    except ValueError:
        return None
    return [r.to_draft() for r in parsed.rumours]
