"""Load one extraction dict (docs/design.md) into the graph: idempotent, never visible half-written.

How a document is written
-------------------------
1. A read compares the document's ``sha256`` (file) and ``extraction_sha`` (hash of the extraction dict) with
   the stored ones: both equal → nothing is sent (``status == "unchanged"``).
2. Shared nodes (Jurisdiction + PART_OF, Function, Agency + IN / HAS_FUNCTION / SUCCEEDED_BY, Topic, Year)
   are merged with ``UNWIND $rows`` statements. They are idempotent and owned by no document, so running
   them and then dying leaves a valid graph (the old version of the document, plus harmless shared nodes).
3. One single ``REPLACE_DOCUMENT`` statement deletes the document's old Sections, Tasks and Targets (with all
   their relationships, incl. RESPONSIBLE_FOR, CITES and Task IMPLEMENTS) and the document's outgoing
   edges, sets the document properties (``sha256`` last written here, so it always matches the content) and
   creates the new subgraph with ``FOREACH`` over parameter lists.

Why one statement: FalkorDB runs each query atomically (single writer, no rollback across queries), so the
old and the new version can never be seen mixed, even after ``kill -9`` of the loader at any point: either
the statement reached the server (new version) or it did not (old version). All statements of a document go
through ``store.write_atomic``: one transaction on Neo4j, one MULTI/EXEC on FalkorDB — a second line of
defence, not the one the guarantee rests on. A staged design (write under a temporary key, swap) would need
relabelling, which the portable Cypher subset does not offer, and leaves debris after a kill.

``STATEMENTS`` holds every Cypher text sent by the loader (linted for Neo4j 5 by the test suite); the writes live in
``queries/write/*.cypher`` (``@mode: write``; never served over HTTP).
Test hook: ``PLANGRAPH_LOADER_PAUSE=<checkpoint>:<seconds>`` sleeps at a checkpoint (``before-write``,
``after-write``) after printing ``checkpoint <name>`` to stderr, so a test can kill the process there.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
import weakref
from dataclasses import dataclass, field
from typing import Any

import pydantic_core
from plangraph.graph.catalogue import internal_statements, write_statements
from plangraph.graph.dialect import task_fulltext_properties
from plangraph.graph.errors import GraphError
from plangraph.graph.keys import KeyRefused, check_statements
from plangraph.graph.store import GraphStore
from plangraph.ingest.model import Extraction, doc_id_for_key
from plangraph.ingest.places import Place, lineage, resolve_place
from plangraph.ingest.years import deadline_years

BATCH = 2000
# bumped when the loader changes the stored shape (new or dropped properties): documents of an older loader reload
LOADER_VERSION = 8  # 8: Task.text_seg also holds the vocabulary words of the text (graph.dialect)


_READS = ("document_state", "document_states", "find_cited", "stubs_of_document", "stubs_of_documents", "count_label",
          "count_stubs", "count_relationships", "count_tasks_without_responsible")
# every statement the loader sends: the reads of queries/internal and the writes of queries/write (linted by the tests)
STATEMENTS: dict[str, str] = {**{k: internal_statements()[k] for k in _READS}, **{k: v for k, v in write_statements().items() if k in (
    "bump_version", "merge_jurisdictions", "merge_part_of", "merge_functions", "merge_agencies", "merge_agency_in",
    "merge_agency_function", "merge_succession", "merge_topics", "merge_years", "replace_document", "create_document",
    "remove_document", "remove_orphan_stubs")}}

_STAT_LABELS = {
    "Document": "documents", "Section": "sections", "Task": "tasks", "Agency": "agencies", "Target": "targets",
    "Topic": "topics", "Year": "years", "Jurisdiction": "jurisdictions", "Function": "functions",
}


@dataclass
class LoadResult:
    """What ``load_document`` did: ``status`` is created | replaced | upgraded | unchanged."""

    doc_id: str
    status: str
    sections: int = 0
    tasks: int = 0
    targets: int = 0
    agencies: int = 0
    responsibilities: int = 0
    tasks_without_responsible: int = 0
    warnings: list[str] = field(default_factory=list)
    agency_ids: list[str] = field(default_factory=list)
    links: int = 0  # task links written with the document (``write_plan(link=True)`` of a replaced document)
    # the stored document this one replaced (file, sha256, tasks), when it was a full document, not a stub
    previous: dict[str, Any] | None = None


_SCHEMA_READY: weakref.WeakSet = weakref.WeakSet()


def _ensure_schema(store: GraphStore) -> None:
    """``store.ensure_schema()`` once per store object (idempotent, but not free)."""
    try:
        if store in _SCHEMA_READY:
            return
        store.ensure_schema()
        _SCHEMA_READY.add(store)
    except TypeError:  # a store that cannot be weakly referenced
        store.ensure_schema()


def _checkpoint(name: str) -> None:
    spec = os.environ.get("PLANGRAPH_LOADER_PAUSE", "")
    if not spec:
        return
    point, _, seconds = spec.partition(":")
    if point == name:
        print(f"checkpoint {name}", file=sys.stderr, flush=True)
        time.sleep(float(seconds or 30))


stub_doc_id = doc_id_for_key  # the document id of a plan known by its title key (the rule of ingest.model)


def extraction_fingerprint(extraction: dict) -> str:
    """A stable hash of the extraction dict: its content in the key order of the contract's models (the loader
    hashes ``Extraction.to_dict()``), serialised by pydantic-core (a fifth of ``json.dumps(sort_keys=True)``'s
    time on a 250 KB plan)."""
    return hashlib.sha256(pydantic_core.to_json(extraction, fallback=str)).hexdigest()


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    """Graph-storable values: None stays (it removes the property), lists lose None items, maps become JSON."""
    out: dict[str, Any] = {}
    for key, value in props.items():
        kind = type(value)
        if kind is str or value is None or kind is int or kind is float or kind is bool:  # most values
            out[key] = value
            continue
        if isinstance(value, tuple):
            value = list(value)
        if isinstance(value, list):
            items = [v for v in value if v is not None]
            if any(isinstance(v, (dict, list)) for v in items):
                value = json.dumps(items, ensure_ascii=False, sort_keys=True)
            else:
                value = items
        elif isinstance(value, dict):
            value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        out[key] = value
    return out


def _first(*values: Any) -> Any:
    """The first value that is not None (Cypher's ``coalesce``)."""
    return next((v for v in values if v is not None), None)


def responsibility_provenance(edge: dict[str, Any], task: dict[str, Any]) -> dict[str, Any]:
    """A RESPONSIBLE_FOR edge's ``quote`` / ``start`` / ``end``: its own when stored, else the clause its task
    quotes (``responsibility_*``, else the task's own quote): what every reader returns (``task_detail``, export)."""
    return {key: _first(edge.get(key), task.get(f"responsibility_{key}"), task.get(key))
            for key in ("quote", "start", "end")}


def _chunks(rows: list[dict], size: int = BATCH) -> list[list[dict]]:
    return [rows[i : i + size] for i in range(0, len(rows), size)] or []


class _Plan:
    """Everything one document sends, computed from the extraction dict (no store access)."""

    def __init__(self, extraction: dict) -> None:
        doc = extraction["document"]
        self.doc_id: str = doc.get("doc_id") or stub_doc_id(doc["title_key"])
        self.extraction = extraction
        self.topic_labels = {t["key"]: {"zh": t.get("zh"), "en": t.get("en")}
                             for t in extraction.get("topics") or []}
        self.warnings: list[str] = list(extraction.get("warnings") or [])
        self.jurisdictions: dict[str, Place] = {}
        self.place_of_doc = self._place(doc.get("jurisdiction"), None)
        self.doc_jurisdiction = self.place_of_doc.name if self.place_of_doc else doc.get("jurisdiction")
        self._agencies()
        self._document()
        self._sections()
        self._tasks()
        self._targets()
        years: dict[str, set[int]] = {}
        target_task = {s["target_id"]: s["task_id"] for s in self.sets}
        for due in self.dues:
            if due["target_id"] in target_task:
                years.setdefault(target_task[due["target_id"]], set()).add(due["year"])
        for row in self.tasks:  # denormalised: the years of the targets the task sets (year filter and facet)
            row["target_years"] = sorted(years.get(row["task_id"], ()))
            row["deadline_years"] = deadline_years(row.get("deadline"))  # "2025年底前" → [2025]
        self.refusal = self.key_refusal()  # checked where the plan is made (an extraction worker), once

    # -- shared nodes
    def _place(self, name: str | None, parent: str | None) -> Place | None:
        place = resolve_place(name, parent)
        if place is None:
            return None
        for p in lineage(place):
            self.jurisdictions.setdefault(p.name, p)
        return place

    def _agencies(self) -> None:
        doc = self.extraction["document"]
        self.agency_rows: dict[str, dict] = {}
        self.agency_in: list[dict] = []
        self.functions: dict[str, dict] = {}
        self.agency_functions: list[dict] = []
        self.successions: list[dict] = []
        for agency in self.extraction.get("agencies") or []:
            self._add_agency(agency)
        issuer = doc.get("issuer")
        self.issuer_id = None
        if issuer:
            for row in self.agency_rows.values():
                if issuer == row["agency_id"] or issuer == row["name"] or issuer in row["aliases"]:
                    self.issuer_id = row["agency_id"]
                    break
            else:
                self._add_agency({"agency_id": issuer, "name": issuer, "kind": "issuer",
                                  "jurisdiction": doc.get("jurisdiction"), "level": doc.get("level")})
                self.issuer_id = issuer

    def _add_agency(self, agency: dict) -> None:
        agency_id = agency.get("agency_id") or agency.get("name")
        if not agency_id:
            return
        parent = agency.get("parent_jurisdiction") or self.extraction["document"].get("jurisdiction")
        place = self._place(agency.get("jurisdiction"), parent)
        printed = agency.get("printed") or []
        printed = [printed] if isinstance(printed, str) else list(printed)
        aliases = [a for a in [agency.get("name"), *(agency.get("aliases") or []), *printed]
                   if a and isinstance(a, str) and a != agency_id]
        row = self.agency_rows.get(agency_id)
        if row is not None:
            row["aliases"] += [a for a in aliases if a not in row["aliases"]]
            return
        self.agency_rows[agency_id] = {
            "agency_id": agency_id,
            "name": agency.get("name") or agency_id,
            "name_en": agency.get("name_en"),
            "function": agency.get("function"),
            "level": agency.get("level"),
            "jurisdiction": agency.get("jurisdiction") or (place.name if place else None),
            "province": agency.get("province") or (place.province if place else None),
            "kind": agency.get("kind"),
            "aliases": list(dict.fromkeys(aliases)),
        }
        if place is not None:
            self.agency_in.append({"agency_id": agency_id, "jurisdiction": place.name})
        if agency.get("function"):
            key = agency["function"]
            self.functions.setdefault(key, {"key": key, "zh": agency.get("function_zh"),
                                            "en": agency.get("function_en")})
            self.agency_functions.append({"agency_id": agency_id, "function": key})
        if agency.get("successor_id"):
            self.successions.append({"agency_id": agency_id, "successor_id": agency["successor_id"],
                                     "year": agency.get("successor_year")})

    def _agency_for(self, agency_id: str | None, printed: str | None) -> str | None:
        if not agency_id and not printed:
            return None
        if not agency_id:
            jur = self.extraction["document"].get("jurisdiction") or ""
            agency_id = f"{jur}·{printed}" if jur else printed
        if agency_id not in self.agency_rows:
            self._add_agency({"agency_id": agency_id, "name": printed or agency_id, "printed": printed,
                              "kind": "unknown"})
        return agency_id

    # -- the document
    def _document(self) -> None:
        doc = self.extraction["document"]
        period = doc.get("period") or []
        self.doc = _clean({
            "doc_id": self.doc_id,
            "title": doc.get("title"),
            "label": doc.get("label") or doc.get("title"),
            "title_key": doc.get("title_key"),
            "wrapper_title": doc.get("wrapper_title"),
            "issuer": doc.get("issuer"),
            "issued_on": doc.get("issued_on"),
            "doc_number": doc.get("doc_number"),
            "level": doc.get("level"),
            "jurisdiction": self.doc_jurisdiction,
            "province": doc.get("province") or (self.place_of_doc.province if self.place_of_doc else None),
            "period": period,
            "period_start": period[0] if period else None,
            "period_end": period[-1] if period else None,
            "implements": doc.get("implements") or [],
            "sha256": doc.get("sha256"),
            "extraction_sha": extraction_fingerprint(self.extraction),
            "format": doc.get("format"),
            "encoding": doc.get("encoding"),
            "script": doc.get("script"),
            "file": self.extraction.get("file"),
            "extractor": doc.get("extractor"),   # plangraph.service.extractor_fingerprint()
            "stub": False,
            "loader_version": LOADER_VERSION,
        })
        self.covers = [self.place_of_doc.name] if self.place_of_doc else []
        years = {int(y) for y in self.extraction.get("milestone_years") or [] if y is not None}
        self.milestones = sorted(years)
        self.refs = []
        for i, ref in enumerate(doc.get("implements_refs") or []):
            if not ref.get("title_key") and not ref.get("doc_number"):
                continue
            self.refs.append({"i": i, "title": ref.get("title"), "title_key": ref.get("title_key"),
                              "doc_number": ref.get("doc_number"), "quote": ref.get("quote"),
                              "start": ref.get("start"), "end": ref.get("end")})

    def _sections(self) -> None:
        self.sections: list[dict] = []
        self.section_lookup: dict[str, str] = {}
        self.top_sections: list[str] = []
        self.subsections: list[dict] = []
        raw = self.extraction.get("sections") or []
        for i, sec in enumerate(raw):
            local = str(sec.get("id") or f"S{i + 1}")
            section_id = f"{self.doc_id}/{local}"
            for key in (local, sec.get("number"), sec.get("title")):
                if key:
                    self.section_lookup.setdefault(str(key), section_id)
            self.sections.append(_clean({
                "section_id": section_id, "doc_id": self.doc_id, "local_id": local,
                "number": sec.get("number"), "title": sec.get("title"), "depth": sec.get("depth"),
                "zone": sec.get("zone"), "quote": sec.get("quote"), "start": sec.get("start"),
                "end": sec.get("end"), "order": i,
            }))
        for sec, row in zip(raw, self.sections, strict=True):
            parent = self._section_id(sec.get("parent"))
            if parent and parent != row["section_id"]:
                row["parent_id"] = parent
                self.subsections.append({"parent": parent, "child": row["section_id"]})
            else:
                self.top_sections.append(row["section_id"])

    def _section_id(self, ref: Any) -> str | None:
        if ref is None or ref == "":
            return None
        ref = str(ref)
        if ref in self.section_lookup:
            return self.section_lookup[ref]
        for sep in ("/", " > ", ">", " "):
            if sep in ref:
                tail = ref.rsplit(sep, 1)[-1].strip()
                if tail in self.section_lookup:
                    return self.section_lookup[tail]
        return None

    def _tasks(self) -> None:
        self.tasks: list[dict] = []
        self.task_sections: list[dict] = []
        self.responsibilities: list[dict] = []
        self.cites: list[dict] = []
        self.task_ids: dict[str, str] = {}
        self.without_responsible = 0
        self.lead_units: list[str] = []  # the units as printed (not stored on the task: see lead_printed, co_printed)
        self.co_units: list[str] = []
        for i, task in enumerate(self.extraction.get("tasks") or []):
            self.lead_units += [task["lead"]] if task.get("lead") else []
            self.co_units += [c for c in task.get("co") or [] if c]
            local = str(task.get("id") or f"T{i + 1:02d}")
            task_id = f"{self.doc_id}/{local}"
            self.task_ids[local] = task_id
            text = task.get("text") or task.get("quote") or ""
            row = {
                "task_id": task_id, "doc_id": self.doc_id, "local_id": local, "order": i,
                "number": task.get("number"), "title": task.get("title"), "text": text,
                "quote": task.get("quote"), "start": task.get("start"), "end": task.get("end"),
                "section": task.get("section"), "section_title": task.get("section_title"),
                "zone": task.get("zone"), "responsibility_source": task.get("responsibility_source"),
                "responsibility_quote": task.get("responsibility_quote"),
                "responsibility_start": task.get("responsibility_start"),
                "responsibility_end": task.get("responsibility_end"),
                "deadline": task.get("deadline"), "generic_actors": task.get("generic_actors") or [],
            }  # the extraction's lead / co / topics are stored once: lead_printed, co_printed, topic_keys below
            row.update(task_fulltext_properties(text))
            section_id = self._section_id(task.get("section")) or self._section_id(task.get("section_title"))
            if section_id:
                self.task_sections.append({"section_id": section_id, "task_id": task_id})
            first = len(self.responsibilities)
            lead_id = self._responsibility(task, task_id)
            cites = self._cites(task, task_id)
            # denormalised for the read path: the lead agency and its function (indexed), the document's place,
            # and the decoration of a task row (co units in printed order, topics) as parallel lists
            units = self.responsibilities[first:]
            lead = next((u for u in units if u["props"]["role"] == "lead"), None)
            co = [u for u in units if u["props"]["role"] == "co"]
            row["lead_id"] = lead_id
            row["lead_function"] = self.agency_rows[lead_id].get("function") if lead_id else None
            row["lead_name"] = self.agency_rows[lead_id]["name"] if lead_id else None
            row["lead_printed"] = lead["props"]["printed"] if lead else None
            row["co_ids"] = [u["agency_id"] for u in co]
            row["co_names"] = [self.agency_rows[u["agency_id"]]["name"] for u in co]
            row["co_printed"] = [u["props"]["printed"] for u in co]
            row["topic_keys"] = [c["topic"] for c in cites]
            row["topic_names"] = [self.topic_labels.get(c["topic"], {}).get("zh") or c["topic"] for c in cites]
            row["topic_names_en"] = [self.topic_labels.get(c["topic"], {}).get("en") or "" for c in cites]
            row["topic_terms"] = ["|".join(c["terms"]) for c in cites]
            row["jurisdiction"] = self.doc.get("jurisdiction")
            row["province"] = self.doc.get("province")
            row["level"] = self.doc.get("level")
            self.tasks.append(_clean(row))

    def _responsibility(self, task: dict, task_id: str) -> str | None:
        """RESPONSIBLE_FOR rows of one task; returns the lead agency id (None when nobody leads)."""
        units = [(task.get("lead_id"), task.get("lead"), "lead")]
        co_ids = list(task.get("co_ids") or [])
        for j, printed in enumerate(task.get("co") or []):
            units.append((co_ids[j] if j < len(co_ids) else None, printed, "co"))
        has_quote = task.get("responsibility_quote") is not None
        generic = set(task.get("generic_actors") or [])   # 各地, 有关部门 …: kept on the task, not agencies
        seen: set[str] = set()
        rank = 0
        lead_id = None
        for agency_id, printed, role in units:
            if agency_id is None and printed in generic:
                continue
            agency_id = self._agency_for(agency_id, printed)
            if agency_id is None or agency_id in seen:
                continue
            seen.add(agency_id)
            rank += 1
            if role == "lead" and lead_id is None:
                lead_id = agency_id
            aliases = self.agency_rows[agency_id]["aliases"]
            if printed and printed != agency_id and printed not in aliases:
                aliases.append(printed)  # every printed form is an alias (name matching reads no edges)
            props = {"role": role, "rank": rank, "source": task.get("responsibility_source") or "explicit",
                     "printed": printed or agency_id, "doc_id": self.doc_id}
            for key in ("quote", "start", "end"):  # stored only where the task's clause (what readers fall back to)
                value = task.get(f"responsibility_{key}") if has_quote else task.get(key)
                if value != _first(task.get(f"responsibility_{key}"), task.get(key)):
                    props[key] = value
            self.responsibilities.append({"agency_id": agency_id, "task_id": task_id, "props": _clean(props)})
        if rank == 0:
            self.without_responsible += 1
        return lead_id

    def _cites(self, task: dict, task_id: str) -> list[dict]:
        terms: dict[str, list[str]] = {key: [] for key in task.get("topics") or []}
        for hit in task.get("topic_terms") or []:
            bucket = terms.setdefault(hit["topic"], [])
            if hit.get("term") and hit["term"] not in bucket:
                bucket.append(hit["term"])
        rows = [{"topic": key, "task_id": task_id, "terms": terms[key]} for key in sorted(terms)]
        self.cites.extend(rows)
        return rows

    def _targets(self) -> None:
        self.targets: list[dict] = []
        self.sets: list[dict] = []
        self.dues: list[dict] = []
        for i, target in enumerate(self.extraction.get("targets") or []):
            local = str(target.get("id") or f"G{i + 1:02d}")
            target_id = f"{self.doc_id}/{local}"
            task_id = self.task_ids.get(str(target.get("task_id"))) if target.get("task_id") else None
            self.targets.append(_clean({
                "target_id": target_id, "doc_id": self.doc_id, "local_id": local, "task_id": task_id,
                "metric": target.get("metric"), "value": target.get("value"), "low": target.get("low"),
                "high": target.get("high"), "unit": target.get("unit"), "comparator": target.get("comparator"),
                "per_year": target.get("per_year"), "year": target.get("year"), "scope": target.get("scope"),
                "quote": target.get("quote"), "start": target.get("start"), "end": target.get("end"),
                "cumulative": target.get("cumulative"), "attribute": target.get("attribute"),
                # every place the target is printed (prose, table, commentary), in parallel lists
                "quotes": [q["quote"] for q in target.get("quotes") or []] or None,
                "quote_starts": [q["start"] for q in target.get("quotes") or []] or None,
                "quote_ends": [q["end"] for q in target.get("quotes") or []] or None,
            }))
            if task_id:
                self.sets.append({"task_id": task_id, "target_id": target_id})
            if target.get("year") is not None:
                self.dues.append({"target_id": target_id, "year": int(target["year"])})

    # -- statements
    def shared_rows(self) -> list[tuple[str, list[dict]]]:
        """The rows of each shared-node statement, in the order they are sent."""
        years = sorted(set(self.milestones) | {d["year"] for d in self.dues})
        topics = sorted({c["topic"] for c in self.cites})
        part_of = [{"child": p.name, "parent": p.parent} for p in self.jurisdictions.values() if p.parent]
        return [
            ("merge_jurisdictions", [p.as_row() for p in self.jurisdictions.values()]),
            ("merge_part_of", part_of),
            ("merge_functions", list(self.functions.values())),
            ("merge_agencies", list(self.agency_rows.values())),
            ("merge_agency_in", self.agency_in),
            ("merge_agency_function", self.agency_functions),
            ("merge_succession", self.successions),
            ("merge_topics", [{"key": k, **self.topic_labels.get(k, {})} for k in topics]),
            ("merge_years", [{"year": y} for y in years]),
        ]

    def key_refusal(self) -> KeyRefused | None:
        """Why the document's own rows would be refused (a key the store cannot hold: ``graph.keys``), or None.
        Kept as ``refusal`` when the plan is made; the writer checks only the parameters it adds from the store
        (cited plans, stubs)."""
        try:
            check_statements([("", self.replace_params([], [], [])), *self.shared_statements()])
        except KeyRefused as exc:
            return exc
        return None

    def shared_statements(self) -> list[tuple[str, dict]]:
        return [(STATEMENTS[name], {"rows": chunk}) for name, rows in self.shared_rows() for chunk in _chunks(rows)]

    def replace_params(self, implements: list[dict], stub_ids: list[str], stub_edges: list[dict]) -> dict:
        return {
            "doc_id": self.doc_id, "doc": self.doc, "sections": self.sections, "top_sections": self.top_sections,
            "subsections": self.subsections, "tasks": self.tasks, "task_sections": self.task_sections,
            "responsibilities": self.responsibilities, "cites": self.cites, "targets": self.targets,
            "sets": self.sets, "dues": self.dues, "milestones": self.milestones, "covers": self.covers,
            "issued_by": [self.issuer_id] if self.issuer_id else [], "implements": implements,
            "stub_ids": stub_ids, "stub_edges": stub_edges,
        }


def _resolve_implements(store: GraphStore, plan: _Plan) -> list[dict]:
    """Each cited plan → an existing document (by doc_number, else title_key) or a new stub id."""
    if not plan.refs:
        return []
    return _implements_of(plan, {row["i"]: row for row in store.read(STATEMENTS["find_cited"], {"rows": plan.refs})})


def _implements_of(plan: _Plan, found: dict[Any, dict]) -> list[dict]:
    """``_resolve_implements`` from the rows of ``find_cited`` (by ref index)."""
    out: dict[str, dict] = {}
    for ref in plan.refs:
        row = found.get(ref["i"], {})
        candidates = sorted(row.get("by_number") or []) or sorted(row.get("by_title") or [])
        target = candidates[0] if candidates else stub_doc_id(ref["title_key"] or ref["doc_number"])
        if target == plan.doc_id or target in out:
            continue
        out[target] = {"doc_id": target, "title": ref["title"], "title_key": ref["title_key"],
                       "doc_number": ref["doc_number"], "quote": ref["quote"], "start": ref["start"],
                       "end": ref["end"]}
    return [out[k] for k in sorted(out)]


def plan_document(extraction: Extraction | dict) -> _Plan:
    """Everything one document will send, computed without the store (so extraction workers can do it).

    A dict is validated against the contract first (pydantic ``ValidationError``, a ``ValueError``). The plan
    keeps only its rows, not the extraction."""
    plan = _Plan(Extraction.model_validate(extraction).to_dict())
    plan.extraction = {}
    return plan


def load_document(store: GraphStore, extraction: Extraction | dict) -> LoadResult:
    """Write one document's subgraph (see the module docstring); unchanged input sends no write.
    A dict is validated against the contract first (pydantic ``ValidationError``, a ``ValueError``)."""
    return write_plan(store, plan_document(extraction))


def _result(plan: _Plan) -> LoadResult:
    return LoadResult(
        doc_id=plan.doc_id, status="created", sections=len(plan.sections), tasks=len(plan.tasks),
        targets=len(plan.targets), agencies=len(plan.agency_rows), responsibilities=len(plan.responsibilities),
        tasks_without_responsible=plan.without_responsible, warnings=plan.warnings,
        agency_ids=sorted(plan.agency_rows),
    )


def _status(plan: _Plan, old: dict | None, result: LoadResult) -> str:
    """created | upgraded (a stub) | unchanged | replaced, from the stored state; notes the replaced document."""
    if old is None:
        return "created"
    if old["stub"]:
        return "upgraded"
    if (old["sha256"] == plan.doc.get("sha256") and old["extraction_sha"] == plan.doc["extraction_sha"]
            and old.get("loader_version") == LOADER_VERSION):
        return "unchanged"
    result.previous = {"file": old.get("file"), "sha256": old.get("sha256"), "tasks": int(old.get("tasks") or 0)}
    return "replaced"


def _stubs(plan: _Plan, rows: list[dict]) -> tuple[list[str], list[dict]]:
    """The stub ids a document replaces and the IMPLEMENTS edges into them it takes over."""
    stub_ids = sorted({r["stub_id"] for r in rows})
    stub_edges = [{k: r[k] for k in ("src", "quote", "doc_number", "start", "end")}
                  for r in rows if r["src"] and r["src"] != plan.doc_id]
    return stub_ids, stub_edges


def write_plan(store: GraphStore, plan: _Plan, *, link: bool = False) -> LoadResult:
    """Write a planned document (:func:`plan_document`); unchanged input sends no write.

    With ``link``, a *replaced* document's task links (its own, and those of the documents implementing it)
    are recomputed and written in the same atomic write, so they are never missing; links of new documents
    are left to :func:`plangraph.graph.linking.relink` (nothing links to them yet)."""
    _ensure_schema(store)
    result = _result(plan)
    state = store.read(STATEMENTS["document_state"], {"doc_id": plan.doc_id})
    result.status = _status(plan, state[0] if state else None, result)
    if result.status == "unchanged":
        return result
    implements = _resolve_implements(store, plan)
    stubs = store.read(STATEMENTS["stubs_of_document"], {
        "doc_id": plan.doc_id, "doc_number": plan.doc.get("doc_number"), "title_key": plan.doc.get("title_key"),
    })
    stub_ids, stub_edges = _stubs(plan, stubs)
    statements = plan.shared_statements()
    statements.append((STATEMENTS["replace_document"], plan.replace_params(implements, stub_ids, stub_edges)))
    if link and result.status == "replaced":
        from plangraph.graph.linking import PendingDocument, TaskText, link_batches

        pending = PendingDocument(plan.doc_id, plan.doc.get("level"), [r["doc_id"] for r in implements],
                                  [TaskText(t["task_id"], plan.doc_id, t.get("title") or "", t.get("text") or "")
                                   for t in plan.tasks])
        for batch, links in link_batches(store, pending=pending):
            statements += batch
            result.links += links
    statements.append((STATEMENTS["bump_version"], {}))
    check_statements(statements)
    _checkpoint("before-write")
    store.write_atomic(statements)
    _checkpoint("after-write")
    return result


def remove_document(store: GraphStore, doc_id: str) -> None:
    """Delete a document's subgraph; it stays as a stub while another document implements it.

    (Turned into a stub, then removed by ``remove_orphan_stubs`` when nothing cites it: FalkorDB 4.16 drops a
    ``SET`` followed by a filtered ``DETACH DELETE`` in one statement.)"""
    _ensure_schema(store)
    store.write_atomic([(STATEMENTS["remove_document"], {"doc_id": doc_id}),
                        (STATEMENTS["remove_orphan_stubs"], {}), (STATEMENTS["bump_version"], {})])


def graph_stats(store: GraphStore) -> dict:
    """Counts per label (``documents`` excludes stubs), ``stubs``, relationships per type, and
    ``tasks_without_responsible``; every key is always present, keys sorted."""
    labels = {row["label"]: int(row["n"]) for row in store.read(STATEMENTS["count_label"])}
    stats: dict[str, Any] = {name: labels.get(label, 0) for label, name in _STAT_LABELS.items()}
    stubs = int(store.read(STATEMENTS["count_stubs"])[0]["n"])
    stats["documents"] -= stubs
    stats["stubs"] = stubs
    stats["relationships"] = {row["type"]: int(row["n"]) for row in store.read(STATEMENTS["count_relationships"])}
    stats["tasks_without_responsible"] = int(store.read(STATEMENTS["count_tasks_without_responsible"])[0]["n"])
    return dict(sorted(stats.items()))


# -- bulk loading: several new documents per write

# how rows of one shared-node statement for the same key combine when several documents are sent at once, so
# that one statement over the folded rows leaves what the documents' statements one after another would:
# "last" (the statement SETs every property: the last row wins), "coalesce" (it SETs coalesce(row, stored):
# the last non-null value wins; aliases are unioned in order), "same" (rows with one key are identical)
_FOLD: dict[str, tuple[tuple[str, ...], str]] = {
    "merge_jurisdictions": (("name",), "last"),
    "merge_part_of": (("child", "parent"), "same"),
    "merge_functions": (("key",), "coalesce"),
    "merge_agencies": (("agency_id",), "coalesce"),
    "merge_agency_in": (("agency_id",), "last"),          # the agency's one IN edge: the last document's
    "merge_agency_function": (("agency_id",), "last"),    # the agency's one HAS_FUNCTION edge: the last one's
    "merge_succession": (("agency_id", "successor_id"), "coalesce"),
    "merge_topics": (("key",), "coalesce"),
    "merge_years": (("year",), "same"),
}


def _fold_rows(how: str, old: dict, new: dict) -> dict:
    if how != "coalesce":
        return new
    out = {k: (new[k] if new.get(k) is not None else old.get(k)) for k in {**old, **new}}
    if "aliases" in old or "aliases" in new:
        out["aliases"] = list(dict.fromkeys([*(old.get("aliases") or []), *(new.get("aliases") or [])]))
    return out


def fold_shared_rows(plans: list[_Plan]) -> dict[str, dict[tuple, dict]]:
    """The shared-node rows of several documents by statement and key, folded (``_FOLD``), in sending order."""
    folded: dict[str, dict[tuple, dict]] = {}
    for plan in plans:
        for name, rows in plan.shared_rows():
            keys, how = _FOLD[name]
            bucket = folded.setdefault(name, {})
            for row in rows:
                key = tuple(row.get(k) for k in keys)
                bucket[key] = _fold_rows(how, bucket[key], row) if key in bucket else row
    return folded


def shared_statements_of(folded: dict[str, dict[tuple, dict]], sent: dict[tuple[str, tuple], dict] | None = None
                         ) -> list[tuple[str, dict]]:
    """The shared-node statements of several documents' rows folded by key (:func:`fold_shared_rows`), each
    statement sent once: the same graph as each document's ``shared_statements()`` in turn, in a tenth of the
    statements. A row equal to ``sent[(statement, key)]`` (the row last sent for that node, when nothing else
    wrote it since) is left out: every shared statement is idempotent, so sending it again changes nothing."""
    sent = sent or {}
    return [(STATEMENTS[name], {"rows": chunk}) for name, bucket in folded.items()
            for chunk in _chunks([row for key, row in bucket.items() if sent.get((name, key)) != row])]


def _keys(plan: _Plan) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """What a document is known by (id, number, title key) and what it cites (numbers, title keys, stub ids)."""
    own = {("id", plan.doc_id)}
    own |= {("number", v) for v in [plan.doc.get("doc_number")] if v}
    own |= {("title", v) for v in [plan.doc.get("title_key")] if v}
    cites: set[tuple[str, str]] = set()
    for ref in plan.refs:
        if ref.get("doc_number"):
            cites.add(("number", ref["doc_number"]))
        if ref.get("title_key"):
            cites.add(("title", ref["title_key"]))
        cites.add(("id", stub_doc_id(ref.get("title_key") or ref.get("doc_number"))))
    return own, cites


SENT_ROWS_KEPT = 200_000  # shared rows a BulkWriter remembers having sent (a national corpus has ~40k)


class BulkWriter:
    """Writes documents in batches of up to ``max_docs`` (or ``max_rows`` rows): the reads of a batch (state,
    cited plans, stubs) in three statements, and its new documents (absent or stubs) in one atomic write — the
    shared nodes folded (:func:`shared_statements_of`), one ``create_document`` statement per document (each
    atomic on its own, so a failing document is never half-written), one version bump. A replaced document is
    written alone by :func:`write_plan` (its links with it). Two documents that cite each other or share an id,
    number or title key never go in one batch: the later one waits until the earlier is written, so every
    document sees what a one-by-one load would have shown it.

    ``add(plan, token)`` and ``flush()`` return ``(token, LoadResult | Exception)`` for the documents written;
    call ``flush()`` at the end."""

    def __init__(self, store: GraphStore, *, link: bool = False, max_docs: int = 32, max_rows: int = 20_000) -> None:
        self.store = store
        self.link = link
        self.max_docs = max_docs
        self.max_rows = max_rows
        self._pending: list[tuple[_Plan, Any]] = []
        self._own: set[tuple[str, str]] = set()
        self._cites: set[tuple[str, str]] = set()
        self._rows = 0
        # (statement, key) → the shared row this writer last sent for that node: a later batch leaves out the rows
        # equal to it (three quarters of a national batch's shared rows). Forgotten when a write fails or a
        # document is written alone (its own shared rows may change those nodes); bounded.
        self._sent: dict[tuple[str, tuple], dict] = {}

    def __len__(self) -> int:
        return len(self._pending)

    def add(self, plan: _Plan, token: Any) -> list[tuple[Any, LoadResult | Exception]]:
        own, cites = _keys(plan)
        done = self.flush() if (own & self._own or own & self._cites or cites & self._own) else []
        self._pending.append((plan, token))
        self._own |= own
        self._cites |= cites
        self._rows += len(plan.tasks) + len(plan.responsibilities) + len(plan.cites) + len(plan.sections)
        if len(self._pending) >= self.max_docs or self._rows >= self.max_rows:
            done += self.flush()
        return done

    def flush(self) -> list[tuple[Any, LoadResult | Exception]]:
        items, self._pending = self._pending, []
        self._own, self._cites, self._rows = set(), set(), 0
        if not items:
            return []
        try:
            return self._write(items)
        except (GraphError, KeyError, TypeError, ValueError) as exc:  # the batch's reads failed: each document
            # of it fails with the reason (nothing was written)
            return [(token, exc) for _, token in items]

    def _write(self, items: list[tuple[_Plan, Any]]) -> list[tuple[Any, LoadResult | Exception]]:
        store = self.store
        _ensure_schema(store)
        states = {r["doc_id"]: r for r in store.read(STATEMENTS["document_states"],
                                                      {"doc_ids": [p.doc_id for p, _ in items]})}
        refs = [{**ref, "i": [k, ref["i"]]} for k, (p, _) in enumerate(items) for ref in p.refs]
        found: dict[int, dict[Any, dict]] = {}
        if refs:
            for row in store.read(STATEMENTS["find_cited"], {"rows": refs}):
                found.setdefault(row["i"][0], {})[row["i"][1]] = row
        stubs: dict[str, list[dict]] = {}
        for row in store.read(STATEMENTS["stubs_of_documents"], {"rows": [
                {"doc_id": p.doc_id, "doc_number": p.doc.get("doc_number"), "title_key": p.doc.get("title_key")}
                for p, _ in items]}):
            stubs.setdefault(row["doc_id"], []).append(row)
        out: list[tuple[Any, LoadResult | Exception]] = []
        new: list[tuple[_Plan, Any, LoadResult]] = []
        statements: list[tuple[str, dict]] = []
        replaced: list[tuple[_Plan, Any]] = []
        for k, (plan, token) in enumerate(items):
            result = _result(plan)
            result.status = _status(plan, states.get(plan.doc_id), result)
            if result.status == "unchanged":
                out.append((token, result))
            elif result.status == "replaced":
                replaced.append((plan, token))
            else:
                stub_ids, stub_edges = _stubs(plan, stubs.get(plan.doc_id, []))
                implements = _implements_of(plan, found.get(k, {}))
                create = (STATEMENTS["create_document"], plan.replace_params(implements, stub_ids, stub_edges))
                try:
                    if plan.refusal:  # its own rows (checked when planned)
                        raise plan.refusal
                    check_statements([("", {"implements": implements, "stub_ids": stub_ids,
                                            "stub_edges": stub_edges})])
                except KeyRefused as exc:
                    out.append((token, exc))
                    continue
                statements.append(create)
                new.append((plan, token, result))
        if new:
            folded = fold_shared_rows([p for p, _, _ in new])
            statements = shared_statements_of(folded, self._sent) + statements
            statements.append((STATEMENTS["bump_version"], {}))
            try:
                _checkpoint("before-write")
                store.write_atomic(statements)
                _checkpoint("after-write")
                out += [(token, result) for _, token, result in new]
                self._remember(folded)
            except GraphError:  # one document failed (or the write): each alone, so only that one fails
                out += [(token, self._one(plan, result.status)) for plan, token, result in new]
        for plan, token in replaced:
            out.append((token, self._one(plan, None)))
        return out

    def _remember(self, folded: dict[str, dict[tuple, dict]]) -> None:
        if len(self._sent) > SENT_ROWS_KEPT:
            self._sent.clear()
        for name, bucket in folded.items():
            for key, row in bucket.items():
                self._sent[(name, key)] = row

    def _one(self, plan: _Plan, status: str | None) -> LoadResult | Exception:
        """A document written alone; ``status`` is what a batch write that may have applied it planned."""
        self._sent.clear()
        try:
            result = write_plan(self.store, plan, link=self.link)
        except (GraphError, KeyError, TypeError, ValueError) as exc:
            return exc
        if status is not None and result.status == "unchanged":  # the batch wrote it before failing elsewhere
            result.status = status
        return result
