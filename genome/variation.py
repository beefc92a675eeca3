"""``mutate`` and ``crossover``: apply a registered operator to a program and return a checked child.

Both are deterministic given the ``random.Random`` passed in, never execute the code they handle, and never
raise on ordinary input: a syntax error in the parent is an :class:`Unparseable` result. Only input the genome
refuses outright (not UTF-8, empty, over the size limit) and programming errors (an unknown operator or context
key) raise, as :class:`SeedpopError` subclasses.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

import libcst as cst

from genome.errors import SeedpopError, UnparseableError
from genome.operators import CROSSOVER_OPERATORS, OPERATORS, Context, Failure, Operator, Rejected
from genome.parsed import Parsed
from genome.registry import lookup
from genome.result import Mutated, MutationResult, NoCandidates, Unchanged, Unparseable

_CONTEXT_KEYS = set(Context.__dataclass_fields__)
# What a libcst edit can raise when an operator builds a node libcst will not render.
_EDIT_ERRORS = (cst.CSTValidationError, ValueError, TypeError, LookupError)


def _context(values: dict[str, Any]) -> Context:
    unknown = sorted(set(values) - _CONTEXT_KEYS)
    if unknown:
        raise SeedpopError(
            f"unknown mutation context {unknown[0]!r}; known: {', '.join(sorted(_CONTEXT_KEYS))}"
        )
    partner = values.get("partner")
    if partner is not None and not isinstance(partner, Parsed):
        values = {**values, "partner": Parsed(partner)}
    if "strings" in values:
        values = {**values, "strings": tuple(values["strings"])}
    if values.get("failures") is not None:
        values = {**values, "failures": _failures(values["failures"])}
    return Context(**values)


def _failures(items: Any) -> tuple[Failure, ...]:
    """``failures=`` as :class:`Failure` values: each a ``Failure`` or a mapping with ``task_id``, ``prompt``,
    ``entry_point`` and ``reason`` (missing keys read as ""). Anything else is dropped rather than raised on:
    the list reaches the genome through a seed's own (evolving) ``reproduce``."""
    if not isinstance(items, list | tuple):
        return ()
    found: list[Failure] = []
    for item in items:
        if isinstance(item, Failure):
            found.append(item)
        elif isinstance(item, Mapping):
            fields = ("task_id", "prompt", "entry_point", "reason")
            found.append(Failure(*(str(item.get(k) or "") for k in fields)))
    return tuple(found)


def apply_operator(parsed: Parsed, op: Operator, rng: random.Random, context: Context) -> MutationResult:
    """Try up to ``op.attempts`` randomly chosen candidates; return the first valid child that differs."""
    needs = getattr(op, "needs", ())
    missing = [k for k in needs if getattr(context, k) is None]
    if missing:
        return NoCandidates(op.name, f"{op.name} needs {missing[0]}=, none was given")
    key = op.name if not needs else f"{op.name}:{context.partner.id if context.partner else ''}"
    nodes = parsed.candidates(key, lambda: op.candidates(parsed, context))
    if not nodes:
        return NoCandidates(op.name, f"{op.name} found nothing to change in this program")
    unchanged = 0
    rejected = ""  # the last reason an operator gave for making no edit
    for index in rng.sample(range(len(nodes)), k=min(len(nodes), op.attempts)):
        edit = op.apply(parsed, nodes[index], rng, context)
        if isinstance(edit, Rejected):
            rejected = edit.reason
            continue
        if edit is None:
            continue
        try:
            child = parsed.child(edit.node, edit.replacement)
        except _EDIT_ERRORS:
            continue
        if child is None:
            continue
        text, child_id = child
        if child_id == parsed.id:
            unchanged += 1
            continue
        return Mutated(text, child_id, parsed.id, op.name, edit.detail)
    if unchanged:
        return Unchanged(
            op.name, f"{unchanged} edit(s) tried, each left the program's canonical form as it was"
        )
    return NoCandidates(op.name, rejected or f"none of the edits {op.name} tried gave a valid child")


def _parse(source: str | bytes | Parsed, operator: str) -> Parsed | Unparseable:
    if isinstance(source, Parsed):
        return source
    try:
        return Parsed(source)
    except UnparseableError as err:
        return Unparseable(operator, err.reason, err.line, err.col)


def mutate(source: str | bytes | Parsed, operator: str, rng: random.Random, **context: Any) -> MutationResult:
    """Apply the operator registered as ``operator`` to ``source``.

    Args:
        source: the parent program (text, or a :class:`Parsed` to parse once and mutate many times).
        operator: a name in ``OPERATORS``.
        rng: the only source of randomness; the same state gives the same result.
        **context: see :class:`genome.operators.Context` (``partner``, ``strings``, ``llm``, ``instruction``,
            ``temperature``, ``scale``, ``min_length``, ``failures``).

    Raises:
        UnknownNameError: ``operator`` is not registered (the message suggests the closest name).
        SourceError: ``source`` is not UTF-8, is empty, or is over the size limit.
    """
    op = lookup(OPERATORS, operator, "operator")
    ctx = _context(context)
    parsed = _parse(source, op.name)
    if isinstance(parsed, Unparseable):
        return parsed
    return apply_operator(parsed, op, rng, ctx)


def crossover(a: str | bytes | Parsed, b: str | bytes | Parsed, rng: random.Random) -> MutationResult:
    """Cross two parents: take a same-named function from ``b`` into ``a`` when they share one that differs,
    else a compatible expression subtree. The child's ``parent_id`` is ``a``'s.
    """
    first = _parse(a, "crossover")
    if isinstance(first, Unparseable):
        return first
    second = _parse(b, "crossover")
    if isinstance(second, Unparseable):
        return second
    context = Context(partner=second)
    result: MutationResult = NoCandidates("crossover", "no crossover operator found anything")
    for name in CROSSOVER_OPERATORS:
        result = apply_operator(first, OPERATORS[name], rng, context)
        if isinstance(result, Mutated):
            return result
    return result
