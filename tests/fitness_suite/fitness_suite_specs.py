"""Authoring specs of the ``core`` suite: load the family modules in ``solutions/`` and build Tasks.

Each ``solutions/<family>.py`` defines ``TASKS`` (a list of plain dicts: id, sig, doc, difficulty, tags,
visible, hidden, optional checker, ref, wrong) plus ``REFERENCE[task_id]`` and ``WRONG[task_id]`` source
strings. They live under ``tests/`` so that no seed can ever import or read them from the package.

``python tests/fitness_suite/make_core.py`` turns the specs into the committed data files in
``fitness/suites/core/`` (expected values computed by the reference solutions); from then on the data is
the source of truth and ``test_fitness_core_suite.py`` checks it against the references.
"""

from __future__ import annotations

import ast
import dataclasses
import hashlib
import importlib.util
import json
import re
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from fitness.checkers import check
from fitness.suites.describe import label_for, solve_rates
from fitness.tasks import DIFFICULTIES, Example, Task
from llm.models import DEFAULT_MODEL

SOLUTIONS_DIR = Path(__file__).resolve().parent / "solutions"
CANDIDATES_DIR = Path(__file__).resolve().parent / "candidates"
"""Specs of tasks written for the next suite version, in the same format, checked by
``test_fitness_core_candidates.py`` and measured by ``bench/difficulty.py --candidates`` before they join."""
MEASURED = Path(__file__).resolve().parents[2] / "bench" / "results" / "difficulty.jsonl"
"""The difficulty measurement (``bench/difficulty.py``) the labels follow once it covers every task."""
FAMILIES = (
    "strings",
    "lists",
    "dicts",
    "numbers",
    "parsing",
    "recursion",
    "dp",
    "simulation",
    "intervals",
    "stacks",
    "grids",
    "bits",
    "dates",
    "text",
    "geometry",
    "combinatorics",
    "greedy",
    "fsm",
    "cleaning",
    "graphs",
)
VERSION = "core-2"
FAMILY_TAGS = {
    family: {"dp": "dynamic-programming", "fsm": "state-machines"}.get(family, family) for family in FAMILIES
}
"""Family (file name) → the tag every task of the family carries first."""
SPLIT_SHARES = {"train": 0.5, "validation": 0.25, "holdout": 0.25}
"""Target share of each split within every family and every difficulty."""
CORE1_TRAIN = frozenset(
    {
        "count_vowels",
        "is_palindrome_word",
        "capitalize_words",
        "remove_repeated_chars",
        "run_length_encode",
        "longest_common_prefix",
        "longest_palindromic_substring",
        "last_items",
        "count_greater",
        "second_largest",
        "rotate_right",
        "pair_with_sum",
        "dedupe_keep_last",
        "spiral_order",
        "next_permutation",
        "trapped_water",
        "lookup_or_default",
        "group_by_first_letter",
        "most_frequent",
        "invert_multi",
        "deep_get",
        "dict_diff",
        "topo_sort",
        "clamp",
        "celsius_to_fahrenheit",
        "digits_total",
        "gcd_of_list",
        "to_base",
        "int_to_roman",
        "prime_factors",
        "integer_sqrt",
        "parse_key_values",
        "roman_to_int",
        "eval_rpn",
        "parse_query",
        "compare_versions",
        "eval_arithmetic",
        "factorial",
        "digital_root",
        "nesting_depth",
        "count_subsets_with_sum",
        "phone_letter_combinations",
        "count_queens",
        "stair_climbing_ways",
        "common_subsequence_length",
        "non_adjacent_max_sum",
        "min_grid_path_sum",
        "count_letter_decodings",
        "can_split_equal_sum",
        "final_position",
        "grid_robot",
        "inventory_levels",
        "bowling_score",
        "lru_cache_hits",
    }
)
"""Train tasks of ``core-1``: they stay in train, since seeds were already selected on them."""
CORE1_HOLDOUT = frozenset(
    {
        "initials",
        "reverse_words",
        "caesar_shift",
        "wrap_words",
        "expand_repeats",
        "sum_of_evens",
        "running_total",
        "chunk_list",
        "merge_sorted",
        "longest_increasing_run",
        "merge_intervals",
        "word_counts",
        "merge_counts",
        "flatten_dict",
        "anagram_groups",
        "sign",
        "is_prime_number",
        "collatz_steps",
        "mean_and_median",
        "fraction_to_decimal",
        "split_csv_line",
        "parse_duration",
        "brackets_balanced",
        "parse_ini",
        "flatten_list",
        "distinct_permutations",
        "hanoi_moves",
        "balanced_parentheses",
        "best_subarray_sum",
        "fewest_coins",
        "edit_distance",
        "longest_rising_subsequence",
        "account_balance",
        "last_survivor",
        "life_step",
        "elementary_automaton",
    }
)
"""Holdout tasks of ``core-1``: they stay in holdout."""


