"""Before/after source tests, one or more per operator (LibCST codemod style)."""

from __future__ import annotations

import ast
import random
import textwrap
from pathlib import Path

import pytest

from genome import OPERATORS, MutationResult, MutationStatus, Parsed, mutate
from genome.operators import Failure
from genome.operators.reflective_rewrite import (
    MAX_GENE_CHARS,
    build_messages,
    parse_reply,
    prompt_genes,
    reached_names,
)


def child(before: str, operator: str, seed: int = 0, **context: object) -> str:
    result = mutate(textwrap.dedent(before), operator, random.Random(seed), **context)
    assert result.status is MutationStatus.MUTATED, result
    assert result.source is not None
    return result.source


def same(text: str) -> str:
    return textwrap.dedent(text)


def test_perturb_number_moves_the_literal_and_keeps_comments() -> None:
    before = """\
    # the budget
    SAMPLES = 4  # gene
    """
    after = child(before, "perturb_number", seed=0)
    assert after.startswith("# the budget\nSAMPLES = ")
    assert after.endswith("  # gene\n")
    assert after != same(before)
    assert int(after.split("=")[1].split("#")[0]) >= 0


def test_perturb_number_float_stays_a_float() -> None:
    after = child("T = 0.5\n", "perturb_number", seed=3)
    value = after.split("=")[1].strip()
    assert "." in value or "e" in value
    assert float(value) != 0.5


def test_replace_string_uses_the_supplied_pool() -> None:
    after = child('P = "Write code"\n', "replace_string", strings=["Think step by step"])
    assert after == "P = 'Think step by step'\n"


def test_replace_string_min_length_spares_short_strings() -> None:
    before = 'KEY = "role"\nPROMPT = "Write the function."\n'
    for seed in range(5):
        after = child(before, "replace_string", seed=seed, strings=["Think first."], min_length=8)
        assert after == "KEY = \"role\"\nPROMPT = 'Think first.'\n"


def test_replace_string_uses_module_strings_and_skips_docstrings() -> None:
    before = '''\
    """Module docstring."""
    A = "alpha"
    B = "beta"
    '''
    after = child(before, "replace_string", seed=1)
    assert after.startswith('"""Module docstring."""\n')
    assert after.count("'beta'") + after.count("'alpha'") == 1


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("ok = a == b\n", "ok = a != b\n"),
        ("ok = a != b\n", "ok = a == b\n"),
        ("ok = x in ys\n", "ok = x not in ys\n"),
        ("ok = x is None\n", "ok = x is not None\n"),
    ],
)
def test_swap_compare(before: str, after: str) -> None:
    assert child(before, "swap_compare") == after


def test_swap_compare_lt_goes_to_a_neighbour() -> None:
    assert child("ok = a < b\n", "swap_compare") in ("ok = a <= b\n", "ok = a > b\n")


def test_swap_boolean() -> None:
    assert child("ok = a and b  # both\n", "swap_boolean") == "ok = a or b  # both\n"
    assert child("ok = a or b\n", "swap_boolean") == "ok = a and b\n"


def test_swap_arith_in_expression_and_augmented_assignment() -> None:
    assert child("y = a + b\n", "swap_arith") == "y = a - b\n"
    assert child("y -= 1\n", "swap_arith") == "y += 1\n"


def test_delete_statement_keeps_the_rest() -> None:
    before = """\
    def f(x):
        return x
    """
    # The only body with two statements is the module's? No: module has one statement, the function one.
    assert mutate(same(before), "delete_statement", random.Random(0)).status is MutationStatus.NO_CANDIDATES
    two = """\
    a = 1
    b = 2
    """
    assert child(two, "delete_statement") in ("a = 1\n", "b = 2\n")


def test_duplicate_statement_does_not_copy_the_comment_above() -> None:
    before = """\
    # one
    x = f(x)
    """
    assert child(before, "duplicate_statement") == "# one\nx = f(x)\nx = f(x)\n"


