"""Add responsibility, agencies, targets, milestone years and topics to an extraction.

Each helper module works on normalised text with offsets relative to the string it is given; this module
adds the base offsets and maps every span back to the original text through :class:`NormText`.
"""

from __future__ import annotations

from functools import lru_cache

from plangraph.ingest.agencies import default_resolver
from plangraph.ingest.normalize import NormText
from plangraph.ingest.structure import Outline
from plangraph.ingest.topics import default_tagger, topics_of

SCOPES = {"national": "全国", "provincial": "全省", "provincial-department": "全省", "municipal": "全市",
          "municipal-department": "全市", "county": "全县"}


def enrich(result: dict, norm: NormText, outline: Outline) -> None:
    """Fill ``tasks[*]`` responsibility and topics, ``targets``, ``milestone_years``, ``agencies``."""
    doc = result["document"]
    blocks = [(b.start, b.end, b.zone, b.task_id) for b in outline.blocks]
    body_start = _plan_start(norm.text, doc.get("title"))
    _responsibility(result, norm, outline)
    _topics(result, norm)
    _targets(result, norm, outline, blocks, SCOPES.get(doc.get("level") or ""), body_start)
    from plangraph.ingest.years import milestone_years

    years = set(milestone_years(norm.text, blocks, body_start=body_start))
    years.update(t["year"] for t in result["targets"] if t.get("year"))
    result["milestone_years"] = sorted(years)


def _responsibility(result: dict, norm: NormText, outline: Outline) -> None:
    from plangraph.ingest.locate import locate

    doc = result["document"]
    agencies: dict[str, dict] = {}
    spans = {t.id: t for t in outline.tasks}
    for task in result["tasks"]:
        base = task["norm_start"]
        found = locate(norm.text, spans[task["id"]])
        resp = found.responsibility
        if found.found_in != "text" and resp.source != "none":
            task["responsibility_in"] = found.found_in
            if found.found_in == "shared":
                task["responsibility_shared"] = True
        official = found.lead_official or "、".join(getattr(found.responsibility, "officials", None) or []) or None
        if official:
            task["lead_official"] = official
        task["responsibility_source"] = resp.source
        task["deadline"] = resp.deadline
        task["generic_actors"] = list(resp.generic)
        if resp.source == "none" or resp.lead is None:
            continue
        q = norm.quote(base + resp.quote_start, base + resp.quote_end)
        task["responsibility_quote"] = q["quote"]
        task["responsibility_start"], task["responsibility_end"] = q["start"], q["end"]
        task["lead"] = resp.lead.name
        task["co"] = [u.name for u in resp.co]
        task["co_leads"] = [u.name for u in resp.co_leads]
        if resp.officials:
            task["lead_official"] = "、".join(resp.officials)
        task["responsibility_truncated"] = resp.truncated
        task["responsibility_form"] = resp.form
        task["further_responsibilities"] = [
            {"lead": c.lead.name if c.lead else None, "co": [u.name for u in c.co],
             **norm.quote(base + c.start, base + c.end)} for c in resp.further]
        units = []
        for rank, unit in enumerate([resp.lead, *resp.co]):
            agency = _resolve(unit.name, doc.get("jurisdiction"), doc.get("level"), doc.get("issuer"),
                              doc.get("province"))
            span = norm.quote(base + unit.start, base + unit.end)
            units.append({"printed": unit.name, "agency_id": None if agency.generic else agency.agency_id,
                          "function": agency.function, "role": "lead" if rank == 0 else "co", "rank": rank,
                          "generic": agency.generic, "kind": agency.kind, "start": span["start"],
                          "end": span["end"]})
            if not agency.generic:
                entry = agencies.get(agency.agency_id)
                if entry is None:
                    entry = agencies[agency.agency_id] = _agency_dict(agency)
                if unit.name not in entry["printed"]:
                    entry["printed"].append(unit.name)
            elif unit.name not in task["generic_actors"]:
                task["generic_actors"].append(unit.name)
        task["units"] = units
        task["lead_id"] = units[0]["agency_id"]
        task["co_ids"] = [u["agency_id"] for u in units[1:]]
        task["lead_function"] = units[0]["function"]
        task["co_functions"] = [u["function"] for u in units[1:]]
    if doc.get("issuer"):
        issuer = _resolve(doc["issuer"], doc.get("jurisdiction"), doc.get("level"), None, doc.get("province"))
        if not issuer.generic:
            agencies.setdefault(issuer.agency_id, _agency_dict(issuer))
            doc["issuer_id"] = issuer.agency_id
    result["agencies"] = sorted(agencies.values(), key=lambda a: a["agency_id"])
    unknown = [a["agency_id"] for a in result["agencies"] if not a["function"] or a["function"] == "unknown"]
    result["warnings"].extend(f"agency outside the vocabulary: {a}" for a in unknown)
    missing = [t["id"] for t in result["tasks"] if t["responsibility_source"] == "none"]
    if missing:
        result["warnings"].append(f"{len(missing)} tasks without responsible units")


