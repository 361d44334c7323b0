import difflib
import itertools

from hypothesis import given
from hypothesis import strategies as st

from rumourx import normalise_outlet
from rumourx.knowledge.outlets import OutletIndex, outlet_index


def test_misspelt_outlets_resolve_with_their_tier() -> None:
    outlet = outlet_index().lookup("Diaro Gol")
    assert outlet is not None
    assert (outlet.name, outlet.tier) == ("Diario Gol", 5)
    assert normalise_outlet("Diaro Gol") == "Diario Gol"


def test_journalists_and_outlets_have_tiers() -> None:
    index = outlet_index()
    romano = index.lookup("Fabrizio Romano")
    assert romano is not None and romano.tier == 1 and romano.kind == "journalist"
    assert index.lookup("Tuttomercatoweb") is not None
    assert index.lookup("Lyon") is None


@given(st.text(max_size=30))
def test_a_normalised_outlet_normalises_to_itself(name: str) -> None:
    once = normalise_outlet(name)
    assert normalise_outlet(once) == once


def _difflib_choice(index: OutletIndex, key: str) -> str | None:
    close = difflib.get_close_matches(key, index._fuzzy_keys, n=1, cutoff=0.84)
    return close[0] if close else None


def test_the_fuzzy_lookup_picks_what_difflib_alone_picks() -> None:
    """The C++ prefilter only skips keys difflib would reject: same answer, every time."""
    index = outlet_index()
    keys = index._fuzzy_keys
    queries = [k[:i] + k[i + 1 :] for k in keys for i in (1, len(k) // 2)]  # one letter dropped
    queries += [k[:2] + "x" + k[3:] for k in keys]  # one letter changed
    queries += [f"{a.split()[0]} {b.split()[-1]}" for a, b in itertools.pairwise(keys)]
    queries += ["diaro gol", "sky sprots", "the athletic news", "manchester evening"]
    assert any(_difflib_choice(index, q) for q in queries)  # misspellings are found
    assert any(_difflib_choice(index, q) is None for q in queries)  # and strangers are not
    for query in queries:
        assert index._close(query) == _difflib_choice(index, query), query


@given(st.text(alphabet="abcdeilmnorst ", min_size=7, max_size=24))
def test_the_fuzzy_lookup_agrees_with_difflib_on_any_text(key: str) -> None:
    index = outlet_index()
    assert index._close(key) == _difflib_choice(index, key)


def test_a_looked_up_name_is_remembered_with_its_answer() -> None:
    index = OutletIndex({"Diario Gol": {"tier": 5, "kind": "outlet", "aliases": []}})
    first = index.lookup("Diaro Gol")
    assert first is not None and first.name == "Diario Gol"
    assert index.lookup("Diaro Gol") is first
    assert index.lookup("Lyon") is None and index.lookup("Lyon") is None
