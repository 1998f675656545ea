"""Everything that differs between Neo4j 5 and FalkorDB, and nothing else (see cypher-portable.md).

- schema: unique constraints on the business keys, plain indexes on ``doc_id`` of document-owned nodes,
  the full-text index of task texts;
- full-text search: the statement and the query-string syntax;
- timeouts: FalkorDB takes integer milliseconds per query (enforced for reads only: the engine ignores it
  for write queries); Neo4j takes seconds through ``neo4j.unit_of_work(timeout=…)`` on any transaction,
  and its timeout also counts query planning (seconds for the large catalogue queries, once per text and
  parameter types), so a read is planned first with ``EXPLAIN``.

Full-text on FalkorDB: its ``chinese`` analyzer segments differently from any query-side segmenter, so
plangraph indexes ``Task.text_seg`` instead: the task text segmented by jieba (``segment_text``, jieba-rs), tokens
separated by spaces, and turns each query term into the exact phrase of the same jieba tokens (terms AND-ed).
Whoever writes ``Task.text`` also writes ``task_fulltext_properties(text)`` (harmless on Neo4j, which indexes ``text`` with its ``cjk``
analyzer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FALKORDB = "falkordb"
NEO4J = "neo4j"

# label -> business key (docs/design.md, graph model)
BUSINESS_KEYS: dict[str, str] = {
    "Document": "doc_id",
    "Section": "section_id",
    "Task": "task_id",
    "Agency": "agency_id",
    "Function": "key",
    "Jurisdiction": "name",
    "Target": "target_id",
    "Year": "year",
    "Topic": "key",
}
# document-owned labels are deleted by doc_id when a document is replaced
DOC_OWNED = ("Section", "Task", "Target")
# range indexes on the properties the catalogue and the loader filter on (the read path starts from them)
FILTER_INDEXES: tuple[tuple[str, str], ...] = (
    ("Document", "province"),
    ("Document", "jurisdiction"),
    ("Document", "level"),
    ("Document", "doc_number"),
    ("Document", "title_key"),
    ("Task", "province"),
    ("Task", "jurisdiction"),
    ("Task", "lead_id"),
    ("Task", "lead_function"),
    ("Task", "topic_keys"),  # a list: FalkorDB answers `$k IN t.topic_keys` (with t.lead_id IN …) from the index
    ("Agency", "function"),
    ("Target", "year"),
    ("Meta", "key"),
)

FULLTEXT_LABEL = "Task"
NEO4J_FULLTEXT_INDEX = "task_text"
NEO4J_FULLTEXT_PROPERTY = "text"
FALKOR_FULLTEXT_PROPERTY = "text_seg"

_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class FalkorConstraint:
    """A ``GRAPH.CONSTRAINT CREATE`` command (not Cypher on FalkorDB)."""

    label: str
    key: str


# ---------------------------------------------------------------- schema


def neo4j_schema_statements() -> list[str]:
    """Idempotent Neo4j 5 DDL: unique constraints, doc_id indexes, the CJK full-text index."""
    stmts = [
        f"CREATE CONSTRAINT {label.lower()}_{key} IF NOT EXISTS FOR (n:{label}) REQUIRE n.{key} IS UNIQUE"
        for label, key in BUSINESS_KEYS.items()
    ]
    stmts += [
        f"CREATE INDEX {label.lower()}_doc_id IF NOT EXISTS FOR (n:{label}) ON (n.doc_id)"
        for label in DOC_OWNED
    ]
    stmts += [
        f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
        for label, prop in FILTER_INDEXES
    ]
    stmts.append(
        f"CREATE FULLTEXT INDEX {NEO4J_FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{FULLTEXT_LABEL}) "
        f"ON EACH [n.{NEO4J_FULLTEXT_PROPERTY}] OPTIONS {{indexConfig: {{`fulltext.analyzer`: 'cjk'}}}}"
    )
    return stmts


def falkor_schema_steps() -> list[str | FalkorConstraint]:
    """FalkorDB schema in order: range indexes (Cypher), unique constraints (commands), full-text index.

    Re-running a step answers "already indexed" / "Constraint already exists"; see ``falkor_already_exists``.
    """
    steps: list[str | FalkorConstraint] = [
        f"CREATE INDEX FOR (n:{label}) ON (n.{key})" for label, key in BUSINESS_KEYS.items()
    ]
    steps += [f"CREATE INDEX FOR (n:{label}) ON (n.doc_id)" for label in DOC_OWNED]
    steps += [f"CREATE INDEX FOR (n:{label}) ON (n.{prop})" for label, prop in FILTER_INDEXES]
    steps += [FalkorConstraint(label, key) for label, key in BUSINESS_KEYS.items()]
    steps.append(
        f"CALL db.idx.fulltext.createNodeIndex({{label: '{FULLTEXT_LABEL}', stopwords: []}}, "
        f"'{FALKOR_FULLTEXT_PROPERTY}')"
    )
    return steps


def falkor_already_exists(message: str) -> bool:
    """True if a FalkorDB schema error only says the index/constraint exists already."""
    return "already indexed" in message or "already exists" in message


# ---------------------------------------------------------------- full-text


def _tokens(words) -> list[str]:
    """The ``\\w+`` parts of segmenter tokens, lower-cased (``2021-10-26`` → ``2021 10 26``): one pass over the
    tokens joined by spaces (a space ends a ``\\w+`` run, so the parts are those of each token in turn)."""
    joined = " ".join(words)
    low = joined.lower()
    # lower-casing is a per-character map that keeps \w-ness, except where it changes length (İ → i̇) or looks
    # at the context (a final Σ): elsewhere the parts of the lower-cased text are the lower-cased parts
    if len(low) == len(joined) and "Σ" not in joined:
        return _TOKEN.findall(low)
    return [part.lower() for part in _TOKEN.findall(joined)]


def segment_text(text: str) -> str:
    """jieba search-mode tokens of ``text`` (words and their sub-words), lower-cased, space-separated, then every
    vocabulary word the text holds (``ingest.vocab.find_search_terms``: the taxonomy's terms, wherever jieba cut
    them, so 低碳计量 also holds 碳计量): a search for a vocabulary word reads one posting list.

    jieba-rs (``rjieba``): the jieba dictionary and algorithm, about 20x faster than the Python jieba."""
    import rjieba
    from plangraph.ingest.vocab import find_search_terms

    text = text or ""
    return " ".join(_tokens(rjieba.cut_for_search(text)) + find_search_terms(text))


def task_fulltext_properties(text: str) -> dict[str, str]:
    """Extra Task properties the full-text index needs (set them next to ``Task.text``)."""
    return {FALKOR_FULLTEXT_PROPERTY: segment_text(text)}


def _falkor_phrase(term: str) -> str:
    """One term (a run of word characters) as a RediSearch clause: a vocabulary word itself (``segment_text``
    indexes each one whole), else the exact run of indexed tokens that spells it.

    The index holds search-mode jieba tokens, where a compound word is preceded by its sub-words (基础设施 →
    基础 设施 基础设施). The run is the term's first word, then each next word with its sub-words in front; the
    last word, when its two-character sub-words spell it, only by those (so 食品安全 still matches text that
    jieba cut as 食品 / 安全监管): 质量基础设施 → "质量 基础 设施", 数字化转型 → "数字化 转型". An exact phrase is
    more precise, and on common words cheaper, than an AND of the words (or of their sub-words) anywhere."""
    import rjieba
    from plangraph.ingest.vocab import search_terms

    if term.lower() in search_terms():  # indexed as a whole word (segment_text): one posting list
        return term.lower()
    words = [w for w in (_tokens([word]) for word in rjieba.cut(term)) if w]
    run: list[str] = []
    for i, parts in enumerate(words):
        if len(parts) > 1:  # a word the token pattern splits (rare): its parts, in order
            run += parts
            continue
        word = parts[0]
        subs = [s for s in _tokens(rjieba.cut_for_search(word)) if s != word]
        pairs = [s for s in subs if len(s) == 2]
        if i == len(words) - 1 and pairs and "".join(pairs) == word:
            run += pairs
        else:
            run += [word] if not run else [*subs, word]
    if len(run) <= 1:
        return run[0] if run else ""
    return '"' + " ".join(run) + '"'


def _lucene_term(term: str) -> str:
    cleaned = re.sub(r'[\\"]', " ", term).strip()
    if _CJK_CHAR.fullmatch(cleaned):  # a lone Han character: any bigram starting with it
        return f"{cleaned}*"
    return f'"{cleaned}"' if cleaned else ""


_CJK_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _lucene_phrases(terms: list[str]) -> list[str]:
    """Terms for Neo4j's ``cjk`` analyzer, which indexes Han text as overlapping bigrams: a one-character
    term (jieba splits 碳计量 into 碳 + 计量) cannot match a bigram, so it is glued to the next term (or the
    previous one) as one phrase ("碳计量")."""
    phrases: list[str] = []
    carry = ""
    for term in terms:
        term = carry + term.strip()
        carry = ""
        if _CJK_CHAR.fullmatch(term):
            carry = term
            continue
        if term:
            phrases.append(term)
    if carry:
        if phrases:
            phrases[-1] += carry
        else:
            phrases.append(carry)
    return phrases


def fulltext_string(backend: str, terms: list[str]) -> str:
    """The engine's query string for tasks holding every term (each term a phrase); "" when none is searchable."""
    if backend == FALKORDB:
        return " ".join(c for c in (_falkor_phrase(t) for t in terms) if c)
    return " AND ".join(c for c in (_lucene_term(t) for t in _lucene_phrases(terms)) if c)


