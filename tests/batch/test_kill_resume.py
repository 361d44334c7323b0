import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..faultserver import FaultServer

TEXT = (
    "Arsenal have made a £30m bid for Lyon midfielder Houssem Aouar, according to Goal. Item {i}."
)


@pytest.mark.slow
def test_a_batch_killed_mid_run_completes_every_id_exactly_once_on_rerun(
    tmp_path: Path, loopback: None
) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(
        "".join(json.dumps({"id": f"a{i}", "text": TEXT.format(i=i)}) + "\n" for i in range(60))
    )
    with FaultServer(latency=0.05) as server:
        command = [
            sys.executable,
            "-m",
            "rumourx",
            "batch",
            str(source),
            "-o",
            str(out),
            "--no-cache",
            "--strategy",
            "llm",
            "--base-url",
            server.url,
            "--model",
            "fault-model",
            "--concurrency",
            "4",
        ]
        env = {**os.environ, "OPENAI_API_KEY": "sk-test-not-real-0000000000"}
        first = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and (
            not out.exists() or out.read_text().count("\n") < 10
        ):
            time.sleep(0.02)
        first.send_signal(signal.SIGKILL)
        first.wait()
        written = [
            json.loads(line)["id"] for line in out.read_text().splitlines() if line.endswith("}")
        ]
        assert 10 <= len(written) < 60, "the kill should land mid-run"
        # Requests the killed process had in flight may still reach the server: wait
        # until its count settles, so they are not charged to the rerun.
        calls_before, settled = server.calls, time.monotonic()
        while time.monotonic() - settled < 0.5:
            time.sleep(0.05)
            if server.calls != calls_before:
                calls_before, settled = server.calls, time.monotonic()
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
        assert sorted(ids) == sorted(f"a{i}" for i in range(60))
        assert len(ids) == len(set(ids)) == 60
        rerun_calls = server.calls - calls_before
        assert rerun_calls <= 60 - len(written), "finished articles were extracted again"
