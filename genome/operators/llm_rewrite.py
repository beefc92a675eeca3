"""``llm_rewrite``: ask an injected LLM client (``llm=``) to rewrite one function; keep the answer only if it
parses and keeps the function's name, parameters and return annotation. The body is replaced, so decorators and
the comments above the function stay. One model call per attempt, so it tries once.
"""

from __future__ import annotations

import random
import re
import textwrap
from collections.abc import Sequence
from typing import ClassVar

import libcst as cst

from genome.operators._functions import code, functions, signature
from genome.operators.base import Context, Edit
from genome.parsed import Parsed

DEFAULT_INSTRUCTION = (
    "Rewrite this Python function so it does its job better: more robust, clearer, handles edge cases. "
    "Keep its name, parameters and return type exactly."
)
SYSTEM = (
    "You rewrite one Python function. Reply with the complete rewritten function only, in one ```python block, "
    "with no explanation."
)
_FENCE = re.compile(r"```(?:python|py)?\s*\n(.*?)```", re.DOTALL)


def extract_function(reply: str, name: str) -> cst.FunctionDef | None:
    """The function called ``name`` in a model reply (fenced or bare code), or ``None``. Never raises."""
    blocks = _FENCE.findall(reply) or [reply]
    for block in blocks:
        try:
            module = cst.parse_module(textwrap.dedent(block))
        except cst.ParserSyntaxError:
            continue
        for stmt in module.body:
            if isinstance(stmt, cst.FunctionDef) and stmt.name.value == name:
                return stmt
    return None


class LlmRewrite:
    name: ClassVar[str] = "llm_rewrite"
    attempts: ClassVar[int] = 1
    needs: ClassVar[tuple[str, ...]] = ("llm",)

    def candidates(self, parsed: Parsed, context: Context) -> Sequence[cst.CSTNode]:
        return list(functions(parsed.module).values()) if context.llm is not None else []

    def apply(self, parsed: Parsed, node: cst.CSTNode, rng: random.Random, context: Context) -> Edit | None:
        assert isinstance(node, cst.FunctionDef) and context.llm is not None
        messages = [
            {"role": "system", "content": SYSTEM},
            {
                "role": "user",
                "content": f"{context.instruction or DEFAULT_INSTRUCTION}\n\n```python\n{code(node)}```",
            },
        ]
        try:
            reply = context.llm.chat(
                messages, seed=rng.randrange(2**31), temperature=context.temperature, max_tokens=1024
            )
        except Exception:  # the client is someone else's code; a failed call is just no child
            return None
        if not isinstance(reply, str):
            return None
        new = extract_function(reply, node.name.value)
        if new is None or signature(new) is None or signature(new) != signature(node):
            return None
        return Edit(node, node.with_changes(body=new.body), f"LLM rewrote {node.name.value}()")
