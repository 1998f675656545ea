"""The same plan as .txt, HTML, DOCX, PDF, GB18030 and Big5 yields the same tasks."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_formats import PDF_FONT, to_docx, to_html, to_pdf
from plangraph.ingest.model import Extraction
from plangraph.ingest.pipeline import extract_file

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


def task_signature(result: Extraction) -> list[tuple]:
    return [(t.number, t.title, t.lead, tuple(t.co)) for t in result.tasks]


def seed_text(name: str) -> str:
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


@pytest.fixture(scope="module", params=["002", "003"])
def seed(request) -> tuple[str, Extraction]:
    path = next(SEEDS.glob(f"{request.param}_*.txt"))
    return path.read_text(encoding="utf-8"), extract_file(path)


@pytest.mark.parametrize("convert", [to_html, to_docx, to_pdf], ids=["html", "docx", "pdf"])
def test_other_formats_give_the_same_tasks(seed, convert, tmp_path: Path) -> None:
    if convert is to_pdf and not PDF_FONT.exists():
        pytest.skip(f"{PDF_FONT} missing: run scripts/system-deps.sh")
    text, reference = seed
    suffix = {"to_html": ".html", "to_docx": ".docx", "to_pdf": ".pdf"}[convert.__name__]
    result = extract_file(convert(text, tmp_path / f"plan{suffix}"))
    assert len(reference.tasks) > 10
    assert task_signature(result) == task_signature(reference)
    for t in result.tasks:
        assert result_text(tmp_path / f"plan{suffix}")[t.start:t.end] == t.quote


def result_text(path: Path) -> str:
    from plangraph.ingest.readers import read_document

    return read_document(path).text


@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
def test_legacy_encodings_give_the_same_tasks(encoding: str, tmp_path: Path) -> None:
    path = next(SEEDS.glob("002_*.txt"))  # traditional script, encodable in both
    reference = extract_file(path)
    encoded = tmp_path / f"plan-{encoding}.txt"
    encoded.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    result = extract_file(encoded)
    assert result.document.encoding == encoding
    assert task_signature(result) == task_signature(reference)
    assert result.document.title == reference.document.title


def test_utf8_bom_is_not_part_of_the_text(tmp_path: Path) -> None:
    text = seed_text("003")
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = extract_file(path)
    assert result.document.encoding == "utf-8-sig"
    assert result.tasks[0].quote == extract_file(next(SEEDS.glob("003_*.txt"))).tasks[0].quote
