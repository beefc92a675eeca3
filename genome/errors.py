"""The project's root exception (defined in :mod:`core.errors`, re-exported) and the genome's own subclasses.

Every error seedpop raises on purpose derives from :class:`SeedpopError`, so a caller (a CLI, the manager)
can catch one type and print one line. Messages name the thing, show the value and suggest the fix.
"""

from __future__ import annotations

from core.errors import SeedpopError, UnknownNameError


class SourceError(SeedpopError):
    """A program's text cannot be handled at all: not UTF-8, empty, or over a size limit."""


class UnparseableError(SourceError):
    """A program's text is not valid Python; carries the position of the syntax error."""

    def __init__(self, message: str, line: int | None, col: int | None) -> None:
        where = f" at line {line}, column {col}" if line is not None else ""
        super().__init__(f"source is not valid Python{where}: {message}")
        self.line = line
        self.col = col
        self.reason = message


__all__ = ["SeedpopError", "SourceError", "UnknownNameError", "UnparseableError"]
