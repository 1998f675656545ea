"""POST /documents and DELETE /documents/{id}: a round trip on a seed, the API key, size and file checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from plangraph.api.app import create_app
from plangraph.graph.falkor_store import FalkorStore
from plangraph.graph.loader import graph_stats
from plangraph.ingest.pipeline import extract_file
from pydantic import SecretStr

KEY = {"X-API-Key": "s3cret"}


@pytest.fixture(scope="module")
def settings(falkor_settings):
    return falkor_settings.model_copy(update={"graph_name": "plangraph_upload", "api_key": SecretStr("s3cret"),
                                              "max_file_mb": 0.5})  # fmt: skip


@pytest.fixture(scope="module")
def store(settings):
    s = FalkorStore(settings)
    s.clear()
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(settings, store):
    return TestClient(create_app(settings, store))


@pytest.fixture(scope="module")
def seed(falkor_settings) -> Path:
    return sorted(falkor_settings.seeds_dir.glob("*.txt"))[0]


def upload(client, name: str, data: bytes, headers=KEY):
    return client.post("/documents", files={"file": (name, data, "application/octet-stream")}, headers=headers)


def test_upload_round_trip(client, store, seed):
    expected = extract_file(seed)
    resp = upload(client, seed.name, seed.read_bytes())
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["status"] == "created" and body["doc_id"] == expected.document.doc_id
    assert body["tasks"] == len(expected.tasks) > 0
    assert body["targets"] == len(expected.targets)
    assert set(body["lead_units"]) == {t.lead for t in expected.tasks if t.lead}
    assert set(body["co_units"]) == {c for t in expected.tasks for c in t.co}
    assert graph_stats(store)["tasks"] == body["tasks"]
    listed = client.get("/documents").json()
    assert listed["total"] == 1 and listed["items"][0]["doc_id"] == body["doc_id"]
    assert client.get("/tasks", params={"doc_id": body["doc_id"]}).json()["total"] == body["tasks"]

    before = graph_stats(store)
    again = upload(client, seed.name, seed.read_bytes())
    assert again.status_code == 200 and again.json()["status"] == "unchanged"
    assert graph_stats(store) == before  # the same plan twice changes nothing

    gone = client.delete(f"/documents/{body['doc_id']}", headers=KEY)
    assert gone.status_code == 200 and gone.json()["removed"]
    assert client.get("/documents").json()["total"] == 0
    assert graph_stats(store)["tasks"] == 0
    assert client.delete(f"/documents/{body['doc_id']}", headers=KEY).status_code == 404


def test_same_plan_from_another_file_is_reported(client, seed):
    upload(client, seed.name, seed.read_bytes())
    text = seed.read_text(encoding="utf-8")
    resp = upload(client, "copy.txt", text.replace("\n", "\n\n", 3).encode("utf-8"))
    assert resp.status_code == 201 and resp.json()["status"] == "replaced"
    assert any(seed.name in w and "same plan" in w for w in resp.json()["warnings"]), resp.json()["warnings"]
    client.delete(f"/documents/{resp.json()['doc_id']}", headers=KEY)


@pytest.mark.parametrize(
    ("headers", "status"), [({}, 401), ({"X-API-Key": "wrong"}, 401)], ids=["no key", "wrong key"]
)
def test_writes_need_the_api_key(client, store, seed, headers, status):
    assert upload(client, seed.name, seed.read_bytes(), headers=headers).status_code == status
    assert client.delete("/documents/d-000000000000", headers=headers).status_code == status
    assert graph_stats(store)["documents"] == 0


def test_writes_are_off_without_a_configured_key(falkor_settings, store, seed):
    off = TestClient(create_app(falkor_settings.model_copy(update={"graph_name": "plangraph_upload"}), store))
    resp = upload(off, seed.name, seed.read_bytes())
    assert resp.status_code == 403 and resp.json()["error"] == "writes_disabled"


@pytest.mark.parametrize(
    ("name", "data", "status", "code", "reason"),
    [
        ("big.txt", "一、总体要求\n".encode() * 30000, 413, "file_too_large", "MB limit"),
        ("plan.rtf", b"{\\rtf1 hello}", 415, "unsupported_file_type", "unsupported file type .rtf"),
        ("plan.doc", b"\xd0\xcf\x11\xe0 old word", 415, "unsupported_file_type", "save it as .docx"),
        ("empty.txt", b"", 422, "bad_file", "empty"),
        ("binary.txt", bytes(range(256)) * 20, 422, "bad_file", "binary"),
        ("prose.txt", "这是一段没有任何编号结构的普通文字。".encode() * 20, 422, "bad_file", "structure"),
        ("broken.docx", b"PK\x03\x04 not really a zip", 422, "bad_file", "docx"),
    ],
    ids=["oversized", "unsupported", "old-word", "empty", "binary", "no-structure", "bad-docx"],
)
def test_bad_uploads_are_refused_naming_the_reason(client, store, name, data, status, code, reason):
    resp = upload(client, name, data)
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert body["error"] == code and reason in body["message"] and name in body["message"]
    assert graph_stats(store)["documents"] == 0  # nothing half-written


def test_an_upload_far_above_the_limit_is_cut_off_before_it_is_read(client, store):
    resp = upload(client, "huge.txt", b"x" * (2 * 1024 * 1024))
    assert resp.status_code == 413 and "PLANGRAPH_MAX_FILE_MB" in resp.json()["message"]
    assert graph_stats(store)["documents"] == 0


def test_upload_is_documented_with_examples(client):
    spec = client.get("/openapi.json").json()
    post = spec["paths"]["/documents"]["post"]
    assert "multipart/form-data" in post["requestBody"]["content"]
    assert {"201", "401", "403", "413", "415", "422"} <= set(post["responses"])
    assert "delete" in spec["paths"]["/documents/{doc_id}"]
