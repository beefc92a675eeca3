"""genome: program identity and syntax-tree variation. Pure: no I/O, no processes, never executes code.

Public API (names are part of the product):

* :func:`canonical_source`, :func:`seed_id`, :func:`structure_id`, :data:`CANON_VERSION` — identity.
* :data:`OPERATORS`, :func:`mutate`, :func:`crossover`, :data:`MutationResult` — variation.
* :func:`validate`, :func:`validate_tree`, :func:`size_problems`, :class:`Problem`, :func:`accepted_child_id` — is this
  a program we can run?
* :func:`parse`, :func:`canonical_of` — parse once, then canonicalize and validate the same tree.

Identity and validation use only :mod:`ast`; the variation names load libcst on first use, so a process that
only needs ids (the archive, the CLI tools) does not pay for importing it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from genome.canonical import (
    CANON_VERSION,
    DEFAULT_LIMITS,
    Limits,
    accepted_child_id,
    canonical_of,
    canonical_source,
    id_of_canonical,
    parse,
    seed_id,
    structure_id,
)
from genome.errors import SeedpopError, SourceError, UnknownNameError, UnparseableError
from genome.llm import RewriteClient
from genome.result import (
    Mutated,
    MutationResult,
    MutationStatus,
    NoCandidates,
    Unchanged,
    Unparseable,
)
from genome.validate import Problem, size_problems, validate, validate_tree

if TYPE_CHECKING:
    from genome.operators import CROSSOVER_OPERATORS, OPERATORS
    from genome.parsed import Parsed
    from genome.variation import crossover, mutate

_LAZY = {
    "crossover": "genome.variation",
    "mutate": "genome.variation",
    "CROSSOVER_OPERATORS": "genome.operators",
    "OPERATORS": "genome.operators",
    "Parsed": "genome.parsed",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module = importlib.import_module(_LAZY[name])
        for lazy, where in _LAZY.items():  # bind every name the import made available, in one go
            if where == _LAZY[name]:
                globals()[lazy] = getattr(module, lazy)
        return globals()[name]
    raise AttributeError(f"module 'genome' has no attribute {name!r}")


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
    "accepted_child_id",
    "canonical_of",
    "canonical_source",
    "crossover",
    "id_of_canonical",
    "mutate",
    "parse",
    "seed_id",
    "size_problems",
    "structure_id",
    "validate",
    "validate_tree",
]
