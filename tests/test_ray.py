"""Ray Data integration, on a local Ray (2 CPUs): one output row per input row, always."""

from __future__ import annotations

import json
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from rumourx import ConfigurationError, Settings, extract_many
from rumourx.ray import extract_dataset

from .conftest import OWN_CORPUS, read_jsonl
from .faultserver import FaultServer

# Ray Data's own code touches its deprecated settings when it pickles its context.
pytestmark = pytest.mark.filterwarnings("ignore:.*deprecated.*:DeprecationWarning")

KEY = "sk-test-secret-abcdefghijklmnop0123"
ARTICLE = "Arsenal have made a £30m bid for Lyon midfielder Houssem Aouar, according to Goal."


@pytest.fixture(scope="module")
def ray() -> Iterator[ModuleType]:
    ray = pytest.importorskip(
        "ray", reason="Ray is not installed here: pip install 'rumourx[ray]' (CI installs it)"
    )
    pytest.importorskip("ray.data", reason="Ray Data is not installed: pip install 'rumourx[ray]'")
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        _node_ip_address="127.0.0.1",
        ignore_reinit_error=True,
    )
    ray.data.DataContext.get_current().enable_progress_bars = False
    yield ray
    ray.shutdown()


def _rows(n: int) -> list[dict[str, Any]]:
    """n rows from the project's own articles, with distinct ids and extra columns."""
    own = read_jsonl(OWN_CORPUS / "articles.jsonl")
    rows = [
        {"id": f"r{i}", "text": own[i % len(own)]["text"], "feed": f"f{i % 3}", "n": i}
        for i in range(n)
    ]
    rows[3]["text"] = ""  # fails: empty article
    rows[4]["text"] = "\x00\x01\x02 binary"  # fails: binary text
    return rows


def _answered(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        assert (row["report"] is None) != (row["error"] is None), row["id"]


def test_every_row_gives_one_row_with_its_columns_and_the_reports_of_extract_many(
    ray: ModuleType,
) -> None:
    rows = _rows(300)
    settings = Settings(strategy="rules")
    out = extract_dataset(ray.data.from_items(rows), settings).take_all()
    assert len(out) == len(rows)
    assert Counter(r["id"] for r in out) == Counter(r["id"] for r in rows)
    _answered(out)
    by_id = {r["id"]: r for r in out}
    for row in rows:
        got = by_id[row["id"]]
        assert (got["text"], got["feed"], got["n"]) == (row["text"], row["feed"], row["n"])
    expected = {o.id: o for o in extract_many(rows, settings=settings)}
    for row_id, outcome in expected.items():
        got = by_id[row_id]
        if outcome.report is not None:
            assert got["report"] == outcome.report.model_dump_json()
        else:
            assert outcome.error is not None
            error = {"type": outcome.error.type, "message": outcome.error.message}
            assert json.loads(got["error"]) == error
    assert json.loads(by_id["r3"]["error"])["type"] == "InputError"
    assert sum(r["report"] is not None for r in out) == len(rows) - 2


def test_a_dataset_read_from_a_file_runs_beside_as_many_actors_as_cpus(
    ray: ModuleType, tmp_path: Path
) -> None:
    # With one CPU reserved per actor, 2 actors on 2 CPUs left none for the read
    # tasks and the job never started. Run it on a thread so a hang fails the test.
    source = tmp_path / "articles.jsonl"
    rows = _rows(60)
    source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    dataset = extract_dataset(ray.data.read_json(str(source)), Settings(strategy="rules"))
    done: list[list[dict[str, Any]]] = []
    worker = threading.Thread(target=lambda: done.append(dataset.take_all()), daemon=True)
    worker.start()
    worker.join(timeout=300)
    assert done, "the dataset never finished: the actors took every CPU"
    assert sorted(r["id"] for r in done[0]) == sorted(r["id"] for r in rows)
    _answered(done[0])


def test_a_repeated_id_is_two_rows_and_two_answers(ray: ModuleType) -> None:
    rows = [{"id": "same", "text": ARTICLE}, {"id": "same", "text": f"{ARTICLE} Again."}]
    out = extract_dataset(ray.data.from_items(rows), Settings(strategy="rules")).take_all()
    assert [r["id"] for r in out] == ["same", "same"]
    assert all(r["report"] is not None for r in out)


def test_other_column_names_work(ray: ModuleType) -> None:
    rows = [{"article_id": 7, "body": ARTICLE}]
    out = extract_dataset(
        ray.data.from_items(rows),
        Settings(strategy="rules"),
        text_column="body",
        id_column="article_id",
        concurrency=1,
    ).take_all()
    assert out[0]["article_id"] == 7
    assert json.loads(out[0]["report"])["rumours"][0]["player"] == "Houssem Aouar"


def test_every_row_is_answered_against_a_server_failing_30_percent_of_calls(
    ray: ModuleType, loopback: None
) -> None:
    rates = {"429": 0.06, "500": 0.06, "503": 0.06, "drop": 0.04, "malformed": 0.04, "schema": 0.04}
    rows = [{"id": f"a{i}", "text": f"{ARTICLE} Note {i}.", "feed": "x"} for i in range(200)]
    with FaultServer(rates) as server:
        settings = Settings(
            strategy="llm",
            base_url=server.url,
            api_key=KEY,
            model="fault-model",
            timeout=2,
            max_retry_seconds=10,
        )
        out = extract_dataset(ray.data.from_items(rows), settings).take_all()
        faults = sum(f != "ok" for f in server.faults)
    assert len(out) == 200 and sorted(r["id"] for r in out) == sorted(r["id"] for r in rows)
    _answered(out)
    assert all(r["feed"] == "x" for r in out)
    assert sum(r["report"] is not None for r in out) > 160, "retries rescue most rows"
    assert faults > 40, "the faults really happened"
    failed = [json.loads(r["error"]) for r in out if r["error"] is not None]
    assert all(e["type"] in ("ProviderError", "ExtractionError") for e in failed)
    assert all(KEY not in (r["error"] or "") for r in out)


def test_without_ray_the_error_says_which_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray.data", None)
    with pytest.raises(ConfigurationError, match=r"rumourx\[ray\]"):
        extract_dataset(object(), Settings(strategy="rules"))  # type: ignore[arg-type]
