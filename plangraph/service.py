"""Use cases (用例): extract files, ingest files into a store, seed a store with the bundled plans.

The one place the CLI, the API, the notebooks and the tests call to turn files into extractions and graphs.
Functions take plain arguments (a store, paths, limits); reading the settings is the caller's job. A file that
cannot be read, extracted or loaded becomes a failed :class:`FileResult` with its reason; it never stops the
batch, and the loader never leaves a document half-written.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from plangraph.collector import use_batch_settings
from plangraph.graph.catalogue import internal_statements
from plangraph.graph.errors import GraphError
from plangraph.graph.loader import LoadResult
from plangraph.graph.store import GraphStore
from plangraph.ingest.errors import IngestError
from plangraph.ingest.model import Extraction
from plangraph.ingest.pipeline import extract_file
from plangraph.ingest.readers import SAVE_AS, SUPPORTED

DOCUMENT_SUFFIXES = SUPPORTED | set(SAVE_AS)  # what a folder contributes to a batch

DEFAULT_MAX_MB = 20.0
DEFAULT_FILE_TIMEOUT_S = 120.0
# after an ingest, the embedded store's log is folded into a snapshot once it reaches this fraction of the
# snapshot's size (or 1 MB): a restart replays a bounded log, and a small ingest into a large graph does not
# pay for rewriting the whole graph
COMPACT_WHEN_LOG_OVER = 0.25
# extracted documents held ahead of the loader: more than a loader batch (BulkWriter.max_docs), so the workers
# never wait while a batch is written; memory stays flat (a bounded number of documents' rows)
EXTRACTED_AHEAD = 48


@dataclass
class FileResult:
    """The outcome for one file: its extraction, its load (ingest only), or the reason it failed."""

    path: Path
    extraction: Extraction | None = None
    load: LoadResult | None = None
    error: str | None = None
    # what was extracted, in a few fields (title, file, units as printed, years): kept after the extraction is
    # released, for the upload answer of the API
    summary: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class IngestReport:
    """What :func:`ingest_files` did: one result per file, in input order, and the task links recomputed."""

    results: list[FileResult] = field(default_factory=list)
    links: int = 0
    batch_errors: list[str] = field(default_factory=list)  # steps after the files (relink, compaction) that failed

    @property
    def loaded(self) -> list[FileResult]:
        return [r for r in self.results if r.ok]

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if not r.ok]


Progress = Callable[[FileResult, int, int], None]
"""Called after each file with its result, the number of files done and the total."""


def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given, folders expanded to the supported documents they hold (sorted). Entries that are not
    regular files but carry a document suffix (FIFOs, broken links, link loops), documents in an older office
    format (.doc, .xls: refused with what to do) and sub-folders that cannot be listed are kept, so the batch
    reports each by name with its reason instead of skipping it silently."""
    out: list[Path] = []
    for p in map(Path, paths):
        if not p.is_dir():
            out.append(p)
            continue
        found: list[Path] = []
        for root, dirs, names in os.walk(p, onerror=lambda err, acc=found: acc.append(Path(err.filename))):
            dirs.sort()
            found.extend(Path(root) / n for n in names if Path(n).suffix.lower() in DOCUMENT_SUFFIXES)
        out.extend(sorted(found))
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
                  max_mb: float = DEFAULT_MAX_MB, timeout_s: float = DEFAULT_FILE_TIMEOUT_S) -> list[FileResult]:
    """Extract every file under ``paths`` (folders expanded), each within ``timeout_s`` seconds in a worker
    process; failures are collected, never stop the batch."""
    from plangraph.budget import run_budgeted

    files = expand_paths(paths)
    results: list[FileResult] = []
    for out in run_budgeted(partial(extract_one, max_mb=max_mb), files, timeout_s=timeout_s, warm=_warm):
        result = out.value if out.ok else FileResult(out.item, error=out.reason)
        results.append(result)
        if on_progress:
            on_progress(result, len(results), len(files))
    return results


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """A hash of the extraction code and vocabularies (the ``plangraph.ingest`` package files) and the loader
    version: stored on each Document, so a file is extracted again when the extractor changed, and skipped when
    nothing did."""
    from plangraph.graph.loader import LOADER_VERSION

    root = Path(str(resources.files("plangraph.ingest")))
    digest = hashlib.sha256(f"loader {LOADER_VERSION}".encode())
    for f in sorted(root.rglob("*")):
        if f.is_file() and f.suffix in (".py", ".yaml", ".csv", ".json"):
            digest.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes())
    return digest.hexdigest()[:16]


