"""Longest match of a term table: longest first, never overlapping, offsets into the text, in text order."""

from __future__ import annotations

from plangraph.ingest.termmatch import TermMatcher


def test_longest_term_wins_and_matches_do_not_overlap() -> None:
    m = TermMatcher({"市场监管局": "market", "市市场监管局": "market-city", "科技局": "science", "局": "x"})
    text = "由市市场监管局会同市科技局负责"
    found = m.find(text)
    assert [(x.term, x.value) for x in found] == [("市市场监管局", "market-city"), ("科技局", "science")]
    assert all(text[x.start:x.end] == x.term for x in found)


def test_a_longer_later_match_beats_an_earlier_shorter_overlap() -> None:
    m = TermMatcher({"AB": 1, "BCD": 2})
    assert [(x.term, x.start) for x in m.find("ABCD")] == [("BCD", 1)]
    assert [(x.term, x.start) for x in m.candidates("ABCD")] == [("AB", 0), ("BCD", 1)]


def test_first_value_of_a_repeated_term_is_kept_and_empty_terms_ignored() -> None:
    m = TermMatcher([("统计局", "statistics"), ("统计局", "other"), ("", "none")])
    assert len(m) == 1 and m.find("省统计局")[0].value == "statistics"
    assert m.find("") == [] and TermMatcher({}).find("任何文字") == []
