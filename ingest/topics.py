"""Topic tags for task texts from the bilingual taxonomy in ``data/topics.yaml``.

Terms are matched as exact character sequences (every occurrence, overlapping ones included) by one
Aho–Corasick automaton over the taxonomy's terms; only listed multi-character terms count, so ``碳`` in
``碳化硅`` never signals carbon metrology.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import ahocorasick
from plangraph.ingest.normalize import converter
from plangraph.ingest.yamldata import load_yaml

DATA = Path(__file__).parent / "data" / "topics.yaml"


@dataclass(frozen=True)
class Topic:
    """One taxonomy entry."""

    key: str
    zh: str
    en: str
    description: str
    terms: tuple[str, ...]
    exclude: tuple[str, ...] = ()


class TopicHit(NamedTuple):
    """A term of ``topic`` found at ``text[start:end]`` (a named tuple: made for every term in every task)."""

    topic: str
    term: str
    start: int
    end: int


def load_topics(path: Path = DATA) -> list[Topic]:
    """Read and check the taxonomy (unique keys, terms of at least two characters)."""
    raw = load_yaml(path.read_text(encoding="utf-8"))["topics"]
    topics = [
        Topic(t["key"], t["zh"], t["en"], t.get("description", ""), tuple(t["terms"]), tuple(t.get("exclude") or ()))
        for t in raw
    ]
    keys = [t.key for t in topics]
    if len(set(keys)) != len(keys):
        raise ValueError(f"{path.name}: duplicate topic keys")
    short = [term for t in topics for term in t.terms if len(term) < 2]
    if short:
        raise ValueError(f"{path.name}: single-character terms {short}")
    return topics


def _query_key(text: str) -> str:
    return re.sub(r"[\s_\-]+", "-", text.strip().lower())


class TermScanner:
    """Every occurrence of a set of strings (two characters or more) in a text, overlapping and nested ones too:
    one Aho–Corasick pass (``pyahocorasick``) reporting each string that ends at each character."""

    def __init__(self, entries: dict[str, list[str]]) -> None:
        if any(len(term) < 2 for term in entries):
            raise ValueError("the scanner finds strings of two characters or more")
        self._automaton: ahocorasick.Automaton | None = None
        if entries:
            self._automaton = ahocorasick.Automaton()
            for term, labels in entries.items():
                self._automaton.add_word(term, (len(term), tuple(labels)))
            self._automaton.make_automaton()

    def spans(self, text: str) -> Iterator[tuple[int, int, tuple[str, ...]]]:
        """``(start, end, labels)`` of every occurrence, by end (the longer first at one end)."""
        if self._automaton is None:
            return
        for last, (size, labels) in self._automaton.iter(text):
            yield last + 1 - size, last + 1, labels

    def scan(self, text: str) -> dict[str, set[tuple[int, int]]]:
        """``{label: {(start, end)}}`` of every occurrence."""
        found: dict[str, set[tuple[int, int]]] = {}
        for start, end, labels in self.spans(text):
            for label in labels:
                found.setdefault(label, set()).add((start, end))
        return found


class TopicTagger:
    """Tags text with taxonomy topics; ``lookup`` maps a user query to a topic key."""

    def __init__(self, path: Path = DATA):
        self.topics = load_topics(path)
        self.by_key = {t.key: t for t in self.topics}
        terms: dict[str, list[str]] = {}
        excludes: dict[str, list[str]] = {}
        for topic in self.topics:
            for term in topic.terms:
                terms.setdefault(term, []).append(topic.key)
            for phrase in topic.exclude:
                excludes.setdefault(phrase, []).append(topic.key)
        self.matcher = TermScanner(terms)
        self.excluder = TermScanner(excludes)
        self._queries: dict[str, str] = {}
        for topic in self.topics:
            for name in (topic.key, topic.en, topic.zh, *topic.terms):
                self._queries.setdefault(_query_key(name), topic.key)

    def tag(self, text: str) -> list[TopicHit]:
        """Topic hits in ``text`` (offsets relative to it), in text order.

        A hit inside one of its topic's ``exclude`` phrases is dropped, and so is a hit contained in a
        longer hit of the same topic.
        """
        found: dict[str, list[tuple[int, int]]] = {}
        for start, end, keys in self.matcher.spans(text):
            for key in keys:
                found.setdefault(key, []).append((start, end))
        if not found:
            return []
        excluded = self.excluder.scan(text)
        hits = []
        for key, spans in found.items():
            blocked = excluded.get(key)
            kept = [(a, b) for a, b in spans if not any(c <= a and b <= d for c, d in blocked)] if blocked else spans
            # by start, the longer first: a span is inside another one exactly when an earlier one reaches its end
            reach = -1
            for a, b in sorted(kept, key=lambda span: (span[0], -span[1])):
                if reach < b:
                    hits.append(TopicHit(key, text[a:b], a, b))
                    reach = b
        return sorted(hits, key=lambda h: (h.start, h.end, h.topic))

    def lookup(self, query: str) -> str | None:
        """The topic key for a query: a key, an English or Chinese label or a term, any case or script
        (``carbon-metrology``, ``Carbon Metrology``, ``碳计量``, ``碳計量``); None when unknown."""
        key = _query_key(query)
        if key in self._queries:
            return self._queries[key]
        return self._queries.get(_query_key(converter("t2s").convert(query)))


def topics_of(hits: list[TopicHit]) -> list[str]:
    """Sorted distinct topic keys of some hits."""
    return sorted({h.topic for h in hits})


@lru_cache(maxsize=1)
def default_tagger() -> TopicTagger:
    """The shared tagger over the packaged taxonomy."""
    return TopicTagger()
