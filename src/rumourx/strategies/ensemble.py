"""The ``ensemble`` strategy: the model reads, the rules give a second opinion.

1. The model reads every chunk of the article, as in ``llm``, with grounding left to
   the finishing layer (a name or quote it cannot ground is dropped there with a
   warning, instead of costing a re-ask per chunk).
2. The rules read the same article (:func:`~rumourx.strategies.rules.propose_drafts`).
3. A move both report is merged field by field (:mod:`.agreement`): what the text
   proves wins, the model's word counts where the text is ambiguous.
4. Moves only the rules found go back to the model in one focused read: only the
   sentences that mention those players, with the same prompt and schema. A move
   is kept only when that read confirms it (same player, same destination).
5. Moves only the model found are kept: the model reads, and grounding checks them.

Cost: one call per chunk, plus one focused call when the readers disagree, plus
re-asks of output that does not fit the schema: at most ``chunks + 1`` calls before
re-asks. When every chunk's answer is unusable the model has said nothing: the
rules' moves are kept, with a warning, and no focused read is asked. When the
focused read itself is unusable, the disputed moves are kept likewise.
"""

from __future__ import annotations

from typing import Any

from rumourx.core.errors import ExtractionError
from rumourx.core.model import ModelRequest, ModelResponse
from rumourx.core.types import Usage
from rumourx.strategies.agreement import focus_sentences, merge_fields, move_key, surname
from rumourx.strategies.article_index import ArticleIndex
from rumourx.strategies.base import ArticleJob, Plan, Proposal
from rumourx.strategies.drafts import Draft
from rumourx.strategies.llm import LLMExtraction, LLMStrategy, read_chunks
from rumourx.strategies.rules import propose_drafts
from rumourx.text.injection import looks_like_instruction

__all__ = ["EnsembleStrategy"]


def _focus_messages(
    system: str, job: ArticleJob, sentences: list[str], players: list[str]
) -> list[dict[str, str]]:
    publisher = f"Publisher: {job.publisher}\n" if job.publisher else ""
    kept = [s for s in sentences if not looks_like_instruction(s)]
    text = "\n".join(kept)
    return [
        {"role": "system", "content": system},
        {
            "role": "user",
            "content": f"{publisher}These sentences of the article mention "
            f"{', '.join(players)}; report the moves they state.\n"
            f"Article:\n<<<\n{text}\n>>>",
        },
    ]


class EnsembleStrategy(LLMStrategy):
    """Model-first extraction, checked by the rules and a focused second read.

    It reads as :class:`LLMStrategy` does (same prompt, same chunks), then checks.
    """

    name = "ensemble"

    def plan(self, job: ArticleJob) -> Plan:
        """Read with the model, compare with the rules, re-read only the disputed moves."""
        reading = yield from read_chunks(
            self._prompt,
            job,
            chunk_chars=self._chunk_chars,
            chunk_overlap=self._chunk_overlap,
            lenient=True,
            tolerate_failure=True,
        )
        proposal = reading.proposal
        rules = propose_drafts(job)
        job.check("reading with the rules")
        if reading.failed == reading.chunks:
            proposal.warnings.append(
                f"the model gave no usable answer: kept the rules' {len(rules)} move(s)"
            )
            proposal.drafts = rules
            return proposal
        drafts, disputed = _agree(proposal.drafts, rules, job.index)
        if disputed:
            confirmed = yield from self._focused_read(job, disputed, proposal)
            drafts.extend(confirmed.drafts)
        proposal.drafts = drafts
        return proposal

    def _focused_read(self, job: ArticleJob, disputed: list[Draft], proposal: Proposal) -> Plan:
        """One call about the disputed players' sentences; the moves it confirms."""
        players = list(dict.fromkeys(draft.player for draft in disputed))
        request: ModelRequest[Any] = ModelRequest(
            messages=_focus_messages(
                self._prompt.template, job, focus_sentences(disputed, job.text), players
            ),
            response_model=LLMExtraction,
            context={"article": job.text, "lenient": True},
        )
        try:
            response: ModelResponse[Any] = yield request
        except ExtractionError as exc:
            proposal.usage = proposal.usage + (exc.usage or Usage())
            proposal.warnings.append(
                f"the focused read gave no usable answer: kept the rules' {len(disputed)} "
                "disputed move(s)"
            )
            return Proposal(drafts=disputed)
        proposal.usage = proposal.usage + response.usage
        mentioned = job.index.mentioned
        answers: dict[tuple[str, str | None], Draft] = {}
        for rumour in response.output.rumours:
            draft = rumour.to_draft()
            answers.setdefault(move_key(draft, mentioned), draft)
        confirmed: list[Draft] = []
        for draft in disputed:
            answer = answers.get(move_key(draft, mentioned))
            if answer is None:
                proposal.warnings.append(
                    f"dropped {draft.player} to {draft.to_club}: only the rules read it, "
                    "and the model's focused read did not confirm it"
                )
                continue
            confirmed.append(merge_fields(answer, draft, job.text, job.index))
        return Proposal(drafts=confirmed)


def _agree(
    model: list[Draft], rules: list[Draft], index: ArticleIndex
) -> tuple[list[Draft], list[Draft]]:
    """Merge the moves both read; return them with the model's own, and the disputed ones.

    The rules' moves read only in the publisher's opinion section are kept as they
    are (they are marked, not reported), so they never cost a focused read.
    """
    mentioned = index.mentioned
    by_key: dict[tuple[str, str | None], Draft] = {}
    for draft in rules:
        by_key.setdefault(move_key(draft, mentioned), draft)
    drafts: list[Draft] = []
    matched: set[tuple[str, str | None]] = set()
    for draft in model:
        key = move_key(draft, mentioned)
        partner = by_key.get(key)
        if partner is None:
            drafts.append(draft)
            continue
        matched.add(key)
        drafts.append(merge_fields(draft, partner, index.text, index))
    disputed: list[Draft] = []
    for key, draft in by_key.items():
        if key in matched:
            continue
        if draft.opinion:
            drafts.append(draft)
        elif key[0] and surname(draft.player):
            disputed.append(draft)
    return drafts, disputed
