"""Garbage-collector settings for batch work: extraction workers and the ingest loader.

Extraction and row planning make millions of short-lived objects and almost no reference cycles, so CPython's
default young-generation threshold (a collection every 700 net allocations) spends about a tenth of their time
scanning. For batch work, what is alive after warm-up (modules, vocabularies, compiled patterns) is frozen out
of the collector and young collections run every ``YOUNG_THRESHOLD`` allocations; older generations keep their
ratios, so cycles are still collected.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 50_000


def use_batch_settings() -> None:
    """Batch settings for the rest of this process (a worker that only does batch work)."""
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, older, oldest)


@contextmanager
def batch_settings() -> Iterator[None]:
    """Batch settings for the duration of a block; the previous thresholds (and an unfrozen heap) after it."""
    before = gc.get_threshold()
    use_batch_settings()
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
