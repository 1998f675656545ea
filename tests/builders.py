"""Builders of small extractions over the typed contract (``plangraph.ingest.model``) for graph, query and API
tests. Every object is validated when built, so a fixture cannot drift from what ``extract_file`` returns;
ids follow the one rule of the contract (``doc_id_for``)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from plangraph.ingest.model import (
    Agency,
    CitedPlan,
    Document,
    Extraction,
    Section,
    Target,
    Task,
    TopicTerm,
    doc_id_for,
    title_key,
)

Unit = tuple[str, str]  # (agency_id, printed name)


def document(title: str, *, level: str, jurisdiction: str, province: str | None, issuer: str,
             issued_on: str = "2022-01-01", doc_number: str | None = None, period: list[int] | None = None,
             implements: Iterable[CitedPlan] = (), sha256: str | None = None) -> Document:
    refs = list(implements)
    return Document(
        title=title, issuer=issuer, issued_on=issued_on, doc_number=doc_number, level=level,
        jurisdiction=jurisdiction, province=province, period=period or [2021, 2035],
        implements=[r.doc_number or f"《{r.title}》" for r in refs], doc_id=doc_id_for(title), title_key=title_key(title),
        sha256=sha256 or hashlib.sha256(title.encode()).hexdigest(), format="txt", encoding="utf-8",
        script="simplified", source_file=f"{title}.txt", implements_refs=refs,
    )


def cited(title: str, *, doc_number: str | None = None, start: int = 0) -> CitedPlan:
    """A citation 《title》 of a higher plan at ``start``."""
    quote = f"《{title}》"
    return CitedPlan(title=title, title_key=title_key(title), doc_number=doc_number, doc_id=doc_id_for(title),
                     quote=quote, start=start, end=start + len(quote))


def section(sid: str, number: str, title: str, *, start: int, parent: str | None = None, depth: int = 1,
            zone: str = "task") -> Section:
    quote = f"{number}{title}"
    return Section(id=sid, number=number, title=title, parent=parent, depth=depth, zone=zone, quote=quote,
                   start=start, end=start + len(quote))


def task(tid: str, number: str | None, title: str, *, start: int, section: str | None, body: str = "",
         lead: Unit | None = None, co: Iterable[Unit] = (), source: str = "explicit",
         topics: dict[str, list[str]] | None = None, deadline: str | int | None = None) -> Task:
    """A task ``number title。body`` at ``start``; with ``lead`` an explicit (责任单位:…) line ends it, or the
    lead is inferred from the body when ``source="inferred"``."""
    co = list(co)
    text = f"{number or ''}{title}。{body or f'围绕{title}开展工作。'}"
    resp = "(责任单位:" + "、".join([lead[1], *(c[1] for c in co)]) + ")" if lead and source == "explicit" else None
    quote = text + (resp or "")
    return Task(
        id=tid, section=section, number=number, title=title, quote=quote, start=start, end=start + len(quote),
        text=quote, norm_start=start, norm_end=start + len(quote), section_title=section, zone="task",
        lead=lead[1] if lead else None, co=[c[1] for c in co], lead_id=lead[0] if lead else None,
        co_ids=[c[0] for c in co], responsibility_source=source if lead else "none", responsibility_quote=resp,
        responsibility_start=start + len(text) if resp else None,
        responsibility_end=start + len(quote) if resp else None, deadline=deadline,
        topics=sorted(topics or {}),
        topic_terms=[TopicTerm(topic=k, term=t, quote=t, start=start, end=start + len(t))
                     for k, terms in (topics or {}).items() for t in terms],
    )


def target(gid: str, task_id: str | None, metric: str, value: float, *, unit: str, quote: str, start: int,
           comparator: str = "=", year: int | None = 2025, scope: str | None = None) -> Target:
    return Target(id=gid, task_id=task_id, metric=metric, value=value, unit=unit, comparator=comparator,
                  year=year, scope=scope, quote=quote, start=start, end=start + len(quote))


def agency(agency_id: str, printed: Iterable[str], *, function: str, function_zh: str | None = None,
           function_en: str | None = None, level: str, jurisdiction: str, province: str | None = None,
           name_en: str | None = None, aliases: Iterable[str] = (), kind: str = "agency") -> Agency:
    return Agency(agency_id=agency_id, name=agency_id, name_en=name_en, function=function,
                  function_zh=function_zh, function_en=function_en, level=level, jurisdiction=jurisdiction,
                  province=province, kind=kind, aliases=list(aliases), printed=list(printed))


def extraction(file: str, doc: Document, *, sections: Iterable[Section] = (), tasks: Iterable[Task] = (),
               targets: Iterable[Target] = (), agencies: Iterable[Agency] = (),
               milestone_years: Iterable[int] = ()) -> Extraction:
    return Extraction(file=file, document=doc, sections=list(sections), tasks=list(tasks), targets=list(targets),
                      agencies=list(agencies), milestone_years=list(milestone_years))
