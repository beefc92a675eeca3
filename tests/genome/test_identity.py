"""Identity: canonical form, seed_id and structure_id, with Hypothesis properties."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from genome import CANON_VERSION, SourceError, UnparseableError, canonical_source, seed_id, structure_id

PROGRAM = '''\
"""A seed."""
import math

SAMPLES = 3  # gene


def solve(task, llm, tools):
    """Solve it."""
    best = None
    for i in range(SAMPLES):
        text = llm.chat([{"role": "user", "content": task.prompt}], seed=i)
        if text and (best is None or len(text) < len(best)):
            best = text
    return best or ""
'''

names = st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True).filter(
    lambda s: (
        s not in {"if", "in", "is", "or", "as", "def", "for", "not", "and", "del", "try", "len", "range"}
    )
)


def reformat(source: str, spaces: int, blank: int, comment: str) -> str:
    """Same AST, different text: indentation width, blank lines, comments, redundant parentheses."""
    out = []
    for line in source.splitlines():
        stripped = line.lstrip(" ")
        depth = (len(line) - len(stripped)) // 4
        out.append(" " * (spaces * depth) + stripped)
        if stripped.startswith(("def ", "import ")):
            out.extend([""] * blank)
    text = "\n".join(out) + "\n"
    text = text.replace("SAMPLES = 3  # gene", f"SAMPLES = (3)  # {comment}")
    return f"# {comment}\n" + text


def test_id_is_a_typed_sha256() -> None:
    assert re.fullmatch(r"[0-9a-f]{64}", seed_id(PROGRAM))
    assert CANON_VERSION >= 1


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 8),
    st.integers(0, 3),
    st.text(st.characters(blacklist_categories=["Cc", "Cs"]), max_size=20),
)
def test_seed_id_ignores_formatting_comments_blank_lines_and_parentheses(
    spaces: int, blank: int, comment: str
) -> None:
    assert seed_id(reformat(PROGRAM, spaces, blank, comment)) == seed_id(PROGRAM)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("SAMPLES = 3", "SAMPLES = 4"),
        ("len(text) < len(best)", "len(text) <= len(best)"),
        ('"""Solve it."""', '"""Solve."""'),
        ("seed=i", "seed=i + 1"),
        ("import math", "import cmath"),
    ],
)
def test_seed_id_changes_with_the_ast(old: str, new: str) -> None:
    assert seed_id(PROGRAM.replace(old, new)) != seed_id(PROGRAM)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "x = 1",
                "y = (x + 2) * 3",
                "if x:\n    pass",
                "def f(a, *b, c=2, **d):\n    return a",
                "z = [i for i in range(3) if i]",
                "s = f'{x!r:>{y}}'",
                "w = lambda q: q ** -1",
                "t = (1,)",
                "class C(B, metaclass=M):\n    '''d'''\n    x: int = 0",
                "async def g():\n    async with a as b:\n        await b",
                "match p:\n    case [1, *r] | {'k': _, **kw}:\n        pass",
            ]
        ),
        min_size=1,
        max_size=6,
    )
)
def test_canonical_form_is_idempotent(lines: list[str]) -> None:
    once = canonical_source("\n".join(lines))
    assert canonical_source(once) == once


def test_canonical_form_is_idempotent_on_the_fixture() -> None:
    once = canonical_source(PROGRAM)
    assert canonical_source(once) == once


IDENTIFIERS = set(re.findall(r"[A-Za-z_]\w*", PROGRAM))


@settings(max_examples=60, deadline=None)
@given(st.lists(names.filter(lambda s: s not in IDENTIFIERS), min_size=5, max_size=5, unique=True))
def test_structure_id_survives_consistent_renaming_and_docstrings(new: list[str]) -> None:
    mapping = dict(zip(["task", "best", "text", "tools", "i"], new, strict=True))
    renamed = re.sub(r"\b(task|best|text|tools|i)\b", lambda m: mapping[m.group(1)], PROGRAM)
    renamed = renamed.replace('"""Solve it."""', '"""Something else entirely."""')
    assert structure_id(renamed) == structure_id(PROGRAM)


def test_structure_id_is_scope_correct() -> None:
    closure = "def f(a):\n    def g(b):\n        return a + b\n    return g\n"
    renamed = "def f(x):\n    def g(y):\n        return x + y\n    return g\n"
    shadowed = "def f(a):\n    def g(a):\n        return a + a\n    return g\n"
    assert structure_id(closure) == structure_id(renamed)
    assert structure_id(closure) != structure_id(shadowed)


def test_structure_id_keeps_globals_and_attributes() -> None:
    assert structure_id("def f(x):\n    return math.sqrt(x)\n") != structure_id(
        "def f(x):\n    return cmath.sqrt(x)\n"
    )
    assert structure_id("def f(x):\n    return x.real\n") != structure_id("def f(x):\n    return x.imag\n")


def test_structure_id_is_coarser_than_seed_id() -> None:
    a, b = "def f(x):\n    return x\n", "def f(y):\n    return y\n"
    assert seed_id(a) != seed_id(b)
    assert structure_id(a) == structure_id(b)


def test_syntax_error_names_line_and_column() -> None:
    with pytest.raises(UnparseableError) as err:
        seed_id("def f(:\n    pass\n")
    assert (err.value.line, err.value.col) == (1, 7)
    assert "line 1, column 7" in str(err.value)


@pytest.mark.parametrize(
    ("source", "words"),
    [
        (b"x = '\xff'\n", "not UTF-8"),
        ("", "empty"),
        ("# only a comment\n\n", "empty"),
        ("x = 1\n" * 60_000, "max_bytes=256000"),
    ],
)
def test_bad_input_gets_a_clear_error(source: str | bytes, words: str) -> None:
    with pytest.raises(SourceError, match=re.escape(words)):
        seed_id(source)


def test_bytes_and_text_give_the_same_id() -> None:
    assert seed_id(PROGRAM.encode()) == seed_id(PROGRAM)
