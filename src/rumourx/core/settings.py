"""One frozen settings object for an extraction.

Settings resolve explicit values first, then the environment (``OPENAI_API_KEY``,
``OPENAI_BASE_URL``, ``RUMOURX_MODEL``, ``RUMOURX_STRATEGY``), then defaults. They
are immutable and picklable, so they travel to batch workers, Spark or Ray tasks,
and they never show an API key in ``repr`` or ``str``.
"""

from __future__ import annotations

import os
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal

import annotated_types
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from rumourx.core.errors import ConfigurationError

__all__ = [
    "DEFAULT_OPENAI_MODEL",
    "ENVIRONMENT",
    "LOCAL_MODEL_NAME",
    "Settings",
    "StrategyName",
    "explain",
]

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
    timeout: float = Field(default=20.0, gt=0, allow_inf_nan=False)
    max_attempts: int = Field(default=3, ge=1, le=10)
    max_retry_seconds: float = Field(default=40.0, gt=0, allow_inf_nan=False)
    max_reasks: int = Field(default=1, ge=0, le=5)
    temperature: float = Field(default=0.0, ge=0, le=2, allow_inf_nan=False)
    max_output_tokens: int = Field(default=1024, ge=16)
    chunk_chars: int = Field(default=6000, ge=500)
    chunk_overlap: int = Field(default=400, ge=0)
    extra_body: dict[str, Any] = Field(default_factory=dict)
    requests_per_minute: float | None = Field(default=None, gt=0, allow_inf_nan=False)
    tokens_per_minute: float | None = Field(default=None, gt=0, allow_inf_nan=False)

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError(f"must be an http:// or https:// URL, got {value!r}")
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
            ``strategy`` filled in where they were unset. ``OPENAI_BASE_URL`` is
            not read (nor checked) when the strategy is ``rules``.

        Raises:
            ConfigurationError: An environment variable holds a value that cannot
                work; the message names it and what it accepts.
        """
        env = os.environ if environ is None else environ
        updates: dict[str, Any] = {}
        if self.api_key is None and env.get("OPENAI_API_KEY"):
            updates["api_key"] = SecretStr(env["OPENAI_API_KEY"])
        if self.strategy is None and env.get("RUMOURX_STRATEGY"):
            updates["strategy"] = env["RUMOURX_STRATEGY"]
        needs_endpoint = updates.get("strategy", self.strategy) != "rules"
        if self.base_url is None and env.get("OPENAI_BASE_URL") and needs_endpoint:
            updates["base_url"] = env["OPENAI_BASE_URL"]
        merged = self.model_copy(update=updates)
        if merged.model is None:
            model = env.get("RUMOURX_MODEL") or (
                DEFAULT_OPENAI_MODEL if merged.has_endpoint else LOCAL_MODEL_NAME
            )
            merged = merged.model_copy(update={"model": model})
        # model_copy skips validation: validate once so env values are checked too.
        try:
            return Settings.model_validate(merged.model_dump())
        except ValidationError as exc:
            names = {name: variable for variable, name in ENVIRONMENT.items()}
            raise ConfigurationError(explain(exc, names)) from None


#: The environment variables settings are read from, and the field each fills.
ENVIRONMENT = {
    "OPENAI_API_KEY": "api_key",
    "OPENAI_BASE_URL": "base_url",
    "RUMOURX_MODEL": "model",
    "RUMOURX_STRATEGY": "strategy",
}


def _accepts(field: str) -> str | None:
    """What a numeric setting accepts, from its declared bounds ("a number greater than 0")."""
    info = Settings.model_fields.get(field)
    if info is None:
        return None
    annotation = info.annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        annotation = next((a for a in typing.get_args(annotation) if a is not type(None)), None)
    if annotation not in (int, float):
        return None
    words = {
        annotated_types.Gt: ("greater than", "gt"),
        annotated_types.Ge: ("at least", "ge"),
        annotated_types.Lt: ("less than", "lt"),
        annotated_types.Le: ("at most", "le"),
    }
    found = {
        words[type(m)][1]: getattr(m, words[type(m)][1]) for m in info.metadata if type(m) in words
    }
    if set(found) == {"ge", "le"}:
        bounds = [f"from {found['ge']} to {found['le']}"]
    else:
        bounds = [f"{word} {found[key]}" for word, key in words.values() if key in found]
    kind = "a whole number" if annotation is int else "a finite number"
    return " ".join([kind, " and ".join(bounds)]).strip()


def explain(error: ValidationError, names: Mapping[str, str] | None = None) -> str:
    """A settings validation error as one line naming each setting and what it accepts.

    Args:
        error: The error raised by :class:`Settings`.
        names: What to call each field (``{"requests_per_minute": "--rpm"}``).

    Example: ``--rpm must be a finite number greater than 0, got 0``.
    """
    parts: list[str] = []
    for problem in error.errors(include_url=False):
        field = str(problem["loc"][0]) if problem["loc"] else "settings"
        name = (names or {}).get(field, field)
        got = problem.get("input")
        shown = "***" if field == "api_key" else repr(got)
        if problem["type"] == "extra_forbidden":
            parts.append(f"{name} is not a setting")
        elif problem["type"] == "literal_error":
            expected = problem.get("ctx", {}).get("expected", "")
            parts.append(f"{name} must be one of {expected}, got {shown}")
        elif (accepts := _accepts(field)) is not None:
            parts.append(f"{name} must be {accepts}, got {shown}")
        else:
            message = str(problem["msg"]).removeprefix("Value error, ")
            parts.append(f"{name} {message}")
    return "; ".join(parts)
