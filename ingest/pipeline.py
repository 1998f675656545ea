"""From a file to its :class:`~plangraph.ingest.model.Extraction` (the typed contract): read, normalise, parse
the outline, then responsibility, agencies, targets, years and topics, every span mapped back to the original
text. The stages assemble a dict; ``extract_file`` validates it into the contract at the boundary."""

from __future__ import annotations

from pathlib import Path

from plangraph.ingest.limits import bound_extraction
from plangraph.ingest.metadata import DocumentMeta, extract_metadata
from plangraph.ingest.model import Extraction, doc_id_for, title_key
from plangraph.ingest.normalize import NormText
from plangraph.ingest.places import resolve_place
from plangraph.ingest.readers import read_document
from plangraph.ingest.structure import Outline, parse_outline


def extract_file(path: Path | str, *, max_mb: float = 20.0) -> Extraction:
    """Extract one document; raises :class:`ingest.errors.IngestError` with the reason when it cannot."""
    return Extraction.model_validate(bound_extraction(extract_dict(path, max_mb=max_mb), path))


def _issued_document(meta: DocumentMeta) -> bool:
    """A government document by its own marks even without numbered items (a notice issuing a plan whose table is
    not on the page): a 文号 or a signed date, and a title or an issuer. It is kept with no tasks."""
    return bool((meta.doc_number or meta.issued_on) and (meta.title or meta.wrapper_title or meta.issuer))


def extract_dict(path: Path | str, *, max_mb: float = 20.0) -> dict:
    """The extraction as the stages assemble it (a plain dict; :func:`extract_file` validates it)."""
    from plangraph.ingest.errors import NoStructure

    path = Path(path)
    source = read_document(path, max_mb=max_mb)
    norm = NormText(source.text)
    outline = parse_outline(norm.text)
    meta = extract_metadata(norm.text, outline.body_start, outline.body_end)
    if not outline.tasks and not outline.sections and not _issued_document(meta):
        raise NoStructure(path, "no recognisable plan structure (no numbered sections, tasks or 责任单位 lines)")
    title = meta.title   # never the file name: null when no title is printed (the file name is the label)
    doc = {
        "title": title,
        "label": title or path.stem,
        "issuer": meta.issuer,
        "issued_on": meta.issued_on,
        "doc_number": meta.doc_number,
        "level": meta.level,
        "jurisdiction": meta.jurisdiction,
        "province": _province(meta.jurisdiction),
        "period": meta.period,
        "implements": [_cited_label(r) for r in meta.implements],
        "doc_id": doc_id_for(title or path.stem),
        "title_key": title_key(title) if title else None,
        "wrapper_title": meta.wrapper_title,
        "sha256": source.sha256,
        "format": source.format,
        "encoding": source.encoding,
        "script": norm.script,
        "source_file": path.name,
        "implements_refs": [
            {"title": r["title"], "title_key": r["title_key"], "doc_number": r["doc_number"],
             "doc_id": doc_id_for(r["title"]), **norm.quote(r["start"], r["end"])}
            for r in meta.implements
        ],
    }
    sections = _sections(norm, outline)
    tasks = _tasks(norm, outline, sections)
    from plangraph.ingest.enrich import enrich

    result = {"file": path.name, "document": doc, "sections": sections, "tasks": tasks, "targets": [],
              "milestone_years": [], "agencies": [], "warnings": []}
    enrich(result, norm, outline)
    return result


def _province(jurisdiction: str | None) -> str | None:
    """The province of a jurisdiction (China's administrative divisions, ``ingest.places``)."""
    place = resolve_place(jurisdiction) if jurisdiction else None
    return place.province if place else None


def _cited_label(ref: dict) -> str:
    return f"《{ref['title']}》" + (f"({ref['doc_number']})" if ref.get("doc_number") else "")


def _sections(norm: NormText, outline: Outline) -> list[dict]:
    by_id = {s.id: s for s in outline.sections}
    out = []
    for s in outline.sections:
        heading_end = norm.text.find("\n", s.start)
        heading_end = s.end if heading_end < 0 else min(heading_end, s.end)
        out.append({
            "id": s.id, "number": s.number, "title": s.title, "depth": s.depth, "zone": s.zone,
            "parent": by_id[s.parent].number if s.parent else None, "parent_id": s.parent,
            "path": _path(by_id, s.id),
            **norm.quote(s.start, heading_end),
        })
    return out


def _path(by_id: dict, sid: str | None) -> str | None:
    parts = []
    while sid:
        s = by_id[sid]
        parts.append(s.number if s.number else s.title)
        sid = s.parent
    return "".join(reversed(parts)) or None


def _tasks(norm: NormText, outline: Outline, sections: list[dict]) -> list[dict]:
    by_id = {s["id"]: s for s in sections}
    out = []
    for t in outline.tasks:
        section = by_id.get(t.section_id) if t.section_id else None
        out.append({
            "id": t.id,
            "section": section["path"] if section else None,
            "section_id": t.section_id,
            "section_title": section["title"] if section else None,
            "zone": t.zone,
            "number": t.number,
            "title": t.title,
            "text": norm.text[t.start:t.end],
            "norm_start": t.start,
            "norm_end": t.end,
            **norm.quote(t.start, t.end),
            "lead": None, "co": [], "responsibility_source": "none", "responsibility_quote": None,
            "topics": [],
        })
    return out

