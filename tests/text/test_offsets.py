from hypothesis import given
from hypothesis import strategies as st

from rumourx.text.offsets import MapBuilder, OffsetMap


def test_identity_maps_every_span_to_itself() -> None:
    mapping = OffsetMap.identity(10)
    assert mapping.to_origin(2, 7) == (2, 7)
    assert mapping.segments == 1


def test_a_group_maps_each_of_its_characters_to_the_whole_span() -> None:
    # origin "a\r\nb" -> derived "a\nb"
    builder = MapBuilder()
    builder.copy(0, 1)
    builder.group(1, 1, 3)
    builder.copy(3, 1)
    mapping = builder.build(3, 4)
    assert mapping.to_origin(1, 2) == (1, 3)
    assert mapping.to_origin(0, 3) == (0, 4)
    assert mapping.to_origin(2, 3) == (3, 4)


def test_removed_characters_fall_inside_spans_that_cross_them() -> None:
    # origin "ab\u200bcd" -> derived "abcd"
    builder = MapBuilder()
    builder.copy(0, 2)
    builder.copy(3, 2)
    mapping = builder.build(4, 5)
    assert mapping.to_origin(0, 4) == (0, 5)
    assert mapping.to_origin(2, 4) == (3, 5)


def test_an_empty_or_outside_span_is_refused() -> None:
    mapping = OffsetMap.identity(3)
    for start, end in [(1, 1), (2, 1), (0, 4), (-1, 2)]:
        try:
            mapping.to_origin(start, end)
        except ValueError:
            continue
        raise AssertionError(f"[{start}, {end}) was accepted")


@st.composite
def edits(draw: st.DrawFn) -> tuple[str, str, list[tuple[int, int]]]:
    """An origin text and a derived text made by copying, merging and dropping pieces."""
    origin = draw(st.text(alphabet="abcdef", min_size=1, max_size=40))
    derived: list[str] = []
    spans: list[tuple[int, int]] = []  # origin span of each derived character
    position = 0
    while position < len(origin):
        size = draw(st.integers(1, 3))
        piece = origin[position : position + size]
        action = draw(st.sampled_from(["copy", "merge", "drop"]))
        if action == "copy":
            derived.extend(piece)
            spans.extend((position + i, position + i + 1) for i in range(len(piece)))
        elif action == "merge":
            derived.append("X")
            spans.append((position, position + len(piece)))
        position += len(piece)
    return origin, "".join(derived), spans


def _build(spans: list[tuple[int, int]], origin_length: int) -> OffsetMap:
    builder = MapBuilder()
    for start, end in spans:
        builder.group(1, start, end)
    return builder.build(len(spans), origin_length)


@given(edits())
def test_a_span_maps_from_its_first_characters_start_to_its_last_characters_end(
    case: tuple[str, str, list[tuple[int, int]]],
) -> None:
    origin, derived, spans = case
    mapping = _build(spans, len(origin))
    for start in range(len(derived)):
        for end in range(start + 1, len(derived) + 1):
            assert mapping.to_origin(start, end) == (spans[start][0], spans[end - 1][1])


@given(edits(), edits())
def test_composed_maps_equal_mapping_twice(
    inner_case: tuple[str, str, list[tuple[int, int]]],
    outer_case: tuple[str, str, list[tuple[int, int]]],
) -> None:
    outer_origin, middle, outer_spans = outer_case
    if not middle:
        return
    # An inner edit of the middle text: reuse the shape of inner_case over ``middle``.
    _, _, shape = inner_case
    inner_spans = [(min(a, len(middle) - 1), min(max(b, a + 1), len(middle))) for a, b in shape]
    inner_spans = [s for s in inner_spans if s[0] < s[1]]
    inner_spans.sort()
    if not inner_spans:
        return
    inner = _build(inner_spans, len(middle))
    outer = _build(outer_spans, len(outer_origin))
    composed = inner.then(outer)
    for position, (a, b) in enumerate(inner_spans):
        expected = (outer_spans[a][0], outer_spans[b - 1][1])
        assert composed.to_origin(position, position + 1) == expected
