"""Errors raised while reading and extracting a document; each names the file and the reason."""

from __future__ import annotations

from pathlib import Path


class IngestError(Exception):
    """A file could not be turned into a document."""

    def __init__(self, path: Path | str, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")


class UnreadableFile(IngestError):
    """Empty, binary, undecodable, oversized or unsupported input."""


class NoStructure(IngestError):
    """The text holds no recognisable plan structure (no sections or tasks)."""
