"""``plangraph extract`` never overwrites one output with another: inputs sharing a stem each get their own."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from plangraph.cli import app
from plangraph.commands.extract import output_names

LINES = ["示范市推进计量工作实施方案", "一、重点任务",
         "(一)加强计量体系建设。完善社会公用计量标准。(责任单位:市市场监管局、市科技局)",
         "(二)推进计量数字化转型。建设计量数据中心。(责任单位:市科技局)"]  # fmt: skip


def test_output_names_are_distinct_and_plain_when_possible():
    paths = [Path("a/plan.txt"), Path("a/plan.html"), Path("b/plan.txt"), Path("a/other.pdf")]
    names = output_names(paths)
    assert names == {Path("a/plan.txt"): "plan.txt.json", Path("a/plan.html"): "plan.html.json",
                     Path("b/plan.txt"): "plan.txt.2.json", Path("a/other.pdf"): "other.json"}  # fmt: skip
    assert len(set(names.values())) == len(paths)


def test_extract_writes_one_output_per_input(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "plan.txt").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    (tmp_path / "b" / "plan.txt").write_text("\n".join(LINES[:3]) + "\n", encoding="utf-8")
    html = "<html><body>" + "".join(f"<p>{line}</p>" for line in LINES) + "</body></html>"
    (tmp_path / "a" / "plan.html").write_text(html, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in out.iterdir())
    assert written == ["plan.html.json", "plan.txt.2.json", "plan.txt.json"]
    tasks = {name: len(json.loads((out / name).read_text(encoding="utf-8"))["tasks"]) for name in written}
    assert tasks == {"plan.html.json": 2, "plan.txt.json": 2, "plan.txt.2.json": 1}  # nothing overwritten
