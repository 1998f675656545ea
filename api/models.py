"""Pydantic response and request models of the API (labels in Chinese and English)."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Row(BaseModel):
    """A result row; columns added to a catalogue query later pass through unchanged."""

    model_config = ConfigDict(extra="allow")


class ErrorResponse(BaseModel):
    """错误 / Error: a machine-readable code, a human-readable message and optional details."""

    error: str = Field(..., examples=["unknown_value"])
    message: str = Field(
        ..., examples=["unknown agency 'xyz' (no name, alias, English label or function key matches)"]
    )
    detail: Any = None


class Page(BaseModel, Generic[T]):
    """分页结果 / A page of results: ``total`` = all matching rows, ``count`` = rows on this page, ``next`` = the
    link to the next page (null on the last one)."""

    items: list[T]
    total: int = Field(..., description="全部匹配行数 / all matching rows (not only this page)", examples=[43])
    limit: int = Field(..., examples=[20])
    offset: int = Field(..., examples=[0])
    count: int = Field(..., description="本页行数 / rows on this page", examples=[20])
    next: str | None = Field(None, description="下一页 / next page (path and query), null on the last page",
                             examples=["/tasks?led_by=市场监管局&limit=20&offset=20"])  # fmt: skip


class FacetValue(BaseModel):
    """分面取值 / One value of a facet with the number of matching tasks."""

    value: str = Field(..., examples=["浙江省市场监督管理局"])
    label: str | None = Field(None, examples=["浙江省市场监督管理局"])
    count: int = Field(..., examples=[22])


class Facet(BaseModel):
    """分面 / A facet: its most frequent values (``truncated`` when more exist than shown)."""

    values: list[FacetValue]
    truncated: bool = False


FACETS = ("lead_agency", "function", "jurisdiction", "document", "topic", "role", "year")


class Health(BaseModel):
    """服务状态 / Service health."""

    status: str = Field(..., examples=["ok"])
    backend: str = Field(..., examples=["falkordb"])
    read_only: bool


class Stats(Row):
    """图谱统计 / Graph statistics: node counts per label, stubs, relationships per type."""

    documents: int = 0
    tasks: int = 0
    agencies: int = 0


class AgencyRef(Row):
    """责任单位引用 / An agency as named on a task (``printed`` = as the document prints it)."""

    agency_id: str = Field(..., examples=["浙江省市场监督管理局"])
    name: str | None = None
    printed: str | None = Field(None, examples=["省市场监管局"])


class TopicRef(Row):
    """主题及所引术语 / A topic a task cites, with the terms found in its text."""

    key: str = Field(..., examples=["carbon-metrology"])
    name: str | None = None
    name_en: str | None = None
    terms: list[str] | None = None


class TaskRow(Row):
    """任务 / A task with its lead unit, co-responsible units and topics."""

    task_id: str = Field(..., examples=["d-0123456789ab/T05"])
    doc_id: str
    doc_title: str | None = None
    jurisdiction: str | None = None
    number: str | None = None
    title: str | None = None
    section: str | None = None
    zone: str | None = None
    responsibility_source: str | None = None
    lead: AgencyRef | None = None
    co: list[AgencyRef] = []
    topics: list[TopicRef] = []


class TaskPage(Page[TaskRow]):
    """任务分页及分面计数 / A page of tasks with facet counts over all matching tasks (lead agency, function,
    jurisdiction, document, topic, role, year)."""

    facets: dict[str, Facet] = Field(default_factory=dict)


class UnitDetail(AgencyRef):
    """任务的责任单位及出处 / A responsible unit of a task with its provenance quote."""

    role: str | None = None
    rank: int | None = None
    source: str | None = None
    quote: str | None = None
    start: int | None = None
    end: int | None = None


class TaskLink(Row):
    """上下级落实关系 / A task linked by IMPLEMENTS (higher-level clause or lower-level task)."""

    task_id: str
    title: str | None = None
    doc_id: str | None = None
    score: float | None = None


class TaskDetail(Row):
    """任务详情 / A task: text, provenance quotes, units, targets, topics and implementation links."""

    task_id: str
    doc_id: str
    doc_title: str | None = None
    title: str | None = None
    text: str | None = None
    quote: str | None = None
    start: int | None = None
    end: int | None = None
    responsibility_quote: str | None = None
    lead: UnitDetail | None = None
    co: list[UnitDetail] = []
    targets: list[Row] = []
    topics: list[TopicRef] = []
    implements: list[TaskLink] = []
    implemented_by: list[TaskLink] = []


class DocumentRow(Row):
    """规划文件 / A plan document."""

    doc_id: str
    title: str | None = None
    issuer: str | None = None
    level: str | None = None
    jurisdiction: str | None = None
    task_count: int = 0
    target_count: int = 0


class UploadResult(BaseModel):
    """上传结果 / What an upload did and what was extracted."""

    doc_id: str = Field(..., examples=["d-0123456789ab"])
    status: str = Field(..., description="created | replaced | upgraded | unchanged", examples=["created"])
    title: str | None = Field(None, examples=["浙江省计量发展规划(2021—2035年)实施意见"])
    file: str = Field(..., examples=["plan.docx"])
    tasks: int = Field(..., examples=[23])
    tasks_without_responsible: int = Field(0, examples=[1])
    lead_units: list[str] = Field(default_factory=list, description="牵头单位 / lead units as printed",
                                  examples=[["省市场监管局"]])  # fmt: skip
    co_units: list[str] = Field(default_factory=list, description="配合单位 / co-responsible units as printed",
                                examples=[["省发展改革委", "省科技厅"]])  # fmt: skip
    targets: int = Field(0, examples=[12])
    milestone_years: list[int] = Field(default_factory=list, examples=[[2025, 2035]])
    warnings: list[str] = Field(default_factory=list)


class Removed(BaseModel):
    """删除结果 / A removed document."""

    doc_id: str = Field(..., examples=["d-0123456789ab"])
    removed: bool = True
    stub: bool = Field(False, description="仍被其他文件引用,保留为存根 / kept as a stub (another plan cites it)")


class OutlineSection(Row):
    """大纲章节 / A section of the outline with its tasks."""

    section_id: str
    number: str | None = None
    title: str | None = None
    depth: int | None = None
    parent: str | None = None
    tasks: list[Row] = []


class DocumentOutline(BaseModel):
    """文件大纲 / A document and its outline."""

    document: DocumentRow
    sections: list[OutlineSection]


class AgencyMatchRow(Row):
    """单位检索结果 / An agency matching a search, with its rank score and what matched."""

    agency_id: str = Field(..., examples=["浙江省市场监督管理局"])
    name: str | None = None
    name_en: str | None = None
    function: str | None = None
    level: str | None = None
    jurisdiction: str | None = None
    aliases: list[str] = []
    lead_count: int = 0
    co_count: int = 0
    score: int = Field(
        0,
        description="匹配得分 / match score (100 name, 90 alias or English, 85 vocabulary, 80/70 function, 50 partial, 45 or less fuzzy: did you mean)",
    )
    matched_by: str | None = Field(None, examples=["alias"])


class AgencyProfile(Row):
    """单位概况 / Agency profile."""

    agency_id: str
    name: str | None = None
    name_en: str | None = None
    function: str | None = None
    jurisdiction: str | None = None
    lead_count: int = 0
    co_count: int = 0
    documents: list[Row] = []


class TargetRow(Row):
    """量化目标 / A quantified target."""

    target_id: str
    doc_id: str
    metric: str | None = None
    value: float | None = None
    unit: str | None = None
    comparator: str | None = None
    year: int | None = None


class TopicRow(Row):
    """主题 / A topic with its usage counts."""

    key: str = Field(..., examples=["carbon-metrology"])
    name: str | None = None
    name_en: str | None = None
    task_count: int = 0
    document_count: int = 0
    terms: list[str] = []


class NetworkNode(Row):
    """网络节点 / A node (agency or function) with lead and co task counts."""

    id: str
    name: str | None = None
    lead_count: int = 0
    co_count: int = 0


class NetworkEdge(Row):
    """网络边 / A weighted edge: shared tasks, lead–co and co–co counts."""

    source: str
    target: str
    weight: int
    lead_co: int = 0
    co_co: int = 0
    kind: str = Field(..., examples=["lead-co"])


class Network(BaseModel):
    """共同责任网络 / The co-responsibility network as JSON."""

    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class ParamInfo(BaseModel):
    """查询参数 / A catalogue query parameter."""

    name: str
    type: str
    default: Any = None
    required: bool = False
    choices: list[str] = []
    description: str = ""


class QueryInfo(BaseModel):
    """命名查询 / A catalogue query."""

    name: str = Field(..., examples=["tasks"])
    zh: str
    en: str
    mode: str
    params: list[ParamInfo]
    examples: list[str] = []


class QueryResult(Page[dict[str, Any]]):
    """查询结果 / A page of rows of a catalogue query, with the parameters as understood."""

    name: str = Field(..., examples=["tasks"])
    params: dict[str, Any] = Field(..., examples=[{"agency": "市场监管局", "role": "lead", "topic": "碳计量"}])


class CypherRequest(BaseModel):
    """只读 Cypher / A raw read-only Cypher query and its parameters."""

    query: str = Field(..., min_length=1, max_length=20000,
                       examples=["MATCH (a:Agency) RETURN a.agency_id AS id ORDER BY id LIMIT 5"])  # fmt: skip
    params: dict[str, Any] = Field(default_factory=dict, examples=[{}])


class CypherResult(BaseModel):
    """Cypher 结果 / Rows of a raw query (capped at ``PLANGRAPH_MAX_ROWS``)."""

    columns: list[str]
    rows: list[dict[str, Any]]
    count: int
    truncated: bool