def _plan_start(text: str, title: str | None) -> int:
    """End of the plan's own title line (the last line that prints only the title): what comes before it
    is page furniture, a news lead or a cover note. 0 when the title is not printed on a line of its own."""
    from plangraph.ingest.titleline import title_line_end

    return title_line_end(text, title) or 0


def _resolve(printed: str, jurisdiction: str | None, level: str | None, issuer: str | None,
             province: str | None):
    """``default_resolver().resolve`` memoised: the same printed names recur in every plan of a place."""
    return _resolve_with(id(default_resolver()), printed, jurisdiction, level, issuer, province)


@lru_cache(maxsize=65536)
def _resolve_with(resolver_id: int, printed: str, jurisdiction: str | None, level: str | None,
                  issuer: str | None, province: str | None):
    kwargs = {"jurisdiction": jurisdiction, "level": level, "province": province}
    if issuer is not None:
        kwargs["issuer"] = issuer
    return default_resolver().resolve(printed, **kwargs)


def _agency_dict(agency) -> dict:
    return {
        "agency_id": agency.agency_id, "name": agency.name, "name_en": agency.name_en,
        "function": agency.function, "function_zh": agency.function_zh, "function_en": agency.function_en,
        "level": agency.level, "jurisdiction": agency.jurisdiction,
        "parent_jurisdiction": getattr(agency, "parent_jurisdiction", None),
        "kind": agency.kind, "aliases": sorted(set(agency.aliases)), "printed": [],
        "successor_id": agency.successor_id,
    }


def _topics(result: dict, norm: NormText) -> None:
    for task in result["tasks"]:
        hits = default_tagger().tag(task["text"])
        task["topics"] = topics_of(hits)
        base, original = task["norm_start"], norm.original
        terms = []
        for h in hits:  # norm.quote inlined: one dict per term
            s, e = norm.span(base + h.start, base + h.end)
            terms.append({"topic": h.topic, "term": h.term, "quote": original[s:e], "start": s, "end": e})
        task["topic_terms"] = terms
    cited = {key for task in result["tasks"] for key in task["topics"]}
    result["topics"] = [{"key": t.key, "zh": t.zh, "en": t.en} for t in default_tagger().topics if t.key in cited]


def _outside_task_cells(row) -> list[tuple[int, int]]:
    """The parts of a responsibility-table row that hold no targets: everything but its task cell and the
    detail cells printed before its units (the cells after them report progress: 已完成60%)."""
    first_unit = min((c.start for _, c in row.units), default=row.end)
    keep = sorted((c.start, c.end) for c in [row.task, *row.details] if c is not None and c.start < first_unit)
    out, pos = [], row.start
    for s, e in keep:
        if s > pos:
            out.append((pos, s))
        pos = max(pos, e)
    if pos < row.end:
        out.append((pos, row.end))
    return out


def _targets(result: dict, norm: NormText, outline: Outline, blocks: list, default_scope: str | None,
             body_start: int) -> None:
    from plangraph.ingest.targets import TargetContext, extract_targets
    from plangraph.ingest.years import plan_year

    doc = result["document"]
    rows = [t.row for t in outline.tasks if t.row is not None]
    spans = [(r.start, r.end) for r in rows]
    tables = [t.rows for t in outline.tables if not any(s < t.end and t.start < e for s, e in spans)]
    context = TargetContext(norm.text, blocks, tables, default_scope,
                            plan_year=plan_year(doc.get("title"), doc.get("period")),
                            body_start=body_start, hidden=[h for r in rows for h in _outside_task_cells(r)])
    targets = []
    for i, rec in enumerate(extract_targets(context), start=1):
        main = norm.quote(rec.start, rec.end)
        quotes = [main] + [norm.quote(s, e) for s, e in rec.extra_spans]
        targets.append({
            "id": f"G{i:02d}", "task_id": rec.task_id, "metric": rec.metric, "value": rec.value, "low": rec.low,
            "high": rec.high, "unit": rec.unit, "comparator": rec.comparator, "per_year": rec.per_year,
            "year": rec.year, "scope": rec.scope or default_scope, **main, "cumulative": rec.cumulative,
            "attribute": rec.attribute, "quotes": quotes,
        })
    result["targets"] = targets
