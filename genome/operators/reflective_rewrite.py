"""``reflective_rewrite``: show the model a seed's prompt genes and the tasks the seed failed (``failures=``), ask
it for a few sentences of lessons that would have avoided those failures, and add them to one prompt gene (after
GEPA's reflective prompt mutation, which reads failed rollouts and their feedback to write a better instruction).

A *prompt gene* is a module-level ``NAME = "text"`` (upper-case name, a plain or implicitly concatenated string
literal of at least :data:`MIN_GENE_CHARS` characters) that ``solve`` reaches: read by ``solve`` or by a
module-level function that ``solve`` calls, directly or through others. A constant no step reads is left
alone: rewriting it would change no behaviour.

The model is asked for lessons to append rather than for a whole new text: measured with the default model
(Qwen2.5-Coder-0.5B), a request for the whole new text came back as code, as a template with a placeholder the
seed never fills, or as a fragment of the old text. Appending keeps the gene's ``{placeholders}`` and what it
already says; lessons accumulate over generations, up to :data:`MAX_GENE_CHARS`. A reply that is code, has
curly braces (the seed may ``str.format`` the gene), echoes the request, repeats the gene or is empty is refused
with the reason.
One model call (seeded from the rng) per attempt.
"""

from __future__ import annotations

import ast
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

import libcst as cst

from genome.operators._values import string_value
from genome.operators.base import Context, Edit, Failure, Rejected
from genome.parsed import Parsed

MIN_GENE_CHARS = 20
MAX_FAILURES = 3  # failures shown per request (sampled with the rng when there are more)
MAX_SHOWN_CHARS = 1200  # of each gene, task prompt and reason in the request
MAX_TOKENS = 160  # of the reply: room for a few sentences of lessons, not for a program
MAX_SENTENCES = 3  # of lessons the request asks for
MAX_LESSON_CHARS = 800
MAX_GENE_CHARS = 4000  # a gene that would grow past this gets no more lessons
# Phrases of the request itself: the default model sometimes copies the request back as its "advice".
_ECHOES = ("----- ", "What went wrong:", "Read the tasks and what went wrong")
_CODE_LINE = re.compile(r"^\s*(def|class|import|from|return)\s+\w", re.MULTILINE)
SYSTEM = (
    "You improve the instructions that a program gives to a language model which writes Python functions. "
    "You reply with the new instructions only, inside one ``` block."
)


@dataclass(frozen=True, slots=True)
class PromptGene:
    name: str
    node: cst.SimpleString | cst.ConcatenatedString
    value: str


def reached_names(tree: ast.Module, root: str = "solve") -> set[str]:
    """Every name read by ``root`` or by the module-level functions it calls, transitively. Pure."""
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
    names: set[str] = set()
    todo, seen = [root], set()
    while todo:
        name = todo.pop()
        if name in seen or name not in functions:
            continue
        seen.add(name)
        for node in ast.walk(functions[name]):
            if isinstance(node, ast.Name):
                names.add(node.id)
                todo.append(node.id)
    return names


def _text(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.SimpleString):
        return None if "b" in node.prefix.lower() else string_value(node)
    if isinstance(node, cst.ConcatenatedString):
        left, right = _text(node.left), _text(node.right)
        return None if left is None or right is None else left + right
    return None


def prompt_genes(parsed: Parsed) -> list[PromptGene]:
    """The prompt genes of ``parsed`` (see the module docstring), in source order. Pure."""

    def compute() -> list[PromptGene]:
        reached = reached_names(parsed.tree)
        found = []
        for stmt in parsed.module.body:
            if not (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1):
                continue
            assign = stmt.body[0]
            if not (isinstance(assign, cst.Assign) and len(assign.targets) == 1):
                continue
            target = assign.targets[0].target
            if not (isinstance(target, cst.Name) and target.value.isupper() and target.value in reached):
                continue
            value = _text(assign.value)
            if value is not None and len(value) >= MIN_GENE_CHARS:
                assert isinstance(assign.value, cst.SimpleString | cst.ConcatenatedString)
                found.append(PromptGene(target.value, assign.value, value))
        return found

    genes: list[PromptGene] = parsed.memo("prompt_genes", compute)
    return genes


def _clip(text: str) -> str:
    return text if len(text) <= MAX_SHOWN_CHARS else text[: MAX_SHOWN_CHARS - 1] + "…"


