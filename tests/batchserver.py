"""A loopback fake of OpenAI's Files and Batches API, written from the documented contract.

What it follows (the API reference for files and batches, and the batch guide):

- ``POST /v1/files`` (multipart: ``purpose``, ``file``) stores a file and returns a
  file object; ``GET /v1/files?purpose=`` lists them, newest first;
  ``GET /v1/files/{id}/content`` returns the bytes.
- ``POST /v1/batches`` (``input_file_id``, ``endpoint``, ``completion_window``,
  ``metadata``) creates a batch in ``validating``; ``GET /v1/batches/{id}`` moves it
  through ``in_progress`` to a final status; ``GET /v1/batches`` lists batches,
  newest first, with their metadata.
- Final statuses: ``completed``; ``expired`` (requests not run by the end of the
  window get ``batch_expired`` in the error file; the answered ones are in the output
  file and billed); ``cancelled`` (the same with ``batch_cancelled``); ``failed``
  (input rejected: ``errors.data``, no files).
- Result lines: ``{"id", "custom_id", "response": {"status_code", "request_id",
  "body"} | null, "error": {"code", "message"} | null}``; answers go to the output
  file, failed requests to the error file.

Hooks let a test act at a step: ``on["upload"]`` runs after a file is stored and
before the answer is sent (kill the client there, or ``drop`` the connection).
"""

from __future__ import annotations

import email.parser
import itertools
import json
import socket
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlparse

from tests.faultserver import LoopbackServer

try:
    from .completions import tool_call_completion
except ImportError:  # imported as a top-level module
    from tests.completions import tool_call_completion

Answer = Callable[[dict[str, Any]], Any]
DROP = "drop"  # a hook returning this closes the connection without an answer


