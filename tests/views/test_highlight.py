from itertools import pairwise

from rumourx.core.types import Evidence, TransferRumour
from rumourx.views.highlight import Key, Span, place_evidence, segments


def rumour(*passages: tuple[str, int]) -> TransferRumour:
    return TransferRumour(
        player="Ada One",
        evidence=[Evidence(text=t, start=s, end=s + len(t)) for t, s in passages],
    )


def test_segments_cut_at_every_boundary_and_carry_every_covering_move() -> None:
    r0, r1, o0 = Key("rumour", 0), Key("rumour", 1), Key("opinion", 0)
    spans = [Span(r0, 2, 8), Span(r1, 5, 10), Span(o0, 5, 6)]
    pieces = [(s.start, s.end, s.keys) for s in segments(12, spans)]
    assert pieces == [
        (0, 2, ()),
        (2, 5, (r0,)),
        (5, 6, (o0, r0, r1)),
        (6, 8, (r0, r1)),
        (8, 10, (r1,)),
        (10, 12, ()),
    ]


def test_segments_cover_the_whole_text_once() -> None:
    spans = [Span(Key("rumour", i % 3), i * 7 % 50, i * 7 % 50 + 9) for i in range(20)]
    pieces = list(segments(60, spans))
    assert pieces[0].start == 0 and pieces[-1].end == 60
    assert all(a.end == b.start for a, b in pairwise(pieces))
    assert all(p.start < p.end for p in pieces)


def test_the_same_move_twice_over_one_place_is_one_mark() -> None:
    r0 = Key("rumour", 0)
    pieces = list(segments(10, [Span(r0, 0, 6), Span(r0, 3, 10)]))
    assert [(p.start, p.end, p.keys) for p in pieces] == [(0, 3, (r0,)), (3, 6, (r0,)), (6, 10, (r0,))]


def test_no_spans_is_one_plain_segment_and_no_text_is_none() -> None:
    assert [(p.start, p.end, p.keys) for p in segments(5, [])] == [(0, 5, ())]
    assert list(segments(0, [])) == []


def test_evidence_is_placed_at_its_offsets() -> None:
    text = "Intro. Arsenal want Ada One. Outro."
    placement = place_evidence(text, [rumour(("Arsenal want Ada One.", 7))])
    assert placement.spans == [Span(Key("rumour", 0), 7, 28)]
    assert placement.problems == []


def test_evidence_at_wrong_offsets_is_found_in_the_text_and_reported() -> None:
    text = "Intro.\r\nArsenal want Ada One."
    placement = place_evidence(text, [rumour(("Arsenal want Ada One.", 7))])
    assert placement.spans == [Span(Key("rumour", 0), 8, 29)]
    assert "not at characters 7-28" in placement.problems[0]


def test_evidence_missing_from_the_text_is_reported_not_placed() -> None:
    placement = place_evidence("Nothing here.", [], [rumour(("Chelsea want Ada One.", 0))])
    assert placement.spans == []
    assert "opinion move 1 (Ada One) is not in this text" in placement.problems[0]
