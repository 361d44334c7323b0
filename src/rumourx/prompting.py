"""Prompt files: versioned, shipped in the wheel, loaded with importlib.resources.

Prompts live in the top-level ``prompts/`` folder of the repository as
``NAME.vN.md``; the wheel carries them as ``rumourx/prompts``. A source checkout
without an install falls back to the repository folder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from string import Template

from rumourx.core.errors import ConfigurationError

__all__ = ["Prompt", "available_prompts", "load_prompt"]

_NAME = re.compile(r"^(?P<name>[a-z][a-z0-9_]*)\.v(?P<version>\d+)\.md$")


@dataclass(frozen=True)
class Prompt:
    """A prompt template.

    Attributes:
        name: Prompt name (``extract``).
        version: Version number from the file name (``extract.v1.md`` is 1).
        template: Text with ``$placeholders``.
    """

    name: str
    version: int

    template: str

    @property
    def id(self) -> str:
        """``name.vN``: what caches and reports record."""
        return f"{self.name}.v{self.version}"

    def render(self, **values: str) -> str:
        """Fill ``$placeholders``; a missing value raises ``KeyError``."""
        return Template(self.template).substitute(values)


def _prompt_dir() -> Traversable:
    packaged = resources.files("rumourx").joinpath("prompts")
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "prompts"
    if checkout.is_dir():
        return checkout
    raise ConfigurationError("rumourx prompts are missing: reinstall rumourx")


@lru_cache(maxsize=1)
def available_prompts() -> dict[str, dict[int, str]]:
    """Map each prompt name to its versions and texts."""
    found: dict[str, dict[int, str]] = {}
    for entry in _prompt_dir().iterdir():
        match = _NAME.match(entry.name)
        if match:
            versions = found.setdefault(match["name"], {})
            versions[int(match["version"])] = entry.read_text(encoding="utf-8")
    return found


def load_prompt(name: str, version: int | None = None) -> Prompt:
    """Load a prompt by name, the newest version unless one is given.

    Raises:
        ConfigurationError: No such prompt or version.
    """
    versions = available_prompts().get(name)
    if not versions:
        raise ConfigurationError(f"no prompt named {name!r}")
    chosen = max(versions) if version is None else version
    if chosen not in versions:
        raise ConfigurationError(f"prompt {name!r} has no version {chosen}")
    return Prompt(name=name, version=chosen, template=versions[chosen])
