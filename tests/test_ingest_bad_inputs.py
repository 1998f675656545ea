"""Bad input gets a clear message naming the file and the reason, and never stops the batch."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from plangraph.ingest.errors import IngestError
from plangraph.ingest.pipeline import extract_file

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


def make_bad_inputs(folder: Path) -> dict[str, str]:
    """File name → a phrase its error message must contain."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "truncated.txt").write_bytes("一、总体要求\n（一）加强计量".encode() + "工作".encode()[:-1])
    with open(folder / "huge.txt", "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (folder / "scripts.html").write_text("<html><head><script>var a=1;</script></head><body>"
                                         "<script>alert('一、任务')</script><style>p{}</style></body></html>",
                                         encoding="utf-8")
    (folder / "prose.txt").write_text("今天天气很好，我们去公园散步。\n晚上回家吃饭。\n", encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 100)
    (folder / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    return {
        "empty.txt": "empty",
        "binary.txt": "binary",
        "truncated.txt": "truncated multibyte",
        "huge.txt": "MB limit",
        "scripts.html": "no visible text",
        "prose.txt": "no recognisable plan structure",
        "photo.jpg": "unsupported file type",
        "old.xls": "save it as .xlsx",
    }


def test_each_bad_input_gets_its_reason(tmp_path: Path) -> None:
    for name, phrase in make_bad_inputs(tmp_path).items():
        with pytest.raises(IngestError) as info:
            extract_file(tmp_path / name)
        assert phrase in str(info.value), name
        assert name in str(info.value)


def test_a_batch_reports_failures_and_still_extracts_the_good_file(tmp_path: Path) -> None:
    expected = make_bad_inputs(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "plangraph.cli", "extract", str(tmp_path), "--out", str(out)],
                          capture_output=True, text=True, env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 1
    assert json.loads((out / "good.json").read_text(encoding="utf-8"))["tasks"]
    for name, phrase in expected.items():
        if name == "photo.jpg":  # folders only contribute supported documents
            continue
        assert name in proc.stderr and phrase in proc.stderr, name
    assert not (out / "empty.json").exists()


def test_a_notice_without_its_plan_keeps_its_own_marks_and_no_tasks(tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text("各区人民政府:\n现将《重点工作任务分解表》印发给你们,请认真落实。\n附件:重点工作任务分解表\n"
                      "某市人民政府办公室\n2021年1月25日\n", encoding="utf-8")
    ext = extract_file(notice)
    assert ext.tasks == [] and ext.document.issuer == "某市人民政府办公室"
    assert ext.document.issued_on == "2021-01-25"
