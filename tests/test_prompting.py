import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from rumourx.core.errors import ConfigurationError
from rumourx.prompting import available_prompts, load_prompt

ROOT = Path(__file__).resolve().parents[1]


def test_prompts_load_by_name_at_their_newest_version() -> None:
    prompt = load_prompt("extract")
    assert prompt.version == max(available_prompts()["extract"])
    assert prompt.id == f"extract.v{prompt.version}"
    assert "transfer" in prompt.template


def test_a_missing_prompt_or_version_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError):
        load_prompt("nope")
    with pytest.raises(ConfigurationError):
        load_prompt("extract", version=999)


def test_render_fills_placeholders() -> None:
    from rumourx.prompting import Prompt

    assert Prompt("x", 1, "Hello $name").render(name="Ramos") == "Hello Ramos"
    with pytest.raises(KeyError):
        Prompt("x", 1, "Hello $name").render()


@pytest.mark.slow
def test_the_wheel_ships_the_prompts(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("rumourx-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for prompt in (ROOT / "prompts").glob("*.md"):
        assert f"rumourx/prompts/{prompt.name}" in names
    assert "rumourx/knowledge/data/clubs.json" in names
