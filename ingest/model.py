"""The extraction contract: what ``extract_file`` returns, what the loader reads and what ``plangraph extract``
writes as JSON (抽取结果的数据契约).

Every model allows extra fields, so a stage can add a field (``responsibility_in``, ``lead_official`` …) before the
contract names it; the named fields are the ones other layers rely on. ``docs/extraction.schema.json`` is generated
from :class:`Extraction` (``python -m plangraph.ingest.model``) and a test checks it is current. Offsets
(``start``/``end``) are character offsets into the decoded original text, ``text[start:end] == quote``.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

_PUNCT = re.compile(r"[\s\u3000《》〈〉<>“”\"'‘’「」『』()（）\[\]【】〔〕,，、。.:：;；!！?？·—–\-~～]+")

ResponsibilitySource = Literal["explicit", "inferred", "none"]
Role = Literal["lead", "co"]


def title_key(title: str | None) -> str:
    """Comparable form of a plan title: NFKC, no punctuation, brackets, dashes or whitespace."""
    return _PUNCT.sub("", unicodedata.normalize("NFKC", title or ""))


def doc_id_for_key(key: str) -> str:
    """The document id of a plan known by its title key: ``"d-" + sha1(title_key)[:12]``."""
    return "d-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def doc_id_for(title: str) -> str:
    """The one document-id rule: a plan and every citation of it by title get the same id (文件编号规则)."""
    return doc_id_for_key(title_key(title))


class _Open(BaseModel):
    """Base of the contract models: extra fields pass through and are written back."""

    model_config = ConfigDict(extra="allow")


class Quote(_Open):
    """An exact substring of the original text and its offsets."""

    quote: str | None = None
    start: int | None = None
    end: int | None = None


class CitedPlan(Quote):
    """A higher plan the document says it implements (《…》, 文号)."""

    title: str
    title_key: str | None = None
    doc_number: str | None = None
    doc_id: str | None = None


class Document(_Open):
    """Document metadata (文件元数据)."""

    title: str | None = Field(None, description="the plan's own printed title; null when none is printed")
    label: str | None = Field(None, description="what to show: the title, else the file name")
    issuer: str | None = None
    issued_on: str | None = Field(None, description="ISO date YYYY-MM-DD")
    doc_number: str | None = None
    level: str | None = Field(None, description="One of plangraph.ingest.places.LEVELS")
    jurisdiction: str | None = None
    province: str | None = None
    period: list[int] | None = Field(None, description="[first year, last year]")
    implements: list[str] = Field(default_factory=list, description="cited plans as printed: 《title》(文号)")
    doc_id: str = Field(description='"d-" + sha1(title_key)[:12], see doc_id_for')
    title_key: str | None = None
    wrapper_title: str | None = None
    sha256: str | None = None
    format: str | None = None
    encoding: str | None = None
    script: str | None = Field(None, description="simplified | traditional")
    source_file: str | None = None
    issuer_id: str | None = None
    implements_refs: list[CitedPlan] = Field(default_factory=list)


class Section(Quote):
    """A numbered or titled section of the outline; ``quote`` is its heading line."""

    id: str
    number: str | None = None
    title: str | None = None
    depth: int | None = None
    zone: str | None = None
    parent: str | None = Field(None, description="number of the parent section")
    parent_id: str | None = None
    path: str | None = None


class AgencyMention(_Open):
    """One responsible unit as printed in a task, resolved to an agency when the vocabulary knows it."""

    printed: str
    agency_id: str | None = None
    function: str | None = None
    role: Role = "co"
    rank: int = 0
    generic: bool = False
    start: int | None = None
    end: int | None = None


class Responsibility(_Open):
    """The responsibility of a task, a view over its flat fields (:attr:`Task.responsibility`)."""

    source: ResponsibilitySource = "none"
    lead: str | None = None
    co: list[str] = Field(default_factory=list)
    quote: str | None = None
    start: int | None = None
    end: int | None = None
    units: list[AgencyMention] = Field(default_factory=list)


class TopicTerm(Quote):
    """A vocabulary term found in a task, and the topic it stands for."""

    topic: str
    term: str


class Task(Quote):
    """A numbered task (任务) with its responsibility and topics; ``quote`` is the whole task."""

    id: str
    section: str | None = Field(None, description="number path or title of the enclosing section")
    section_id: str | None = None
    section_title: str | None = None
    zone: str | None = None
    number: str | None = None
    title: str | None = None
    text: str | None = Field(None, description="normalised simplified text of the task")
    norm_start: int | None = None
    norm_end: int | None = None
    lead: str | None = None
    co: list[str] = Field(default_factory=list)
    responsibility_source: ResponsibilitySource = "none"
    responsibility_quote: str | None = None
    responsibility_start: int | None = None
    responsibility_end: int | None = None
    deadline: str | int | None = Field(None, description="as printed (2025年底前), or a year")
    generic_actors: list[str] = Field(default_factory=list)
    units: list[AgencyMention] = Field(default_factory=list)
    lead_id: str | None = None
    co_ids: list[str | None] = Field(default_factory=list)
    lead_function: str | None = None
    co_functions: list[str | None] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    topic_terms: list[TopicTerm] = Field(default_factory=list)

    @property
    def responsibility(self) -> Responsibility:
        """The responsibility fields of this task as one object."""
        return Responsibility(source=self.responsibility_source, lead=self.lead, co=list(self.co),
                              quote=self.responsibility_quote, start=self.responsibility_start,
                              end=self.responsibility_end, units=list(self.units))


class Target(Quote):
    """A quantitative target (指标); ``value`` or ``low``/``high`` for a range."""

    id: str
    task_id: str | None = None
    metric: str | None = None
    value: int | float | None = None
    low: int | float | None = None
    high: int | float | None = None
    unit: str | None = None
    comparator: str | None = Field(None, description=">= | <= | = | ~ | range")
    per_year: bool = False
    year: int | None = None
    scope: str | None = None
    cumulative: bool | None = None
    attribute: str | None = None
    quotes: list[Quote] = Field(default_factory=list, description="every span that states this target")


class Agency(_Open):
    """An agency resolved from the vocabulary (or named after its printed form when unknown)."""

    agency_id: str
    name: str | None = None
    name_en: str | None = None
    function: str | None = None
    function_zh: str | None = None
    function_en: str | None = None
    level: str | None = None
    jurisdiction: str | None = None
    parent_jurisdiction: str | None = None
    kind: str | None = None
    aliases: list[str] = Field(default_factory=list)
    printed: list[str] = Field(default_factory=list)
    successor_id: str | None = None


class Topic(_Open):
    """A topic of the vocabulary cited by at least one task."""

    key: str
    zh: str | None = None
    en: str | None = None


class Extraction(_Open):
    """Everything extracted from one file (一个文件的抽取结果)."""

    file: str
    document: Document
    sections: list[Section] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    milestone_years: list[int] = Field(default_factory=list)
    agencies: list[Agency] = Field(default_factory=list)
    topics: list[Topic] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return self.document.doc_id

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (the ``plangraph extract`` output), extra fields included."""
        return self.model_dump(mode="json")

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`Extraction` (written to ``docs/extraction.schema.json``)."""
    schema = Extraction.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://plangraph.invalid/extraction.schema.json"
    return schema


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    print(schema_text(), end="")