_KNOWN_FILES = internal_statements()["known_files"]


def already_loaded(store: GraphStore, files: list[Path]) -> dict[Path, dict]:
    """Files whose exact content (sha256 and file name) is in the store, loaded by the same extractor: they
    would load as ``unchanged``, so they need not be extracted again (what makes a second start fast)."""
    from plangraph.ingest.readers import read_bytes

    rows = []
    for f in files:
        try:  # never blocks on a FIFO nor reads what extraction would refuse anyway
            if not f.is_file() or f.stat().st_size > DEFAULT_MAX_MB * 4 * 1048576:
                continue
            rows.append({"sha256": hashlib.sha256(read_bytes(f)).hexdigest(), "file": f.name,
                         "extractor": extractor_fingerprint(), "path": str(f)})
        except (OSError, IngestError):
            continue
    if not rows:
        return {}
    found = {(r["sha256"], r["file"]): r for r in store.read(_KNOWN_FILES, {"rows": rows})}
    return {Path(r["path"]): found[(r["sha256"], r["file"])] for r in rows if (r["sha256"], r["file"]) in found}


def _replaced_warning(previous: dict | None, plan: Any, path: Path) -> str | None:
    """A warning when a load replaced a plan the store held from another file (``LoadResult.previous``: a PDF
    copy replacing the text version, say), with both task counts, so a worse copy never replaces a better one
    silently."""
    if not previous or previous.get("sha256") == plan.doc.get("sha256"):
        return None
    old, new = int(previous.get("tasks") or 0), len(plan.tasks)
    worse = " — fewer tasks than before" if new < old else ""
    return (f"same plan as {previous.get('file') or 'an earlier file'} already in the graph ({old} tasks); "
            f"replaced by {path.name} ({new} tasks){worse}")


def _summary(plan: Any) -> dict[str, Any]:
    """A few fields of a planned document for the caller (the plan's rows are released after writing)."""
    return {
        "title": plan.doc.get("title"),
        "file": plan.doc.get("file"),
        "lead_units": list(dict.fromkeys(plan.lead_units)),
        "co_units": list(dict.fromkeys(plan.co_units)),
        "milestone_years": list(plan.milestones),
    }


def _prepare(path: Path, max_mb: float) -> tuple[FileResult, Any]:
    """Extract one file and plan its load (worker side): the plan carries the rows, the extraction is released."""
    from plangraph.graph.loader import plan_document

    result = extract_one(path, max_mb=max_mb)
    plan = None
    if result.extraction is not None:
        try:
            result.extraction.document.extractor = extractor_fingerprint()
            plan = plan_document(result.extraction)
        except (KeyError, TypeError, ValueError) as exc:
            result.error = _reason(exc)
        result.extraction = None
    return result, plan


def default_workers() -> int:
    """Extraction processes for a batch: every core but the one the loader and the store need (at least 1)."""
    return max(1, min(8, (os.cpu_count() or 1)))


_WARM_TEXT = "某市工作方案\n一、主要任务\n(一)完善服务。到2025年,建成10个平台。(责任单位:市科技局、市财政局)\n"


def warm_extraction() -> None:
    """Load extraction's modules, vocabularies and segmenter dictionary by extracting and planning a short plan
    (what an extraction worker does before its first file)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "warm-up.txt"
        path.write_text(_WARM_TEXT, encoding="utf-8")
        _prepare(path, DEFAULT_MAX_MB)


def _warm() -> None:
    """Warm a worker process (:func:`warm_extraction`), outside the per-file time budget; then the collector's
    batch settings (``plangraph.collector``) for the worker's life."""
    warm_extraction()
    use_batch_settings()


def _prepared(files: list[Path], max_mb: float, workers: int,
              timeout_s: float = DEFAULT_FILE_TIMEOUT_S) -> Iterator[tuple[FileResult, Any]]:
    """(result, plan) per file in input order; extracted in ``workers`` processes (``plangraph.budget``) with a
    bounded window of documents in flight, so memory stays flat whatever the number of files, and each file
    within ``timeout_s`` seconds: a file over it is reported and skipped, the batch goes on."""
    from plangraph.budget import ahead, run_budgeted

    outs = run_budgeted(partial(_prepare, max_mb=max_mb), files, workers=workers, timeout_s=timeout_s, warm=_warm)
    # drained by a thread ahead of the loader: the workers extract while this process writes a batch
    for out in ahead(outs, EXTRACTED_AHEAD):
        yield out.value if out.ok else (FileResult(out.item, error=out.reason), None)


