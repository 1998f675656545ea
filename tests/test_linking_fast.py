"""The vectorised scorer (n-gram keys counted once per text, numpy top-k) gives exactly the rows of the plain
scorer: the per-text dictionary vectoriser and the sorted() ranking it replaced, written out here."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest
from plangraph.graph.linking import MAX_DF, TaskText, _grams, _normal, score_links, tfidf
from scipy import sparse

_SPACES = re.compile(r"\s\s+")


def plain_tfidf(texts: list[str], n: int = 3, max_df: float = MAX_DF) -> sparse.csr_matrix:
    """The dictionary vectoriser ``tfidf`` was (one text at a time, n-gram strings as vocabulary keys)."""
    vocab: dict[str, int] = {}
    rows: list[dict[int, int]] = []
    for text in texts:
        text = _SPACES.sub(" ", text.lower())
        counts: dict[int, int] = {}
        for size in range(1, n + 1):
            for i in range(len(text) - size + 1):
                j = vocab.setdefault(text[i : i + size], len(vocab))
                counts[j] = counts.get(j, 0) + 1
        rows.append(counts)
    df = np.zeros(len(vocab), dtype=np.int64)
    for counts in rows:
        df[list(counts)] += 1
    keep = df <= max_df * len(texts)
    if not keep.any():
        raise ValueError("empty vocabulary")
    kept = sorted(term for term, j in vocab.items() if keep[j])
    new_index = np.full(len(vocab), -1, dtype=np.int64)
    new_index[[vocab[t] for t in kept]] = np.arange(len(kept))
    idf = np.zeros(len(kept))
    idf[new_index[keep]] = np.log((1 + len(texts)) / (1 + df[keep])) + 1.0
    indptr, indices, data = [0], [], []
    for counts in rows:
        cols = np.fromiter(counts, dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        mask = keep[cols]
        cols, tf = new_index[cols[mask]], tf[mask]
        order = np.argsort(cols)
        cols, tf = cols[order], tf[order]
        weights = (np.log(tf) + 1.0) * idf[cols]
        norm = np.sqrt(np.dot(weights, weights))
        if norm > 0:
            weights = weights / norm
        indices.append(cols)
        data.append(weights)
        indptr.append(indptr[-1] + len(cols))
    return sparse.csr_matrix((np.concatenate(data) if data else np.zeros(0),
                              np.concatenate(indices) if indices else np.zeros(0, dtype=np.int64), indptr),
                             shape=(len(texts), len(kept)))


def plain_score_links(tasks: list[TaskText], targets: dict[str, list[str]], k: int, threshold: float) -> list[dict]:
    """The scorer as it was: a vectoriser per group, per-row ``sorted`` by (-score, task id)."""
    by_doc: dict[str, list[int]] = {}
    for i, task in enumerate(tasks):
        by_doc.setdefault(task.doc_id, []).append(i)
    rows: list[dict] = []
    for doc_id in sorted(targets):
        local = by_doc.get(doc_id, [])
        higher = [h for h in targets[doc_id] if by_doc.get(h)]
        if not local or not higher:
            continue
        group = local + [j for h in higher for j in by_doc[h]]
        try:
            matrix = plain_tfidf([tasks[j].represent() for j in group])
        except ValueError:
            continue
        row_of = {j: n for n, j in enumerate(group)}
        local_rows = matrix[[row_of[j] for j in local]]
        for h in higher:
            cand = by_doc[h]
            sims = (local_rows @ matrix[[row_of[j] for j in cand]].T).toarray()
            for row_i, src in enumerate(local):
                order = sorted(range(len(cand)), key=lambda j: (-sims[row_i, j], tasks[cand[j]].task_id))
                for rank, j in enumerate(order[:k], start=1):
                    score = float(np.round(sims[row_i, j], 6))
                    if score < threshold:
                        break
                    rows.append({"src": tasks[src].task_id, "dst": tasks[cand[j]].task_id, "score": score,
                                 "rank": rank})
    return rows


WORDS = ["加强", "碳计量", "计量", "数据", "平台", "建设", "人才", "标准", "体系", "推进", "服务", "质量", "监管",
         "A", "b", " ", "  ", "\t", "\n", "。", "，", "𠀀", "Ⅻ", "ß", "İ", "2025", ""]


def _corpus(seed: int) -> tuple[list[TaskText], dict[str, list[str]]]:
    rnd = random.Random(seed)
    docs = [f"d{i}" for i in range(8)]
    tasks: list[TaskText] = []
    for d in docs:
        for _ in range(rnd.randint(0, 7)):
            text = "".join(rnd.choice(WORDS) for _ in range(rnd.randint(0, 14)))
            title = "".join(rnd.choice(WORDS) for _ in range(rnd.randint(0, 4)))
            tasks.append(TaskText(f"{d}/T{rnd.randint(0, 99):02d}", d, title, text))
        if tasks and rnd.random() < 0.3:  # an exact copy of a clause in another document: tied scores
            src = rnd.choice(tasks)
            tasks.append(TaskText(f"{d}/copy{len(tasks)}", d, src.title, src.text))
    rnd.shuffle(tasks)
    targets = {d: sorted(rnd.sample([x for x in docs if x != d], rnd.randint(1, 3))) for d in docs[:5]}
    return tasks, targets


@pytest.mark.parametrize("seed", range(40))
def test_score_links_rows_identical_to_the_plain_scorer(seed: int) -> None:
    tasks, targets = _corpus(seed)
    for k, threshold in ((3, 0.05), (2, 0.0), (5, 0.3)):
        assert score_links(tasks, targets, k=k, threshold=threshold) == plain_score_links(tasks, targets, k, threshold)


@pytest.mark.parametrize("seed", range(20))
def test_tfidf_identical_to_the_dictionary_vectoriser(seed: int) -> None:
    rnd = random.Random(seed)
    texts = ["".join(rnd.choice(WORDS) for _ in range(rnd.randint(0, 20))) for _ in range(rnd.randint(1, 12))]
    try:
        expected = plain_tfidf(texts)
    except ValueError:
        with pytest.raises(ValueError):
            tfidf(texts)
        return
    got = tfidf(texts)
    assert got.shape == expected.shape
    assert np.array_equal(got.indptr, expected.indptr) and np.array_equal(got.indices, expected.indices)
    assert np.array_equal(got.data, expected.data)  # bit for bit, not approximately


def test_gram_keys_sort_as_the_strings_do() -> None:
    text = _normal("Ab  c计量𠀀ÿ\uffff")
    keys, counts = _grams(text)
    grams = sorted({text[i : i + m] for m in (1, 2, 3) for i in range(len(text) - m + 1)})
    assert len(keys) == len(grams) and list(keys) == sorted(keys)
    assert int(counts.sum()) == sum(len(text) - m + 1 for m in (1, 2, 3))
    assert _grams("")[0].size == 0
