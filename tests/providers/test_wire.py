"""The wire format: built once per process, sent as instructor would, validated with context."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx2
import instructor
import pytest
from pydantic import BaseModel, ValidationInfo, field_validator

from rumourx import ExtractionError, ModelRequest
from rumourx.providers import wire
from rumourx.providers.wire import AnswerError, wire_format

from .fakes import FakeEndpoint, model_for, ok


class Named(BaseModel):
    """A player the context's article names."""

    player: str

    @field_validator("player")
    @classmethod
    def _in_article(cls, value: str, info: ValidationInfo) -> str:
        article = (info.context or {}).get("article", "")
        if value not in article:
            raise ValueError(f"the article never names {value!r}")
        return value


ARTICLE = "Juventus want Sergio Ramos."
REQUEST = ModelRequest(
    messages=[
        {"role": "system", "content": "Find the player."},
        {"role": "user", "content": ARTICLE},
    ],
    response_model=Named,
    context={"article": ARTICLE},
)


def _bodies(endpoint: FakeEndpoint) -> list[dict[str, Any]]:
    return [json.loads(request.content) for request in endpoint.requests]


def test_the_tool_definition_is_instructors_and_is_built_once_per_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built: list[type[BaseModel]] = []

    def counting(model: type[BaseModel]) -> Any:
        built.append(model)
        return instructor.openai_schema(model)

    wire_format.cache_clear()
    monkeypatch.setattr(wire, "openai_schema", counting)
    endpoint = FakeEndpoint(ok({"player": "Sergio Ramos"}))
    model = model_for(endpoint)
    for _ in range(3):
        model.complete(REQUEST)
    asyncio.run(model.acomplete(REQUEST))
    assert built == [Named]
    sent = _bodies(endpoint)
    expected = instructor.openai_schema(Named).openai_schema
    assert all(body["tools"] == [{"type": "function", "function": expected}] for body in sent)
    assert sent[0]["tool_choice"] == {"type": "function", "function": {"name": "Named"}}
    assert sent[0]["messages"] == REQUEST.messages
    wire_format.cache_clear()


def test_an_answer_failing_a_context_validator_is_re_asked_with_the_error() -> None:
    endpoint = FakeEndpoint(ok({"player": "Kylian Mbappe"}), ok({"player": "Sergio Ramos"}))
    response = model_for(endpoint, max_reasks=1).complete(REQUEST)
    assert response.output.player == "Sergio Ramos"
    assert response.usage.calls == 2
    first, second = _bodies(endpoint)
    assert second["messages"][: len(first["messages"])] == first["messages"]
    assistant, tool = second["messages"][len(first["messages"]) :]
    assert assistant["role"] == "assistant"
    assert json.loads(assistant["tool_calls"][0]["function"]["arguments"]) == {
        "player": "Kylian Mbappe"
    }
    assert tool["role"] == "tool" and tool["tool_call_id"] == "call_1" and tool["name"] == "Named"
    assert "Validation Error found" in tool["content"]
    assert "the article never names 'Kylian Mbappe'" in tool["content"]


def test_the_async_path_re_asks_the_same_way() -> None:
    endpoint = FakeEndpoint(ok({"player": "Kylian Mbappe"}), ok({"player": "Sergio Ramos"}))
    response = asyncio.run(model_for(endpoint, max_reasks=1).acomplete(REQUEST))
    assert response.output.player == "Sergio Ramos"
    assert len(endpoint.requests) == 2
    assert _bodies(endpoint)[1]["messages"][-1]["role"] == "tool"


def test_re_asks_stop_at_max_reasks_with_the_last_error_and_raw_output() -> None:
    endpoint = FakeEndpoint(ok({"player": "Kylian Mbappe"}))
    with pytest.raises(ExtractionError) as caught:
        model_for(endpoint, max_reasks=2).complete(REQUEST)
    assert len(endpoint.requests) == 3
    assert "never validated after 3 call(s)" in str(caught.value)
    assert "Kylian Mbappe" in caught.value.raw_output
    assert caught.value.usage is not None and caught.value.usage.calls == 3


def test_an_answer_without_a_tool_call_is_re_asked_in_a_user_message() -> None:
    def plain(request: httpx2.Request, body: dict[str, Any]) -> httpx2.Response:
        completion = json.loads(ok({"player": "x"})(request, body).content)
        completion["choices"][0]["message"] = {"role": "assistant", "content": "Sergio Ramos"}
        return httpx2.Response(200, json=completion)

    endpoint = FakeEndpoint(plain, ok({"player": "Sergio Ramos"}))
    assert model_for(endpoint).complete(REQUEST).output.player == "Sergio Ramos"
    fix = _bodies(endpoint)[1]["messages"][-1]
    assert fix["role"] == "user" and "No tool calls" in fix["content"]


