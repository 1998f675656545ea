"""``Task IMPLEMENTS Task``: each local task → the higher-level clauses it implements, with a score.

Candidates: the tasks of every ingested document that the task's document implements, directly or
transitively through ingested documents (``Document IMPLEMENTS Document``), and whose level is higher
(national > provincial / provincial-department > municipal > county). Scores: cosine similarity of TF-IDF
vectors over character 1–3-grams (sublinear tf), fitted on all tasks of the graph; n-grams found in more than
40% of the tasks (计量, 加强, 推进 …: boilerplate shared by every clause) are dropped. A task is represented by
its title twice plus its text (titles carry the gist). Measured with ``bench/alignment.py``.
For each local task and each higher document, the top ``k`` clauses above ``threshold`` are kept with
``rank`` 1..k. ``relink`` deletes and rewrites all task links in one atomic write; call it after every ingest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from plangraph.graph.store import GraphStore
from plangraph.ingest.places import rank_of
from sklearn.feature_extraction.text import TfidfVectorizer

TOP_K = 3
THRESHOLD = 0.05
READ_TIMEOUT_MS = 120_000
TITLE_WEIGHT = 2


STATEMENTS: dict[str, str] = {
    "documents": (
        "MATCH (d:Document) WHERE coalesce(d.stub, false) = false "
        "RETURN d.doc_id AS doc_id, d.level AS level ORDER BY doc_id"
    ),
    "document_links": (
        "MATCH (a:Document)-[:IMPLEMENTS]->(b:Document) WHERE coalesce(b.stub, false) = false "
        "RETURN a.doc_id AS src, b.doc_id AS dst ORDER BY src, dst"
    ),
    "tasks": (
        "MATCH (t:Task) RETURN t.task_id AS task_id, t.doc_id AS doc_id, t.title AS title, t.text AS text "
        "ORDER BY task_id"
    ),
    "delete_task_links": "MATCH (:Task)-[r:IMPLEMENTS]->(:Task) DELETE r",
    "create_task_links": (
        "UNWIND $rows AS r MATCH (a:Task {task_id: r.src}) MATCH (b:Task {task_id: r.dst}) "
        "MERGE (a)-[x:IMPLEMENTS]->(b) SET x.score = r.score, x.rank = r.rank"
    ),
}


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


def score_links(tasks: list[TaskText], targets: dict[str, list[str]], *, k: int = TOP_K,
                threshold: float = THRESHOLD) -> list[dict]:
    """Rows ``{src, dst, score, rank}``: per local task and per higher document, the best ``k`` clauses."""
    if not tasks or not targets:
        return []
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, max_df=0.4, min_df=1)
    try:
        matrix = vectorizer.fit_transform([t.represent() for t in tasks])
    except ValueError:  # empty vocabulary (all texts empty)
        return []
    by_doc: dict[str, list[int]] = {}
    for i, task in enumerate(tasks):
        by_doc.setdefault(task.doc_id, []).append(i)
    rows: list[dict] = []
    for doc_id in sorted(targets):
        local = by_doc.get(doc_id, [])
        if not local:
            continue
        for higher in targets[doc_id]:
            cand = by_doc.get(higher, [])
            if not cand:
                continue
            sims = (matrix[local] @ matrix[cand].T).toarray()
            for row_i, src in enumerate(local):
                order = sorted(range(len(cand)), key=lambda j: (-sims[row_i, j], tasks[cand[j]].task_id))
                for rank, j in enumerate(order[:k], start=1):
                    score = float(np.round(sims[row_i, j], 6))
                    if score < threshold:
                        break
                    rows.append({"src": tasks[src].task_id, "dst": tasks[cand[j]].task_id, "score": score,
                                 "rank": rank})
    return rows


def relink(store: GraphStore, *, k: int = TOP_K, threshold: float = THRESHOLD) -> int:
    """Recompute every ``Task IMPLEMENTS Task`` link from the graph; returns the number of links written."""
    levels = {r["doc_id"]: r["level"] for r in store.read(STATEMENTS["documents"])}
    edges = [(r["src"], r["dst"]) for r in store.read(STATEMENTS["document_links"])]
    tasks = [TaskText(r["task_id"], r["doc_id"], r["title"] or "", r["text"] or "")
             for r in store.read(STATEMENTS["tasks"], timeout_ms=READ_TIMEOUT_MS) if r["doc_id"] in levels]
    rows = score_links(tasks, higher_documents(levels, edges), k=k, threshold=threshold)
    statements = [(STATEMENTS["delete_task_links"], {})]
    statements += [(STATEMENTS["create_task_links"], {"rows": rows[i : i + 2000]})
                   for i in range(0, len(rows), 2000)]
    store.write_atomic(statements)
    return len(rows)
