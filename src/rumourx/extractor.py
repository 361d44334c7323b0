"""The public entry points: :class:`Extractor`, :func:`extract`, :func:`aextract`."""

from __future__ import annotations

import logging
import threading
from typing import Any, TypeVar

from pydantic import BaseModel

from rumourx._version import __version__
from rumourx.core.deadline import Deadline
from rumourx.core.model import ModelRequest, ModelResponse, StructuredModel
from rumourx.core.settings import LOCAL_MODEL_NAME, Settings, StrategyName
from rumourx.core.types import Article, RumourReport, TransferRumour
from rumourx.providers.turns import lent
from rumourx.strategies.base import ArticleJob, Proposal, Strategy
from rumourx.strategies.driving import adrive, drive
from rumourx.strategies.ensemble import EnsembleStrategy
from rumourx.strategies.finishing import finish
from rumourx.strategies.hybrid import HybridStrategy
from rumourx.strategies.llm import LLMStrategy
from rumourx.strategies.rules import RulesStrategy
from rumourx.text.document import TEXT_VERSION, Document, read_document

__all__ = ["Extractor", "aextract", "build_strategy", "extract"]

logger = logging.getLogger("rumourx")

T = TypeVar("T", bound=BaseModel)


def build_strategy(name: StrategyName, settings: Settings) -> Strategy:
    """The strategy called ``name``, configured from ``settings``."""
    if name == "rules":
        return RulesStrategy()
    if name == "llm":
        return LLMStrategy(chunk_chars=settings.chunk_chars, chunk_overlap=settings.chunk_overlap)
    if name == "hybrid":
        return HybridStrategy()
    if name == "ensemble":
        return EnsembleStrategy(
            chunk_chars=settings.chunk_chars, chunk_overlap=settings.chunk_overlap
        )
    raise ValueError(f"unknown strategy {name!r}: choose ensemble, llm, rules or hybrid")


def _job(article: str | Article, budget: float | None = None) -> tuple[Document, ArticleJob]:
    """The prepared document, and the job the strategies read (its reading text).

    Args:
        article: The article.
        budget: Seconds of work allowed on it (the job's deadline starts now).
    """
    deadline = Deadline(budget)
    text, publisher = (
        (article.text, article.publisher)
        if isinstance(article, Article)
        else (
            article,
            None,
        )
    )
    document = read_document(text)
    deadline.check("preparing the text")
    return document, ArticleJob(text=document.text, publisher=publisher, deadline=deadline)


def _in_original(rumours: list[TransferRumour], document: Document) -> list[TransferRumour]:
    """The rumours with evidence mapped from the reading text to the caller's text."""
    mapped: list[TransferRumour] = []
    for rumour in rumours:
        evidence = []
        for found in rumour.evidence:
            verbatim = document.evidence(found.start, found.end)
            if verbatim not in evidence:
                evidence.append(verbatim)
        mapped.append(rumour.model_copy(update={"evidence": evidence}))
    return mapped


class _Lending:
    """A model that lends the batch's turn out for the whole of each async call."""

    def __init__(self, model: StructuredModel) -> None:
        self._model = model

    @property
    def name(self) -> str:
        return self._model.name

    def complete(self, request: ModelRequest[T]) -> ModelResponse[T]:
        return self._model.complete(request)

    async def acomplete(self, request: ModelRequest[T]) -> ModelResponse[T]:
        async with lent():
            return await self._model.acomplete(request)


def _lending(model: StructuredModel | None) -> StructuredModel | None:
    """``model``, made to lend a batch's turn out while it is awaited.

    A model that knows about turns (``lends_turn``) lends it only while it waits on
    the network, and parses its answers in turn; any other is wrapped.
    """
    if model is None or getattr(model, "lends_turn", False):
        return model
    return _Lending(model)


