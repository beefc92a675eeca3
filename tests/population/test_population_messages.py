"""Wire messages: versioned JSON both ways, never pickle; other versions and garbage are refused."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from population_helpers import REPO

from population.messages import (
    CrossoverJob,
    EvaluateDone,
    EvaluateJob,
    MessageError,
    ReproduceDone,
    ReproduceJob,
    decode,
    encode,
)

MESSAGES = [
    ReproduceJob(
        "j1", "p", "def solve(): ...", 2, 123, "q", "src", ({"seed_id": "c", "aggregate": 0.5},), 1, 3
    ),
    ReproduceJob(
        "j5",
        "p",
        "src",
        1,
        5,
        failures=({"task_id": "t", "prompt": "def f(): ...", "entry_point": "f", "reason": "x"},),
    ),
    CrossoverJob("j4", "p", "def solve(): ...", "q", "def solve(): pass", 77, 1, 2),
    EvaluateJob("j2", "s", "source", "core", "train", ("t1", "t2"), "b0"),
    EvaluateJob("j3", "s", "source", "core", "holdout"),
    ReproduceDone(
        "j1",
        ("a", "b"),
        (("x = 1", ""), ("", "bad")),
        ("perturb_number", ""),
        {"operator_factors": {"x": 1.0}},
        "w0.0",
        1.5,
        1.2,
        ("child 2 is a int, not a str or {'source', 'operator'}: dropped",),
        0.012,
    ),
    EvaluateDone("j2", "{}", None, ("hint",), "w0.1", 3.0, 2.9, 0.004),
]


@pytest.mark.parametrize("message", MESSAGES, ids=lambda m: type(m).__name__)
def test_round_trip(message: object) -> None:
    fields = encode(message)  # type: ignore[arg-type]
    assert set(fields) == {"v", "kind", "data"}
    json.loads(fields["data"])  # plain JSON, nothing else
    raw = {k.encode(): v.encode() for k, v in fields.items()}  # what Redis hands back
    assert decode(raw) == message


def test_a_result_from_a_worker_without_cpu_accounting_reads_as_zero() -> None:
    fields = encode(MESSAGES[-1])
    data = json.loads(fields["data"])
    del data["cpu_s"]
    done = decode({**fields, "data": json.dumps(data)})
    assert isinstance(done, EvaluateDone) and done.cpu_s == 0.0 and done.busy_s == 2.9


def test_other_versions_and_garbage_are_refused() -> None:
    fields = encode(MESSAGES[0])
    with pytest.raises(MessageError, match="wire version '1'"):
        decode({**fields, "v": "1"})
    with pytest.raises(MessageError, match="unknown message kind 'pickle'"):
        decode({**fields, "kind": "pickle"})
    with pytest.raises(MessageError, match="malformed reproduce"):
        decode({**fields, "data": "{not json"})
    with pytest.raises(MessageError, match="malformed reproduce"):
        decode({**fields, "data": "{}"})


def test_the_manager_loads_no_parser_model_or_llm_library() -> None:
    """The manager stays light: crossovers run on workers (libcst), novelty in its own process (torch),
    the model in workers (llama_cpp)."""
    code = (
        "import sys, population.cli, population.runner, population.manager; "
        "print(sorted(m for m in ('libcst', 'torch', 'llama_cpp') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