def test_a_refusal_is_not_re_asked() -> None:
    def refuse(request: httpx2.Request, body: dict[str, Any]) -> httpx2.Response:
        completion = json.loads(ok({"player": "x"})(request, body).content)
        completion["choices"][0]["message"]["refusal"] = "I cannot help with that"
        return httpx2.Response(200, json=completion)

    endpoint = FakeEndpoint(refuse)
    with pytest.raises(ExtractionError, match="refused to answer after 1 call"):
        model_for(endpoint, max_reasks=2).complete(REQUEST)
    assert len(endpoint.requests) == 1


def test_a_completion_that_is_json_but_not_a_completion_is_retried_as_malformed() -> None:
    endpoint = FakeEndpoint(
        lambda request, body: httpx2.Response(200, json={"unexpected": True}),
        ok({"player": "Sergio Ramos"}),
    )
    assert model_for(endpoint).complete(REQUEST).output.player == "Sergio Ramos"
    assert len(endpoint.requests) == 2


def test_extra_body_reaches_the_request() -> None:
    endpoint = FakeEndpoint(ok({"player": "Sergio Ramos"}))
    model_for(endpoint, extra_body={"repeat_penalty": 1.1}).complete(REQUEST)
    body = _bodies(endpoint)[0]
    assert body["repeat_penalty"] == 1.1 and body["model"] == "fake-model"


def test_json_schema_mode_asks_for_a_response_format_and_reads_the_content() -> None:
    def content(request: httpx2.Request, body: dict[str, Any]) -> httpx2.Response:
        completion = json.loads(
            ok({"player": "x"})(
                request, body | {"tools": [{"function": {"name": "Named"}}]}
            ).content
        )
        completion["choices"][0]["message"] = {
            "role": "assistant",
            "content": '{"player": "Sergio Ramos"}',
        }
        return httpx2.Response(200, json=completion)

    endpoint = FakeEndpoint(content)
    response = model_for(endpoint, output_mode="json_schema").complete(REQUEST)
    assert response.output.player == "Sergio Ramos"
    body = _bodies(endpoint)[0]
    assert "tools" not in body
    assert body["response_format"]["json_schema"] == {
        "name": "Named",
        "schema": Named.model_json_schema(),
    }


def test_json_object_mode_appends_the_schema_to_the_system_message() -> None:
    fmt = wire_format(Named, "json_object")
    messages = fmt.messages(REQUEST.messages)
    assert messages[0]["content"].startswith("Find the player.\n\n")
    assert '"player"' in messages[0]["content"]
    assert fmt.messages([{"role": "user", "content": "x"}])[0]["role"] == "system"
    assert REQUEST.messages[0]["content"] == "Find the player."  # the request is not mutated


def test_a_cut_off_answer_is_an_answer_error_of_its_kind() -> None:
    completion = {
        "choices": [
            {
                "finish_reason": "length",
                "message": {"role": "assistant", "tool_calls": [{"function": {"arguments": "{"}}]},
            }
        ]
    }
    with pytest.raises(AnswerError) as caught:
        wire_format(Named, "tools").read(completion, {"article": ARTICLE})
    assert caught.value.kind == "cut_off"


def test_messages_are_sent_as_written_never_rendered_as_templates() -> None:
    # instructor renders every message as a Jinja template when a context is given:
    # an article with "{{" or "{%" was evaluated (or failed) before it reached the model.
    article = "Juventus want Sergio Ramos {{ 2 + 2 }} {% if x %}"
    request = ModelRequest(
        messages=[{"role": "user", "content": article}],
        response_model=Named,
        context={"article": article},
    )
    endpoint = FakeEndpoint(ok({"player": "Sergio Ramos"}))
    model_for(endpoint).complete(request)
    assert _bodies(endpoint)[0]["messages"][0]["content"] == article


@pytest.mark.parametrize(
    ("mode", "instructor_mode"),
    [("tools", "TOOLS"), ("json_schema", "JSON_SCHEMA"), ("json_object", "JSON")],
)
@pytest.mark.parametrize("with_system", [True, False])
def test_the_request_fields_and_messages_are_what_instructor_builds(
    mode: str, instructor_mode: str, with_system: bool
) -> None:
    try:
        from instructor.v2.core.providers import Provider
        from instructor.v2.core.registry import mode_registry
        from instructor.v2.core.response_model import prepare_response_model
    except ImportError as exc:  # instructor moved its internals: nothing to compare against
        pytest.skip(f"instructor's request handlers are not where 1.17 keeps them: {exc}")
    messages = REQUEST.messages if with_system else REQUEST.messages[1:]
    handlers = mode_registry.get_handlers(
        Provider.OPENAI, getattr(instructor.Mode, instructor_mode)
    )
    _, theirs = handlers.request_handler(
        response_model=prepare_response_model(Named), kwargs={"messages": messages}
    )
    fmt = wire_format(Named, mode)  # type: ignore[arg-type]
    assert {**fmt.fields, "messages": fmt.messages(messages)} == theirs