def fulltext_query(backend: str, terms: list[str], limit: int, doc_id: str | None = None) -> tuple[str, dict]:
    """The statement and parameters returning ``[{task_id, score}]``: the ``limit`` best tasks matching all
    ``terms`` (of document ``doc_id`` when given), best first. Returns ``("", {})`` when no searchable word
    remains.

    FalkorDB yields every hit in index order: only the score and the node's internal id are read per hit
    (a bounded top-``limit`` sort), the task id only for the rows kept."""
    q = fulltext_string(backend, terms)
    text = FALKOR_FULLTEXT_QUERY if backend == FALKORDB else NEO4J_FULLTEXT_QUERY
    return (text, {"q": q, "limit": int(limit), "doc_id": doc_id}) if q else ("", {})


def fulltext_count_query(backend: str, terms: list[str], doc_id: str | None = None) -> tuple[str, dict]:
    """The statement and parameters counting the tasks that match all ``terms`` (``[{total}]``)."""
    q = fulltext_string(backend, terms)
    text = FALKOR_FULLTEXT_COUNT if backend == FALKORDB else NEO4J_FULLTEXT_COUNT
    return (text, {"q": q, "doc_id": doc_id}) if q else ("", {})


_IN_DOC = "WHERE $doc_id IS NULL OR node.doc_id = $doc_id "
FALKOR_FULLTEXT_QUERY = (
    f"CALL db.idx.fulltext.queryNodes('{FULLTEXT_LABEL}', $q) YIELD node, score " + _IN_DOC
    + "WITH node, score ORDER BY score DESC, id(node) LIMIT $limit RETURN node.task_id AS task_id, score"
)
FALKOR_FULLTEXT_COUNT = (
    f"CALL db.idx.fulltext.queryNodes('{FULLTEXT_LABEL}', $q) YIELD node " + _IN_DOC + "RETURN count(node) AS total"
)
NEO4J_FULLTEXT_QUERY = (
    f"CALL db.index.fulltext.queryNodes('{NEO4J_FULLTEXT_INDEX}', $q) YIELD node, score " + _IN_DOC
    + "RETURN node.task_id AS task_id, score ORDER BY score DESC, task_id LIMIT $limit"
)
NEO4J_FULLTEXT_COUNT = (
    f"CALL db.index.fulltext.queryNodes('{NEO4J_FULLTEXT_INDEX}', $q) YIELD node " + _IN_DOC
    + "RETURN count(node) AS total"
)