def build_messages(
    gene: str, genes: Sequence[PromptGene], failures: Sequence[Failure]
) -> list[dict[str, str]]:
    """The chat that asks for a new value of the prompt gene ``gene``: every prompt gene (as context), then each
    failed task with what went wrong, then the request. Pure."""
    # Marker lines, not fences, around the genes: a prompt gene often holds a ``` fence itself.
    shown = "\n\n".join(f"----- {g.name} -----\n{_clip(g.value)}\n----- end of {g.name} -----" for g in genes)
    tasks = "\n\n".join(
        f"Task {k} ({f.task_id}), function `{f.entry_point}`:\n```python\n{_clip(f.prompt.strip())}\n```\n"
        f"What went wrong: {_clip(f.reason.strip())}"
        for k, f in enumerate(failures, start=1)
    )
    request = (
        f"A program asks a language model to write Python functions. It builds its requests from these "
        f"texts:\n\n{shown}\n\nWith them, the model wrote a wrong function for these tasks:\n\n{tasks}\n\n"
        f"Read the tasks and what went wrong, and find what the model misunderstood or overlooked. Then write at "
        f"most {MAX_SENTENCES} short sentences of general advice to add to {gene}, so that the model gets tasks "
        f"like these right (edge cases, types, the exact output format). Do not solve these tasks; write no code "
        f"and no curly braces.\nReply with the sentences only, inside one ``` block."
    )
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": request}]


def parse_reply(reply: str) -> str | None:
    """The new text in a model reply: what lies between the first ``` (and its language tag) and the last ```
    (so a fence inside the new text survives), else the whole reply; ``None`` when that is empty. Pure."""
    start = reply.find("```")
    text = reply
    if start >= 0:
        body = reply[start + 3 :]
        tag, newline, rest = body.partition("\n")
        if newline and (not tag.strip() or tag.strip().isidentifier()):
            body = rest
        end = body.rfind("```")
        text = body[:end] if end >= 0 else body
    text = text.strip()
    return text or None


def check_lessons(old: str, lessons: str) -> str | None:
    """Why ``lessons`` may not be added to the prompt gene ``old``, or ``None`` when they may. Pure."""
    if _CODE_LINE.search(lessons) or "```" in lessons:
        return "the model's reply is code, not advice"
    if any(marker in lessons for marker in _ECHOES):
        return "the model's reply echoes the request"
    if "{" in lessons or "}" in lessons:
        return "the model's reply has curly braces, which the seed's str.format would trip over"
    if lessons in old:
        return "the model's reply repeats the gene's own text"
    if len(lessons) > MAX_LESSON_CHARS:
        return f"the model's reply has {len(lessons)} characters, more than {MAX_SENTENCES} short sentences"
    if len(old) + len(lessons) + 2 > MAX_GENE_CHARS:
        return f"the gene would grow past {MAX_GENE_CHARS} characters"
    return None


class ReflectiveRewrite:
    name: ClassVar[str] = "reflective_rewrite"
    attempts: ClassVar[int] = 1
    needs: ClassVar[tuple[str, ...]] = ("llm", "failures")

    def candidates(self, parsed: Parsed, context: Context) -> Sequence[cst.CSTNode]:
        if context.llm is None or not context.failures:
            return []
        return [gene.node for gene in prompt_genes(parsed)]

    def apply(
        self, parsed: Parsed, node: cst.CSTNode, rng: random.Random, context: Context
    ) -> Edit | Rejected | None:
        assert context.llm is not None and context.failures
        genes = prompt_genes(parsed)
        gene = next(g for g in genes if g.node is node)
        failures = list(context.failures)
        if len(failures) > MAX_FAILURES:
            failures = rng.sample(failures, MAX_FAILURES)
        messages = build_messages(gene.name, genes, failures)
        try:
            reply = context.llm.chat(
                messages, seed=rng.randrange(2**31), temperature=context.temperature, max_tokens=MAX_TOKENS
            )
        except Exception as err:  # the client is someone else's code (a budget or a deadline may end it)
            return Rejected(f"the model call failed: {type(err).__name__}: {err}"[:200])
        lessons = parse_reply(reply) if isinstance(reply, str) else None
        if lessons is None:
            return Rejected("the model's reply is empty")
        problem = check_lessons(gene.value, lessons)
        if problem is not None:
            return Rejected(problem)
        new = f"{gene.value.rstrip()}\n\n{lessons}"
        replacement = cst.SimpleString(repr(new), lpar=gene.node.lpar, rpar=gene.node.rpar)
        return Edit(node, replacement, f"model added lessons from {len(failures)} failure(s) to {gene.name}")
