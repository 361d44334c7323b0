"""The pages' shared parts: escaping, badges, and a policy that allows exactly the page's own code."""

import base64
import hashlib
import re

from rumourx.core.types import Status
from rumourx.views.markup import escape, page_head, page_tail, status_badge, stylesheet, tier_badge


def _hash(source: str) -> str:
    return base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


def test_escape_covers_markup_quotes_and_what_the_parser_would_change() -> None:
    assert (
        escape("<a href=\"x\" onclick='y'>&")
        == "&lt;a href=&quot;x&quot; onclick=&#x27;y&#x27;&gt;&amp;"
    )
    assert escape("a\rb") == "a&#13;b"
    assert escape("a\x00b\ud800c") == "a\ufffdb\ufffdc"


def test_the_policy_allows_the_pages_own_style_and_script_and_nothing_else() -> None:
    style, script = stylesheet("stories.css", extra="p{color:red}"), "console.log(1)"
    head = page_head("<title>", style, script)
    policy = re.search(r'content="(default-src[^"]+)"', head)
    assert policy is not None
    assert policy.group(1) == (
        f"default-src 'none'; style-src 'sha256-{_hash(style)}'; "
        f"script-src 'sha256-{_hash(script)}'; base-uri 'none'; form-action 'none'"
    )
    assert f"<style>{style}</style>" in head and "<title>&lt;title&gt;</title>" in head
    assert page_tail(script).startswith(f"<script>{script}</script>")
    assert style.startswith("/* rumourx pages") and style.rstrip().endswith("p{color:red}")


def test_badges() -> None:
    assert tier_badge(2) == (
        '<span class="badge tier tier-2" title="reliability tier, 1 (most reliable) to 5 (least)">T2</span>'
    )
    assert tier_badge(None, note=False) == '<span class="badge tier tier-unknown">T?</span>'
    assert (
        status_badge(Status.BID_REJECTED)
        == '<span class="badge status-bid_rejected">bid_rejected</span>'
    )