def test_swap_statements_moves_comments_along() -> None:
    before = """\
    def f():
        # first
        a = 1
        b = 2
    """
    assert child(before, "swap_statements") == "def f():\n    b = 2\n    # first\n    a = 1\n"


def test_negate_if_wraps_and_unwraps() -> None:
    before = """\
    if a or b:
        pass
    """
    assert child(before, "negate_if") == "if not (a or b):\n    pass\n"
    assert child("if not x:\n    pass\n", "negate_if") == "if x:\n    pass\n"
    assert child("if(x):\n    pass\n", "negate_if") == "if not (x):\n    pass\n"


def test_swap_if_branches() -> None:
    before = """\
    if ok:
        y = 1  # yes
    else:
        y = 2
    """
    assert child(before, "swap_if_branches") == "if ok:\n    y = 2\nelse:\n    y = 1  # yes\n"


def test_perturb_default_flips_bools_and_moves_numbers() -> None:
    assert child("def f(x, flag=True):\n    pass\n", "perturb_default") == "def f(x, flag=False):\n    pass\n"
    after = child("def f(x, k=10):\n    pass\n", "perturb_default")
    assert after.startswith("def f(x, k=") and "k=10)" not in after


def test_perturb_default_keeps_a_negative_sign() -> None:
    after = child("def f(x=-3):\n    pass\n", "perturb_default")
    assert after.startswith("def f(x=-") and after != "def f(x=-3):\n    pass\n"


def test_crossover_function_takes_the_partners_version() -> None:
    mine = """\
    # helper
    def g(x):
        return x + 1

    def solve(t):
        return g(t)
    """
    theirs = """\
    def g(x):
        # theirs
        return x * 2
    """
    after = child(mine, "crossover_function", partner=same(theirs))
    assert after == "# helper\ndef g(x):\n    # theirs\n    return x * 2\n\ndef solve(t):\n    return g(t)\n"


def test_crossover_function_has_no_candidates_without_shared_names() -> None:
    result = mutate(
        "def f():\n    pass\n", "crossover_function", random.Random(0), partner="def g():\n    pass\n"
    )
    assert result.status is MutationStatus.NO_CANDIDATES
    assert result.source is None


def test_crossover_subtree_parenthesises_compound_donors() -> None:
    after = child("y = k * (a + b)\nz = 2 * c - d\n", "crossover_subtree", partner="w = p - q\n")
    assert "(p - q)" in after


def test_crossover_subtree_same_kind_only() -> None:
    after = child("y = f(1)\n", "crossover_subtree", partner="z = g(2)\n")
    assert after in ("y = g(2)\n", "y = f(2)\n")


class ScriptedLLM:
    """A fake chat client for the operator's logic (not a test of the LLM)."""

    def __init__(self, reply: str) -> None:
        self.reply = reply
        self.calls: list[dict[str, object]] = []

    def chat(self, messages: list[dict[str, str]], **params: object) -> str:
        self.calls.append({"messages": messages, **params})
        return self.reply


def test_llm_rewrite_replaces_the_body_and_keeps_decorators_and_comments() -> None:
    before = """\
    # keep me
    @cache
    def area(w, h):
        return w * h
    """
    llm = ScriptedLLM("Sure!\n```python\ndef area(w, h):\n    # better\n    return abs(w) * abs(h)\n```\n")
    after = child(before, "llm_rewrite", llm=llm)
    assert after == "# keep me\n@cache\ndef area(w, h):\n    # better\n    return abs(w) * abs(h)\n"
    assert len(llm.calls) == 1
    assert isinstance(llm.calls[0]["seed"], int)


