import json
from pathlib import Path

from rumourx.batch.admission import InvalidItem
from rumourx.batch.files import read_input
from rumourx.batch.outcomes import input_hash
from rumourx.batch.resume import Done, OutputIndex, plan_resume

TEXT = "Arsenal agreed a £30m fee with Lyon for Houssem Aouar."


def _index(**done: Done) -> OutputIndex:
    return OutputIndex(ids=dict(done))


def test_resume_skips_unchanged_ids_and_redoes_changed_ones(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(
            json.dumps(row) + "\n"
            for row in [
                {"id": "same", "text": TEXT},
                {"id": "changed", "text": TEXT + " Updated."},
                {"id": "failed", "text": TEXT},
                {"id": "new", "text": TEXT},
                {"id": "same", "text": "a repeat"},
            ]
        )
    )
    digest = input_hash(TEXT)
    index = _index(
        same=Done(report=True, primary=True, input_hash=digest),
        changed=Done(report=True, primary=True, input_hash=digest),
        failed=Done(report=False, primary=True, input_hash=digest),
        gone=Done(report=True, primary=True, input_hash=digest),
    )
    plan = plan_resume(source, index)
    assert (plan.total, plan.skipped, plan.changed, plan.retried) == (5, 3, 1, 0)
    assert plan.skip_ids == {"same", "failed"} and plan.drop_ids == {"changed"}
    retry = plan_resume(source, index, retry_failed=True)
    assert (retry.skipped, retry.changed, retry.retried) == (2, 1, 1)
    assert retry.drop_ids == {"changed", "failed"}


def test_a_changed_publisher_is_a_changed_input(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": TEXT, "publisher": "BBC Sport"}) + "\n")
    index = _index(a=Done(report=True, primary=True, input_hash=input_hash(TEXT)))
    assert plan_resume(source, index).drop_ids == {"a"}


def test_lines_without_a_recorded_hash_are_trusted(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n")
    plan = plan_resume(source, _index(a=Done(report=True, primary=True)))
    assert plan.skip_ids == {"a"} and plan.changed == 0


def test_unreadable_lines_are_known_by_number_and_content(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("not json\nstill not json\n")
    [first, second] = list(read_input(source))
    assert isinstance(first, InvalidItem) and isinstance(second, InvalidItem)
    index = OutputIndex(invalid={1: first.input_hash, 2: "an older line 2"})
    plan = plan_resume(source, index)
    assert plan.skip_lines == {1} and plan.drop_lines == {2} and plan.changed == 1
    assert plan_resume(source, index, retry_failed=True).drop_lines == {1, 2}


def test_an_id_with_only_a_duplicates_error_line_runs_again(tmp_path: Path) -> None:
    from rumourx.batch.outcomes import BatchError, BatchOutcome
    from rumourx.batch.resume import read_index

    out, source = tmp_path / "out.jsonl", tmp_path / "in.jsonl"
    duplicate = BatchOutcome("a", error=BatchError("DuplicateIdError", "again"), input_hash="h")
    out.write_text(duplicate.to_json() + "\n")  # killed before the first "a" was written
    source.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n")
    plan = plan_resume(source, read_index(out))
    assert plan.drop_ids == {"a"} and plan.skip_ids == set() and plan.changed == 0
