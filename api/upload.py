"""The upload and removal use cases behind ``POST /documents`` and ``DELETE /documents/{doc_id}``.

An upload goes through the same reader, checks and loader as ``plangraph ingest``: the bytes are written
under their own file name in a private temporary folder (the name is part of the document's provenance, so
uploading the same file twice changes nothing), extracted, then loaded in one atomic write.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from plangraph.settings import Settings


class UploadRejected(Exception):
    """An upload or removal refused with an HTTP status, an error code and a message naming the reason."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def safe_name(filename: str) -> str:
    """The base name of an uploaded file, without folders or control characters (at most 150 characters)."""
    name = Path(filename.replace("\\", "/")).name
    name = re.sub(r"[\x00-\x1f\x7f/]", "", name).strip()
    if not name or name in (".", ".."):
        raise UploadRejected(422, "bad_file", "the upload has no file name")
    stem, suffix = Path(name).stem, Path(name).suffix
    return stem[: 150 - len(suffix)] + suffix


def summary(extraction: dict, result: Any) -> dict[str, Any]:
    """The extraction summary of a loaded document: counts, lead and co units as printed, warnings."""
    tasks = extraction.get("tasks") or []
    leads = list(dict.fromkeys(t["lead"] for t in tasks if t.get("lead")))
    co = list(dict.fromkeys(c for t in tasks for c in t.get("co") or [] if c))
    doc = extraction.get("document") or {}
    return {
        "doc_id": result.doc_id,
        "status": result.status,
        "title": doc.get("title"),
        "file": extraction.get("file") or "",
        "tasks": len(tasks),
        "tasks_without_responsible": result.tasks_without_responsible,
        "lead_units": leads,
        "co_units": co,
        "targets": len(extraction.get("targets") or []),
        "milestone_years": [int(y) for y in extraction.get("milestone_years") or []],
        "warnings": list(result.warnings),
    }


_PREVIOUS = ("MATCH (d:Document {doc_id: $doc_id}) WHERE coalesce(d.stub, false) = false "
             "RETURN d.file AS file, d.sha256 AS sha256, size([(d)-[:HAS_TASK]->(:Task) | 1]) AS tasks")


def replacement_warning(store: Any, extraction: dict) -> str | None:
    """A warning when ``extraction`` is a plan already in the graph from another file (a PDF replacing the
    text version, say), with the task counts of both, so a worse copy never replaces a better one silently."""
    from plangraph.graph.loader import stub_doc_id

    doc = extraction["document"]
    doc_id = doc.get("doc_id") or stub_doc_id(doc["title_key"])
    rows = store.read(_PREVIOUS, {"doc_id": doc_id})
    if not rows or rows[0]["sha256"] == doc.get("sha256"):
        return None
    old, new = int(rows[0]["tasks"] or 0), len(extraction.get("tasks") or [])
    worse = " — fewer tasks than before" if new < old else ""
    return (f"same plan as {rows[0]['file'] or 'an earlier file'} already in the graph ({old} tasks); "
            f"replaced by {extraction.get('file')} ({new} tasks){worse}")


def ingest_upload(store: Any, filename: str, data: bytes, settings: Settings) -> dict[str, Any]:
    """Extract and load one uploaded file; the summary dict, or :class:`UploadRejected` saying why not."""
    from plangraph.graph.linking import relink
    from plangraph.graph.loader import load_document
    from plangraph.ingest.errors import IngestError, NoStructure
    from plangraph.ingest.pipeline import extract_file
    from plangraph.ingest.readers import SUPPORTED

    name = safe_name(filename)
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED:
        raise UploadRejected(415, "unsupported_file_type",
                             f"{name}: unsupported file type {suffix or '(none)'}; use one of "
                             f"{', '.join(sorted(SUPPORTED))}")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="plangraph-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            extraction = extract_file(path, max_mb=settings.max_file_mb)
        except NoStructure as exc:
            raise UploadRejected(422, "no_plan_structure", f"{name}: {exc.reason}") from None
        except IngestError as exc:
            raise UploadRejected(422, "unreadable_file", f"{name}: {exc.reason}") from None
    warning = replacement_warning(store, extraction)
    result = load_document(store, extraction)
    if warning:
        result.warnings.insert(0, warning)
    if result.status != "unchanged":
        relink(store)
    return summary(extraction, result)


_STATE = ("MATCH (d:Document {doc_id: $doc_id}) "
          "RETURN coalesce(d.stub, false) AS stub, size([()-[:IMPLEMENTS]->(d) | 1]) AS cited_by")


def remove_uploaded(store: Any, doc_id: str) -> dict[str, Any]:
    """Remove a document (a stub stays while another plan cites it) and relink; 404 when unknown."""
    from plangraph.graph.linking import relink
    from plangraph.graph.loader import remove_document

    rows = store.read(_STATE, {"doc_id": doc_id})
    if not rows or rows[0]["stub"]:
        raise UploadRejected(404, "not_found", f"unknown document {doc_id!r}")
    remove_document(store, doc_id)
    relink(store)
    return {"doc_id": doc_id, "removed": True, "stub": bool(store.read(_STATE, {"doc_id": doc_id}))}
