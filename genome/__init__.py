"""genome: program identity and syntax-tree variation. Pure: no I/O, no processes, never executes code.

Public API (names are part of the product):

* :func:`canonical_source`, :func:`seed_id`, :func:`structure_id`, :data:`CANON_VERSION` — identity.
* :data:`OPERATORS`, :func:`mutate`, :func:`crossover`, :data:`MutationResult` — variation.
* :func:`validate`, :class:`Problem` — is this a program we can run?
"""

from genome.canonical import (
    CANON_VERSION,
    DEFAULT_LIMITS,
    Limits,
    canonical_of,
    canonical_source,
    id_of_canonical,
    seed_id,
    structure_id,
)
from genome.errors import SeedpopError, SourceError, UnknownNameError, UnparseableError
from genome.llm import RewriteClient
from genome.mutate import crossover, mutate
from genome.operators import CROSSOVER_OPERATORS, OPERATORS
from genome.parsed import Parsed, check_child
from genome.result import (
    Mutated,
    MutationResult,
    MutationStatus,
    NoCandidates,
    Unchanged,
    Unparseable,
)
from genome.validate import Problem, validate

__all__ = [
    "CANON_VERSION",
    "CROSSOVER_OPERATORS",
    "DEFAULT_LIMITS",
    "OPERATORS",
    "Limits",
    "Mutated",
    "MutationResult",
    "MutationStatus",
    "NoCandidates",
    "Parsed",
    "Problem",
    "RewriteClient",
    "SeedpopError",
    "SourceError",
    "Unchanged",
    "UnknownNameError",
    "Unparseable",
    "UnparseableError",
    "canonical_of",
    "canonical_source",
    "check_child",
    "crossover",
    "id_of_canonical",
    "mutate",
    "seed_id",
    "structure_id",
    "validate",
]
