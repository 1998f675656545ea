"""On the seed documents, the tasks tagged carbon-metrology are exactly those whose text names one of its terms."""

from plangraph.ingest.model import Extraction
from plangraph.ingest.topics import load_topics


def test_carbon_metrology_tasks_are_the_tasks_naming_its_terms(capsys, seed_extractions: list[Extraction]):
    terms = next(t.terms for t in load_topics() if t.key == "carbon-metrology")
    tagged_all, mentioning_all = set(), set()
    for out in seed_extractions:
        for task in out.tasks:
            key = (out.file, task.id)
            if "carbon-metrology" in task.topics:
                tagged_all.add(key)
                hits = [h for h in task.topic_terms if h.topic == "carbon-metrology"]
                assert hits and all(h.term in terms for h in hits), key
            if any(term in task.text for term in terms):
                mentioning_all.add(key)
    with capsys.disabled():
        print("\ncarbon-metrology tasks:", sorted(tagged_all))
    assert tagged_all, "the seeds have carbon-metrology tasks"
    assert tagged_all == mentioning_all
