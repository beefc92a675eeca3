"""The registry of mutation operators: one small class per file, registered by name.

To add one: write ``genome/operators/<name>.py`` with a class that has ``name``, ``attempts``,
``candidates()`` and ``apply()`` (see :class:`genome.operators.base.Operator`), add it to ``OPERATORS`` below,
and add before/after tests in ``tests/genome/test_operators.py``. The contract tests pick it up by themselves.
"""

from __future__ import annotations

from genome.operators.base import Context, Edit, Failure, Operator, Rejected
from genome.operators.crossover_function import CrossoverFunction
from genome.operators.crossover_subtree import CrossoverSubtree
from genome.operators.delete_statement import DeleteStatement
from genome.operators.duplicate_statement import DuplicateStatement
from genome.operators.llm_rewrite import LlmRewrite
from genome.operators.negate_if import NegateIf
from genome.operators.perturb_default import PerturbDefault
from genome.operators.perturb_number import PerturbNumber
from genome.operators.reflective_rewrite import ReflectiveRewrite
from genome.operators.replace_string import ReplaceString
from genome.operators.swap_arith import SwapArith
from genome.operators.swap_boolean import SwapBoolean
from genome.operators.swap_compare import SwapCompare
from genome.operators.swap_if_branches import SwapIfBranches
from genome.operators.swap_statements import SwapStatements

OPERATORS: dict[str, Operator] = {
    op.name: op
    for op in (
        PerturbNumber(),
        ReplaceString(),
        SwapCompare(),
        SwapBoolean(),
        SwapArith(),
        DeleteStatement(),
        DuplicateStatement(),
        SwapStatements(),
        NegateIf(),
        SwapIfBranches(),
        PerturbDefault(),
        CrossoverFunction(),
        CrossoverSubtree(),
        LlmRewrite(),
        ReflectiveRewrite(),
    )
}

#: Operators that need a second parent (``partner=``).
CROSSOVER_OPERATORS = ("crossover_function", "crossover_subtree")

__all__ = ["CROSSOVER_OPERATORS", "OPERATORS", "Context", "Edit", "Failure", "Operator", "Rejected"]
