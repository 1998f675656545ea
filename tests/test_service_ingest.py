"""Ingest use case: files already in the store are not extracted again; the same plan in two files is reported
and the copy with fewer tasks never silently replaces the better one."""

from __future__ import annotations

from pathlib import Path

import pytest
from plangraph.graph.loader import graph_stats

from plangraph.service import ingest_files

PLAN = """示范市推进计量工作实施方案

一、重点任务
(一)加强计量体系建设。完善社会公用计量标准,开展计量比对。(责任单位:市市场监管局、市科技局)
(二)推进计量数字化转型。建设计量数据中心,推广数字校准证书。(责任单位:市科技局、市财政局)
(三)加强计量人才培养。完善注册计量师制度。(责任单位:市人力资源社会保障局)
"""


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    full = tmp_path / "full.txt"
    full.write_text(PLAN, encoding="utf-8")
    short = tmp_path / "short.txt"  # the same plan (same title) with one task only: a worse copy
    short.write_text("\n".join(PLAN.splitlines()[:4]) + "\n", encoding="utf-8")
    return {"full": full, "short": short}


def test_second_ingest_skips_extraction(falkor_store, files):
    first = ingest_files(falkor_store, [files["full"]])
    assert [r.load.status for r in first.results] == ["created"] and first.results[0].summary["file"] == "full.txt"
    again = ingest_files(falkor_store, [files["full"]])
    result = again.results[0]
    assert result.load.status == "unchanged" and result.load.tasks == 3
    assert result.summary == {}  # the content hash on the Document matched: not extracted again
    forced = ingest_files(falkor_store, [files["full"]], force=True)
    assert forced.results[0].summary and forced.results[0].load.status == "unchanged"


def test_same_plan_twice_in_one_batch_keeps_the_better_copy(falkor_store, files):
    report = ingest_files(falkor_store, [files["full"], files["short"]])
    full, short = report.results
    assert (full.load.status, short.load.status) == ("created", "skipped")
    assert "same plan as full.txt" in short.load.warnings[0] and "kept that one" in short.load.warnings[0]
    assert graph_stats(falkor_store)["tasks"] == 3


def test_better_copy_later_in_the_batch_replaces_with_a_warning(falkor_store, files):
    report = ingest_files(falkor_store, [files["short"], files["full"]])
    assert [r.load.status for r in report.results] == ["created", "replaced"]
    assert "same plan as short.txt" in report.results[1].load.warnings[0]
    assert graph_stats(falkor_store)["tasks"] == 3


def test_worse_copy_in_a_later_run_is_reported(falkor_store, files):
    ingest_files(falkor_store, [files["full"]])
    report = ingest_files(falkor_store, [files["short"]])
    warning = report.results[0].load.warnings[0]
    assert "same plan as full.txt already in the graph (3 tasks)" in warning and "fewer tasks" in warning
