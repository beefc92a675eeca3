"""genome: program identity and syntax-tree variation. Pure: no I/O, no processes, never executes code.

Public API (names are part of the product):

* :func:`canonical_source`, :func:`seed_id`, :func:`structure_id`, :data:`CANON_VERSION` — identity.
* :data:`OPERATORS`, :func:`mutate`, :func:`crossover`, :class:`MutationResult` — variation.
* :func:`validate`, :class:`Problem` — is this a program we can run?
"""

from genome.canonical import (
    CANON_VERSION,
    DEFAULT_LIMITS,
    Limits,
    canonical_source,
    id_of_canonical,
    seed_id,
    structure_id,
)
from genome.errors import SeedpopError, SourceError, UnknownNameError, UnparseableError

__all__ = [
    "CANON_VERSION",
    "DEFAULT_LIMITS",
    "Limits",
    "SeedpopError",
    "SourceError",
    "UnknownNameError",
    "UnparseableError",
    "canonical_source",
    "id_of_canonical",
    "seed_id",
    "structure_id",
]
