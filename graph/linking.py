"""``Task IMPLEMENTS Task``: each local task → the higher-level clauses it implements, with a score.

Candidates: the tasks of every ingested document that the task's document implements, directly or
transitively through ingested documents (``Document IMPLEMENTS Document``), and whose level is higher
(national > provincial / provincial-department > municipal > county). Scores: cosine similarity of TF-IDF
vectors over character 1–3-grams (sublinear tf), fitted per local document on its tasks and those of the
documents it implements (a bounded vocabulary: a document's links depend on those documents only); n-grams found
in more than 40% of those tasks (计量, 加强, 推进 …: boilerplate shared by every clause) are dropped. A task is represented by
its title twice plus its text (titles carry the gist). Measured with ``bench/alignment.py``.
For each local task and each higher document, the top ``k`` clauses above ``threshold`` are kept with
``rank`` 1..k.

``relink(store, changed)`` recomputes only the links the changed documents can change: their own tasks' links
and those of the documents implementing them (transitively); ``changed=None`` recomputes all. Each batch of
documents has its old links deleted and the new ones written in one atomic write, so no document is ever seen
without its links. ``link_statements(..., pending=…)`` gives the statements for a document about to be written
(the loader appends them to the document's own atomic write when it replaces a document).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
from plangraph.graph.catalogue import internal_statements, write_statements
from plangraph.graph.store import GraphStore
from plangraph.ingest.places import rank_of
from scipy import sparse

TOP_K = 3
THRESHOLD = 0.05
READ_TIMEOUT_MS = 120_000
TITLE_WEIGHT = 2


# every statement relinking sends: reads of queries/internal, writes of queries/write
STATEMENTS: dict[str, str] = {
    **{k: internal_statements()[k] for k in ("document_levels", "all_document_links", "implementers_of",
                                             "document_links_below", "levels_of", "tasks_of")},
    **{k: v for k, v in write_statements().items() if k in ("delete_links_of", "create_task_links")}}


_SPACES = re.compile(r"\s\s+")
MAX_DF = 0.4
_BITS = 21  # a code point (<= 0x10FFFF) + 1 fits 21 bits: three of them pack an n-gram into one int64


def _normal(text: str) -> str:
    return _SPACES.sub(" ", text.lower())


def _grams(text: str, n: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """The character 1..``n``-grams of a normalised text as sorted int64 keys with their counts. A key packs the
    code points (+1, 0 for none) of an n-gram, so keys sort as the n-gram strings do (``"a" < "ab" < "b"``)."""
    if not 1 <= n <= 3:
        raise ValueError("n-grams of 1 to 3 characters")
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64) + 1
    size = len(points)
    parts = []
    for m in range(1, n + 1):
        if size < m:
            break
        key = points[: size - m + 1] << (_BITS * 2)
        for off in range(1, m):
            key = key | (points[off : size - m + 1 + off] << (_BITS * (2 - off)))
        parts.append(key)
    if not parts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    keys = np.concatenate(parts)
    keys.sort()
    first = np.empty(len(keys), dtype=bool)
    first[0] = True
    np.not_equal(keys[1:], keys[:-1], out=first[1:])
    starts = first.nonzero()[0]
    counts = np.empty_like(starts)  # run lengths (np.diff with append= costs more than the rest: tasks are short)
    np.subtract(starts[1:], starts[:-1], out=counts[:-1])
    counts[-1] = len(keys) - starts[-1]
    return keys[starts], counts


def _matrix(features: list[tuple[np.ndarray, np.ndarray]], max_df: float) -> sparse.csr_matrix:
    """The TF-IDF rows of texts given as their ``_grams``: the arithmetic of :func:`tfidf`, term by term."""
    lens = np.fromiter((len(k) for k, _ in features), dtype=np.int64, count=len(features))
    keys = np.concatenate([k for k, _ in features]) if features else np.zeros(0, dtype=np.int64)
    counts = np.concatenate([c for _, c in features]) if features else np.zeros(0, dtype=np.int64)
    terms, inverse = np.unique(keys, return_inverse=True)  # sorted keys: columns in n-gram order
    df = np.bincount(inverse, minlength=len(terms))
    keep = df <= max_df * len(features)
    if not keep.any():
        raise ValueError("empty vocabulary")
    column = np.cumsum(keep) - 1
    idf = np.log((1 + len(features)) / (1 + df[keep])) + 1.0
    mask = keep[inverse]
    cols = column[inverse[mask]]  # ascending within each row (a text's keys are sorted)
    rows = np.repeat(np.arange(len(features)), lens)[mask]
    weights = (np.log(counts[mask].astype(np.float64)) + 1.0) * idf[cols]
    indptr = np.zeros(len(features) + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=len(features)), out=indptr[1:])
    norms = np.ones(len(features))
    for r in range(len(features)):
        w = weights[indptr[r] : indptr[r + 1]]
        norm = np.sqrt(np.dot(w, w))
        if norm > 0:
            norms[r] = norm
    weights = weights / np.repeat(norms, np.diff(indptr))
    return sparse.csr_matrix((weights, cols, indptr), shape=(len(features), int(keep.sum())))


def tfidf(texts: list[str], *, n: int = 3, max_df: float = MAX_DF) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows over character 1..``n``-grams (``n`` <= 3) with sublinear tf and smoothed idf,
    n-grams in more than ``max_df`` of the texts dropped: what scikit-learn's ``TfidfVectorizer(analyzer="char",
    ngram_range=(1, n), sublinear_tf=True, max_df=max_df)`` computes, without importing scikit-learn (1.5 s
    of every ``plangraph ingest``). ``ValueError`` when no n-gram is left."""
    return _matrix([_grams(_normal(text), n) for text in texts], max_df)


