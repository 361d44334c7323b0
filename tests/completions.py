"""Chat-completion bodies, as an OpenAI-compatible server returns them, for test doubles."""

from __future__ import annotations

import json
from typing import Any


def tool_call_completion(
    request_body: dict[str, Any],
    arguments: Any,
    *,
    usage: tuple[int, int] = (100, 10),
    finish_reason: str = "tool_calls",
) -> dict[str, Any]:
    """A completion that calls the tool the request asked for with ``arguments``."""
    name = request_body["tools"][0]["function"]["name"]
    text = arguments if isinstance(arguments, str) else json.dumps(arguments)
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": request_body.get("model", "test-model"),
        "choices": [
            {
                "index": 0,
                "finish_reason": finish_reason,
                "message": {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {
                            "id": "call_1",
                            "type": "function",
                            "function": {"name": name, "arguments": text},
                        }
                    ],
                },
            }
        ],
        "usage": {
            "prompt_tokens": usage[0],
            "completion_tokens": usage[1],
            "total_tokens": sum(usage),
        },
    }
