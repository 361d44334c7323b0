"""Reports and articles the view tests share, all written by this project.

``HOSTILE`` is an article of our own that carries every way we know to make a page
run or load something: if any of it is not escaped, ``window.__rumourxPwned`` is set
or a request is made.
"""

from __future__ import annotations

from collections import defaultdict
from html.parser import HTMLParser
from typing import Any

from rumourx.core.types import Evidence, Fee, RumourReport, Status, TransferRumour, TransferType

SENTINEL = "__rumourxPwned"

ATTACKS = [
    f"<script>window.{SENTINEL} = 'script'</script>",
    f"<img src=x onerror=\"window.{SENTINEL}='img'\">",
    f"<svg onload=\"window.{SENTINEL}='svg'\"></svg>",
    f"<iframe src=\"javascript:parent.{SENTINEL}='iframe'\"></iframe>",
    f"<a href=\"javascript:window.{SENTINEL}='link'\">read more</a>",
    f"javascript:window.{SENTINEL}='bare'",
    f"</div></mark></section><script>window.{SENTINEL}='breakout'</script>",
    "<style>@import url('http://127.0.0.1:9/x.css'); body{background:url(http://127.0.0.1:9/b.png)}</style>",
    "<link rel=\"stylesheet\" href=\"http://127.0.0.1:9/y.css\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=http://127.0.0.1:9/\">",
    "<base href=\"http://127.0.0.1:9/\">",
    f"\"><img src=x onerror=window.{SENTINEL}='attribute'>",
    "<!-- not a comment --> ]]> &lt;already escaped&gt; &amp; &#x3C;script&#x3E;",
]

HOSTILE = (
    "Arsenal have agreed a £40m fee with Lyon for midfielder Theo Marchand, Sky Sports reports. "
    + " ".join(ATTACKS[:6])
    + "\n\nChelsea have made a £25m bid for Brighton winger Sam Okoro. "
    + " ".join(ATTACKS[6:])
    + "\n\nThe Times says Marchand has already passed a medical.\n"
)


def _evidence(text: str, passage: str) -> Evidence:
    start = text.index(passage)
    return Evidence(text=passage, start=start, end=start + len(passage))


def hostile_report() -> RumourReport:
    """A report over ``HOSTILE`` whose every field is hostile too."""
    first_end = HOSTILE.index("Chelsea have")
    evil = f"<img src=x onerror=window.{SENTINEL}='field'>"
    return RumourReport(
        rumours=[
            TransferRumour(
                player="Theo Marchand",
                from_club="Lyon",
                to_club="Arsenal",
                transfer_type=TransferType.PERMANENT,
                status=Status.AGREED,
                fee=Fee(amount=40_000_000, currency="GBP", text="£40m"),
                sources=["Sky Sports", evil],
                source_tiers={"Sky Sports": 2},
                evidence=[
                    # Runs across every attack of the first paragraph.
                    Evidence(text=HOSTILE[:first_end], start=0, end=first_end),
                    _evidence(HOSTILE, "The Times says Marchand has already passed a medical."),
                ],
            ),
            TransferRumour(
                player="<img src=x onerror=alert(1)>",
                from_club=f"\"><script>window.{SENTINEL}='club'</script>",
                to_club="Chelsea",
                status=Status.BID,
                fee=Fee(text=f"<script>window.{SENTINEL}='fee'</script>"),
                evidence=[_evidence(HOSTILE, ATTACKS[6])],
            ),
        ],
        opinion=[
            TransferRumour(
                player="Sam Okoro",
                from_club="Brighton",
                to_club="Chelsea",
                evidence=[_evidence(HOSTILE, "Chelsea have made a £25m bid for Brighton winger Sam Okoro.")],
            )
        ],
        warnings=[f"dropped {evil} because <b>it</b> is not in the article"],
    )


def overlap_report(text: str) -> RumourReport:
    """Two rumours whose evidence overlaps in ``text``, one nested in the other, plus opinion."""
    third = len(text) // 3
    return RumourReport(
        rumours=[
            TransferRumour(
                player="Ada One",
                evidence=[Evidence(text=text[0 : 2 * third], start=0, end=2 * third)],
            ),
            TransferRumour(
                player="Bea Two",
                evidence=[Evidence(text=text[third:], start=third, end=len(text))],
            ),
            TransferRumour(
                player="Cy Three",
                evidence=[Evidence(text=text[third : third + 5], start=third, end=third + 5)],
            ),
        ],
        opinion=[
            TransferRumour(
                player="Di Four",
                evidence=[Evidence(text=text[third + 2 : third + 9], start=third + 2, end=third + 9)],
            )
        ],
    )


def covered(marks: list[dict[str, Any]], group: str) -> dict[int, list[tuple[int, int]]]:
    """Merged character intervals covered by each move's marks."""
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for mark in marks:
        if mark[group] is not None:
            spans[mark[group]].append((mark["start"], mark["start"] + len(mark["text"])))
    merged: dict[int, list[tuple[int, int]]] = {}
    for index, intervals in spans.items():
        out: list[tuple[int, int]] = []
        for start, end in sorted(intervals):
            if out and start <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], end))
            else:
                out.append((start, end))
        merged[index] = out
    return merged


def assert_every_evidence_marked(
    text: str, report: RumourReport, marks: list[dict[str, Any]]
) -> None:
    """Each mark holds the text at its offsets; every evidence passage lies inside its marks."""
    assert marks, "no marks at all"
    for mark in marks:
        assert text[mark["start"] : mark["start"] + len(mark["text"])] == mark["text"]
    for group, moves in (("rumour", report.rumours), ("opinion", report.opinion)):
        spans = covered(marks, group)
        for index, move in enumerate(moves):
            for evidence in move.evidence:
                assert text[evidence.start : evidence.end] == evidence.text
                assert any(
                    start <= evidence.start and evidence.end <= end
                    for start, end in spans.get(index, [])
                ), f"{group} {index}: evidence {evidence.start}-{evidence.end} is not inside its marks"
        assert set(spans) <= set(range(len(moves))), f"marks of {group}s that do not exist"


class ParsedPage(HTMLParser):
    """The article text and its marks as an HTML parser reads them (no browser needed)."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.text_parts: list[str] = []
        self.marks: list[dict[str, Any]] = []
        self.elements_in_text: list[str] = []
        self.scripts = 0
        self._depth = 0
        self._open: list[dict[str, Any]] = []
        self.feed(page)
        self.close()

    @property
    def text(self) -> str:
        return "".join(self.text_parts)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if values.get("id") == "article-text":
            self._depth = 1
            return
        if not self._depth:
            return
        self._depth += 1
        self.elements_in_text.append(tag)
        if tag == "mark":
            mark = {
                "rumour": int(values["data-rumour"]) if "data-rumour" in values else None,
                "opinion": int(values["data-opinion"]) if "data-opinion" in values else None,
                "start": int(values["data-start"] or 0),
                "text": "",
            }
            self.marks.append(mark)
            self._open.append(mark)

    def handle_endtag(self, tag: str) -> None:
        if not self._depth:
            return
        self._depth -= 1
        if tag == "mark" and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.text_parts.append(data)
            for mark in self._open:
                mark["text"] += data
