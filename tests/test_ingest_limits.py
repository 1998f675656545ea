"""Values that reach the store are clean and bounded; the issue's server-crashing inputs load safely."""

from __future__ import annotations

from pathlib import Path

import pytest
from gen_plans import write_plans
from plangraph.graph import falkor_server
from plangraph.graph.keys import KeyRefused, check_statements
from plangraph.ingest.limits import MAX_UNIT_CHARS, clean_key, clean_text
from plangraph.ingest.pipeline import extract_file
from plangraph.ingest.readers import read_document

from plangraph import service

PLAN = "测试市计量实施方案\n二、主要任务\n(一)完善\n1.支撑先进制造。实施工程。(责任单位:{unit}、市科技局)\n2.加强碳计量。(责任单位:市市场监管局)\n"


def test_clean_text_drops_controls_and_reads_lone_cr_as_line_ends() -> None:
    assert clean_text("a\x00b\x01c\x7fd\x85e") == "abcde"
    assert clean_text("一\r二\r\n三\x0c四\x0b五\t六") == "一\n二\r\n三\n四\n五\t六"


def test_clean_key_removes_whitespace_and_bounds_length() -> None:
    assert clean_key("\t市市场\x01监管局\r") == "市市场监管局"
    long = clean_key("局" * 10_000)
    assert len(long) == MAX_UNIT_CHARS and long.endswith("…")


def test_quotes_stay_exact_substrings_after_cleaning(tmp_path: Path) -> None:
    path = tmp_path / "soh.txt"
    path.write_text(PLAN.format(unit="\x01市市场监管局").replace("\n", "\r"), encoding="utf-8")
    source = read_document(path)
    assert "\x01" not in source.text and "\r" not in source.text
    extraction = extract_file(path).to_dict()
    quotes = [t for t in extraction["tasks"] if t.get("quote")]
    assert len(quotes) == 2
    for t in quotes:
        assert source.text[t["start"]:t["end"]] == t["quote"]


def test_long_unit_name_is_bounded_with_a_warning_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(PLAN.format(unit="某" * 10_000 + "局"), encoding="utf-8")
    extraction = extract_file(path).to_dict()
    ids = [a["agency_id"] for a in extraction["agencies"]]
    assert ids and all(len(i) <= MAX_UNIT_CHARS for i in ids)
    assert any("long.txt" in w and "cleaned" in w for w in extraction["warnings"])


def test_loader_guard_refuses_keys_the_store_cannot_hold() -> None:
    with pytest.raises(KeyRefused, match="U\\+0001"):
        check_statements([("q", {"rows": [{"agency_id": "市\x01局"}]})])
    with pytest.raises(KeyRefused, match="bytes"):
        check_statements([("q", {"covers": ["x" * 5000]})])
    check_statements([("q", {"rows": [{"agency_id": "市科技局", "quote": "a\tb\r\n" * 3000}]})])


@pytest.mark.parametrize("unit", ["\x01市市场监管局", "\t市市场监管局", "市市场监管局\r", "市" * 10_000 + "局"])
def test_crashing_unit_names_load_in_a_batch_with_the_server_alive(falkor_store, tmp_path: Path, unit: str) -> None:
    good = write_plans(tmp_path / "good", 3)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(PLAN.format(unit=unit).encode("utf-8"))
    pid = falkor_server.status(falkor_store.server.data_dir).pid
    report = service.ingest_files(falkor_store, [good[0], bad, *good[1:]], relink=False)
    assert [r.ok for r in report.results] == [True, True, True, True], [r.error for r in report.results]
    assert falkor_server.status(falkor_store.server.data_dir).pid == pid  # the server never died
    titles = {r["t"] for r in falkor_store.read("MATCH (d:Document) RETURN d.title AS t")}
    assert len(titles) == 4 and "测试市计量实施方案" in titles
    units = [r["a"] for r in falkor_store.read("MATCH (a:Agency) RETURN a.agency_id AS a")]
    assert all(len(u) <= MAX_UNIT_CHARS and "\t" not in u and "\x01" not in u for u in units)