def load_family(family: str, directory: Path = SOLUTIONS_DIR) -> ModuleType:
    """Import ``<directory>/<family>.py`` by path (no package, so no name clashes with other test dirs)."""
    path = directory / f"{family}.py"
    spec = importlib.util.spec_from_file_location(f"_core_{directory.name}_{family}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def families_in(directory: Path) -> tuple[str, ...]:
    """The families that have a spec file in ``directory``, in :data:`FAMILIES` order."""
    return tuple(f for f in FAMILIES if (directory / f"{f}.py").exists())


def all_specs(directory: Path = SOLUTIONS_DIR) -> dict[str, list[dict[str, Any]]]:
    """Family name → its task specs, in file order."""
    return {family: list(load_family(family, directory).TASKS) for family in families_in(directory)}


def references(directory: Path = SOLUTIONS_DIR) -> dict[str, str]:
    """Task id → reference solution source, over every family."""
    out: dict[str, str] = {}
    for family in families_in(directory):
        out.update(load_family(family, directory).REFERENCE)
    return out


def wrongs(directory: Path = SOLUTIONS_DIR) -> dict[str, list[str]]:
    """Task id → plausible wrong solution sources, over every family."""
    out: dict[str, list[str]] = {}
    for family in families_in(directory):
        out.update(load_family(family, directory).WRONG)
    return out


def compile_function(source: str, entry_point: str) -> Callable[..., Any]:
    """Exec trusted source (ours: a reference or a wrong solution) and return its entry point."""
    namespace: dict[str, Any] = {}
    exec(compile(textwrap.dedent(source), f"<{entry_point}>", "exec"), namespace)
    return namespace[entry_point]  # type: ignore[no-any-return]


def call_json(fn: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    """Call ``fn`` the way the harness does: fresh JSON-decoded args in, JSON round trip of the result."""
    fresh = json.loads(json.dumps(list(args)))
    return json.loads(json.dumps(fn(*fresh)))


def entry_point_of(sig: str) -> str:
    match = re.match(r"def\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(", sig)
    assert match, sig
    return match.group(1)


def build_prompt(sig: str, doc: str, entry: str, visible: list[Example]) -> str:
    """Signature + docstring, with the visible examples as doctest lines."""
    lines = [
        sig,
        '    """' + textwrap.dedent(doc).strip().replace("\n", "\n    ").replace("\n    \n", "\n\n"),
    ]
    if visible:
        lines.append("")
        for ex in visible:
            call = ", ".join(repr(a) for a in ex.args)
            lines.append(f"    >>> {entry}({call})")
            lines.append(f"    {ex.expected!r}")
    lines.append('    """')
    return "\n".join(lines) + "\n"


def assign_splits(specs: dict[str, list[dict[str, Any]]]) -> dict[str, str]:
    """Task id → split: ``core-1`` tasks keep their split, new tasks fill train/validation/holdout towards
    :data:`SPLIT_SHARES` within every difficulty AND every family.

    Greedy and deterministic (no rng, no clock): new tasks in (difficulty, sha256(id)) order each go to
    the split that keeps the suite's, their difficulty's and their family's (weighted 4) split counts
    closest to the target shares, counting the pinned ``core-1`` tasks too. The suite-wide term makes the
    new families make up for the validation split that ``core-1`` lacks.
    """
    family_of = {s["id"]: family for family, items in specs.items() for s in items}
    difficulty_of = {s["id"]: s["difficulty"] for items in specs.values() for s in items}
    split: dict[str, str] = {}
    seen: dict[str, int] = {}
    count: dict[tuple[str, str], int] = {}

    def place(task_id: str, name: str) -> None:
        split[task_id] = name
        for k in ("*", difficulty_of[task_id], family_of[task_id]):
            seen[k] = seen.get(k, 0) + 1
            count[(k, name)] = count.get((k, name), 0) + 1

    for task_id in family_of:
        if task_id in CORE1_TRAIN or task_id in CORE1_HOLDOUT:
            place(task_id, "train" if task_id in CORE1_TRAIN else "holdout")
    fresh = sorted(
        (i for i in family_of if i not in split),
        key=lambda i: (DIFFICULTIES.index(difficulty_of[i]), hashlib.sha256(i.encode()).hexdigest()),
    )
    for task_id in fresh:
        keys = ("*", difficulty_of[task_id], family_of[task_id])

        def cost(choice: str, keys: tuple[str, ...] = keys) -> float:
            return sum(
                weight * (count.get((k, name), 0) + (name == choice) - share * (seen.get(k, 0) + 1)) ** 2
                for k, weight in zip(keys, (1, 1, 4), strict=True)  # a family is small: it counts more
                for name, share in SPLIT_SHARES.items()
            )

        place(task_id, min(SPLIT_SHARES, key=cost))
    return split


def measured_labels(
    digests: Mapping[str, str], path: Path = MEASURED, model: str = DEFAULT_MODEL
) -> dict[str, str]:
    """Task id → difficulty label from the measurement in ``path`` (``bench/difficulty.py``), or ``{}``
    until every task in ``digests`` (id → :attr:`Task.digest`) is measured in its current form: a partial
    measurement never relabels or re-splits the suite, so the splits change once, when the measurement is
    complete, not every time it grows; editing a measured task's prompt or tests makes it unmeasured."""
    rates = solve_rates(path, VERSION, model, digests)
    if not digests or any(task_id not in rates for task_id in digests):
        return {}
    return {task_id: label_for(rates[task_id]) for task_id in digests}


def build_task(spec: Mapping[str, Any]) -> Task:
    """One spec → its Task (expected values computed by the reference; split ``train`` until placed)."""
    entry = entry_point_of(spec["sig"])
    fn = compile_function(spec["ref"], entry)
    visible = [Example(tuple(json.loads(json.dumps(list(a)))), call_json(fn, a)) for a in spec["visible"]]
    hidden = [Example(tuple(json.loads(json.dumps(list(a)))), call_json(fn, a)) for a in spec["hidden"]]
    return Task(
        id=spec["id"],
        prompt=build_prompt(spec["sig"], spec["doc"], entry, visible),
        entry_point=entry,
        visible=tuple(visible),
        hidden=tuple(hidden),
        checker=spec.get("checker"),
        difficulty=spec["difficulty"],
        tags=tuple(spec["tags"]),
        split="train",
    )


def candidate_tasks() -> dict[str, list[Task]]:
    """Family → the candidate tasks in :data:`CANDIDATES_DIR` (authored difficulty, split ``train``): tasks
    written for the next suite version and not in ``core`` until ``bench/difficulty.py`` has measured
    them."""
    return {family: [build_task(s) for s in items] for family, items in all_specs(CANDIDATES_DIR).items()}


def build_tasks(measured: Path = MEASURED) -> dict[str, list[Task]]:
    """Family → Tasks, expected values computed by the references. A task's difficulty is its measured
    label once the whole suite is measured (:func:`measured_labels`), else the authored guess; the splits
    are stratified by that difficulty."""
    authored = all_specs()
    built = {family: [build_task(s) for s in items] for family, items in authored.items()}
    labels = measured_labels({t.id: t.digest for tasks in built.values() for t in tasks}, measured)
    specs = {
        family: [{**s, "difficulty": labels.get(s["id"], s["difficulty"])} for s in items]
        for family, items in authored.items()
    }
    split = assign_splits(specs)
    return {
        family: [
            dataclasses.replace(t, difficulty=labels.get(t.id, t.difficulty), split=split[t.id])
            for t in tasks
        ]
        for family, tasks in built.items()
    }


def passes(task: Task, source: str) -> tuple[int, int, list[str]]:
    """(hidden passed, visible passed, reasons) of ``source`` on ``task``, called as the harness does.

    Each reason names the task and the field of the failing example, e.g. ``task 'x': visible[0]: …``.
    """
    try:
        fn = compile_function(source, task.entry_point)
    except Exception as err:  # a wrong solution may fail to load: that is a failure, not a test error
        return 0, 0, [f"task {task.id!r}: load: {err!r}"]
    reasons: list[str] = []

    def run(examples: tuple[Example, ...], field: str) -> int:
        ok = 0
        for i, ex in enumerate(examples):
            where = f"task {task.id!r}: {field}[{i}]"
            try:
                actual = call_json(fn, ex.args)
            except Exception as err:
                reasons.append(f"{where}: {ex.args!r:.80}: {err!r:.80}")
                continue
            if check(task, ex, actual):
                ok += 1
            else:
                reasons.append(f"{where}: {ex.args!r:.80}: got {actual!r:.80}, expected {ex.expected!r:.80}")
        return ok

    return run(task.hidden, "hidden"), run(task.visible, "visible"), reasons


def field_problems(task: Task) -> list[str]:
    """What a task breaks of the suite's standard, one line each naming the task and the field: a known
    difficulty, a family tag first, a prompt that is a stub of the entry point with a docstring, 2-3 visible
    examples, >= 8 distinct hidden tests that are not the visible ones, no test code."""
    out: list[str] = []

    def bad(field: str, why: str) -> None:
        out.append(f"task {task.id!r}: {field}: {why}")

    if task.difficulty not in DIFFICULTIES:
        bad("difficulty", f"{task.difficulty!r} is not one of {DIFFICULTIES}")
    if not task.tags or task.tags[0] not in FAMILY_TAGS.values():
        bad("tags", "the first tag must be the family")
    if task.test_code is not None or task.is_code_tested:
        bad("test_code", "core tasks are tested by examples")
    if len(task.hidden) < 8:
        bad("hidden", f"{len(task.hidden)} tests; at least 8")
    if not 2 <= len(task.visible) <= 3:
        bad("visible", f"{len(task.visible)} examples; 2-3")
    try:
        body = ast.parse(task.prompt).body
    except SyntaxError as err:
        body = []
        bad("prompt", f"not valid Python: {err}")
    func = body[0] if len(body) == 1 else None
    if not isinstance(func, ast.FunctionDef) or func.name != task.entry_point or not ast.get_docstring(func):
        bad("prompt", f"must be one def of {task.entry_point} with a docstring")
    hidden_args = [repr(e.args) for e in task.hidden]
    if len(set(hidden_args)) != len(hidden_args):
        bad("hidden", "a hidden test is repeated")
    if set(hidden_args) & {repr(e.args) for e in task.visible}:
        bad("hidden", "a hidden test is a visible example")
    return out
