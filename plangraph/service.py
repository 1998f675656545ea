"""Use cases (用例): extract files, ingest files into a store, seed a store with the bundled plans.

The one place the CLI, the API, the notebooks and the tests call to turn files into extractions and graphs.
Functions take plain arguments (a store, paths, limits); reading the settings is the caller's job. A file that
cannot be read, extracted or loaded becomes a failed :class:`FileResult` with its reason; it never stops the
batch, and the loader never leaves a document half-written.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from plangraph.graph.errors import GraphError
from plangraph.graph.loader import LoadResult
from plangraph.graph.store import GraphStore
from plangraph.ingest.errors import IngestError
from plangraph.ingest.model import Extraction
from plangraph.ingest.pipeline import extract_file
from plangraph.ingest.readers import SUPPORTED

DEFAULT_MAX_MB = 20.0


@dataclass
class FileResult:
    """The outcome for one file: its extraction, its load (ingest only), or the reason it failed."""

    path: Path
    extraction: Extraction | None = None
    load: LoadResult | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class IngestReport:
    """What :func:`ingest_files` did: one result per file, in input order, and the task links recomputed."""

    results: list[FileResult] = field(default_factory=list)
    links: int = 0

    @property
    def loaded(self) -> list[FileResult]:
        return [r for r in self.results if r.ok]

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if not r.ok]


Progress = Callable[[FileResult, int, int], None]
"""Called after each file with its result, the number of files done and the total."""


def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given, folders expanded to the supported documents they hold (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED))
        else:
            out.append(p)
    return out


def bundled_seeds() -> list[Path]:
    """The seed plans shipped with plangraph (package data ``plangraph.seeds``)."""
    return sorted(Path(str(resources.files("plangraph.seeds"))).glob("*.txt"))


def _reason(exc: Exception) -> str:
    if isinstance(exc, IngestError):
        return exc.reason
    return f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"


def extract_one(path: Path, *, max_mb: float = DEFAULT_MAX_MB) -> FileResult:
    """Extract one file; an unreadable or structureless file becomes a failed result."""
    try:
        return FileResult(path, extraction=extract_file(path, max_mb=max_mb))
    except (IngestError, ValidationError) as exc:   # unreadable input, or an extraction outside the contract
        return FileResult(path, error=_reason(exc))


def extract_files(paths: Iterable[Path | str], on_progress: Progress | None = None, *,
                  max_mb: float = DEFAULT_MAX_MB) -> list[FileResult]:
    """Extract every file under ``paths`` (folders expanded); failures are collected, never stop the batch."""
    files = expand_paths(paths)
    results: list[FileResult] = []
    for f in files:
        result = extract_one(f, max_mb=max_mb)
        results.append(result)
        if on_progress:
            on_progress(result, len(results), len(files))
    return results


def _prepare(path: Path, max_mb: float) -> tuple[FileResult, Any]:
    """Extract one file and plan its load (worker side): the plan carries the rows, the extraction is released."""
    from plangraph.graph.loader import plan_document

    result = extract_one(path, max_mb=max_mb)
    plan = None
    if result.extraction is not None:
        try:
            plan = plan_document(result.extraction)
        except (KeyError, TypeError, ValueError) as exc:
            result.error = _reason(exc)
        result.extraction = None
    return result, plan


def default_workers() -> int:
    """Extraction processes for a batch: every core but the one the loader and the store need (at least 1)."""
    return max(1, min(8, (os.cpu_count() or 1)))


def _prepared(files: list[Path], max_mb: float, workers: int) -> Iterator[tuple[FileResult, Any]]:
    """(result, plan) per file in input order; extracted in ``workers`` processes with a bounded window of
    documents in flight, so memory stays flat whatever the number of files."""
    if workers <= 1 or len(files) < 4:
        for f in files:
            yield _prepare(f, max_mb)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
        pending: deque = deque()
        queue = iter(files)
        for f in queue:
            pending.append(pool.submit(_prepare, f, max_mb))
            if len(pending) >= 2 * workers:
                break
        while pending:
            result, plan = pending.popleft().result()
            nxt = next(queue, None)
            if nxt is not None:
                pending.append(pool.submit(_prepare, nxt, max_mb))
            yield result, plan


def ingest_files(store: GraphStore, paths: Iterable[Path | str], on_progress: Progress | None = None, *,
                 max_mb: float = DEFAULT_MAX_MB, relink: bool = True, workers: int | None = None) -> IngestReport:
    """Extract and load every file under ``paths``; then recompute the task links the new plans can change
    (a replaced plan's links are rewritten in its own atomic write).

    Extraction (and the loader's row building) runs in ``workers`` processes (default: :func:`default_workers`)
    feeding this process's single loader; each document is written and released in turn, so results keep
    their load summary but not the extraction."""
    from plangraph.graph.loader import write_plan

    files = expand_paths(paths)
    report = IngestReport()
    changed: list[str] = []
    for result, plan in _prepared(files, max_mb, default_workers() if workers is None else workers):
        if plan is not None:
            try:
                result.load = write_plan(store, plan, link=relink)
                report.links += result.load.links
                if result.load.status in ("created", "upgraded"):
                    changed.append(result.load.doc_id)
            except (GraphError, KeyError, TypeError, ValueError) as exc:
                result.error = _reason(exc)
        report.results.append(result)
        if on_progress:
            on_progress(result, len(report.results), len(files))
    if relink:
        from plangraph.graph.linking import relink as relink_tasks  # scikit-learn: only when ingesting

        report.links += relink_tasks(store, changed) if changed else 0
    compact = getattr(store, "compact", None)
    if compact is not None and any(r.load and r.load.status != "unchanged" for r in report.results):
        compact()  # embedded FalkorDB: fold the log into one snapshot, so a restart is quick
    return report


def seed_store(store: GraphStore, seeds: Iterable[Path | str] | None = None, on_progress: Progress | None = None,
               *, if_empty: bool = False, max_mb: float = DEFAULT_MAX_MB) -> IngestReport:
    """Ingest the seed plans (the bundled ones by default); with ``if_empty``, only into a store without
    documents. Unchanged documents are skipped by the loader, so seeding twice writes nothing."""
    if if_empty:
        from plangraph.graph.loader import graph_stats

        if graph_stats(store)["documents"]:
            return IngestReport()
    return ingest_files(store, bundled_seeds() if seeds is None else seeds, on_progress, max_mb=max_mb)
