"""A loopback OpenAI-compatible server that injects faults at configurable rates.

Faults: ``429`` (with Retry-After), ``500``, ``503``, ``slow`` (answers after the
client's timeout), ``drop`` (closes the connection without answering), ``malformed``
(200 with broken JSON), ``truncated`` (finish_reason "length"), ``schema`` (an
answer that violates the response schema). Everything else gets a valid tool call
built by ``answer(request_body)``. It listens on 127.0.0.1 only.
"""

from __future__ import annotations

import json
import random
import socket
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

try:
    from .completions import tool_call_completion
except ImportError:  # imported as a top-level module by the benchmarks
    from tests.completions import tool_call_completion

FAULTS = ("429", "500", "503", "slow", "drop", "malformed", "truncated", "schema")

Answer = Callable[[dict[str, Any]], Any]


def empty_answer(body: dict[str, Any]) -> Any:
    name = body["tools"][0]["function"]["name"]
    if name == "LLMExtraction":
        return {"rumours": []}
    if name == "MoveCompletion":
        return {"from_club": None}
    return {}


class LoopbackServer:
    """A threaded HTTP server on a free loopback port; ``url`` is its OpenAI-style base URL."""

    _server: ThreadingHTTPServer | None = None

    def _start(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def __exit__(self, *exc: object) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"


class FaultServer(LoopbackServer):
    """Run with ``with FaultServer(...) as server:``; ``server.url`` is the base URL."""

    def __init__(
        self,
        rates: dict[str, float] | None = None,
        *,
        answer: Answer = empty_answer,
        retry_after: str = "0",
        slow_seconds: float = 3.0,
        latency: float = 0.0,
        seed: int = 7,
    ) -> None:
        self.rates = dict(rates or {})
        self.answer = answer
        self.retry_after = retry_after
        self.slow_seconds = slow_seconds
        self.latency = latency
        self.random = random.Random(seed)
        self.lock = threading.Lock()
        self.requests: list[dict[str, Any]] = []
        self.faults: list[str] = []
        self.schedule: list[str] = []  # faults to serve first, in order, before the rates

    @property
    def calls(self) -> int:
        return len(self.requests)

    def _pick(self) -> str:
        with self.lock:
            if self.schedule:
                return self.schedule.pop(0)
            roll = self.random.random()
            for fault, rate in self.rates.items():
                if roll < rate:
                    return fault
                roll -= rate
            return "ok"

    def __enter__(self) -> FaultServer:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                self._send(
                    200, {"object": "list", "data": [{"id": "fault-model", "object": "model"}]}
                )

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                fault = owner._pick()
                with owner.lock:
                    owner.requests.append(body)
                    owner.faults.append(fault)
                if owner.latency:
                    time.sleep(owner.latency)
                if fault == "429":
                    self._send(
                        429,
                        {"error": {"message": "rate limited"}},
                        {"retry-after": owner.retry_after},
                    )
                elif fault in ("500", "503"):
                    self._send(int(fault), {"error": {"message": f"server error {fault}"}})
                elif fault == "slow":
                    time.sleep(owner.slow_seconds)
                    self._send(200, self._completion(body, owner.answer(body)))
                elif fault == "drop":
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.connection.close()
                    self.close_connection = True
                elif fault == "malformed":
                    self._raw(200, b'{"id": "x", "choices": [ {"message": ')
                elif fault == "truncated":
                    completion = self._completion(body, '{"rumours": [{"player": "Ser')
                    completion["choices"][0]["finish_reason"] = "length"
                    self._send(200, completion)
                elif fault == "schema":
                    self._send(
                        200, self._completion(body, {"rumours": "not a list", "from_club": 12})
                    )
                else:
                    self._send(200, self._completion(body, owner.answer(body)))

            def _completion(self, body: dict[str, Any], arguments: Any) -> dict[str, Any]:
                return tool_call_completion(body, arguments)

            def _send(
                self, status: int, payload: Any, headers: dict[str, str] | None = None
            ) -> None:
                self._raw(status, json.dumps(payload).encode(), headers)

            def _raw(self, status: int, data: bytes, headers: dict[str, str] | None = None) -> None:
                try:
                    self.send_response(status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(data)))
                    for key, value in (headers or {}).items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self._start(Handler)
        return self
