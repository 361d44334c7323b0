import io
import re

import pytest
from rich.console import Console

from rumourx import extract
from rumourx.views.terminal import plain_report, print_report, wants_rich
from tests.views.pages import hostile_report

GOSSIP = (
    "Napoli have rejected a 40m euros offer from Chelsea for defender Luca Moretti, 21. "
    "(Corriere dello Sport - in Italian)\n\n"
    "Manchester United want to sign Lille keeper Adrien Petit, 24, on loan with an "
    "obligation to buy. (L'Equipe - in French)\n\n"
    "Liverpool have opened talks with Bayer Leverkusen over a deal for German midfielder "
    "Felix Kessler, 23. (Bild - in German)"
)


def draw(report, width: int, colour: bool = False) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, force_terminal=True, color_system="standard" if colour else None
    )
    print_report(report, title="gossip", console=console)
    return buffer.getvalue()


@pytest.mark.parametrize("width", [40, 60, 80, 120, 200])
def test_the_table_wraps_and_never_cuts_a_word(width: int) -> None:
    report = extract(GOSSIP)
    assert len(report.rumours) == 3
    out = draw(report, width)
    assert "…" not in out
    assert "┃" in out  # a table, not plain text
    assert all(len(line) <= width for line in out.splitlines())
    flat = " ".join(re.sub(r"[│┃┏┓┗┛┡┩└┘├┤┼╇╋━─┳┻┬┴]", " ", out).split())
    for rumour in report.rumours:
        fields = [rumour.player, rumour.from_club or "", rumour.to_club or "", *rumour.sources]
        fields += [e.text for e in rumour.evidence]
        for word in " ".join(fields).split():
            assert word in flat, f"{word!r} was cut at width {width}"


def test_status_is_coloured_and_tiers_are_badges() -> None:
    report = extract(GOSSIP)
    out = draw(report, 120, colour=True)
    assert re.search(r"\x1b\[[0-9;]*31m(?:\x1b\[[0-9;]*m)*bid rejected", out)  # red
    assert re.search(r"\x1b\[[0-9;]*36m(?:\x1b\[[0-9;]*m)*talks", out)  # cyan
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "Corriere dello Sport  T3" in plain and "Bild  T3" in plain


def test_evidence_sits_under_each_rumour() -> None:
    report = extract(GOSSIP)
    out = draw(report, 100)
    lines = out.splitlines()
    for rumour in report.rumours:
        head = next(i for i, line in enumerate(lines) if rumour.player in line)
        first_words = " ".join(rumour.evidence[0].text.split()[:3])
        below = next(i for i, line in enumerate(lines) if first_words in line)
        assert head < below <= head + 3


def test_narrow_terminals_keep_status_fee_and_sources_in_the_rumour_cell() -> None:
    out = draw(extract(GOSSIP), 60)
    assert "bid rejected" in out and "40m EUR" in out and "Corriere" in out


def test_plain_text_has_every_field_and_evidence_and_warning() -> None:
    report = hostile_report()
    out = plain_report(report, title="hostile")
    assert out.startswith("hostile\n2 transfer rumour(s):")
    assert "1. Theo Marchand: Lyon -> Arsenal [permanent, agreed, fee 40,000,000 GBP]" in out
    assert "sources: Sky Sports (tier 2), <img" in out
    assert out.count("   evidence: ") == 3
    assert "opinion only (not a report): Sam Okoro: Brighton -> Chelsea [linked]" in out
    assert "warning: dropped" in out
    assert "\x1b" not in out


def test_no_colour_dumb_terminals_and_pipes_get_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert wants_rich(Tty())
    assert not wants_rich(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_rich(Tty())
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert not wants_rich(Tty())
    piped = io.StringIO()
    print_report(extract(GOSSIP), file=piped)
    assert piped.getvalue().startswith("3 transfer rumour(s):") and "┃" not in piped.getvalue()


def test_no_rumour_says_so() -> None:
    report = extract("A quiet week: Arsenal drew 1-1 with Everton on Saturday.")
    assert "No transfer rumours found." in draw(report, 80)
    assert plain_report(report).startswith("No transfer rumours found.")
