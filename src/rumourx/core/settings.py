"""One frozen settings object for an extraction.

Settings resolve explicit values first, then the environment (``OPENAI_API_KEY``,
``OPENAI_BASE_URL``, ``RUMOURX_MODEL``, ``RUMOURX_STRATEGY``), then defaults. They
are immutable and picklable, so they travel to batch workers, Spark or Ray tasks,
and they never show an API key in ``repr`` or ``str``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

__all__ = ["DEFAULT_OPENAI_MODEL", "LOCAL_MODEL_NAME", "Settings", "StrategyName"]

StrategyName = Literal["llm", "rules", "hybrid", "ensemble"]
OutputMode = Literal["tools", "json_schema", "json_object"]

DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
LOCAL_MODEL_NAME = "smollm2-135m-instruct"


class Settings(BaseModel):
    """How rumourx talks to a model and which strategy it runs.

    Attributes:
        model: Model name sent to the endpoint. Default: ``RUMOURX_MODEL``, else
            ``gpt-4o-mini`` with an endpoint, else the embedded local model.
        base_url: OpenAI-compatible endpoint. Default: ``OPENAI_BASE_URL``.
        api_key: Key for the endpoint. Default: ``OPENAI_API_KEY``. Never shown.
        strategy: ``ensemble``, ``llm``, ``rules`` or ``hybrid``. None picks the
            measured best: ``rules`` with no endpoint configured, ``ensemble`` (the
            model reads, the rules check) with one (see the README for the figures
            behind both choices).
        output_mode: How structured output is requested: ``tools`` (function
            calling; works on OpenAI, vLLM, Ollama and llama.cpp), ``json_schema``
            (OpenAI structured outputs; llama.cpp rejects it) or ``json_object``.
        timeout: Seconds one HTTP request may take.
        max_attempts: HTTP attempts per model call (429, 5xx, timeouts, dropped
            connections are retried; 1 means no retry).
        max_retry_seconds: Total seconds one model call may spend, backoff included.
        max_reasks: Times invalid model output is sent back with the validation
            error before giving up.
        temperature: Sampling temperature.
        max_output_tokens: Cap on tokens per model answer.
        chunk_chars: Articles longer than this are split into overlapping chunks.
        chunk_overlap: Characters shared by neighbouring chunks.
        extra_body: Extra JSON fields for every request (``repeat_penalty`` for
            llama.cpp, for instance).
        requests_per_minute: Request budget shared by every concurrent
            extraction of one extractor; None for no limit.
        tokens_per_minute: Token budget (prompt plus answer), likewise.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    model: str | None = None
    base_url: str | None = None
    api_key: SecretStr | None = None
    strategy: StrategyName | None = None
    output_mode: OutputMode = "tools"
    timeout: float = Field(default=20.0, gt=0)
    max_attempts: int = Field(default=3, ge=1, le=10)
    max_retry_seconds: float = Field(default=40.0, gt=0)
    max_reasks: int = Field(default=1, ge=0, le=5)
    temperature: float = Field(default=0.0, ge=0, le=2)
    max_output_tokens: int = Field(default=1024, ge=16)
    chunk_chars: int = Field(default=6000, ge=500)
    chunk_overlap: int = Field(default=400, ge=0)
    extra_body: dict[str, Any] = Field(default_factory=dict)
    requests_per_minute: float | None = Field(default=None, gt=0)
    tokens_per_minute: float | None = Field(default=None, gt=0)

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError(f"base_url must start with http:// or https://, got {value!r}")
        return value.rstrip("/")

    @property
    def has_endpoint(self) -> bool:
        """Whether a remote endpoint is configured (a key or a base URL)."""
        return self.base_url is not None or self.api_key is not None

    @property
    def effective_strategy(self) -> StrategyName:
        """The strategy that runs: explicit, else the measured default."""
        if self.strategy is not None:
            return self.strategy
        return "ensemble" if self.has_endpoint else "rules"

    def resolved(self, environ: Mapping[str, str] | None = None) -> Settings:
        """Fill unset fields from the environment.

        Args:
            environ: Environment to read; ``os.environ`` by default.

        Returns:
            A new ``Settings`` with ``api_key``, ``base_url``, ``model`` and
            ``strategy`` filled in where they were unset.
        """
        env = os.environ if environ is None else environ
        updates: dict[str, Any] = {}
        if self.api_key is None and env.get("OPENAI_API_KEY"):
            updates["api_key"] = SecretStr(env["OPENAI_API_KEY"])
        if self.base_url is None and env.get("OPENAI_BASE_URL"):
            updates["base_url"] = env["OPENAI_BASE_URL"]
        if self.strategy is None and env.get("RUMOURX_STRATEGY"):
            updates["strategy"] = env["RUMOURX_STRATEGY"]
        merged = self.model_copy(update=updates)
        if merged.model is None:
            model = env.get("RUMOURX_MODEL") or (
                DEFAULT_OPENAI_MODEL if merged.has_endpoint else LOCAL_MODEL_NAME
            )
            merged = merged.model_copy(update={"model": model})
        # model_copy skips validation: validate once so env values are checked too.
        return Settings.model_validate(merged.model_dump())
