"""The lineage package's errors: each a one-line message naming the path or id and the fix."""

from __future__ import annotations

from genome.errors import SeedpopError


class LineageError(SeedpopError):
    """Root of the lineage package's deliberate errors."""


class NotAnArchiveError(LineageError):
    """A run directory that is missing, or has no archive of the format this seedpop reads."""


class CorruptObjectError(LineageError):
    """An object whose bytes do not hash to its id, or that cannot be decoded at all."""

    def __init__(self, message: str, object_id: str, path: str) -> None:
        super().__init__(message)
        self.object_id = object_id
        self.path = path


class MissingObjectError(LineageError):
    """An object the caller asked for (or the index points to) is not in ``objects/``."""


class UnknownIdError(LineageError):
    """An id or id prefix that matches nothing."""


class AmbiguousIdError(LineageError):
    """An id prefix that matches more than one id."""


class IndexUnavailableError(LineageError):
    """The SQLite index is missing, locked, of another schema, or not a database."""


class ArchiveBusyError(LineageError):
    """An operation that needs the archive to itself (``reindex``) found another process using it."""
