"""What every mutation operator is: which nodes it may touch (``candidates``) apart from what it does to one
of them (``apply``). Operators never raise on ordinary input; ``apply`` returns ``None`` to pass.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Protocol

import libcst as cst

from genome.parsed import Parsed, Replacement

if TYPE_CHECKING:
    from genome.llm import RewriteClient


@dataclass(frozen=True, slots=True)
class Context:
    """What an operator may use besides the program and the rng.

    Attributes:
        partner: a second parent, for crossover operators.
        strings: a pool of replacement strings (prompt fragments …); empty = the module's own strings.
        llm: a chat client for ``llm_rewrite``.
        instruction: what ``llm_rewrite`` asks the model to do to the function.
        temperature: sampling temperature for ``llm_rewrite``.
        scale: relative size of numeric perturbations (0.25 = up to ±25 %).
        min_length: ``replace_string`` leaves strings shorter than this alone (e.g. keys like ``"role"``,
            when the pool holds prompt fragments).
        failures: the parent's failed train tasks, for ``reflective_rewrite`` (``None``: none were given).
    """

    partner: Parsed | None = None
    strings: tuple[str, ...] = ()
    llm: RewriteClient | None = None
    instruction: str | None = None
    temperature: float = 0.8
    scale: float = 0.25
    min_length: int = 0
    failures: tuple[Failure, ...] | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """One task the parent failed, as the harness describes it to ``reflective_rewrite``.

    Attributes:
        task_id: the task's id in its suite.
        prompt: the task's prompt (signature and docstring).
        entry_point: the function the solution had to define.
        reason: what went wrong, in words (the visible example that failed, the error or the wrong output).
    """

    task_id: str
    prompt: str
    entry_point: str
    reason: str


@dataclass(frozen=True, slots=True)
class Rejected:
    """``apply`` made no edit, for a reason worth reporting (e.g. the model's reply could not be used): the
    reason becomes the :class:`~genome.result.NoCandidates` result's when no other edit succeeds."""

    reason: str


@dataclass(frozen=True, slots=True)
class Edit:
    """One proposed change: replace ``node`` with ``replacement`` (a node, or nodes where it sits in a list)."""

    node: cst.CSTNode
    replacement: Replacement
    detail: str


class Operator(Protocol):
    """A mutation operator. Implementations are small classes registered in ``genome.operators.OPERATORS``."""

    name: ClassVar[str]
    #: Edits tried before giving up (the LLM operator tries once: each try costs a model call).
    attempts: ClassVar[int]

    def candidates(self, parsed: Parsed, context: Context) -> Sequence[cst.CSTNode]:
        """Nodes of ``parsed.module`` this operator could change, in a deterministic order. Pure."""
        ...

    def apply(
        self, parsed: Parsed, node: cst.CSTNode, rng: random.Random, context: Context
    ) -> Edit | Rejected | None:
        """One edit at ``node``, or ``None`` (or a :class:`Rejected` with the reason) when this node yields
        nothing. Pure given ``rng``."""
        ...


def collect(module: cst.CSTNode, *types: type[cst.CSTNode]) -> list[cst.CSTNode]:
    """Every node of the given types under ``module``, in source order (pre-order)."""
    found: list[cst.CSTNode] = []
    stack: list[cst.CSTNode] = [module]
    while stack:
        node = stack.pop()
        if isinstance(node, types):
            found.append(node)
        stack.extend(reversed(node.children))
    return found


def snippet(node: cst.CSTNode, limit: int = 40) -> str:
    """Short one-line source of ``node`` for result details."""
    code = " ".join(cst.Module(body=[]).code_for_node(node).split())
    return code if len(code) <= limit else code[: limit - 1] + "…"
