"""A kill at each paid step of ``rumourx batch --provider-batch``, then a rerun: nothing paid twice.

The CLI runs in a subprocess against the loopback fake of the Files and Batches API.
The fake does the step (stores the upload, creates the batch, ...), then kills the
client with SIGKILL before it answers: the client never learns the id it paid for.
The rerun must find that work: one upload and one batch in all, every article
answered once.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ..batchserver import BatchServer
from .test_provider import ANSWER, TEXT

KEY = "sk-test-not-real-000000"


def _cli(source: Path, out: Path, url: str) -> subprocess.Popen[str]:
    args = [sys.executable, "-m", "rumourx", "batch", str(source), "-o", str(out)]
    args += ["--provider-batch", "--strategy", "llm", "--base-url", url, "--model", "gpt-4o-mini"]
    args += ["--poll-interval", "0", "--no-cache"]
    env = {"PATH": "/usr/bin:/bin", "OPENAI_API_KEY": KEY}
    return subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


@pytest.mark.slow
@pytest.mark.parametrize("step", ["upload", "create", "poll", "download"])
def test_a_kill_at_each_paid_step_then_a_rerun_creates_no_second_upload_or_batch(
    loopback: None, tmp_path: Path, step: str
) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    rows = [{"id": f"a{i}", "text": f"{TEXT} Note {i}."} for i in range(6)]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows))
    running: list[subprocess.Popen[str]] = []

    def kill() -> None:
        process = running[0]
        process.kill()
        process.wait(timeout=30)

    with BatchServer(lambda body: ANSWER, polls=1) as api:
        api.on[step] = kill
        running.append(_cli(source, out, api.url))
        running[0].communicate(timeout=120)
        assert running[0].returncode == -9, "the kill happened at the step"
        assert (tmp_path / "out.jsonl.batch.json").exists(), "state was saved before the step"
        del api.on[step]
        rerun = _cli(source, out, api.url)
        stdout, stderr = rerun.communicate(timeout=120)
        assert rerun.returncode == 0, stderr
        uploads, batches = len(api.uploads), len(api.batches)
    assert (uploads, batches) == (1, 1), f"paid twice after a kill at {step}"
    written: list[dict[str, Any]] = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(r["id"] for r in written) == sorted(r["id"] for r in rows)
    assert all("report" in r for r in written)
    assert not (tmp_path / "out.jsonl.batch.json").exists()
    assert "6 done" in stdout
