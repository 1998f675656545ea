"""On the seed documents, the tasks tagged carbon-metrology are exactly those whose text names one of its terms."""

from pathlib import Path

import pytest
from plangraph.ingest.topics import load_topics

SEEDS = sorted((Path(__file__).resolve().parents[1] / "data" / "seeds").glob("*.txt"))

try:
    from plangraph.ingest.pipeline import extract_file
except ImportError as exc:  # the pipeline lands separately
    extract_file = None
    REASON = f"ingest.pipeline is not importable yet ({exc})"
else:
    REASON = ""


@pytest.mark.skipif(extract_file is None, reason=REASON or "ingest.pipeline missing")
def test_carbon_metrology_tasks_are_the_tasks_naming_its_terms(capsys):
    terms = next(t.terms for t in load_topics() if t.key == "carbon-metrology")
    tagged_all, mentioning_all = set(), set()
    for seed in SEEDS:
        out = extract_file(seed)
        for task in out["tasks"]:
            key = (seed.name, task["id"])
            if "carbon-metrology" in task["topics"]:
                tagged_all.add(key)
                hits = [h for h in task["topic_terms"] if h["topic"] == "carbon-metrology"]
                assert hits and all(h["term"] in terms for h in hits), key
            if any(term in task["text"] for term in terms):
                mentioning_all.add(key)
    with capsys.disabled():
        print("\ncarbon-metrology tasks:", sorted(tagged_all))
    assert tagged_all, "the seeds have carbon-metrology tasks"
    assert tagged_all == mentioning_all
