"""Topic taxonomy and the PhraseMatcher tagger."""

from pathlib import Path

import pytest
from plangraph.ingest.topics import DATA, TopicTagger, default_tagger, load_topics, topics_of


@pytest.fixture(scope="module")
def tagger():
    return default_tagger()


def test_taxonomy_shape():
    topics = load_topics()
    assert len(topics) >= 25
    keys = {t.key for t in topics}
    for key in ("carbon-metrology", "quantum-metrology", "livelihood-metrology", "talent", "military-civil"):
        assert key in keys
    for t in topics:
        assert t.zh and t.en and t.description and t.terms
        assert all(len(term) >= 2 for term in t.terms)


def test_carbon_terms_with_offsets(tagger):
    text = "健全碳达峰碳中和计量体系,开展温室气体监测。"
    hits = [h for h in tagger.tag(text) if h.topic == "carbon-metrology"]
    assert [(h.term, text[h.start : h.end]) for h in hits] == [
        ("碳达峰", "碳达峰"), ("碳中和", "碳中和"), ("温室气体", "温室气体"),
    ]


def test_single_character_is_not_a_term(tagger):
    assert "carbon-metrology" not in topics_of(tagger.tag("研制碳化硅功率器件和碳纤维材料。"))


def test_livelihood_and_topics_of(tagger):
    hits = tagger.tag("对集贸市场、加油(气)站、眼镜店开展专项检查,加强定量包装商品监督。")
    assert topics_of(hits) == ["livelihood-metrology"]
    assert {h.term for h in hits} == {"集贸市场", "加油(气)站", "眼镜店", "定量包装"}


def test_exclude_phrases(tagger):
    assert "healthcare" not in topics_of(tagger.tag("(责任单位:市卫生健康委)推动产业健康发展。"))
    assert "healthcare" in topics_of(tagger.tag("提升医学计量能力。"))


def test_contained_hit_of_same_topic_is_dropped(tagger):
    hits = [h for h in tagger.tag("推进能源资源计量工作") if h.topic == "energy-resources"]
    assert [h.term for h in hits] == ["能源资源计量"]


@pytest.mark.parametrize("query", ["碳计量", "carbon-metrology", "carbon metrology", "Carbon Metrology", "碳計量"])
def test_lookup(tagger, query):
    assert tagger.lookup(query) == "carbon-metrology"


def test_lookup_unknown(tagger):
    assert tagger.lookup("no such topic") is None


def test_single_character_terms_are_rejected(tmp_path: Path):
    bad = tmp_path / "topics.yaml"
    bad.write_text("topics:\n  - {key: x, zh: 碳, en: C, description: d, terms: [碳]}\n", encoding="utf-8")
    with pytest.raises(ValueError):
        TopicTagger(bad)
    assert DATA.exists()


def test_scanner_reports_every_occurrence_nested_and_overlapping() -> None:
    from plangraph.ingest.topics import TermScanner

    scanner = TermScanner({"计量": ["a"], "计量标准": ["b"], "标准": ["c"], "量标": ["d"]})
    assert scanner.scan("推进计量标准建设,计量") == {
        "a": {(2, 4), (9, 11)}, "b": {(2, 6)}, "c": {(4, 6)}, "d": {(3, 5)}}
    assert scanner.scan("计") == {}
    # spans come by end, each with its labels; nested and overlapping ones too
    assert list(scanner.spans("计量标准")) == [(0, 2, ("a",)), (1, 3, ("d",)), (0, 4, ("b",)), (2, 4, ("c",))]
    assert TermScanner({}).scan("计量") == {}
    with pytest.raises(ValueError):
        TermScanner({"碳": ["x"]})
