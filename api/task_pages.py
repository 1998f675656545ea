"""Pages of tasks for ``/tasks`` and ``/agencies/{id}/tasks``: one catalogue query per entry point, slim rows.

The ``tasks`` catalogue query answers every filter combination in one text (a gated ``UNION ALL`` branch per
entry point) and decorates each row in Cypher. The API instead picks the ``tasks_by_*`` query of the entry point
``tasks`` itself would use (agency, then document, then topic, then jurisdiction, else a scan), which returns the
same tasks, order and total with the lead, co-responsible units and topics as the task's parallel lists; this
module assembles them into the ``tasks`` row shape (topic labels from the per-version vocabulary).
"""

from __future__ import annotations

from typing import Any

ROW_COLUMNS = ("task_id", "doc_id", "doc_title", "jurisdiction", "number", "title", "section", "zone",
               "responsibility_source")  # fmt: skip
FILTERS = ("agency", "role", "topic", "doc_id", "jurisdiction", "year", "text")


def _given(filters: dict[str, Any], name: str) -> bool:
    """Whether the catalogue binds ``name`` to a value (blank agency, topic or place strings count as absent;
    a document id is a plain string, kept even when blank)."""
    value = filters.get(name)
    return value is not None and (name == "doc_id" or str(value).strip() != "")


def entry_query(filters: dict[str, Any]) -> str:
    """The ``tasks_by_*`` catalogue query for ``filters`` (the entry point the ``tasks`` query's gates pick)."""
    if _given(filters, "agency"):
        if filters.get("role") != "lead":
            return "tasks_by_agency"
        return "tasks_by_lead_topic" if _given(filters, "topic") else "tasks_by_lead"
    for name, query in (("doc_id", "tasks_by_document"), ("topic", "tasks_by_topic"),
                        ("jurisdiction", "tasks_by_jurisdiction")):  # fmt: skip
        if _given(filters, name):
            return query
    return "tasks_all"


def _at(values: list[Any] | None, i: int) -> Any:
    return values[i] if values is not None and 0 <= i < len(values) else None


def decorate(row: dict[str, Any], topic_labels: dict[str, tuple[Any, Any]]) -> dict[str, Any]:
    """A slim ``tasks_by_*`` row in the ``tasks`` row shape (same keys, same values, same order)."""
    out = {key: row.get(key) for key in ROW_COLUMNS}
    lead_id = row.get("lead_id")
    out["lead"] = None if lead_id is None else {
        "agency_id": lead_id, "name": row.get("lead_name"), "printed": row.get("lead_printed")}  # fmt: skip
    co_ids, co_names, co_printed = row.get("co_ids") or [], row.get("co_names"), row.get("co_printed")
    out["co"] = [{"agency_id": aid, "name": _at(co_names, i), "printed": _at(co_printed, i)}
                 for i, aid in enumerate(co_ids)]  # fmt: skip
    keys, terms = row.get("topic_keys") or [], row.get("topic_terms")
    topics = []
    for i, key in enumerate(keys):
        name, name_en = topic_labels.get(key, (key, ""))
        joined = _at(terms, i)
        topics.append({"key": key, "name": name, "name_en": name_en,
                       "terms": None if joined is None else [x for x in joined.split("|") if x != ""]})  # fmt: skip
    out["topics"] = topics
    return out


def topic_labels(runner: Any) -> dict[str, tuple[Any, Any]]:
    """Topic key → (name, name_en) of the graph's Topic nodes, built once per vocabulary, with the loader's
    fallbacks for a topic without labels (the key and ""), as in the task's own topic_names/topic_names_en."""
    vocabulary = runner.resolver.vocabulary
    return vocabulary.remember("topic_labels", "", lambda: {
        r["key"]: (r.get("name") or r["key"], r.get("name_en") or "") for r in vocabulary.topics})  # fmt: skip


def task_page(runner: Any, filters: dict[str, Any], *, limit: int, offset: int, sort: str = "document",
              descending: bool = False) -> tuple[list[dict[str, Any]], int | None]:
    """One page of the tasks matching ``filters`` (the ``tasks`` query's parameters) in the ``tasks`` row shape,
    and the number of all matching tasks (None when the page is empty: see :meth:`Runner.total`)."""
    name = entry_query(filters)
    params = {k: v for k, v in filters.items() if v is not None and k in FILTERS}
    if name != "tasks_by_agency":
        params.pop("role", None)  # tasks_by_lead(_topic) is role=lead; the others have no agency
    rows, total = runner.page(name, {**params, "sort": sort, "descending": descending, "limit": limit,
                                     "offset": offset})  # fmt: skip
    labels = topic_labels(runner)
    return [decorate(r, labels) for r in rows], total
