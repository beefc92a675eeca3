"""Registry contract: every operator × every program in the fixture set behaves per the contract."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from genome import (
    OPERATORS,
    Mutated,
    MutationStatus,
    NoCandidates,
    Parsed,
    SeedpopError,
    UnknownNameError,
    accepted_child_id,
    crossover,
    mutate,
    seed_id,
)

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = '''\
"""A seed used as a contract fixture."""

PROMPT = "Write the function. Reply with code only."  # gene
SAMPLES = 3
TEMPERATURE = 0.7


def score(candidate, examples, tools):
    results = tools.run(candidate, examples)
    return sum(1 for r in results if r.ok) / max(1, len(results))


def solve(task, llm, tools, rounds=2, greedy=False):
    best, best_score = "", -1.0
    for i in range(SAMPLES if not greedy else 1):
        text = llm.complete(PROMPT + "\\n" + task.prompt, seed=i, temperature=TEMPERATURE)
        s = score(text, task.visible, tools)
        if s > best_score and len(text) > 0:
            best, best_score = text, s
        else:
            continue
    return best


def reproduce(source, n, rng_seed, genome, llm):
    import random
    rng = random.Random(rng_seed)
    out = []
    while len(out) < n:
        r = genome.mutate(source, rng.choice(["perturb_number", "replace_string"]), rng)
        if r.source is not None:
            out.append(r.source)
    return out
'''
PARTNER = FIXTURE.replace("SAMPLES = 3", "SAMPLES = 5").replace("s > best_score", "s >= best_score")
FAILURES = [
    {"task_id": "t/1", "prompt": "def f(xs):\n", "entry_point": "f", "reason": "f([]) raised IndexError"}
]


class EchoLLM:
    """Scripted rewrite (not a test of the LLM): the same function with one statement added after its header;
    to a reflection request (``reflective_rewrite``), a new prompt without placeholders."""

    def chat(self, messages: list[dict[str, str]], **params: object) -> str:
        if "----- end of" in messages[-1]["content"]:
            return "```\nWrite the function. Think about empty inputs first.\n```"
        function = messages[-1]["content"].split("```python\n", 1)[1].rsplit("```", 1)[0]
        lines = function.lstrip("\n").splitlines()
        at = next(i for i, line in enumerate(lines) if line.startswith("def ")) + 1
        lines.insert(at, "    _rewritten = True")
        return "```python\n" + "\n".join(lines) + "\n```"


def programs() -> list[tuple[str, str]]:
    found = [("fixture", FIXTURE)]
    for path in sorted((ROOT / "seeds").glob("**/*.py")):
        text = path.read_text(encoding="utf-8")
        if "def solve" in text:
            found.append((path.name, text))
    return found


@pytest.mark.parametrize("name", sorted(OPERATORS))
@pytest.mark.parametrize(("label", "source"), programs(), ids=[p[0] for p in programs()])
def test_operator_contract(name: str, label: str, source: str) -> None:
    for seed in range(5):
        result = mutate(source, name, random.Random(seed), partner=PARTNER, llm=EchoLLM(), failures=FAILURES)
        assert result.status in (
            MutationStatus.MUTATED,
            MutationStatus.NO_CANDIDATES,
            MutationStatus.UNCHANGED,
        )
        if isinstance(result, Mutated):
            assert accepted_child_id(result.source) == result.child_id == seed_id(result.source)
            assert result.child_id != seed_id(source) == result.parent_id
            assert result.operator == name
        else:
            assert result.source is None


@pytest.mark.parametrize("name", sorted(OPERATORS))
def test_operator_is_deterministic_given_the_rng(name: str) -> None:
    first = mutate(FIXTURE, name, random.Random(7), partner=PARTNER)
    again = mutate(FIXTURE, name, random.Random(7), partner=PARTNER)
    assert first == again


def test_every_operator_finds_something_in_the_fixture() -> None:
    for name in sorted(OPERATORS):
        result = mutate(FIXTURE, name, random.Random(0), partner=PARTNER, llm=EchoLLM(), failures=FAILURES)
        assert isinstance(result, Mutated), (name, result)


def test_unknown_operator_suggests_the_closest_name() -> None:
    with pytest.raises(UnknownNameError, match="did you mean 'swap_compare'"):
        mutate(FIXTURE, "swap_compre", random.Random(0))


def test_unknown_context_key_is_named() -> None:
    with pytest.raises(SeedpopError, match="unknown mutation context 'partnr'"):
        mutate(FIXTURE, "perturb_number", random.Random(0), partnr=PARTNER)


def test_syntax_error_is_an_unparseable_result_with_position() -> None:
    result = mutate("def solve(:\n", "perturb_number", random.Random(0))
    assert result.status is MutationStatus.UNPARSEABLE
    assert (result.line, result.col) == (1, 11)  # type: ignore[union-attr]
    assert result.source is None


def test_crossover_prefers_functions_and_falls_back_to_subtrees() -> None:
    result = crossover(FIXTURE, PARTNER, random.Random(0))
    assert isinstance(result, Mutated) and result.operator == "crossover_function"
    expr_only = crossover("y = a + b\n", "z = c - d\n", random.Random(0))
    assert isinstance(expr_only, Mutated) and expr_only.operator == "crossover_subtree"
    nothing = crossover("y = a\n", "z = b\n", random.Random(0))
    assert isinstance(nothing, NoCandidates)


def test_unchanged_is_reported_not_returned_as_a_child() -> None:
    # Swapping two identical statements changes nothing canonical.
    result = mutate("x = 1\nx = 1\n", "swap_statements", random.Random(0))
    assert result.status is MutationStatus.UNCHANGED
    assert result.source is None


FUTURE = """from __future__ import annotations

def solve(task: Task, llm, tools) -> str:
    x: Undefined = 1
    return str(x + 2)
"""


def test_future_imports_keep_the_incremental_path_and_its_ids_exact() -> None:
    parsed = Parsed(FUTURE)
    assert parsed._pieces is not None and parsed._pieces.flags != 0  # annotations reach every statement
    for seed in range(6):
        result = mutate(parsed, "perturb_number", random.Random(seed))
        assert isinstance(result, Mutated)
        assert accepted_child_id(result.source) == result.child_id == seed_id(result.source)
    deleted = [
        r
        for r in (mutate(parsed, "delete_statement", random.Random(s)) for s in range(20))
        if isinstance(r, Mutated) and "__future__" not in r.source
    ]
    assert deleted and all(accepted_child_id(r.source) == r.child_id for r in deleted)
    assert Parsed("from __future__ import barry_as_FLUFL\nx = 1\n")._pieces is None  # changes the parser
