"""Provenance: every quote of every seed is the exact original text at its offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from plangraph.ingest.pipeline import extract_file
from plangraph.ingest.readers import read_document

SEEDS = sorted((Path(__file__).resolve().parents[1] / "data" / "seeds").glob("*.txt"))


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem[:3] for p in SEEDS])
def test_every_quote_is_the_original_text_at_its_offsets(path: Path) -> None:
    original = read_document(path).text
    result = extract_file(path)
    assert result.tasks, "a seed without tasks"
    checked = 0
    for task in result.tasks:
        assert original[task.start:task.end] == task.quote
        checked += 1
        if task.responsibility_quote:
            s, e = task.responsibility_start, task.responsibility_end
            assert original[s:e] == task.responsibility_quote
            checked += 1
        for hit in task.topic_terms:
            assert original[hit.start:hit.end] != ""
    for target in result.targets:
        for q in target.quotes or [target]:
            assert original[q.start:q.end] == q.quote
            checked += 1
    for section in result.sections:
        assert original[section.start:section.end] == section.quote
    assert checked >= len(result.tasks)
