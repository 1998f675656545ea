"""Regenerate ``ingest/data/place_pinyin.csv``: the pinyin of every string the place index and
``agencies.romanize_place`` romanise for the known divisions (computed by pypinyin).

    python tools/gen_place_pinyin.py            # rewrite the table
    python tools/gen_place_pinyin.py --check    # exit 1 when the table is stale (a test runs this)
"""

from __future__ import annotations

import csv
import io
import sys
from importlib import resources

from plangraph.ingest import pinyin


def collect() -> dict[str, str]:
    """Build the place index and romanise every place with the table switched off, recording each string."""
    seen: dict[str, str] = {}
    compute = pinyin.computed

    def record(text: str) -> str:
        seen[text] = compute(text)
        return seen[text]

    pinyin._table = lambda: {}  # type: ignore[assignment]  # every lookup goes to pypinyin (recorded)
    pinyin.computed = record  # type: ignore[assignment]
    from plangraph.ingest.agencies import romanize_place
    from plangraph.ingest.places import all_places

    for place in all_places():
        assert place.name_en is not None  # the English name (the pinyin of the bare name unless configured)
        for name in {place.name, place.short_name}:
            romanize_place(name)
    return dict(sorted(seen.items()))


def main() -> None:
    table = collect()
    path = resources.files("plangraph.ingest").joinpath(pinyin.TABLE)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["text", "pinyin"])
    writer.writerows(table.items())
    text = buf.getvalue()
    if "--check" in sys.argv[1:]:
        stale = path.read_text(encoding="utf-8") != text
        print(f"{path} is {'stale: run python tools/gen_place_pinyin.py' if stale else 'up to date'}")
        sys.exit(1 if stale else 0)
    with open(str(path), "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{len(table)} strings -> {path}")


if __name__ == "__main__":
    main()
