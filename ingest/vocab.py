"""The query-time vocabulary of ingest (查询词表): the one ingest module the graph layer calls for words.

A user's agency string, topic string or free text is normalised and looked up in the same vocabularies the
extractor uses (``ingest/data/agencies.yaml``, ``topics.yaml``), so a query and a document agree on names.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from plangraph.ingest.agencies import Mention, default_matcher, default_resolver
from plangraph.ingest.normalize import converter
from plangraph.ingest.topics import TermScanner, default_tagger


def normalize_query(text: str | None) -> str:
    """NFKC, traditional → simplified (OpenCC ``t2s``, the converter of ``ingest.normalize``), trimmed."""
    text = unicodedata.normalize("NFKC", text or "").strip()
    if not text or text.isascii():
        return text
    return converter("t2s").convert(text)


@lru_cache(maxsize=1024)
def expand_agency(q: str) -> dict[str, Any]:
    """What a user's agency string implies, in any script, alias, English label or function key:
    ``{"functions": (keys…), "level": tier|None, "jurisdiction": str|None, "names": (canonical names…)}``."""
    raw = default_resolver().expand_query(q)
    return {"functions": tuple(raw["functions"]), "level": raw["level"], "jurisdiction": raw["jurisdiction"],
            "names": tuple(raw["names"])}


def topic_key(q: str) -> str | None:
    """The topic key of a key, label or term in any case or script; None when unknown."""
    return default_tagger().lookup(q)


def find_agencies(text: str) -> list[Mention]:
    """Agency mentions of the vocabulary in ``text`` (longest match, offsets into ``text``)."""
    return default_matcher().find_mentions(text)


@lru_cache(maxsize=1)
def search_terms() -> frozenset[str]:
    """The taxonomy's terms and Chinese labels that full-text search indexes as whole words (``topics.yaml``:
    two or more word characters), lower-cased."""
    names = {name for topic in default_tagger().topics for name in (topic.zh, *topic.terms)}
    return frozenset(n.lower() for n in names if len(n) >= 2 and re.fullmatch(r"\w+", n))


@lru_cache(maxsize=1)
def _search_scanner() -> TermScanner:
    return TermScanner({term: [term] for term in search_terms()})


def find_search_terms(text: str) -> list[str]:
    """Every occurrence of a :func:`search_terms` word in ``text`` (overlapping and nested ones too), in text order."""
    low = text.lower()
    return [low[a:b] for a, b, _ in sorted(_search_scanner().spans(low))]
