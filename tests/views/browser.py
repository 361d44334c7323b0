"""Headless Chromium for the view tests and the README screenshot.

Drives the system's Chromium (Debian's ``chromium``; ``RUMOURX_CHROMIUM`` points at
another binary) through Playwright, which downloads no browser of its own. Every
request the page makes is recorded, and anything but the page's own file is refused.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Reads every mark back: which move it belongs to, where it starts, and its text.
READ_MARKS = """() => Array.from(document.querySelectorAll('#article-text mark')).map(m => ({
    rumour: m.hasAttribute('data-rumour') ? Number(m.getAttribute('data-rumour')) : null,
    opinion: m.hasAttribute('data-opinion') ? Number(m.getAttribute('data-opinion')) : null,
    start: Number(m.getAttribute('data-start')),
    text: m.textContent,
}))"""


def find_chromium() -> str | None:
    """The Chromium binary, or None."""
    configured = os.environ.get("RUMOURX_CHROMIUM")
    if configured:
        return configured if Path(configured).is_file() else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def unavailable_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[dev]')"
    if find_chromium() is None:
        return "Chromium is not installed (apt-get install chromium; .ci/run installs it)"
    return None


@dataclass
class Rendered:
    """A page as Chromium rendered it, with everything it asked for."""

    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def marks(self) -> list[dict[str, Any]]:
        """Every mark in the article text, in document order."""
        marks: list[dict[str, Any]] = self.page.evaluate(READ_MARKS)
        return marks

    def evaluate(self, script: str) -> Any:
        """Run ``script`` in the page (through DevTools: the page's own policy does not apply)."""
        return self.page.evaluate(script)


class Browser:
    """One Chromium for many pages."""

    def __init__(self, playwright: Any, executable: str):
        self._browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=FLAGS
        )

    @contextmanager
    def open(
        self, path: Path, *, width: int = 1280, height: int = 900, folder: Path | None = None
    ) -> Iterator[Rendered]:
        """Load ``path`` in a fresh context; record and refuse every other request.

        With ``folder``, files in it may be opened too (a story page's evidence views,
        followed by clicking a link); every request is still recorded.
        """
        context = self._browser.new_context(
            viewport={"width": width, "height": height}, java_script_enabled=True
        )
        url = path.resolve().as_uri()
        page = context.new_page()
        rendered = Rendered(page=page, url=url)
        context.on("request", lambda request: rendered.requests.append(request.url))
        page.on("websocket", lambda socket: rendered.requests.append(socket.url))
        page.on("console", lambda message: rendered.console.append(message.text))
        page.on("pageerror", lambda error: rendered.page_errors.append(str(error)))

        allowed = folder.resolve().as_uri() + "/" if folder is not None else None

        def route(route: Any) -> None:
            asked = route.request.url
            if asked == url or (allowed is not None and asked.startswith(allowed)):
                route.continue_()
            else:
                route.abort()

        context.route("**/*", route)
        try:
            page.goto(url, wait_until="load")
            yield rendered
        finally:
            context.close()

    def close(self) -> None:
        """Stop Chromium."""
        self._browser.close()


@contextmanager
def chromium() -> Iterator[Browser]:
    """A running headless Chromium; raises RuntimeError when there is none."""
    reason = unavailable_reason()
    if reason:
        raise RuntimeError(reason)
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    assert executable is not None
    with sync_playwright() as playwright:
        browser = Browser(playwright, executable)
        try:
            yield browser
        finally:
            browser.close()
