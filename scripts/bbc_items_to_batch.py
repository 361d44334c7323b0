"""Turn the BBC gossip items into ``rumourx batch`` input, with ISO dates.

    python scripts/bbc_items_to_batch.py ../shared/corpus/bbc-items/items.jsonl -o /tmp/bbc-input.jsonl

Each output line is ``{"id", "text", "published", "publisher", "url"}``: the column's
date ("1 February 2021") as an ISO date, the outlet the item cites (its web domain)
as the publisher, and the link to that outlet's article. The texts are read at run
time and written where you say; never commit the output (the items are not ours).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path


def iso_date(column_date: str) -> str:
    """'1 February 2021' as '2021-02-01'."""
    return datetime.strptime(column_date.strip(), "%d %B %Y").date().isoformat()


def convert(source: Path, target: Path) -> int:
    """Write the batch input; return the number of items."""
    count = 0
    with source.open(encoding="utf-8") as items, target.open("w", encoding="utf-8") as out:
        for line in items:
            if not line.strip():
                continue
            item = json.loads(line)
            row = {
                "id": item["id"],
                "text": item["text"],
                "published": iso_date(item["date"]),
                "publisher": item.get("source") or None,
                "url": item.get("source_url") or None,
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("items", type=Path, help="bbc-items/items.jsonl")
    parser.add_argument("-o", "--output", type=Path, required=True, help="batch input JSONL")
    args = parser.parse_args(argv)
    count = convert(args.items, args.output)
    print(f"{count} items written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
