"""What every HTML page of rumourx shares: escaping, badges, and the self-contained shell.

Each page is one file that loads nothing: its CSS and script are inline (from the
shipped ``assets``), and a Content-Security-Policy lets only those two run, by hash.
Everything that comes from an article or a report is escaped with :func:`escape`.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from functools import cache
from importlib import resources

from rumourx.core.types import Status
from rumourx.views.fields import TIER_NOTE

__all__ = [
    "asset",
    "escape",
    "page_head",
    "page_tail",
    "status_badge",
    "stylesheet",
    "tier_badge",
]

_SURROGATE = re.compile("[\ud800-\udfff]")


def escape(value: object) -> str:
    """Escape text for HTML content and quoted attributes alike.

    Carriage returns become character references, which the HTML parser keeps (a raw
    CR would be folded into a line feed and shift every later offset); lone
    surrogates, which cannot be encoded, become U+FFFD, one character for one.
    """
    text = html.escape(str(value), quote=True).replace("\r", "&#13;").replace("\x00", "\ufffd")
    return _SURROGATE.sub("\ufffd", text)


@cache
def asset(name: str) -> str:
    """A shipped CSS or script file of ``rumourx/views/assets``."""
    return resources.files("rumourx.views").joinpath("assets", name).read_text(encoding="utf-8")


def stylesheet(*names: str, extra: str = "") -> str:
    """The shared stylesheet, the named ones after it, and ``extra`` rules last."""
    return "\n".join([asset("base.css"), *(asset(name) for name in names), extra]) + "\n"


def _digest(source: str) -> str:
    return base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


def page_head(title: str, style: str, script: str) -> str:
    """Everything up to and including ``<body>``: the policy, the title, the style.

    The policy allows exactly ``style`` and ``script`` (pass the same ``script`` to
    :func:`page_tail`); nothing may be loaded, no form sent, no base set.
    """
    policy = (
        "default-src 'none'; "
        f"style-src 'sha256-{_digest(style)}'; script-src 'sha256-{_digest(script)}'; "
        "base-uri 'none'; form-action 'none'"
    )
    return "".join(
        [
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n',
            '<meta name="referrer" content="no-referrer">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            f"<title>{escape(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n",
        ]
    )


def page_tail(script: str) -> str:
    """The page's one script and the closing tags."""
    return f"<script>{script}</script>\n</body>\n</html>\n"


def tier_badge(tier: int | None, *, note: bool = True) -> str:
    """``T2`` as a coloured badge; ``T?`` for an outlet rumourx does not rate.

    ``note=False`` leaves out the tooltip saying what tiers are, for a page that
    says it once.
    """
    if tier is None:
        title = ' title="an outlet rumourx does not rate"' if note else ""
        return f'<span class="badge tier tier-unknown"{title}>T?</span>'
    title = f' title="{TIER_NOTE}"' if note else ""
    return f'<span class="badge tier tier-{int(tier)}"{title}>T{int(tier)}</span>'


def status_badge(status: Status) -> str:
    """The status as a badge coloured by how far along the move is."""
    value = escape(status.value)
    return f'<span class="badge status-{value}">{value}</span>'
