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

from plangraph.graph.catalogue import internal_statements

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


def summary(result: Any) -> dict[str, Any]:
    """The answer for a loaded file (a :class:`plangraph.service.FileResult`): id, status, counts, lead and co
    units as printed, warnings."""
    load, about = result.load, result.summary
    return {
        "doc_id": load.doc_id,
        "status": load.status,
        "title": about.get("title"),
        "file": about.get("file") or result.path.name,
        "tasks": load.tasks,
        "tasks_without_responsible": load.tasks_without_responsible,
        "lead_units": about.get("lead_units", []),
        "co_units": about.get("co_units", []),
        "targets": load.targets,
        "milestone_years": about.get("milestone_years", []),
        "warnings": list(load.warnings),
    }


def ingest_upload(store: Any, filename: str, data: bytes, settings: Settings) -> dict[str, Any]:
    """Extract and load one uploaded file through :func:`plangraph.service.ingest_files`; the summary dict, or
    :class:`UploadRejected` saying why not."""
    from plangraph.ingest.readers import SUPPORTED, unsupported_message

    from plangraph.service import ingest_files

    name = safe_name(filename)
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED:
        raise UploadRejected(415, "unsupported_file_type", f"{name}: {unsupported_message(suffix)}")
    with tempfile.TemporaryDirectory(prefix="plangraph-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        report = ingest_files(store, [path], max_mb=settings.max_file_mb, force=True, workers=1)
    result = report.results[0]
    if result.error is not None:
        raise UploadRejected(422, "bad_file", f"{name}: {result.error}")
    return summary(result)


_STATE = internal_statements()["removal_state"]


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
