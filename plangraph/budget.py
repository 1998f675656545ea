"""Run one function per item in worker processes, each item within a time budget (per-file budget of a batch).

A worker that overruns its item's budget, or dies (a crash, the kernel's OOM killer), is killed and replaced;
that item is reported as failed with the reason and the batch goes on. Results come back in input order with
a bounded number of items in flight, so memory stays flat whatever the number of items. Workers are forked
(started once per batch), so the function may be any module-level callable.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any


@dataclass
class Outcome:
    """The result of one item: ``value`` when ``ok``, else ``reason`` (over budget, worker died, error)."""

    item: Any
    ok: bool
    value: Any = None
    reason: str = ""


def _serve(fn: Callable[[Any], Any], conn: Connection, warm: Callable[[], Any] | None) -> None:
    try:
        _answer(fn, conn, warm)
    finally:  # leave without flushing the standard streams: what the parent had buffered at the fork is its to
        os._exit(0)  # write, and a lock another parent thread held then (a progress bar writing) stays held here


def _answer(fn: Callable[[Any], Any], conn: Connection, warm: Callable[[], Any] | None) -> None:
    if warm is not None:
        with contextlib.suppress(Exception):  # a failed warm-up only makes the first item slower
            warm()
    conn.send("ready")
    while True:
        try:
            item = conn.recv()
        except EOFError:
            return
        if item is None:
            return
        try:
            conn.send((True, fn(item)))
        except Exception as exc:  # reported as this item's failure; the worker serves the next one
            conn.send((False, f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"))


class _Worker:
    def __init__(self, ctx: Any, fn: Callable[[Any], Any], warm: Callable[[], Any] | None) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(fn, child, warm), daemon=True)
        self.proc.start()
        child.close()
        self.ready = False
        self.index: int | None = None
        self.deadline = 0.0

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join(5)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.proc.join(2)
        if self.proc.is_alive():
            self.kill()
        else:
            self.conn.close()


def run_budgeted(fn: Callable[[Any], Any], items: Iterable[Any], *, workers: int = 1, timeout_s: float = 120.0,
                 warm: Callable[[], Any] | None = None) -> Iterator[Outcome]:
    """``Outcome`` per item of ``items``, in input order; each call of ``fn`` gets ``timeout_s`` seconds,
    counted once its worker has run ``warm`` (imports, vocabularies), which is outside the budget."""
    items = list(items)
    if not items:
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    pool = [_Worker(ctx, fn, warm) for _ in range(max(1, min(workers, len(items))))]
    done: dict[int, Outcome] = {}
    window = 2 * len(pool)
    next_item = 0
    next_out = 0
    try:
        while next_out < len(items):
            starting = [w for w in pool if not w.ready]
            if starting:
                for conn in wait([w.conn for w in starting], timeout=0 if len(starting) < len(pool) else None):
                    w = next(w for w in starting if w.conn is conn)
                    try:
                        w.ready = conn.recv() == "ready"
                    except (EOFError, OSError):  # died while starting: start another
                        w.kill()
                        pool[pool.index(w)] = _Worker(ctx, fn, warm)
            for w in pool:
                if w.ready and w.index is None and next_item < len(items) and next_item - next_out < window:
                    w.index, w.deadline = next_item, time.monotonic() + timeout_s
                    w.conn.send(items[next_item])
                    next_item += 1
            busy = [w for w in pool if w.index is not None]
            if busy:
                ready = wait([w.conn for w in busy], timeout=max(0.0, min(w.deadline for w in busy) - time.monotonic()))
                for i, w in enumerate(pool):
                    if w.index is None:
                        continue
                    if w.conn in ready:
                        try:
                            ok, value = w.conn.recv()
                            done[w.index] = Outcome(items[w.index], ok, value if ok else None, "" if ok else value)
                            w.index = None
                            continue
                        except (EOFError, OSError):
                            reason = f"the extraction process died (exit code {_exit(w)})"
                    elif time.monotonic() >= w.deadline:
                        reason = f"over the per-file time budget of {timeout_s:g} s (PLANGRAPH_FILE_TIMEOUT_S)"
                    else:
                        continue
                    done[w.index] = Outcome(items[w.index], False, reason=reason)
                    w.kill()
                    pool[i] = _Worker(ctx, fn, warm)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
    finally:
        for w in pool:
            if w.index is None:
                w.stop()
            else:
                w.kill()


def _exit(worker: _Worker) -> int | str:
    worker.proc.join(2)
    code = worker.proc.exitcode
    return code if code is not None else f"unknown, pid {worker.proc.pid}, parent {os.getpid()}"


_DONE = object()


def ahead(items: Iterator[Any], depth: int) -> Iterator[Any]:
    """``items`` consumed by a background thread up to ``depth`` ahead of the caller, so the producer (the
    extraction workers of :func:`run_budgeted`) keeps working while the caller is busy (writing to the store).
    An exception of the producer is raised in the caller; closing this generator stops the producer."""
    import queue
    import threading

    box: queue.Queue = queue.Queue(maxsize=max(1, depth))
    stop = threading.Event()

    def put(value: Any) -> bool:
        while not stop.is_set():
            try:
                box.put(value, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put((True, item)):
                    break
        except BaseException as exc:  # handed to the caller
            put((False, exc))
        finally:
            close = getattr(items, "close", None)
            if close is not None:
                with contextlib.suppress(Exception):
                    close()  # in this thread: a generator is closed by the thread running it
            put((True, _DONE))

    thread = threading.Thread(target=produce, name="plangraph-extract-ahead", daemon=True)
    thread.start()
    try:
        while True:
            ok, value = box.get()
            if not ok:
                raise value
            if value is _DONE:
                return
            yield value
    finally:
        stop.set()
        thread.join(30)
