from hypothesis import given
from hypothesis import strategies as st

from rumourx import normalise_outlet
from rumourx.knowledge.outlets import outlet_index


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
