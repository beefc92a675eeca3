"""The project's root exception and the error of an unknown registry name.

Every error seedpop raises on purpose derives from :class:`SeedpopError`, so a caller (a CLI, the manager)
can catch one type and print one line. Messages name the thing, show the value and suggest the fix.
``genome.errors`` re-exports both names.
"""

from __future__ import annotations


class SeedpopError(Exception):
    """Root of every deliberate seedpop error; ``str(err)`` is a complete one-line message."""


class UnknownNameError(SeedpopError, KeyError):
    """An unknown name was looked up in a registry."""

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])
