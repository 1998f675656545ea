"""Topic tags for task texts from the bilingual taxonomy in ``data/topics.yaml``.

A spaCy :class:`~spacy.matcher.PhraseMatcher` over a blank Chinese pipeline (character segmentation, no model
download) finds the listed multi-character terms, so ``碳`` in ``碳化硅`` never signals carbon metrology.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
import yaml
from plangraph.ingest.normalize import converter
from spacy.matcher import PhraseMatcher

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


@dataclass(frozen=True)
class TopicHit:
    """A term of ``topic`` found at ``text[start:end]``."""

    topic: str
    term: str
    start: int
    end: int


def load_topics(path: Path = DATA) -> list[Topic]:
    """Read and check the taxonomy (unique keys, terms of at least two characters)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))["topics"]
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


class TopicTagger:
    """Tags text with taxonomy topics; ``lookup`` maps a user query to a topic key."""

    def __init__(self, path: Path = DATA):
        self.topics = load_topics(path)
        self.by_key = {t.key: t for t in self.topics}
        self.nlp = spacy.blank("zh")
        self.matcher = PhraseMatcher(self.nlp.vocab)
        self.excluder = PhraseMatcher(self.nlp.vocab)
        for topic in self.topics:
            self.matcher.add(topic.key, [self.nlp.make_doc(term) for term in topic.terms])
            if topic.exclude:
                self.excluder.add(topic.key, [self.nlp.make_doc(term) for term in topic.exclude])
        self._queries: dict[str, str] = {}
        for topic in self.topics:
            for name in (topic.key, topic.en, topic.zh, *topic.terms):
                self._queries.setdefault(_query_key(name), topic.key)

    def tag(self, text: str) -> list[TopicHit]:
        """Topic hits in ``text`` (offsets relative to it), in text order.

        A hit inside one of its topic's ``exclude`` phrases is dropped, and so is a hit contained in a
        longer hit of the same topic.
        """
        doc = self.nlp.make_doc(text)
        strings = self.nlp.vocab.strings
        excluded: dict[str, list[tuple[int, int]]] = {}
        for match_id, s, e in self.excluder(doc):
            excluded.setdefault(strings[match_id], []).append((doc[s:e].start_char, doc[s:e].end_char))
        found: dict[str, list[tuple[int, int]]] = {}
        for match_id, s, e in self.matcher(doc):
            key = strings[match_id]
            span = (doc[s:e].start_char, doc[s:e].end_char)
            if any(a <= span[0] and span[1] <= b for a, b in excluded.get(key, [])):
                continue
            found.setdefault(key, []).append(span)
        hits = []
        for key, spans in found.items():
            for a, b in spans:
                if any(c <= a and b <= d and (c, d) != (a, b) for c, d in spans):
                    continue
                hits.append(TopicHit(key, text[a:b], a, b))
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
