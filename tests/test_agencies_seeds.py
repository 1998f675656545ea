"""Every unit of every explicit 责任单位 line in the seed documents resolves to a function key."""

import re
import unicodedata
from pathlib import Path

import opencc
from plangraph.ingest.agencies import default_resolver
from plangraph.ingest.responsibility import find_explicit

SEEDS = sorted((Path(__file__).resolve().parent.parent / "data" / "seeds").glob("*.txt"))


def explicit_units(path: Path) -> list[str]:
    text = opencc.OpenCC("tw2sp").convert(unicodedata.normalize("NFKC", path.read_text(encoding="utf-8")))
    units = []
    for line in text.splitlines():
        if not re.search(r"责任单位\s*:", line):
            continue
        resp = find_explicit(line)
        assert resp is not None, line
        units.extend(u.name for u in [resp.lead, *resp.co] if u)
    return units


def test_every_explicit_seed_unit_has_a_function():
    assert SEEDS, "the bundled seeds are in data/seeds"
    resolver = default_resolver()
    seen = [u for path in SEEDS for u in explicit_units(path)]
    assert len(seen) > 50
    missing = sorted({u for u in seen if resolver.resolve(u, jurisdiction=None, level=None).function is None})
    assert missing == []