def ingest_files(store: GraphStore, paths: Iterable[Path | str], on_progress: Progress | None = None, *,
                 max_mb: float = DEFAULT_MAX_MB, relink: bool = True, workers: int | None = None,
                 force: bool = False, timeout_s: float = DEFAULT_FILE_TIMEOUT_S) -> IngestReport:
    """Extract and load every file under ``paths``; then recompute the task links the new plans can change
    (a replaced plan's links are rewritten in its own atomic write).

    Extraction (and the loader's row building) runs in ``workers`` processes (default: :func:`default_workers`)
    feeding this process's single loader; each document is written and released in turn, so results keep
    their load summary but not the extraction. The links are scored in as many processes when there are
    several batches of them.

    A file whose content is already in the store (same sha256 and name, same extractor) is not extracted again
    unless ``force``. Two files of one batch that are the same plan (same document id) are reported, and the one
    with fewer tasks does not replace the other; a plan already in the store from another file is reported."""
    from plangraph.graph.loader import BulkWriter

    files = expand_paths(paths)
    report = IngestReport()
    changed: list[str] = []
    known = {} if force else already_loaded(store, files)
    workers = default_workers() if workers is None else workers
    prepared = _prepared([f for f in files if f not in known], max_mb, workers, timeout_s)
    batch: dict[str, tuple[Path, int]] = {}   # doc_id → (file, tasks) loaded in this batch
    writer = BulkWriter(store, link=relink)
    waiting: deque[FileResult] = deque()      # results in input order, until their document is written
    unwritten: dict[int, tuple[Any, str | None]] = {}   # id(result) → (plan, same-plan warning) being written

    def written(done: list[tuple[FileResult, Any]]) -> None:
        for result, outcome in done:
            plan, warning = unwritten.pop(id(result))
            if isinstance(outcome, Exception):
                result.error = _reason(outcome)
                continue
            result.load = outcome
            warning = warning or _replaced_warning(outcome.previous, plan, result.path)
            if warning:
                outcome.warnings.insert(0, warning)
            report.links += outcome.links
            if outcome.status in ("created", "upgraded"):
                changed.append(outcome.doc_id)
        while waiting and id(waiting[0]) not in unwritten:
            report.results.append(waiting.popleft())
            if on_progress:
                on_progress(report.results[-1], len(report.results), len(files))

    for f in files:
        if f in known:
            row = known[f]
            result, plan = FileResult(f, load=LoadResult(doc_id=row["doc_id"], status="unchanged",
                                                         tasks=int(row["tasks"] or 0),
                                                         targets=int(row["targets"] or 0))), None
        else:
            result, plan = next(prepared)
        waiting.append(result)
        done: list[tuple[FileResult, Any]] = []
        if plan is not None:
            result.summary = _summary(plan)
            tasks = len(plan.tasks)
            if plan.doc_id in batch and batch[plan.doc_id][1] > tasks:
                first, kept = batch[plan.doc_id]
                result.load = LoadResult(doc_id=plan.doc_id, status="skipped", tasks=tasks, warnings=[
                    f"same plan as {first.name} in this batch ({kept} tasks); kept that one, "
                    f"not this copy ({tasks} tasks)"])
            else:
                warning = (f"same plan as {batch[plan.doc_id][0].name} in this batch ({batch[plan.doc_id][1]} "
                           f"tasks); replaced by this copy ({tasks} tasks)" if plan.doc_id in batch else None)
                batch[plan.doc_id] = (f, tasks)
                unwritten[id(result)] = (plan, warning)
                done = writer.add(plan, result)
        written(done)
    written(writer.flush())
    if relink and changed:
        from plangraph.graph.linking import relink as relink_tasks  # scikit-learn: only when ingesting

        try:
            report.links += relink_tasks(store, changed, workers=workers)
        except GraphError as exc:  # the documents are loaded; their links are recomputed by the next ingest
            report.batch_errors.append(f"relinking tasks failed: {_reason(exc)}")
    compact = getattr(store, "compact", None)
    if compact is not None and any(r.load and r.load.status != "unchanged" for r in report.results):
        try:
            # embedded FalkorDB: fold the log into one snapshot once it is large, so a restart is quick; the
            # server's forked child writes it while this returns (the log is complete meanwhile)
            compact(when_log_over=COMPACT_WHEN_LOG_OVER, wait=False)
        except GraphError as exc:  # the data is in the log; only the next start is slower
            report.batch_errors.append(f"compacting the store log failed: {_reason(exc)}")
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
