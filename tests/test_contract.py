"""The typed extraction contract (ingest.model): seeds validate against the generated JSON Schema, the
schema file is current, the JSON of ``plangraph extract`` round-trips, and the one document-id rule."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from plangraph.ingest.model import Extraction, doc_id_for, doc_id_for_key, schema_text, title_key

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "docs" / "extraction.schema.json"


def test_schema_file_is_generated_from_the_model() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "docs/extraction.schema.json is stale: python -m plangraph.ingest.model > docs/extraction.schema.json")


def test_every_seed_extraction_validates_against_the_schema(seed_extractions: list[Extraction]) -> None:
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    for extraction in seed_extractions:
        data = json.loads(extraction.to_json())
        errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(data)]
        assert errors == [], extraction.file
        assert Extraction.model_validate(data) == extraction


def test_the_schema_rejects_what_the_loader_could_not_read() -> None:
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    bad = {"file": "x.txt", "document": {"title": "示范方案", "doc_id": "d-1"},
           "tasks": [{"id": "T01", "responsibility_source": "maybe"}]}
    assert list(validator.iter_errors(bad))
    with pytest.raises(ValueError, match="responsibility_source"):
        Extraction.model_validate(bad)


def test_extra_fields_pass_through() -> None:
    data = {"file": "x.txt", "document": {"title": "示范方案", "doc_id": doc_id_for("示范方案")},
            "tasks": [{"id": "T01", "lead": "市科技局", "lead_official": "分管副市长", "co_leads": []}]}
    task = Extraction.model_validate(data).to_dict()["tasks"][0]
    assert task["lead_official"] == "分管副市长" and task["co_leads"] == []


def test_one_document_id_rule() -> None:
    assert title_key("《示范 发展规划(2021—2035年)》") == "示范发展规划20212035年"
    assert doc_id_for("示范发展规划(2021—2035年)") == doc_id_for("《示范发展规划（2021-2035年）》")
    assert doc_id_for("示范发展规划") == doc_id_for_key("示范发展规划") != doc_id_for("另一规划")
    assert doc_id_for("示范发展规划").startswith("d-") and len(doc_id_for("示范发展规划")) == 14


def test_responsibility_view_of_a_task() -> None:
    data = {"id": "T01", "lead": "市科技局", "co": ["市财政局"], "responsibility_source": "explicit",
            "responsibility_quote": "(责任单位:市科技局、市财政局)", "responsibility_start": 5,
            "responsibility_end": 20}
    resp = Extraction.model_validate({"file": "x", "document": {"title": "t", "doc_id": "d"},
                                      "tasks": [data]}).tasks[0].responsibility
    assert (resp.source, resp.lead, resp.co, resp.start, resp.end) == ("explicit", "市科技局", ["市财政局"], 5, 20)