class BatchServer(LoopbackServer):
    """Run with ``with BatchServer(answer) as api:``; ``api.url`` is the base URL.

    Args:
        answer: The tool arguments for one request body.
        final: The status a batch ends in.
        answered: How many requests get an answer before an expired or
            cancelled batch ends (all of them when None).
        failing: Custom ids whose request fails with HTTP 500 inside the batch.
        polls: ``in_progress`` polls before the batch ends.
    """

    def __init__(
        self,
        answer: Answer,
        *,
        final: str = "completed",
        answered: int | None = None,
        failing: frozenset[str] = frozenset(),
        polls: int = 2,
    ) -> None:
        self.answer = answer
        self.final = final
        self.answered = answered
        self.failing = failing
        self.polls = polls
        self.on: dict[str, Callable[[], str | None]] = {}
        self.lock = threading.Lock()
        self.files: dict[str, dict[str, Any]] = {}
        self.contents: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.requests: list[str] = []
        self._ids = itertools.count(1)

    # What the provider did, for assertions.
    @property
    def uploads(self) -> list[dict[str, Any]]:
        return [f for f in self.files.values() if f["purpose"] == "batch"]

    def uploaded_lines(self, index: int = -1) -> list[dict[str, Any]]:
        file_id = self.uploads[index]["id"]
        return [json.loads(line) for line in self.contents[file_id].decode().splitlines() if line]

    def _new_id(self, prefix: str) -> str:
        return f"{prefix}-{next(self._ids)}"

    def _store(self, name: str, data: bytes, purpose: str) -> dict[str, Any]:
        file_id = self._new_id("file")
        record = {
            "id": file_id,
            "object": "file",
            "bytes": len(data),
            "created_at": next(self._ids),
            "filename": name,
            "purpose": purpose,
            "status": "processed",
        }
        self.files[file_id] = record
        self.contents[file_id] = data
        return record

    def _create_batch(self, body: dict[str, Any]) -> dict[str, Any]:
        batch = {
            "id": self._new_id("batch"),
            "object": "batch",
            "endpoint": body["endpoint"],
            "input_file_id": body["input_file_id"],
            "completion_window": body["completion_window"],
            "status": "validating",
            "created_at": next(self._ids),
            "output_file_id": None,
            "error_file_id": None,
            "errors": None,
            "metadata": body.get("metadata"),
            "request_counts": {"total": 0, "completed": 0, "failed": 0},
            "_polls": 0,
        }
        self.batches[batch["id"]] = batch
        return batch

    def _advance(self, batch: dict[str, Any]) -> None:
        if batch["status"] in ("completed", "expired", "cancelled", "failed"):
            return
        batch["_polls"] += 1
        if batch["_polls"] <= self.polls:
            batch["status"] = "in_progress"
            return
        batch["status"] = self.final
        if self.final == "failed":
            batch["errors"] = {
                "object": "list",
                "data": [{"code": "invalid_request", "message": "the input file is invalid"}],
            }
            return
        lines = [
            json.loads(line)
            for line in self.contents[batch["input_file_id"]].decode().splitlines()
            if line.strip()
        ]
        run = len(lines) if self.answered is None else self.answered
        output, errors = [], []
        for number, line in enumerate(lines):
            row: dict[str, Any] = {"id": f"batch_req_{number}", "custom_id": line["custom_id"]}
            if number >= run:
                code = "batch_expired" if self.final == "expired" else "batch_cancelled"
                row |= {"response": None, "error": {"code": code, "message": f"not run: {code}"}}
                errors.append(row)
            elif line["custom_id"] in self.failing:
                failed = {"error": {"message": "server error", "type": "server_error"}}
                row |= {"response": {"status_code": 500, "body": failed}, "error": None}
                errors.append(row)
            else:
                completion = tool_call_completion(
                    line["body"], self.answer(line["body"]), usage=(1000, 100)
                )
                row |= {"response": {"status_code": 200, "body": completion}, "error": None}
                output.append(row)
        for rows, key in ((output, "output_file_id"), (errors, "error_file_id")):
            if rows:
                text = "".join(json.dumps(r) + "\n" for r in rows).encode()
                batch[key] = self._store(f"{key}.jsonl", text, "batch_output")["id"]
        batch["request_counts"] = {
            "total": len(lines),
            "completed": len(output),
            "failed": len(errors),
        }

    def _public(self, batch: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in batch.items() if not k.startswith("_")}

    def _listing(self, items: list[dict[str, Any]], query: dict[str, list[str]]) -> dict[str, Any]:
        items = sorted(items, key=lambda item: item["created_at"], reverse=True)
        if "after" in query:
            ids = [item["id"] for item in items]
            after = query["after"][0]
            items = items[ids.index(after) + 1 :] if after in ids else []
        limit = int(query.get("limit", ["20"])[0])
        page = items[:limit]
        return {
            "object": "list",
            "data": page,
            "first_id": page[0]["id"] if page else None,
            "last_id": page[-1]["id"] if page else None,
            "has_more": len(items) > limit,
        }

    def route(self, method: str, path: str, query: dict[str, list[str]], headers: Any, body: bytes):
        """(status, JSON or bytes, hook name) for one request."""
        with self.lock:
            self.requests.append(f"{method} {path}")
            parts = path.removeprefix("/v1/").split("/")
            if method == "POST" and parts == ["files"]:
                form = _multipart(headers["content-type"], body)
                name, data = form["file"]
                return 200, self._store(name, data, form["purpose"][1].decode()), "upload"
            if method == "GET" and parts == ["files"]:
                wanted = query.get("purpose", [None])[0]
                files = [f for f in self.files.values() if wanted in (None, f["purpose"])]
                return 200, self._listing(files, query), "list_files"
            if (
                method == "GET"
                and len(parts) == 3
                and parts[0] == "files"
                and parts[2] == "content"
            ):
                if parts[1] not in self.contents:
                    return 404, {"error": {"message": "no such file"}}, None
                return 200, self.contents[parts[1]], "download"
            if method == "POST" and parts == ["batches"]:
                created = self._create_batch(json.loads(body))
                return 200, self._public(created), "create"
            if method == "GET" and parts == ["batches"]:
                batches = [self._public(b) for b in self.batches.values()]
                return 200, self._listing(batches, query), "list_batches"
            if method == "GET" and len(parts) == 2 and parts[0] == "batches":
                batch = self.batches.get(parts[1])
                if batch is None:
                    return 404, {"error": {"message": "no such batch"}}, None
                self._advance(batch)
                return 200, self._public(batch), "poll"
            return 404, {"error": {"message": f"no route {method} {path}"}}, None

    def __enter__(self) -> BatchServer:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _handle(self, method: str) -> None:
                url = urlparse(self.path)
                length = int(self.headers.get("content-length", 0))
                body = self.rfile.read(length) if length else b""
                status, payload, hook = owner.route(
                    method, url.path, parse_qs(url.query), self.headers, body
                )
                action = owner.on.get(hook or "")
                if action is not None and action() == DROP:
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True
                    return
                data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
                kind = (
                    "application/octet-stream" if isinstance(payload, bytes) else "application/json"
                )
                try:
                    self.send_response(status)
                    self.send_header("content-type", kind)
                    self.send_header("content-length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass

            def do_GET(self) -> None:
                self._handle("GET")

            def do_POST(self) -> None:
                self._handle("POST")

        self._start(Handler)
        return self


def _multipart(content_type: str, body: bytes) -> dict[str, tuple[str, bytes]]:
    """Form fields of a multipart body: name -> (file name or "", bytes)."""
    message = email.parser.BytesParser().parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    fields: dict[str, tuple[str, bytes]] = {}
    for part in message.get_payload():  # type: ignore[union-attr]
        name = part.get_param("name", header="content-disposition")
        fields[str(name)] = (part.get_filename() or "", part.get_payload(decode=True) or b"")
    return fields