@pytest.mark.parametrize(
    "reply",
    [
        "```python\ndef area(w, h, d):\n    return w * h * d\n```",  # signature changed
        "```python\ndef volume(w, h):\n    return w * h\n```",  # wrong name
        "```python\ndef area(w, h:\n```",  # does not parse
        "I cannot help with that.",
    ],
)
def test_llm_rewrite_rejects_bad_replies(reply: str) -> None:
    result = mutate(
        "def area(w, h):\n    return w * h\n", "llm_rewrite", random.Random(0), llm=ScriptedLLM(reply)
    )
    assert result.status is MutationStatus.NO_CANDIDATES


def test_llm_rewrite_survives_a_failing_client() -> None:
    class Broken:
        def chat(self, messages: list[dict[str, str]], **params: object) -> str:
            raise RuntimeError("budget exhausted")

    result = mutate("def f():\n    return 1\n", "llm_rewrite", random.Random(0), llm=Broken())
    assert result.status is MutationStatus.NO_CANDIDATES


REFLECTIVE_BEFORE = """\
# the prompt
PROMPT = "Write the function below. Reply with code only."  # gene
TEMPLATE = "{hints}Task:\\n{prompt}"
DORMANT = "Nothing that solve reaches reads this text."


def ask(task, llm):
    return llm.chat([{"role": "user", "content": PROMPT + TEMPLATE.format(hints="", prompt=task.prompt)}])


def solve(task, llm, tools):
    return ask(task, llm)
"""
FAILURES = [
    {
        "task_id": "core/a",
        "prompt": "def a(xs):\n    'First item.'\n",
        "entry_point": "a",
        "reason": "a([]) raised",
    },
    {
        "task_id": "core/b",
        "prompt": "def b(n):\n",
        "entry_point": "b",
        "reason": "b(0) returned 1, expected 0",
    },
]
ONLY_TEMPLATE = REFLECTIVE_BEFORE.replace("PROMPT = ", "prompt_ = ").replace("PROMPT +", "prompt_ +")


def reflective(source: str, reply: str, seed: int = 0, failures: object = FAILURES) -> MutationResult:
    return mutate(
        source, "reflective_rewrite", random.Random(seed), llm=ScriptedLLM(reply), failures=failures
    )


def test_reflective_rewrite_adds_lessons_to_a_prompt_gene_that_solve_reaches() -> None:
    llm = ScriptedLLM("Here it is:\n```text\nMind empty lists.\n```\nGood luck.")
    children = {
        mutate(REFLECTIVE_BEFORE, "reflective_rewrite", random.Random(s), llm=llm, failures=FAILURES).source
        for s in range(8)
    }
    assert children == {
        REFLECTIVE_BEFORE.replace(
            '"Write the function below. Reply with code only."',
            "'Write the function below. Reply with code only.\\n\\nMind empty lists.'",
        ),
        # A template keeps its placeholders: the lessons come after them.
        REFLECTIVE_BEFORE.replace(
            '"{hints}Task:\\n{prompt}"', "'{hints}Task:\\n{prompt}\\n\\nMind empty lists.'"
        ),
    }
    assert all(isinstance(call["seed"], int) for call in llm.calls)
    request = llm.calls[0]["messages"][-1]["content"]  # type: ignore[index]
    assert "a([]) raised" in request and "b(0) returned 1, expected 0" in request
    assert "----- PROMPT -----" in request and "----- TEMPLATE -----" in request
    assert "DORMANT" not in request  # solve never reads it: rewriting it would change nothing


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        ("```python\ndef a(xs):\n    return xs[0] if xs else None\n```", "code, not advice"),
        ("```\nUse {prompt} well.\n```", "curly braces"),
        (
            "```\nTask 1:\n- fine.\nRead the tasks and what went wrong, and find it.\n```",
            "echoes the request",
        ),
        ("```\nTask:\n```", "repeats the gene's own text"),
        ("```\n\n```", "empty"),
        ("```\n" + "Be careful. " * 100 + "\n```", "more than 3 short sentences"),
    ],
)
def test_reflective_rewrite_reports_why_a_reply_was_refused(reply: str, reason: str) -> None:
    result = reflective(ONLY_TEMPLATE, reply)
    assert result.status is MutationStatus.NO_CANDIDATES and result.source is None
    assert reason in result.reason  # type: ignore[union-attr]


