"""``replace_string``: swap one string literal for another from a pool (the module's own strings, or
``strings=`` supplied by the caller, e.g. prompt fragments). Docstrings and bytes are left alone.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import ClassVar

import libcst as cst

from genome.operators._values import docstring_ids, module_strings, string_value, text_strings
from genome.operators.base import Context, Edit, snippet
from genome.parsed import Parsed


class ReplaceString:
    name: ClassVar[str] = "replace_string"
    attempts: ClassVar[int] = 8

    def candidates(self, parsed: Parsed, context: Context) -> Sequence[cst.CSTNode]:
        return text_strings(parsed.module, docstring_ids(parsed.module))

    def apply(self, parsed: Parsed, node: cst.CSTNode, rng: random.Random, context: Context) -> Edit | None:
        assert isinstance(node, cst.SimpleString)
        current = string_value(node)
        pool = [s for s in (context.strings or module_strings(parsed)) if s != current]
        if current is None or len(current) < context.min_length or not pool:
            return None
        new = cst.SimpleString(repr(rng.choice(pool)), lpar=node.lpar, rpar=node.rpar)
        return Edit(node, new, f"{snippet(node, 24)} -> {snippet(new, 24)}")
