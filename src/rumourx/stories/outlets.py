"""Who said it: outlets for a story's timeline, publishers given as names or web addresses.

A timeline entry's sources are the outlets the article cites; an article that cites
none speaks for its publisher. Publishers often arrive as web domains or URLs
(``www.dailymail.co.uk``, ``https://twitter.com/FabrizioRomano/status/...``): they are
matched to the outlet table by their squashed name (``dailymail`` is ``Daily Mail``).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from rumourx.knowledge.folding import fold
from rumourx.knowledge.outlets import Outlet, outlet_index

__all__ = ["resolve_outlet", "resolve_publisher"]

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_SOCIAL = frozenset({"twitter.com", "x.com", "instagram.com", "facebook.com", "youtube.com"})
_HOST_PREFIXES = ("www.", "en.", "m.", "amp.", "mobile.", "sport.", "sports.")


def _squash(name: str) -> str:
    return _NOT_ALNUM.sub("", fold(name))


@lru_cache(maxsize=1)
def _squashed_outlets() -> dict[str, Outlet]:
    """Every outlet alias with spaces and punctuation removed, to match web domains."""
    raw = json.loads(
        resources.files("rumourx.knowledge.data").joinpath("outlets.json").read_text("utf-8")
    )
    index = outlet_index()
    table: dict[str, Outlet] = {}
    for name, entry in raw["outlets"].items():
        outlet = index.lookup(name)
        if outlet is None:
            continue
        for alias in [name, *entry.get("aliases", [])]:
            key = _squash(str(alias))
            if len(key) >= 2:
                table.setdefault(key, outlet)
    return table


@lru_cache(maxsize=4096)
def resolve_outlet(name: str) -> tuple[str, int | None]:
    """(canonical name, tier) of a cited source; unknown names keep their spelling."""
    found = outlet_index().lookup(name)
    if found is not None:
        return found.name, found.tier
    return " ".join(name.split()), None


def _host_candidates(host: str, path: str) -> list[str]:
    host = host.lower().rstrip(".")
    if host in _SOCIAL or host.endswith(tuple("." + s for s in _SOCIAL)):
        handle = path.strip("/").split("/", 1)[0]
        return [handle] if handle else []
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix) :]
    label = host.split(".", 1)[0]
    candidates = [host, label, label.rstrip("0123456789")]
    if label.startswith("the"):
        candidates.append(label[3:])
    return candidates


@lru_cache(maxsize=4096)
def _resolve_publisher(publisher: str | None, url: str | None) -> tuple[str, int | None] | None:
    if publisher and not _looks_like_address(publisher):
        return resolve_outlet(publisher)
    table = _squashed_outlets()
    fallback: str | None = None
    for address in (publisher, url):
        if not address:
            continue
        parts = urlsplit(address if "//" in address else "//" + address)
        candidates = _host_candidates(parts.hostname or "", parts.path)
        for candidate in candidates:
            outlet = table.get(_squash(candidate))
            if outlet is not None:
                return outlet.name, outlet.tier
        if fallback is None or fallback in _SOCIAL:
            fallback = _unknown_name(parts.hostname or address, candidates)
    return (fallback, None) if fallback else None


def _unknown_name(host: str, candidates: list[str]) -> str:
    host = host.lower().removeprefix("www.")
    if host in _SOCIAL and candidates:  # an account nobody has rated: "twitter.com/handle"
        return f"{host}/{candidates[0]}"
    return host


def _looks_like_address(text: str) -> bool:
    return " " not in text.strip() and ("." in text or "/" in text)


def resolve_publisher(
    publisher: str | None, url: str | None = None
) -> tuple[str, int | None] | None:
    """(name, tier) of who published an article, from its name, domain or URL.

    Args:
        publisher: A name ("Daily Mail"), a domain ("www.dailymail.co.uk") or a URL.
        url: The article's URL, used when the publisher is missing.

    Returns:
        The outlet when known; else the publisher's own name, or the site's domain
        (``twitter.com/handle`` for a social-media account), with tier None; None
        when neither is given.
    """
    return _resolve_publisher(publisher, url)
