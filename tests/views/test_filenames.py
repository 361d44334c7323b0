"""Evidence-view file names: safe for any id, stable, never shared by two ids."""

import re

from hypothesis import given
from hypothesis import strategies as st

from rumourx.views.filenames import evidence_view_name

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,47}-[0-9a-f]{12}\.html")
IDS = st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=300)


def test_readable_ids_stay_readable() -> None:
    assert evidence_view_name("s1").startswith("s1-")
    assert evidence_view_name("bbc-2021-06-01.42").startswith("bbc-2021-06-01.42-")
    assert evidence_view_name("Mbappé à Madrid").startswith("Mbappe-a-Madrid-")
    assert evidence_view_name("日本").startswith("article-")
    assert evidence_view_name("../../etc/passwd").startswith("etc-passwd-")
    assert evidence_view_name(".hidden").startswith("hidden-")


def test_the_name_depends_on_the_id_alone() -> None:
    assert evidence_view_name("s1") == evidence_view_name("s1")
    # sha256("s1")'s first 12 hex digits: the same on every machine and run.
    assert evidence_view_name("s1") == "s1-e8bc163c82ee.html"


@given(IDS)
def test_any_id_gives_a_safe_name(article_id: str) -> None:
    name = evidence_view_name(article_id)
    assert NAME.fullmatch(name), name
    assert "/" not in name and "\\" not in name and not name.startswith(".")


@given(IDS, IDS)
def test_two_ids_never_share_a_name(a: str, b: str) -> None:
    if a != b:
        # The hash part differs, so the names differ even on a case-insensitive disk.
        assert evidence_view_name(a)[-17:].lower() != evidence_view_name(b)[-17:].lower()


def test_ids_that_differ_in_case_or_punctuation_only_get_different_files() -> None:
    names = {evidence_view_name(i) for i in ("A", "a", "a/b", "a b", "a-b", "a?b")}
    assert len({n.lower() for n in names}) == 6
