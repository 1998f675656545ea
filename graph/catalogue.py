"""The named Cypher catalogue (``queries/*.cypher``): parsing, parameter validation and read-only runs.

Each file starts with ``//`` header lines::

    // name: tasks
    // zh: 任务查询……
    // en: Tasks filtered by …
    // @param agency: agency = null — 责任单位 / responsible agency (name, alias, English, function key)
    // @param role: enum(lead|co|any) = any — 角色 / role
    // @mode: read

Parameter types: ``string``, ``int``, ``float``, ``bool``, ``list`` (comma-separated on the command line),
``enum(a|b|…)``, and four types the runner resolves before Cypher sees them:

- ``agency``: a name, alias, abbreviation, English label or function key in any script; Cypher receives
  ``$<name>_ids`` (the matching agency ids, or null when the parameter is not given);
- ``topic``: a topic key, label or term; Cypher receives ``$<name>`` as the topic key;
- ``jurisdiction``: a place name in any script or English; Cypher receives ``$<name>`` in simplified Chinese;
- ``fulltext``: words to search in task texts (each whitespace- or punctuation-separated term an exact phrase,
  Chinese segmented); Cypher receives ``$task_ids`` and the parallel list ``$scores``, the best hits up to the
  query's ``$offset + $limit`` (of its ``$doc_id`` when it has one) from :meth:`GraphStore.fulltext_tasks`, and
  ``$fulltext_total``, the number of all hits.

A parameter without ``= default`` is required; ``= null`` means optional.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from plangraph.graph.errors import QueryError
from plangraph.ingest.places import all_places, resolve_place
from plangraph.ingest.vocab import expand_agency, normalize_query, topic_key

SIMPLE_TYPES = ("string", "int", "float", "bool", "list")
RESOLVED_TYPES = ("agency", "topic", "jurisdiction", "fulltext")

_HEADER = re.compile(
    r"^//\s*@?(?:(?P<key>name|zh|en|mode|example|total)\s*:|(?P<param>param)\s)\s*(?P<value>.*)$"
)
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s*:\s*(?P<type>[a-z]+(?:\([^)]*\))?)\s*(?:=\s*(?P<default>[^—]*?))?\s*(?:—\s*(?P<desc>.*))?$"
)
_PARTICLES = frozenset("的和与及等了在之或")
_TRUE = {"true", "1", "yes", "y", "on"}
_FALSE = {"false", "0", "no", "n", "off"}


class ParameterError(QueryError):
    """A query parameter is unknown, missing or of the wrong type."""


class UnknownQuery(QueryError):
    """No catalogue query has this name."""


class UnknownValue(ParameterError):
    """An agency, topic or other vocabulary value matches nothing in the graph."""


@dataclass(frozen=True)
class ParamSpec:
    """One declared parameter of a catalogue query."""

    name: str
    type: str
    default: Any = None
    description: str = ""
    required: bool = False
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuerySpec:
    """One catalogue query: its header and its Cypher text."""

    name: str
    zh: str
    en: str
    params: list[ParamSpec]
    mode: str
    text: str
    path: Path | None = None
    examples: list[str] = field(default_factory=list)
    total: str | None = None  # a column holding the count of all matching rows (``// @total: <column>``)

    def param(self, name: str) -> ParamSpec | None:
        return next((p for p in self.params if p.name == name), None)


# --------------------------------------------------------------------------- parsing


def _parse_default(raw: str | None, ptype: str, choices: tuple[str, ...] = ()) -> tuple[Any, bool]:
    """(default value, required) of a header default."""
    if raw is None:
        return None, True
    raw = raw.strip()
    if raw in ("null", ""):
        return None, False
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"":
        raw = raw[1:-1]
    return _coerce_simple(ptype, raw, "default", choices), False


def parse_query_file(path: Path) -> QuerySpec:
    """Parse one ``.cypher`` file into a :class:`QuerySpec` (raises :class:`QueryError` on a bad header)."""
    text = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    params: list[ParamSpec] = []
    examples: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("//"):
            if stripped:
                break
            continue
        m = _HEADER.match(stripped)
        if not m:
            continue
        key, value = m["key"] or m["param"], m["value"].strip()
        if key == "param":
            pm = _PARAM.match(value)
            if not pm:
                raise QueryError(f"{path.name}: cannot parse parameter line {value!r}")
            ptype = pm["type"]
            choices: tuple[str, ...] = ()
            if ptype.startswith("enum("):
                choices = tuple(c.strip() for c in ptype[5:-1].split("|") if c.strip())
                ptype = "enum"
            elif ptype not in SIMPLE_TYPES + RESOLVED_TYPES:
                raise QueryError(f"{path.name}: unknown parameter type {ptype!r}")
            default, required = _parse_default(pm["default"], ptype, choices)
            params.append(
                ParamSpec(pm["name"], ptype, default, (pm["desc"] or "").strip(), required, choices)
            )
        elif key == "example":
            examples.append(value)
        else:
            meta[key] = value
    name = meta.get("name") or path.stem
    if name != path.stem:
        raise QueryError(f"{path.name}: header name {name!r} differs from the file name")
    mode = meta.get("mode", "read")
    if mode not in ("read", "write"):
        raise QueryError(f"{path.name}: mode must be read or write, not {mode!r}")
    return QuerySpec(name, meta.get("zh", ""), meta.get("en", ""), params, mode, text, path, examples,
                     meta.get("total") or None)


@lru_cache(maxsize=8)
def _load_dir(directory: str, stamp: tuple[tuple[str, float], ...]) -> dict[str, QuerySpec]:
    return {p.stem: parse_query_file(p) for p in sorted(Path(directory).glob("*.cypher"))}


def default_queries_dir() -> Path:
    """The catalogue installed with plangraph (``queries/``, package data of ``plangraph.queries``)."""
    return Path(str(resources.files("plangraph.queries")))


def load_catalogue(directory: Path | None = None) -> dict[str, QuerySpec]:
    """All catalogue queries of ``directory`` (default: the bundled catalogue, package ``plangraph.queries``)."""
    directory = Path(directory) if directory is not None else default_queries_dir()
    key = str(directory)
    now = time.monotonic()
    try:
        dir_mtime = directory.stat().st_mtime
    except OSError:
        dir_mtime = None
    seen = _CHECKED.get(key)
    # a file added or removed changes the folder's mtime; edited files are re-stat'ed at most once a second
    if seen is not None and seen[1] == dir_mtime and now - seen[0] < _RECHECK_S:
        return dict(seen[2])
    if not directory.is_dir():
        raise QueryError(f"query catalogue directory not found: {directory} (setting PLANGRAPH_QUERIES_DIR)")
    stamp = tuple((p.name, p.stat().st_mtime) for p in sorted(directory.glob("*.cypher")))
    catalogue = dict(_load_dir(key, stamp))
    _CHECKED[key] = (now, dir_mtime, catalogue)
    return dict(catalogue)


_RECHECK_S = 1.0
_CHECKED: dict[str, tuple[float, float | None, dict[str, QuerySpec]]] = {}


def _statements_in(folder: str, mode: str, directory: str | None) -> dict[str, str]:
    """The statements of ``queries/<folder>/*.cypher`` (or ``directory``) by name, each marked ``@mode: <mode>``."""
    if directory is None:
        from importlib import resources

        directory = str(resources.files("plangraph.queries") / folder)
    out: dict[str, str] = {}
    for path in sorted(Path(directory).glob("*.cypher")):
        spec = parse_query_file(path)
        if spec.mode != mode:
            raise QueryError(f"{path.name}: statements in {directory} must be marked @mode: {mode}")
        out[spec.name] = spec.text
    return out


@lru_cache(maxsize=4)
def write_statements(directory: str | None = None) -> dict[str, str]:
    """The graph writer's statements by name: ``queries/write/*.cypher`` (``@mode: write``, same header format as
    the catalogue). They are not catalogue entries: nothing serves or runs them from outside the writer."""
    return _statements_in("write", "write", directory)


@lru_cache(maxsize=4)
def internal_statements(directory: str | None = None) -> dict[str, str]:
    """The reads the writer, the relinker, the exporter and the resolver send besides catalogue queries:
    ``queries/internal/*.cypher`` (``@mode: read``, same header format). Like the write statements they are not
    catalogue entries: nothing serves them over HTTP."""
    return _statements_in("internal", "read", directory)


def get_query(name: str, directory: Path | None = None) -> QuerySpec:
    """The catalogue query ``name`` (raises :class:`UnknownQuery`)."""
    catalogue = load_catalogue(directory)
    if name not in catalogue:
        raise UnknownQuery(f"unknown query {name!r}; known: {', '.join(sorted(catalogue))}")
    return catalogue[name]


# --------------------------------------------------------------------------- coercion


def _coerce_simple(ptype: str, value: Any, pname: str, choices: tuple[str, ...] = ()) -> Any:
    def bad(expected: str) -> ParameterError:
        return ParameterError(f"parameter {pname!r}: expected {expected}, got {value!r}")

    if ptype in ("string", "agency", "topic", "jurisdiction", "fulltext"):
        if isinstance(value, (dict, list, tuple, bool)):
            raise bad("a string")
        return str(value)
    if ptype == "int":
        if isinstance(value, bool):
            raise bad("an integer")
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d+\s*", value):
            return int(value)
        raise bad("an integer")
    if ptype == "float":
        if isinstance(value, bool):
            raise bad("a number")
        try:
            return float(value)
        except (TypeError, ValueError):
            raise bad("a number") from None
    if ptype == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        raise bad("true or false")
    if ptype == "list":
        if isinstance(value, str):
            return [v.strip() for v in value.split(",") if v.strip()]
        if isinstance(value, (list, tuple)):
            return [v if isinstance(v, (int, float)) and not isinstance(v, bool) else str(v) for v in value]
        raise bad("a list (comma-separated)")
    if ptype == "enum":
        if isinstance(value, str) and value.strip() in choices:
            return value.strip()
        raise bad("one of " + "|".join(choices))
    raise ParameterError(f"parameter {pname!r}: unsupported type {ptype!r}")


def coerce_params(spec: QuerySpec, raw: dict[str, Any] | None) -> dict[str, Any]:
    """Check names, fill defaults and convert values; unresolved (user-level) values."""
    raw = {k: v for k, v in (raw or {}).items()}
    known = {p.name for p in spec.params}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ParameterError(
            f"query {spec.name!r} has no parameter {', '.join(map(repr, unknown))}; "
            f"parameters: {', '.join(sorted(known)) or '(none)'}"
        )
    out: dict[str, Any] = {}
    for p in spec.params:
        value = raw.get(p.name)
        if isinstance(value, str) and value.strip() == "" and p.type != "string":
            value = None
        if value is None:
            if p.required:
                raise ParameterError(f"query {spec.name!r} needs parameter {p.name!r} ({p.description})")
            out[p.name] = p.default
            continue
        out[p.name] = _coerce_simple(p.type, value, p.name, p.choices)
        if p.type in ("int", "float") and p.name in ("limit", "offset") and out[p.name] < 0:
            raise ParameterError(f"parameter {p.name!r} must not be negative")
    return out


# --------------------------------------------------------------------------- vocabulary resolution


def normalize_text(value: str) -> str:
    """NFKC, traditional → simplified, trimmed (``ingest.vocab.normalize_query``); used before matching names."""
    return normalize_query(value)


@lru_cache(maxsize=65536)
def _fold(value: str | None) -> str:
    return re.sub(r"[\s_\-·]+", " ", normalize_text(value or "")).casefold().strip()


def expand_agency_query(q: str) -> dict[str, Any]:
    """Function keys, level and jurisdiction implied by a user's agency string (``ingest.vocab``):
    ``{"functions": (...), "level": str|None, "jurisdiction": str|None, "names": (canonical names...)}``."""
    return expand_agency(q)


# one question of each kind the agency parser reads differently (a known name, a traditional one, an unknown
# fragment, an English label, a topic term): asked once at start-up, they load what it imports on first use
_WARM_QUESTIONS = ("市场监管局", "市場監管局", "某某监管", "administration for market regulation", "碳计量")


def warm_query_parsing() -> None:
    """Load the parts of query parsing imported or compiled on first use (the unit grammar, OpenCC, the English
    labels, the search segmenter), so a server's first question of a kind does not pay for them."""
    for q in _WARM_QUESTIONS:
        expand_agency(q)
        topic_key(q)
        segment_query(q)


def lookup_topic_key(q: str) -> str | None:
    """The topic key of a key, label or term (``ingest.vocab``); None when unknown."""
    return topic_key(q)


def segment_query(q: str) -> list[str]:
    """Search terms of a free-text query: its runs of word characters (split at spaces and punctuation), in
    simplified script, each one a phrase to find as written; a lone function particle (的, 和…) is dropped."""
    terms: list[str] = []
    for term in _NON_WORD.split(normalize_text(q)):
        if term and term not in _PARTICLES and term not in terms:
            terms.append(term)
    return terms


_NON_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class FulltextHits:
    """The best full-text hits ``[{task_id, score}]`` (best first) and how many tasks match in all."""

    hits: list[dict[str, Any]]
    total: int


@dataclass(frozen=True)
class AgencyMatch:
    """An agency found for a user's string, with a rank score (higher is better) and why."""

    agency_id: str
    score: int
    reason: str
    row: dict[str, Any]


# Reads the resolver sends besides catalogue queries (queries/internal, linted with the catalogue).
RESOLVER_STATEMENTS: dict[str, str] = {k: internal_statements()[k] for k in ("graph_version", "topic_labels")}
_CACHE_ENTRIES = 4096  # memoised answers per vocabulary (agency strings, topic strings)


class Vocabulary:
    """The graph's agencies and topic labels, folded once, for one store at one graph version.

    Built from the ``agencies`` catalogue query; matching a string looks up exact forms in a dict and partial
    forms in one joined string, so a request never re-reads or re-folds the agencies.
    """

    def __init__(self, agencies: list[dict[str, Any]], topics: list[dict[str, Any]]) -> None:
        self.agencies = agencies
        self.topics = topics
        self.by_lead = sorted(agencies, key=lambda r: (-(r.get("lead_count") or 0), r["agency_id"]))
        self._names: list[set[str]] = []
        self._aliases: list[set[str]] = []
        self._english: list[str] = []
        self._exact: dict[str, set[int]] = {}
        self._by_id: dict[str, int] = {}
        self._by_function: dict[str, list[int]] = {}
        self._function_keys: dict[str, set[int]] = {}
        blob: list[str] = []
        self._starts: list[int] = []
        pos = 0
        for i, row in enumerate(agencies):
            names = {_fold(n) for n in (row.get("agency_id"), row.get("name")) if n}
            aliases = {_fold(a) for a in row.get("aliases") or [] if a}
            english = _fold(row.get("name_en")) if row.get("name_en") else ""
            self._names.append(names)
            self._aliases.append(aliases)
            self._english.append(english)
            for form in names | aliases | ({english} if english else set()):
                self._exact.setdefault(form, set()).add(i)
            self._by_id[row["agency_id"]] = i
            if row.get("function"):
                self._by_function.setdefault(row["function"], []).append(i)
                for form in (_fold(row["function"]), _fold(row.get("function_en"))):
                    if form:
                        self._function_keys.setdefault(form, set()).add(i)
            part = "\x00".join(sorted(names | aliases | ({english} if english else set()))) + "\x01"
            self._starts.append(pos)
            blob.append(part)
            pos += len(part)
        self._blob = "".join(blob)
        self._topic_labels: dict[str, str] = {}
        for row in topics:
            for label in (row.get("key"), row.get("name"), row.get("name_en")):
                if label:
                    self._topic_labels.setdefault(_fold(label), row["key"])
        self.memo: dict[tuple[str, str], Any] = {}

    def remember(self, kind: str, q: str, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per (kind, q) for this vocabulary (bounded)."""
        key = (kind, q)
        if key not in self.memo:
            if len(self.memo) >= _CACHE_ENTRIES:
                self.memo.clear()
            self.memo[key] = compute()
        return self.memo[key]

    def _partial(self, fq: str) -> set[int]:
        from bisect import bisect_right

        starts = self._starts
        return {bisect_right(starts, m.start()) - 1 for m in re.finditer(re.escape(fq), self._blob)}

    def match_agencies(self, q: str) -> list[AgencyMatch]:
        fq = _fold(q)
        if not fq:
            return []
        hint = expand_agency_query(q)
        functions = set(hint["functions"])
        level, place = hint["level"], hint["jurisdiction"]
        partial = self._partial(fq)
        candidates = set(self._exact.get(fq, ())) | self._function_keys.get(fq, set()) | partial
        candidates |= {self._by_id[n] for n in hint["names"] if n in self._by_id}
        for function in functions:
            candidates.update(self._by_function.get(function, ()))
        matches: list[AgencyMatch] = []
        for i in candidates:
            row = self.agencies[i]
            if fq in self._names[i]:
                score, reason = 100, "name"
            elif fq in self._aliases[i]:
                score, reason = 90, "alias"
            elif self._english[i] and fq == self._english[i]:
                score, reason = 90, "english"
            elif row.get("agency_id") in hint["names"]:
                score, reason = 85, "vocabulary"
            elif row.get("function") and i in self._function_keys.get(fq, ()):
                score, reason = 70, "function"
            elif row.get("function") in functions and _fits(row, level, place):
                score, reason = 80 if (level or place) else 70, "function"
            elif i in partial:
                score, reason = 50, "partial"
            else:
                continue
            matches.append(AgencyMatch(row["agency_id"], score, reason, row))
        matches.sort(key=lambda m: (-m.score, -(m.row.get("lead_count") or 0), m.agency_id))
        return matches

    def has_agency(self, agency_id: str) -> bool:
        return agency_id in self._by_id

    def topic_label(self, fq: str) -> str | None:
        return self._topic_labels.get(fq)


_VOCABULARIES: weakref.WeakKeyDictionary[Any, tuple[Any, str, Vocabulary]] = weakref.WeakKeyDictionary()
_VOCAB_LOCK = threading.Lock()


def graph_version(store: Any, timeout_ms: int | None = None) -> Any:
    """The graph version the loader bumps on every write (None for a graph written without it)."""
    rows = store.read(RESOLVER_STATEMENTS["graph_version"], {}, timeout_ms=timeout_ms)
    return rows[0]["version"] if rows else None


class Resolver:
    """Turns user-level strings (agency, topic, jurisdiction) into graph keys, using the graph's own data.

    The agencies and topic labels come from a per-process :class:`Vocabulary` per store, rebuilt only when
    the graph version changes (read once per resolver, i.e. once per request in the API).
    """

    def __init__(self, store: Any, directory: Path | None = None, timeout_ms: int | None = None,
                 version: Any = None) -> None:
        self.store = store
        self.directory = directory
        self.timeout_ms = timeout_ms
        self._version = version  # the graph version when the caller read it already (the API's response cache)
        self._vocabulary: Vocabulary | None = None
        self._topics: list[dict[str, Any]] | None = None
        self._fulltext: dict[tuple[str, int, str | None], FulltextHits] = {}

    def _run(self, name: str) -> list[dict[str, Any]]:
        spec = get_query(name, self.directory)
        params = {p.name: p.default for p in spec.params}
        return self.store.read(spec.text, params, timeout_ms=self.timeout_ms)

    @property
    def vocabulary(self) -> Vocabulary:
        """The store's vocabulary at the current graph version (built on first use after a change)."""
        if self._vocabulary is not None:
            return self._vocabulary
        version = self.graph_version()
        where = str(self.directory)
        try:
            cached = _VOCABULARIES.get(self.store)
        except TypeError:  # a store that cannot be weakly referenced: no cache
            cached = None
        if cached is not None and version is not None and cached[0] == version and cached[1] == where:
            self._vocabulary = cached[2]
            return self._vocabulary
        with _VOCAB_LOCK:
            vocabulary = Vocabulary(
                self._run("agencies"),
                self.store.read(RESOLVER_STATEMENTS["topic_labels"], {}, timeout_ms=self.timeout_ms),
            )
            if version is not None:
                with contextlib.suppress(TypeError):
                    _VOCABULARIES[self.store] = (version, where, vocabulary)
        self._vocabulary = vocabulary
        return vocabulary

    def graph_version(self) -> Any:
        """The graph version, read once per resolver (or given by the caller)."""
        if self._version is None:
            self._version = graph_version(self.store, self.timeout_ms)
        return self._version

    @property
    def agencies(self) -> list[dict[str, Any]]:
        return self.vocabulary.agencies

    @property
    def topics(self) -> list[dict[str, Any]]:
        """Topics with their counts and terms (the ``topics`` query; read only when a term is needed)."""
        if self._topics is None:
            self._topics = self._run("topics")
        return self._topics

    def match_agencies(self, q: str) -> list[AgencyMatch]:
        """Agencies matching ``q`` (any script, alias, abbreviation, English label or function key), ranked
        (memoised per vocabulary: the list is shared, do not change it)."""
        vocabulary = self.vocabulary
        return vocabulary.remember("match", q, lambda: vocabulary.match_agencies(q))

    def agency_ids(self, q: str) -> list[str]:
        """Ids of the best-matching agencies for a filter (the top score tier); raises :class:`UnknownValue`."""
        ids = self.vocabulary.remember("agency", q, lambda: self._agency_ids(q))
        if ids is None:
            raise UnknownValue(
                f"unknown agency {q!r} (no name, alias, English label or function key matches)"
            )
        return list(ids)

    def _agency_ids(self, q: str) -> tuple[str, ...] | None:
        matches = self.match_agencies(q)
        if not matches:
            return None
        hint = expand_agency_query(q)
        generic = bool(hint["functions"]) and not hint["level"] and not hint["jurisdiction"]
        # a bare function name ("市场监管局", "market regulation") means every agency of that function
        floor = 70 if generic and matches[0].score >= 70 else matches[0].score
        return tuple(m.agency_id for m in matches if m.score >= floor)

    def topic_key(self, q: str) -> str:
        """The topic key for a key, label or term; raises :class:`UnknownValue`."""
        fq = _fold(q)
        key = self.vocabulary.topic_label(fq) or lookup_topic_key(normalize_text(q))
        if key:
            return key
        for row in self.topics:  # a term the texts use for exactly this topic
            if fq in {_fold(x) for x in row.get("terms") or []}:
                return row["key"]
        raise UnknownValue(f"unknown topic {q!r}; known topics: {', '.join(r['key'] for r in self.topics)}")

    def fulltext(self, q: str, limit: int, doc_id: str | None = None) -> FulltextHits:
        """The ``limit`` best full-text hits of ``q`` (in ``doc_id`` if given) and the number of all its hits, read
        once per resolver (a page and its total share them). The count is a second pass over the hits, made only
        when the best ``limit`` do not already hold every hit; it follows the page's pass rather than running
        beside it, since two passes over one phrase contend in the engine (measured on 17k hits: 52 ms side by
        side, 31 ms one after the other)."""
        key = (q, limit, doc_id)
        if key not in self._fulltext:
            terms = segment_query(q)
            hits = self.store.fulltext_tasks(terms, limit, doc_id) if limit > 0 else []
            total = len(hits) if limit > 0 and len(hits) < limit else self.store.fulltext_count(terms, doc_id)
            self._fulltext[key] = FulltextHits(hits, total)
        return self._fulltext[key]

    def jurisdiction(self, q: str) -> str:
        """A place name in simplified Chinese (English or other scripts expanded through the vocabulary)."""
        return _jurisdiction(q)


@lru_cache(maxsize=4096)
def _jurisdiction(q: str) -> str:
    text = normalize_text(q)
    place = resolve_place(text)
    if place is None and text.isascii():
        folded = text.casefold()
        place = next((p for p in all_places() if p.name_en and p.name_en.casefold() == folded), None)
    return place.name if place else text


def _fits(row: dict[str, Any], level: str | None, place: str | None) -> bool:
    if level and row.get("level") and row["level"] != level:
        return False
    return not (place and place not in (row.get("jurisdiction"), row.get("province")))


def bind_params(
    spec: QuerySpec,
    raw: dict[str, Any] | None,
    resolver: Resolver | None,
) -> dict[str, Any]:
    """The Cypher parameters of ``spec`` for user-level ``raw`` values (validated, coerced, resolved)."""
    values = coerce_params(spec, raw)
    params: dict[str, Any] = {}
    for p in spec.params:
        value = values[p.name]
        if p.type in RESOLVED_TYPES and value is not None and resolver is None:
            raise ParameterError(f"parameter {p.name!r} needs the graph to resolve {value!r}")
        if p.type == "agency":
            params[f"{p.name}_ids"] = None if value is None else resolver.agency_ids(value)
        elif p.type == "topic":
            params[p.name] = None if value is None else resolver.topic_key(value)
        elif p.type == "jurisdiction":
            params[p.name] = None if value is None else resolver.jurisdiction(value)
        elif p.type == "fulltext":
            # the hits a page needs: its window (offset + limit) when the query pages, else only their number
            window = (values.get("offset") or 0) + values["limit"] if "limit" in values else 0
            found = FulltextHits([], 0) if value is None else resolver.fulltext(value, window, values.get("doc_id"))
            params["task_ids"] = [h["task_id"] for h in found.hits]
            params["scores"] = [float(h.get("score") or 0.0) for h in found.hits]
            params["fulltext_total"] = found.total
        elif p.type == "string" and value is not None and p.name not in ("doc_id", "task_id", "agency_id"):
            params[p.name] = normalize_text(value)
        else:
            params[p.name] = value
    return params


def run_query(
    store: Any,
    name: str,
    params: dict[str, Any] | None = None,
    *,
    timeout_ms: int | None = None,
    directory: Path | None = None,
    resolver: Resolver | None = None,
) -> list[dict[str, Any]]:
    """Run catalogue query ``name`` read-only with validated parameters; returns rows of plain values."""
    return run_query_page(store, name, params, timeout_ms=timeout_ms, directory=directory, resolver=resolver)[0]


def run_query_page(
    store: Any,
    name: str,
    params: dict[str, Any] | None = None,
    *,
    timeout_ms: int | None = None,
    directory: Path | None = None,
    resolver: Resolver | None = None,
) -> tuple[list[dict[str, Any]], int | None]:
    """:func:`run_query` and the count of all matching rows when the query carries it (its ``@total`` column,
    taken off the rows; None when the query has none or returned no row)."""
    spec = get_query(name, directory)
    if spec.mode != "read":
        raise ParameterError(f"query {name!r} is a write query; only read queries run here")
    resolver = resolver or Resolver(store, directory, timeout_ms)
    cypher_params = bind_params(spec, params, resolver)
    rows = store.read(spec.text, cypher_params, timeout_ms=timeout_ms)
    if spec.total is None:
        return rows, None
    total = int(rows[0][spec.total]) if rows and rows[0].get(spec.total) is not None else None
    for row in rows:
        row.pop(spec.total, None)
    return rows, total


def catalogue_rows(specs: Iterable[QuerySpec]) -> list[dict[str, Any]]:
    """The catalogue as plain rows (for ``--list`` and ``GET /queries``)."""
    return [
        {
            "name": s.name,
            "zh": s.zh,
            "en": s.en,
            "mode": s.mode,
            "params": [
                {
                    "name": p.name,
                    "type": p.type,
                    "default": p.default,
                    "required": p.required,
                    "choices": list(p.choices),
                    "description": p.description,
                }
                for p in s.params
            ],
            "examples": list(s.examples),
        }
        for s in specs
    ]


def cell(value: Any) -> str:
    """A value as one table/CSV cell: lists and maps as compact JSON, None as empty."""
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def rows_to_csv(rows: list[dict[str, Any]]) -> str:
    """Rows as CSV text with flat columns (maps and lists spread out, see :mod:`plangraph.graph.tabular`)."""
    from plangraph.graph.tabular import rows_to_csv as flat_csv

    return flat_csv(rows)