@dataclass(frozen=True)
class TaskText:
    task_id: str
    doc_id: str
    title: str
    text: str

    def represent(self) -> str:
        return " ".join([self.title] * TITLE_WEIGHT + [self.text])


def higher_documents(levels: dict[str, str | None], edges: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """For each document, the ingested documents it implements (transitively) that sit at a higher level."""
    out: dict[str, set[str]] = {}
    for src, dst in edges:
        out.setdefault(src, set()).add(dst)
    result: dict[str, list[str]] = {}
    for doc in levels:
        seen: set[str] = set()
        stack = list(out.get(doc, ()))
        while stack:
            cur = stack.pop()
            if cur in seen or cur == doc or cur not in levels:
                continue
            seen.add(cur)
            stack.extend(out.get(cur, ()))
        mine = rank_of(levels[doc])
        keep = [d for d in seen
                if mine is None or rank_of(levels[d]) is None or rank_of(levels[d]) < mine]
        if keep:
            result[doc] = sorted(keep)
    return result


def _rank_of(ids: list[str]) -> np.ndarray:
    """Each id's position in ``sorted(ids)`` (a stable sort: equal ids keep their order)."""
    rank = np.empty(len(ids), dtype=np.int64)
    rank[sorted(range(len(ids)), key=ids.__getitem__)] = np.arange(len(ids))
    return rank


def _best(sims: np.ndarray, src: list[str], dst: list[str], dst_rank: np.ndarray, k: int, threshold: float,
          rows: list[dict]) -> None:
    """Per row of ``sims``: the ``k`` best columns by (-score, task id), rounded to 6 digits, above ``threshold``."""
    rounded = np.round(sims, 6)
    ri, cj = np.nonzero(rounded >= threshold)  # rounding is monotonic: what passes is a prefix of each order
    if not len(ri):
        return
    order = np.lexsort((dst_rank[cj], -sims[ri, cj], ri))
    ri, cj = ri[order], cj[order]
    first = np.flatnonzero(np.r_[True, ri[1:] != ri[:-1]])
    rank = np.arange(len(ri)) - np.repeat(first, np.diff(np.r_[first, len(ri)]))
    top = rank < k
    ri, cj, rank = ri[top], cj[top], rank[top]
    for i, j, r, score in zip(ri.tolist(), cj.tolist(), rank.tolist(), rounded[ri, cj].tolist(), strict=True):
        rows.append({"src": src[i], "dst": dst[j], "score": score, "rank": r + 1})


def score_links(tasks: list[TaskText], targets: dict[str, list[str]], *, k: int = TOP_K,
                threshold: float = THRESHOLD) -> list[dict]:
    """Rows ``{src, dst, score, rank}``: per local task and per higher document, the best ``k`` clauses.

    The vectoriser is fitted per local document on its own tasks and those of the documents it implements, so
    a document's links depend only on those documents (incremental relinking recomputes exactly what a full
    one would) and the vocabulary stays bounded by one group of plans. A task's n-grams are counted once per
    call, however many groups it is a candidate in (the idf stays per group)."""
    by_doc: dict[str, list[int]] = {}
    for i, task in enumerate(tasks):
        by_doc.setdefault(task.doc_id, []).append(i)
    grams: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    ranks: dict[str, np.ndarray] = {}

    def features(j: int) -> tuple[np.ndarray, np.ndarray]:
        if j not in grams:
            grams[j] = _grams(_normal(tasks[j].represent()))
        return grams[j]

    rows: list[dict] = []
    for doc_id in sorted(targets):
        local = by_doc.get(doc_id, [])
        higher = [h for h in targets[doc_id] if by_doc.get(h)]
        if not local or not higher:
            continue
        group = local + [j for h in higher for j in by_doc[h]]
        try:
            matrix = _matrix([features(j) for j in group], MAX_DF)
        except ValueError:  # empty vocabulary (all texts empty)
            continue
        # one product for every candidate: each score sums the same terms in the same order as per document
        sims = (matrix[: len(local)] @ matrix[len(local) :].T).toarray()
        src = [tasks[j].task_id for j in local]
        start = 0
        for h in higher:
            cand = by_doc[h]
            if h not in ranks:
                ranks[h] = _rank_of([tasks[j].task_id for j in cand])
            _best(sims[:, start : start + len(cand)], src, [tasks[j].task_id for j in cand], ranks[h], k,
                  threshold, rows)
            start += len(cand)
    return rows


@dataclass
class PendingDocument:
    """A document about to be written (its rows are not in the store yet)."""

    doc_id: str
    level: str | None
    implements: list[str]
    tasks: list[TaskText]


GROUP = 200  # local documents per atomic write of their links
NEIGHBOURHOOD = 50  # up to this many changed documents, relinking reads their neighbourhood only


def _implementers(seeds: set[str], edges: list[tuple[str, str]]) -> set[str]:
    """Documents whose IMPLEMENTS chain reaches one of ``seeds`` (stubs included on the way)."""
    up: dict[str, set[str]] = {}
    for src, dst in edges:
        up.setdefault(dst, set()).add(src)
    seen: set[str] = set()
    stack = list(seeds)
    while stack:
        for src in up.get(stack.pop(), ()):
            if src not in seen:
                seen.add(src)
                stack.append(src)
    return seen


@dataclass
class _Job:
    """One batch of local documents to score: their tasks and those of the documents they implement."""

    group: list[str]
    tasks: list[TaskText]
    targets: dict[str, list[str]]
    k: int
    threshold: float


def _jobs(store: GraphStore, changed: Iterable[str] | None, pending: PendingDocument | None, k: int,
          threshold: float) -> tuple[int, Iterator[_Job]]:
    """How many batches of local documents ``changed`` documents can change the links of, and the batches (each
    read from the store when it is reached).

    A few changed documents (up to ``NEIGHBOURHOOD``) read only their neighbourhood: the documents implementing
    them and the document links below those (what the links can depend on), so a re-ingest does not read the
    whole corpus; more read every document and document link once."""
    seeds = set(changed or ()) | ({pending.doc_id} if pending else set())
    if (changed is None and pending is None) or len(seeds) > NEIGHBOURHOOD:
        levels = {r["doc_id"]: r["level"] for r in store.read(STATEMENTS["document_levels"])}
        raw = [(r["src"], r["dst"]) for r in store.read(STATEMENTS["all_document_links"])]
        candidates = set(levels) if changed is None and pending is None else seeds | _implementers(seeds, raw)
    else:
        candidates = seeds | {r["doc_id"] for r in store.read(STATEMENTS["implementers_of"], {"doc_ids": sorted(seeds)})}
        starts = candidates | set(pending.implements if pending else ())
        raw = [(r["src"], r["dst"]) for r in store.read(STATEMENTS["document_links_below"], {"doc_ids": sorted(starts)})]
        named = sorted(candidates | {d for e in raw for d in e})
        levels = {r["doc_id"]: r["level"] for r in store.read(STATEMENTS["levels_of"], {"doc_ids": named})}
    if pending is not None:
        levels[pending.doc_id] = pending.level
        raw = [e for e in raw if e[0] != pending.doc_id] + [(pending.doc_id, d) for d in pending.implements]
    targets = higher_documents(levels, [(a, b) for a, b in raw if b in levels])
    affected = sorted(d for d in candidates if d in levels)
    groups = [affected[i : i + GROUP] for i in range(0, len(affected), GROUP)]

    def batches() -> Iterator[_Job]:
        for group in groups:
            involved = sorted({d for d in group if d in targets} | {h for d in group for h in targets.get(d, ())})
            stored = [d for d in involved if pending is None or d != pending.doc_id]
            tasks = [TaskText(r["task_id"], r["doc_id"], r["title"] or "", r["text"] or "")
                     for r in store.read(STATEMENTS["tasks_of"], {"doc_ids": stored}, timeout_ms=READ_TIMEOUT_MS)]
            if pending is not None and pending.doc_id in involved:
                tasks += pending.tasks
            yield _Job(group, tasks, {d: targets[d] for d in group if d in targets}, k, threshold)

    return len(groups), batches()


def _scored(job: _Job) -> tuple[list[str], list[dict]]:
    return job.group, score_links(job.tasks, job.targets, k=job.k, threshold=job.threshold)


def _in_processes(jobs: Iterator[_Job], workers: int) -> Iterator[tuple[list[str], list[dict]]]:
    """``_scored`` of each job in ``workers`` processes, in order, a few jobs ahead (memory stays flat). The
    workers are forked (cheap) only while this process runs a single thread — a fork copies no other thread, so a
    lock one of them held (a progress bar writing to the terminal) would stay held in the child; otherwise they
    start from a fork server."""
    import multiprocessing
    import threading
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    method = ("fork" if "fork" in methods and threading.active_count() == 1 else
              "forkserver" if "forkserver" in methods else "spawn")
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
        ahead: deque = deque()
        for job in jobs:
            ahead.append(pool.submit(_scored, job))
            if len(ahead) > 2 * workers:
                yield ahead.popleft().result()
        while ahead:
            yield ahead.popleft().result()


def _statements(group: list[str], rows: list[dict]) -> list[tuple[str, dict]]:
    statements = [(STATEMENTS["delete_links_of"], {"doc_ids": group})]
    return statements + [(STATEMENTS["create_task_links"], {"rows": rows[j : j + 2000]})
                         for j in range(0, len(rows), 2000)]


def link_batches(store: GraphStore, changed: Iterable[str] | None = None, *, pending: PendingDocument | None = None,
                 k: int = TOP_K, threshold: float = THRESHOLD) -> Iterable[tuple[list[tuple[str, dict]], int]]:
    """(statements, links) per batch of local documents whose links ``changed`` documents can change (scored in
    this process; see :func:`_jobs` for what is read)."""
    for job in _jobs(store, changed, pending, k, threshold)[1]:
        group, rows = _scored(job)
        yield _statements(group, rows), len(rows)


def relink(store: GraphStore, changed: Iterable[str] | None = None, *, k: int = TOP_K,
           threshold: float = THRESHOLD, workers: int = 1) -> int:
    """Recompute the ``Task IMPLEMENTS Task`` links ``changed`` documents can change (all when None); returns
    the number of links written. Each batch deletes and rewrites its documents' links in one atomic write.

    With one worker, the writes are sent by a second thread while the next batch is scored (one write in
    flight); with more, and more than one batch, the batches are scored in ``workers`` processes while this
    one reads the next batches and writes the scored ones. Either way a failing write stops the relink before
    the next one is sent."""
    from concurrent.futures import ThreadPoolExecutor

    count, jobs = _jobs(store, changed, None, k, threshold)
    written = 0
    if workers > 1 and count > 1:
        for group, rows in _in_processes(jobs, min(workers, count)):
            store.write_atomic(_statements(group, rows))
            written += len(rows)
        return written
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="plangraph-relink") as writer:
        pending = None
        for job in jobs:
            group, rows = _scored(job)
            if pending is not None:
                pending.result()
            pending = writer.submit(store.write_atomic, _statements(group, rows))
            written += len(rows)
        if pending is not None:
            pending.result()
    return written