# run against Neo4j's "system" database to check that PLANGRAPH_GRAPH_NAME exists
NEO4J_LIST_DATABASES = "SHOW DATABASES YIELD name RETURN name"

# clearing a Neo4j database (data and schema; FalkorDB deletes the whole graph key instead)
NEO4J_DELETE_ALL = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
NEO4J_LIST_CONSTRAINTS = "SHOW CONSTRAINTS YIELD name RETURN name"
NEO4J_LIST_INDEXES = "SHOW INDEXES YIELD name, type, owningConstraint WHERE type <> 'LOOKUP' AND owningConstraint IS NULL RETURN name"


def neo4j_drop_statements(constraints: list[str], indexes: list[str]) -> list[str]:
    """``DROP`` statements for the named constraints, then the named indexes."""
    return [f"DROP CONSTRAINT `{name}` IF EXISTS" for name in constraints] + [
        f"DROP INDEX `{name}` IF EXISTS" for name in indexes
    ]

# ---------------------------------------------------------------- timeouts


def neo4j_explain(query: str) -> str:
    """``query`` planned but not run (Neo4j ``EXPLAIN``): its plan is cached before a timed run."""
    return f"EXPLAIN {query}"



def falkor_timeout(timeout_ms: int | None) -> int | None:
    """FalkorDB's per-query ``TIMEOUT`` argument (ms, positive int; None = no limit)."""
    return None if timeout_ms is None else max(int(timeout_ms), 1)


def neo4j_timeout(timeout_ms: int | None) -> float | None:
    """The ``neo4j.unit_of_work(timeout=…)`` value (seconds; None = server default)."""
    return None if timeout_ms is None else max(timeout_ms, 1) / 1000.0


# ---------------------------------------------------------------- linting


def neo4j_statements() -> dict[str, str]:
    """Every Cypher text this module sends to Neo4j, by name (linted by tests/test_cypher_lint.py)."""
    stmts = {f"dialect.schema.{i:02d}": s for i, s in enumerate(neo4j_schema_statements())}
    stmts["dialect.fulltext_query"] = NEO4J_FULLTEXT_QUERY
    stmts["dialect.fulltext_count"] = NEO4J_FULLTEXT_COUNT
    stmts["dialect.list_databases"] = NEO4J_LIST_DATABASES
    stmts["dialect.delete_all"] = NEO4J_DELETE_ALL
    stmts["dialect.list_constraints"] = NEO4J_LIST_CONSTRAINTS
    stmts["dialect.list_indexes"] = NEO4J_LIST_INDEXES
    for i, stmt in enumerate(neo4j_drop_statements(["c"], ["i"])):
        stmts[f"dialect.drop.{i}"] = stmt
    return stmts