def test_reflective_rewrite_stops_growing_a_gene_at_the_limit() -> None:
    big = ONLY_TEMPLATE.replace("Task:", "Task: " + "x" * (MAX_GENE_CHARS - 40))
    result = reflective(big, "```\nMind empty lists and negative numbers.\n```")
    assert result.status is MutationStatus.NO_CANDIDATES
    assert f"grow past {MAX_GENE_CHARS}" in result.reason  # type: ignore[union-attr]


def test_reflective_rewrite_needs_failures_and_survives_a_failing_client() -> None:
    no_failures = mutate(REFLECTIVE_BEFORE, "reflective_rewrite", random.Random(0), llm=ScriptedLLM("x"))
    assert no_failures.status is MutationStatus.NO_CANDIDATES
    assert "failures" in no_failures.reason  # type: ignore[union-attr]

    class Broken:
        def chat(self, messages: list[dict[str, str]], **params: object) -> str:
            raise RuntimeError("budget exhausted")

    result = mutate(
        REFLECTIVE_BEFORE, "reflective_rewrite", random.Random(0), llm=Broken(), failures=FAILURES
    )
    assert result.status is MutationStatus.NO_CANDIDATES
    assert "budget exhausted" in result.reason  # type: ignore[union-attr]


def test_reflective_rewrite_drops_malformed_failures_and_is_deterministic() -> None:
    assert reflective(REFLECTIVE_BEFORE, "x", failures=["not a dict", 3, None]).status is (
        MutationStatus.NO_CANDIDATES
    )
    first, again = ScriptedLLM("```\nNew prompt text.\n```"), ScriptedLLM("```\nNew prompt text.\n```")
    many = FAILURES * 3  # more than MAX_FAILURES: a sample of them, drawn from the rng
    a = mutate(REFLECTIVE_BEFORE, "reflective_rewrite", random.Random(4), llm=first, failures=many)
    b = mutate(REFLECTIVE_BEFORE, "reflective_rewrite", random.Random(4), llm=again, failures=many)
    assert a == b and first.calls == again.calls


@pytest.mark.parametrize(
    ("reply", "text"),
    [
        ("```\nBe exact.\n```", "Be exact."),
        ("Sure!\n```text\nBe exact.\n```\nHope it helps.", "Be exact."),
        (
            "```\nReply in one ```python block.\n```",
            "Reply in one ```python block.",
        ),  # an inner fence survives
        ("Be exact.", "Be exact."),
        ("```Be exact.```", "Be exact."),
        ("```\n\n```", None),
        ("", None),
    ],
)
def test_reflective_reply_parsing(reply: str, text: str | None) -> None:
    assert parse_reply(reply) == text


def test_reflection_request_shows_the_genes_and_clips_long_text() -> None:
    genes = prompt_genes(Parsed(REFLECTIVE_BEFORE))
    assert [g.name for g in genes] == ["PROMPT", "TEMPLATE"]
    long = [Failure("t/x", "def x():\n" + "y" * 5000, "x", "it failed")]
    request = build_messages("TEMPLATE", genes, long)[-1]["content"]
    assert "advice to add to TEMPLATE" in request and "{hints}Task:\n{prompt}" in request
    assert "it failed" in request and len(request) < 3500


def test_reached_names_follow_calls_from_solve_only() -> None:
    reached = reached_names(ast.parse(REFLECTIVE_BEFORE))
    assert {"ask", "PROMPT", "TEMPLATE"} <= reached and "DORMANT" not in reached
    assert reached_names(ast.parse("X = 1\n")) == set()


def test_every_operator_has_a_before_after_test_here() -> None:
    text = Path(__file__).read_text(encoding="utf-8")
    untested = [name for name in OPERATORS if f'"{name}"' not in text]
    assert not untested
