"""Test doubles for code that uses rumourx: no network, no model.

``FunctionModel`` calls your function with each request; ``TestModel`` answers from
a script; ``InventingModel`` names one person (by default "Lionel Messi") for every
field of every answer, to check that nothing it invents is reported;
``SimulatedModel`` (from :mod:`rumourx.simulation`) answers your labelled texts from
their gold labels with tunable mistakes. All validate answers against the request's
response model, with its validation context, and re-ask (calling again with the
error appended) like the real provider, so grounding checks behave exactly as they
do against a real endpoint::

    from rumourx import Extractor, Settings
    from rumourx.testing import TestModel

    model = TestModel([{"rumours": [{"player": "Sergio Ramos", "to_club": "Juventus"}]}])
    report = Extractor(Settings(strategy="llm"), model=model).extract(article)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError

from rumourx.core.errors import ExtractionError, ProviderError
from rumourx.core.model import ModelRequest, ModelResponse
from rumourx.core.types import Usage

if TYPE_CHECKING:
    from rumourx.simulation import SimulatedModel

__all__ = ["FunctionModel", "InventingModel", "SimulatedModel", "TestModel"]

T = TypeVar("T", bound=BaseModel)

Answer = dict[str, Any] | str | BaseException
AnswerFunction = Callable[[ModelRequest[Any]], Answer]


class FunctionModel:
    """A structured model whose answers come from a function.

    Args:
        function: Called with each request (re-asks carry the validation error as a
            final user message). Return a dict or JSON text to validate, or an
            exception instance to raise it as the endpoint's failure.
        max_reasks: Re-asks after invalid output, as ``Settings.max_reasks``.
        name: Model name reported.
    """

    __test__ = False  # not a pytest class

    def __init__(self, function: AnswerFunction, *, max_reasks: int = 1, name: str = "function"):
        self._function = function
        self._max_reasks = max_reasks
        self._name = name
        self.requests: list[ModelRequest[Any]] = []

    @property
    def name(self) -> str:
        """Model name reported."""
        return self._name

    def complete(self, request: ModelRequest[T]) -> ModelResponse[T]:
        """Answer from the function, validating and re-asking like the real provider."""
        calls = 0
        last_raw = ""
        current = request
        for _ in range(self._max_reasks + 1):
            calls += 1
            self.requests.append(current)
            answer = self._function(current)
            if isinstance(answer, ProviderError):
                raise answer
            if isinstance(answer, BaseException):
                raise ProviderError(f"scripted failure: {answer}", attempts=calls) from answer
            last_raw = answer if isinstance(answer, str) else json.dumps(answer)
            try:
                output = request.response_model.model_validate_json(
                    last_raw, context=request.context
                )
            except ValidationError as exc:
                retry = {"role": "user", "content": f"Correct these errors:\n{exc}"}
                current = ModelRequest(
                    messages=[*request.messages, retry],
                    response_model=request.response_model,
                    context=request.context,
                )
                continue
            return ModelResponse(output=output, usage=_usage(request, calls, last_raw))
        raise ExtractionError(
            f"output never validated after {calls} call(s)",
            raw_output=last_raw,
            attempts=calls,
            usage=_usage(request, calls, last_raw),
        )

    async def acomplete(self, request: ModelRequest[T]) -> ModelResponse[T]:
        """Async twin of :meth:`complete`."""
        return self.complete(request)


class TestModel(FunctionModel):
    """A structured model that answers from a script, in order.

    Args:
        answers: Dicts, JSON texts or exceptions, one per model call. When the
            script runs out, the last answer repeats.
    """

    def __init__(self, answers: Iterable[Answer], *, max_reasks: int = 1, name: str = "test"):
        self._answers = list(answers)
        if not self._answers:
            raise ValueError("TestModel needs at least one answer")
        self._index = 0
        super().__init__(self._next, max_reasks=max_reasks, name=name)

    def _next(self, _request: ModelRequest[Any]) -> Answer:
        answer = self._answers[min(self._index, len(self._answers) - 1)]
        self._index += 1
        return answer


class InventingModel(FunctionModel):
    """A model that invents: every field of every answer names the same person.

    Text fields (player, clubs, evidence, sources) hold ``name``; numbers are huge;
    enum fields hold a valid value (``valid_enums=True``, so the answer passes the
    schema and only grounding can stop it) or ``name`` too (so it never validates).
    Lists hold one invented entry.
    """

    def __init__(
        self,
        name: str = "Lionel Messi",
        *,
        valid_enums: bool = True,
        max_reasks: int = 1,
    ) -> None:
        self._invented = name
        self._valid_enums = valid_enums
        super().__init__(self._invent, max_reasks=max_reasks, name="inventing")

    def _invent(self, request: ModelRequest[Any]) -> dict[str, Any]:
        return self._object(request.response_model)

    def _object(self, model: type[BaseModel]) -> dict[str, Any]:
        return {key: self._value(f.annotation) for key, f in model.model_fields.items()}

    def _value(self, annotation: Any) -> Any:
        options = [a for a in get_args(annotation) if a is not type(None)]
        if get_origin(annotation) is list:
            return [self._value(options[0] if options else str)]
        if options and get_origin(annotation) is not None:
            return self._value(options[0])
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return self._object(annotation)
        if isinstance(annotation, type) and issubclass(annotation, Enum):
            return list(annotation)[-1].value if self._valid_enums else self._invented
        if annotation in (int, float):
            return 999_000_000
        return self._invented


def __getattr__(name: str) -> Any:
    if name == "SimulatedModel":  # imported on use: it builds on FunctionModel
        from rumourx.simulation import SimulatedModel

        return SimulatedModel
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _usage(request: ModelRequest[Any], calls: int, raw: str) -> Usage:
    prompt_chars = sum(len(m.get("content", "")) for m in request.messages)
    return Usage(
        prompt_tokens=calls * (prompt_chars // 4), completion_tokens=len(raw) // 4, calls=calls
    )