class Extractor:
    """Reusable extraction with one set of settings.

    Args:
        settings: How to reach the model and which strategy to run. Unset fields
            are filled from the environment (see :class:`Settings`).
        model: A structured model to use instead of building one from the
            settings (for instance :class:`rumourx.testing.TestModel`).

    Example:
        >>> from rumourx import Extractor, Settings
        >>> extractor = Extractor(Settings(strategy="rules"))
        >>> report = extractor.extract("Arsenal agreed a £30m fee with Lyon for Houssem Aouar.")
        >>> report.rumours[0].to_club
        'Arsenal'
    """

    def __init__(self, settings: Settings | None = None, *, model: StructuredModel | None = None):
        self.settings = (settings or Settings()).resolved()
        self._model = model
        self._lock = threading.Lock()
        self._strategy = build_strategy(self.settings.effective_strategy, self.settings)

    @property
    def strategy(self) -> str:
        """Name of the strategy this extractor runs."""
        return self._strategy.name

    def fingerprint(self) -> dict[str, Any]:
        """Everything besides the article that this extractor's output depends on.

        Caches key on it: change the model, a prompt version or an output-shaping
        setting and cached reports are no longer reused.
        """
        settings = self.settings
        uses_model = self._strategy.name != "rules"
        return {
            "rumourx": __version__,
            "text": TEXT_VERSION,
            "strategy": self._strategy.name,
            "prompt": getattr(self._strategy, "prompt_id", None),
            "model": settings.model if uses_model else None,
            "base_url": settings.base_url if uses_model else None,
            "output_mode": settings.output_mode if uses_model else None,
            "temperature": settings.temperature if uses_model else None,
            "max_output_tokens": settings.max_output_tokens if uses_model else None,
            "chunk": [settings.chunk_chars, settings.chunk_overlap] if uses_model else None,
            "extra_body": settings.extra_body if uses_model else None,
        }

    def structured_model(self) -> StructuredModel | None:
        """The model this extractor asks, built on first use; None for ``rules``.

        With no endpoint configured, building it starts the embedded local server.
        """
        if self._strategy.name == "rules":
            return self._model
        with self._lock:
            if self._model is None:
                self._model = _build_model(self.settings)
            return self._model

    def extract(self, article: str | Article) -> RumourReport:
        """Extract the transfer rumours of one article.

        Args:
            article: The article text (plain or HTML), or an :class:`Article`.

        Returns:
            A validated report; ``report.rumours`` is empty when the article
            reports no move. Evidence offsets slice the string you passed
            (``article[e.start:e.end] == e.text``); for HTML they slice the page's
            visible text, given as ``report.text``.

        Raises:
            InputError: The article is not usable text.
            ConfigurationError: The strategy needs a model that cannot be reached.
            ProviderError: The model endpoint failed after bounded retries.
        """
        model = self.structured_model()  # built (or started) before the article's clock runs
        document, job = _job(article, self.settings.article_time_budget)
        proposal = drive(self._strategy.plan(job), model, job.deadline)
        return self._finish(document, job, proposal)

    async def aextract(self, article: str | Article) -> RumourReport:
        """Async twin of :meth:`extract`."""
        model = self.structured_model()  # built (or started) before the article's clock runs
        document, job = _job(article, self.settings.article_time_budget)
        proposal = await adrive(self._strategy.plan(job), _lending(model), job.deadline)
        return self._finish(document, job, proposal)

    async def aclose(self) -> None:
        """Release the async connections of this extractor's model (reopened on demand)."""
        close = getattr(self._model, "aclose", None)
        if close is not None:
            await close()

    def _finish(self, document: Document, job: ArticleJob, proposal: Proposal) -> RumourReport:
        job.check("reading the article")
        read = finish(
            proposal.drafts,
            job.text,
            strategy=self._strategy.name,
            usage=proposal.usage,
            warnings=proposal.warnings,
            index=job.index,
        )
        job.check("finishing")
        report = read.model_copy(
            update={
                "rumours": _in_original(read.rumours, document),
                "opinion": _in_original(read.opinion, document),
                "text": document.html_text,
            }
        )
        for warning in report.warnings:
            logger.info("rumourx: %s", warning)
        return report


#: What the embedded model measured on the dev split (README, "Defaults"): F1 by strategy.
EMBEDDED_QUALITY = (
    "the embedded SmolLM2-135M model measured F1 {llm} with the llm strategy and {ensemble} "
    "with ensemble on the dev split, against {rules} for the rules alone, which need no model"
)
_EMBEDDED_FIGURES = {"llm": "0.04", "ensemble": "0.14", "rules": "0.97"}
_warned_embedded = threading.Event()


def _warn_embedded(strategy: str) -> None:
    """Say once per process what the embedded model is worth, when a user picks it."""
    if _warned_embedded.is_set():
        return
    _warned_embedded.set()
    logger.warning(
        "rumourx: strategy %r runs on the embedded model: %s; configure an endpoint "
        "(OPENAI_API_KEY, or OPENAI_BASE_URL and RUMOURX_MODEL) for model-first extraction",
        strategy,
        EMBEDDED_QUALITY.format(**_EMBEDDED_FIGURES),
    )


def _build_model(settings: Settings) -> StructuredModel:
    from rumourx.providers.local_server import (
        LOCAL_EXTRA_BODY,
        LOCAL_MAX_OUTPUT_TOKENS,
        LOCAL_TIMEOUT,
        ensure_local_server,
    )
    from rumourx.providers.openai_compat import OpenAICompatibleModel

    if settings.has_endpoint:
        return OpenAICompatibleModel(settings)
    _warn_embedded(settings.effective_strategy)
    local = settings.model_copy(
        update={
            "base_url": ensure_local_server(),
            "model": LOCAL_MODEL_NAME,
            "extra_body": {**LOCAL_EXTRA_BODY, **settings.extra_body},
            # A 135M model on a CPU: slower answers, and short ones keep it from rambling.
            "timeout": max(settings.timeout, LOCAL_TIMEOUT),
            "max_output_tokens": min(settings.max_output_tokens, LOCAL_MAX_OUTPUT_TOKENS),
        }
    )
    return OpenAICompatibleModel(local)


def extract(article: str | Article, settings: Settings | None = None) -> RumourReport:
    """Extract the transfer rumours of one article with default or given settings.

    See :meth:`Extractor.extract`. For many articles, build one :class:`Extractor`
    and reuse it.
    """
    return Extractor(settings).extract(article)


async def aextract(article: str | Article, settings: Settings | None = None) -> RumourReport:
    """Async twin of :func:`extract`."""
    return await Extractor(settings).aextract(article)
