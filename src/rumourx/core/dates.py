"""Publication dates: ISO dates or datetimes, read strictly and compared safely.

An article's ``published`` is an ISO-8601 date (``2021-02-01``) or datetime
(``2021-02-01T09:30:00``, ``2021-02-01T09:30:00+01:00``, ``...Z``). rumourx keeps
the value as written (normalised to ISO form) and orders values by a sort key in
which a date comes before every time of the same day and times with an offset
are compared in UTC.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

__all__ = ["normalise_published", "parse_published", "published_day", "published_key"]


def parse_published(value: object) -> date | datetime:
    """The date or datetime ``value`` stands for.

    Args:
        value: An ISO-8601 string, a :class:`~datetime.date` or a
            :class:`~datetime.datetime`.

    Raises:
        ValueError: Not an ISO date or datetime (one line saying so).
    """
    if isinstance(value, datetime | date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"published must be an ISO date string, not {type(value).__name__}")
    text = value.strip()
    if len(text) == 10:
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    elif len(text) > 10 and text[10] in "T ":
        candidate = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
        try:
            return datetime.fromisoformat(candidate)
        except ValueError:
            pass
    raise ValueError(
        f"published {value!r} is not an ISO date or datetime (expected 2021-02-01 "
        "or 2021-02-01T09:30:00)"
    )


def normalise_published(value: object) -> str:
    """``value`` as an ISO string (``2021-02-01`` or ``2021-02-01T09:30:00+00:00``).

    Raises:
        ValueError: Not an ISO date or datetime.
    """
    return parse_published(value).isoformat()


def published_key(value: str) -> str:
    """A string that sorts publication values in time order.

    Dates sort before any time of the same day; datetimes with an offset are
    converted to UTC; naive datetimes are taken as written.

    Raises:
        ValueError: Not an ISO date or datetime.
    """
    parsed = parse_published(value)
    if isinstance(parsed, datetime):
        if parsed.tzinfo is not None:
            parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
        return parsed.isoformat(timespec="microseconds")
    return parsed.isoformat()


def published_day(value: str) -> date:
    """The calendar day of a publication value, as written (no time-zone shift).

    Raises:
        ValueError: Not an ISO date or datetime.
    """
    parsed = parse_published(value)
    return parsed.date() if isinstance(parsed, datetime) else parsed
