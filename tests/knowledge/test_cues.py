import re
import subprocess
import sys
import zipfile
from importlib import resources
from pathlib import Path

import pytest

from rumourx.core.errors import ConfigurationError
from rumourx.knowledge.cues import SECTIONS, cue_tables, load_cue_tables, parse_cues

MINIMAL = "@version 1\n" + "".join(f"[{name}]\nzzz{i}\n" for i, name in enumerate(SECTIONS))


def test_a_phrase_matches_whole_words_ignoring_case() -> None:
    [entry] = parse_cues("@version 1\n[agreed]\n# the deal is closed\nacordo fechado\n", "pt.cues")
    pattern = re.compile(entry.pattern, re.IGNORECASE)
    assert pattern.search("O Benfica tem Acordo fechado com o clube")
    assert not pattern.search("acordo fechadoX")
    assert (entry.section, entry.source, entry.line) == ("agreed", "pt.cues", 4)


def test_a_line_with_special_characters_is_a_regular_expression() -> None:
    [entry] = parse_cues("@version 1\n[talks]\n\\bnegocia\\w*\n", "pt.cues")
    assert entry.pattern == "\\bnegocia\\w*"
    assert re.search(entry.pattern, "negociações avançadas")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "@version 1\n[agreed]\nclose to (signing\n",
            r"pt\.cues:3: bad regular expression in \[agreed\]",
        ),
        ("@version 1\n[agrede]\nacordo\n", r"pt\.cues:2: unknown section \[agrede\]"),
        ("@version 1\nacordo\n", r"pt\.cues:2: cue 'acordo' comes before any \[section\]"),
        ("[agreed]\nacordo\n", r"pt\.cues:1: a cue file starts with '@version 1'"),
        ("@version 2\n[agreed]\nacordo\n", r"pt\.cues:1: cue format version 2 is not supported"),
        ("# only a comment\n", r"pt\.cues: a cue file starts with '@version 1'"),
    ],
)
def test_a_malformed_file_names_the_file_and_the_line(text: str, message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        parse_cues(text, "pt.cues")


def test_a_cue_listed_twice_names_both_places() -> None:
    extra = "@version 1\n# Portuguese\n[agreed]\nzzz3\n"
    with pytest.raises(
        ConfigurationError, match=r"pt\.cues:4: duplicate cue in \[agreed\], already at en\.cues:9"
    ):
        load_cue_tables([("en.cues", MINIMAL), ("pt.cues", extra)])


def test_every_section_needs_a_cue_somewhere() -> None:
    with pytest.raises(ConfigurationError, match=r"no cue in any file for: .*linked"):
        load_cue_tables([("en.cues", "@version 1\n[agreed]\nacordo\n")])


def test_files_add_up_in_order() -> None:
    tables = load_cue_tables([("en.cues", MINIMAL), ("pt.cues", "@version 1\n[agreed]\nacordo\n")])
    assert tables["agreed"] == ["\\bzzz3\\b", "\\bacordo\\b"]


def test_the_shipped_files_load_one_per_language() -> None:
    folder = resources.files("rumourx.knowledge.data").joinpath("cues")
    names = sorted(f.name for f in folder.iterdir() if f.name.endswith(".cues"))
    assert names == ["de.cues", "en.cues", "es.cues", "fr.cues", "it.cues", "pt.cues"]
    tables = cue_tables()
    assert set(tables) == set(SECTIONS)
    assert all(tables[name] for name in SECTIONS)


@pytest.mark.slow
def test_the_wheel_ships_the_cue_files(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=root,
        check=True,
        capture_output=True,
    )
    names = zipfile.ZipFile(next(tmp_path.glob("rumourx-*.whl"))).namelist()
    for language in ("en", "es", "it", "de", "fr", "pt"):
        assert f"rumourx/knowledge/data/cues/{language}.cues" in names
