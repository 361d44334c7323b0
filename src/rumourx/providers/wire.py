"""How a response model is asked for and read back over the chat-completions wire.

A :class:`WireFormat` is built once per (response model, output mode) and cached for
the life of the process: the tool definition (instructor's own
:func:`instructor.openai_schema`, generated once instead of on every call), or the
``response_format``, or the schema note of ``json_object`` mode. It turns an
answer (the completion as the endpoint sent it, a plain dict) into a validated
instance with pydantic and the request's validation context, and builds the re-ask
messages that send a validation error back to the model, in instructor's format.

The live path (:mod:`rumourx.providers.openai_compat`) and the Batch API path
(:mod:`rumourx.providers.openai_batch`) ask and read through the same object.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from textwrap import dedent
from typing import Any, Literal, cast

from instructor import openai_schema
from pydantic import BaseModel, ValidationError

__all__ = ["AnswerError", "Completion", "WireFormat", "answer_text", "wire_format"]

OutputMode = Literal["tools", "json_schema", "json_object"]
Completion = dict[str, Any]


def _json_note(schema: dict[str, Any]) -> str:
    """The ``json_object`` instruction, character for character as instructor writes it."""
    return dedent(
        f"""
            As a genius expert, your task is to understand the content and provide
            the parsed objects in json that match the following json_schema:\n

            {json.dumps(schema, indent=2, ensure_ascii=False)}

            Make sure to return an instance of the JSON, not the schema itself
            """
    )


class AnswerError(Exception):
    """A model answer that is not a valid response (never leaves the providers).

    Attributes:
        kind: ``invalid`` (re-asked with the error), ``cut_off`` (finish_reason
            ``length``) or ``refused`` (the model declined).
    """

    def __init__(self, message: str, kind: Literal["invalid", "cut_off", "refused"]) -> None:
        super().__init__(message)
        self.kind = kind


def _message(completion: Completion) -> dict[str, Any]:
    try:
        message = completion["choices"][0]["message"]
    except (KeyError, IndexError, TypeError) as exc:
        raise AnswerError("the answer has no message", "invalid") from exc
    if not isinstance(message, dict):
        raise AnswerError("the answer has no message", "invalid")
    return message


def answer_text(completion: Completion) -> str:
    """The answer's payload: the first tool call's arguments, else the message content."""
    try:
        message = _message(completion)
    except AnswerError:
        return ""
    calls = message.get("tool_calls") or []
    if calls:
        arguments = (calls[0].get("function") or {}).get("arguments")
        return arguments if isinstance(arguments, str) else json.dumps(arguments)
    return str(message.get("content") or "")


@dataclass(frozen=True, eq=False)
class WireFormat:
    """One response model in one output mode, ready to ask for and read back.

    Attributes:
        model: The pydantic response model.
        mode: ``tools``, ``json_schema`` or ``json_object``.
        fields: Request fields that ask for the model (``tools`` and
            ``tool_choice``, or ``response_format``). Shared: never mutate.
        note: Text appended to the system message (``json_object`` mode only).
    """

    model: type[BaseModel]
    mode: OutputMode
    fields: dict[str, Any]
    note: str | None = None

    @property
    def name(self) -> str:
        """The tool (or schema) name the model answers with."""
        return self.model.__name__

    def messages(self, messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The request's messages, with the schema note where this mode needs one."""
        if self.note is None:
            return list(messages)
        if messages and messages[0].get("role") == "system":
            first = {**messages[0], "content": f"{messages[0]['content']}\n\n{self.note}"}
            return [first, *messages[1:]]
        return [{"role": "system", "content": self.note}, *messages]

    def read(
        self,
        completion: Completion,
        context: dict[str, Any] | None = None,
        *,
        lenient: bool = False,
    ) -> BaseModel:
        """Validate the answer as the response model, with ``context`` for its validators.

        Args:
            completion: The chat completion, as the endpoint sent it.
            context: Validation context for the model's validators.
            lenient: Take lax types and a JSON answer in the message content (the
                Batch API path, which cannot re-ask). Live calls validate strictly,
                as instructor does.

        Raises:
            AnswerError: The answer was cut off, refused, or does not validate
                (its ``__cause__`` is the pydantic error).
        """
        message = _message(completion)
        if completion["choices"][0].get("finish_reason") == "length":
            raise AnswerError("output was cut off (finish_reason length)", "cut_off")
        if message.get("refusal"):
            raise AnswerError(f"the model refused: {message['refusal']}", "refused")
        if self.mode == "tools" and not message.get("tool_calls") and not lenient:
            raise AnswerError("No tool calls or function call found in response", "invalid")
        try:
            return self.model.model_validate_json(
                answer_text(completion), context=context, strict=not lenient
            )
        except ValidationError as exc:
            raise AnswerError(str(exc), "invalid") from exc

    def reask(self, completion: Completion, error: AnswerError) -> list[dict[str, Any]]:
        """Messages that show the model its answer and the validation error (as instructor)."""
        try:
            message = _message(completion)
        except AnswerError:
            message = {"role": "assistant", "content": ""}
        assistant: dict[str, Any] = {
            "role": message.get("role") or "assistant",
            "content": message.get("content") or "",
        }
        calls = message.get("tool_calls") or []
        if self.mode != "tools":
            fix = f"Correct your JSON ONLY RESPONSE, based on the following errors:\n{error}"
            return [assistant, {"role": "user", "content": fix}]
        fix = f"Validation Error found:\n{error}\nRecall the function correctly, fix the errors"
        if not calls:
            return [assistant, {"role": "user", "content": fix}]
        assistant["tool_calls"] = calls
        return [
            assistant,
            *(
                {
                    "role": "tool",
                    "tool_call_id": call.get("id"),
                    "name": (call.get("function") or {}).get("name"),
                    "content": fix,
                }
                for call in calls
            ),
        ]


@lru_cache(maxsize=64)
def wire_format(model: type[BaseModel], mode: OutputMode) -> WireFormat:
    """The wire format of ``model`` in ``mode``, built once per process."""
    if mode == "tools":
        function: dict[str, Any] = dict(cast(Any, openai_schema(model)).openai_schema)
        function["name"] = model.__name__
        return WireFormat(
            model,
            mode,
            {
                "tools": [{"type": "function", "function": function}],
                "tool_choice": {"type": "function", "function": {"name": model.__name__}},
            },
        )
    schema = model.model_json_schema()
    if mode == "json_schema":
        response_format = {
            "type": "json_schema",
            "json_schema": {"name": model.__name__, "schema": schema},
        }
        return WireFormat(model, mode, {"response_format": response_format})
    return WireFormat(model, mode, {"response_format": {"type": "json_object"}}, _json_note(schema))
