"""Typo-tolerant agency search ("did you mean"): rapidfuzz over every folded name, alias and English label.

The index is built once per :class:`~plangraph.graph.catalogue.Vocabulary` (itself rebuilt only when the graph
version changes) and answers are memoised on that vocabulary, so a request never scans the graph.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from typing import Any

from plangraph.graph.catalogue import AgencyMatch, Vocabulary, normalize_text

FUZZY_CUTOFF = 75.0  # rapidfuzz WRatio (0–100) below which a form is not suggested
FUZZY_MAX_SCORE = 45  # fuzzy hits rank below every exact, alias, function and partial match (>= 50)
SUGGESTIONS = 8


def _fold(value: str) -> str:
    return " ".join(normalize_text(value).replace("_", " ").replace("-", " ").replace("·", " ").split()).casefold()


@dataclass(frozen=True)
class FuzzyIndex:
    """Every searchable form of every agency, folded, and the agencies each form belongs to."""

    forms: list[str]
    owners: list[tuple[int, ...]]

    @classmethod
    def build(cls, vocabulary: Vocabulary) -> FuzzyIndex:
        by_form: dict[str, set[int]] = {}
        for i, row in enumerate(vocabulary.agencies):
            labels = [row.get("agency_id"), row.get("name"), row.get("name_en"), *(row.get("aliases") or [])]
            for label in labels:
                if label:
                    by_form.setdefault(_fold(str(label)), set()).add(i)
        forms = sorted(f for f in by_form if f)
        return cls(forms, [tuple(sorted(by_form[f])) for f in forms])


_INDEXES: weakref.WeakKeyDictionary[Vocabulary, FuzzyIndex] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def fuzzy_index(vocabulary: Vocabulary) -> FuzzyIndex:
    """The index of a vocabulary (built on first use, kept as long as the vocabulary lives)."""
    index = _INDEXES.get(vocabulary)
    if index is None:
        with _LOCK:
            index = _INDEXES.get(vocabulary) or FuzzyIndex.build(vocabulary)
            _INDEXES[vocabulary] = index
    return index


def suggest_agencies(vocabulary: Vocabulary, q: str, limit: int = SUGGESTIONS) -> list[AgencyMatch]:
    """Agencies whose name, alias or English label is close to ``q`` (typos, missing or extra characters),
    best first; ``reason`` is ``"fuzzy"`` and ``score`` at most :data:`FUZZY_MAX_SCORE`."""
    return vocabulary.remember("fuzzy", f"{limit}\x00{q}", lambda: _suggest(vocabulary, q, limit))


def _suggest(vocabulary: Vocabulary, q: str, limit: int) -> list[AgencyMatch]:
    from rapidfuzz import fuzz, process

    fq = _fold(q)
    if not fq:
        return []
    index = fuzzy_index(vocabulary)
    best: dict[int, float] = {}
    hits = process.extract(fq, index.forms, scorer=fuzz.WRatio, score_cutoff=FUZZY_CUTOFF, limit=limit * 4)
    for _form, score, pos in hits:
        for i in index.owners[pos]:
            best[i] = max(best.get(i, 0.0), score)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], -(vocabulary.agencies[kv[0]].get("lead_count") or 0),
                                                  vocabulary.agencies[kv[0]]["agency_id"]))  # fmt: skip
    out: list[AgencyMatch] = []
    for i, score in ranked[:limit]:
        row: dict[str, Any] = vocabulary.agencies[i]
        out.append(AgencyMatch(row["agency_id"], round(score * FUZZY_MAX_SCORE / 100), "fuzzy", row))
    return out
