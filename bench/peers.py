"""seedpop and OpenEvolve side by side: framework CPU per candidate with the same instant stub LLM.

    python bench/peers.py                        # 60 seedpop evaluations, 60 OpenEvolve iterations
    python bench/peers.py --evals 150 --iterations 150
    python bench/peers.py --skip-openevolve      # the seedpop side only

One stub serves both: an OpenAI-compatible endpoint on 127.0.0.1 (``/v1/chat/completions``,
``/v1/completions``) in a thread of this process (so its CPU is in neither figure), answering every request at
once with a short Python program in a code block (a counter keeps the answers apart).

* **seedpop**: ``python -m population run --model http://127.0.0.1:PORT/v1`` with the four default origins and
  the near-clone filter on. Its framework CPU is the run's whole process tree less the sandboxed seed and
  solution code (``status.json``: ``population.accounting``); a candidate is a child a reproduce or crossover
  made. Also printed: the same from outside (``RUSAGE_CHILDREN`` of the run, shutdown included) and each
  sandboxed ``reproduce`` call's CPU.
* **OpenEvolve**: installed by this bench into its own venv under ``~/.cache/seedpop/peers/`` (never a seedpop
  dependency), run with ``openevolve-run`` on a small function-minimisation program with full rewrites, one
  parallel evaluation, no cascade; its evaluator does not run the candidate (it scores the text), so all of its
  CPU is framework CPU. A candidate is an iteration. Measured as ``RUSAGE_CHILDREN`` of its process tree.

Both counts include start-up. Figures are printed; nothing is asserted.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from population.status import Snapshot, run_figures  # noqa: E402  (after the path above)

OPENEVOLVE = "openevolve==0.4.1"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "seedpop" / "peers"

PROGRAM = '''# EVOLVE-BLOCK-START
import random


def search(f, lo=-5.0, hi=5.0, steps=STEPS):
    """Random search for the minimum of f on [lo, hi]."""
    rng = random.Random(0)
    best_x = lo
    for _ in range(steps):
        x = rng.uniform(lo, hi)
        if f(x) < f(best_x):
            best_x = x
    return best_x
# EVOLVE-BLOCK-END


def run():
    return search(lambda x: (x - 1.5) ** 2)
'''

EVALUATOR = '''import re


def evaluate(program_path):
    """Scores the text only (never runs the candidate): every CPU second of the run is the framework's."""
    text = open(program_path, encoding="utf-8").read()
    steps = re.search(r"steps=(\\d+)", text)
    score = 1.0 / (1.0 + abs(int(steps.group(1)) - 500)) if steps else 0.0
    return {"combined_score": score, "length": float(len(text))}
'''


class Stub(BaseHTTPRequestHandler):
    """An OpenAI-compatible endpoint that answers at once."""

    counter = itertools.count()

    def log_message(self, *args: object) -> None:
        pass

    def _answer(self) -> str:
        n = next(self.counter)
        code = PROGRAM.replace("STEPS", str(100 + n % 900))
        return f"Here is the improved program.\n\n```python\n{code}```\n"

    def do_GET(self) -> None:
        self._send({"object": "list", "data": [{"id": "stub", "object": "model"}]})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        text = self._answer()
        usage = {"prompt_tokens": 100, "completion_tokens": 100, "total_tokens": 200}
        if self.path.rstrip("/").endswith("chat/completions"):
            choice = {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
            body = {"id": "stub", "object": "chat.completion", "model": "stub", "created": 0}
        else:
            choice = {"index": 0, "text": text, "finish_reason": "stop"}
            body = {"id": "stub", "object": "text_completion", "model": "stub", "created": 0}
        self._send({**body, "choices": [choice], "usage": usage})

    def _send(self, data: object) -> None:
        raw = json.dumps(data).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def seedpop(tmp: Path, url: str, evals: int) -> dict[str, float]:
    cfg = tmp / "seedpop.toml"
    cfg.write_text(
        f'model = "{url}"\nmax_evals = {evals}\ntime_budget = 0\nfinal_holdout = false\ndisplay = false\n'
        # One worker loop, as OpenEvolve below runs one evaluation at a time; also, two loops of one worker
        # process can hit CPython 3.11's "AST constructor recursion depth mismatch" (ast.parse in two threads),
        # which kills a loop and leaves its job in flight for good.
        "loops_per_slot = 1\n",
        encoding="utf-8",
    )
    run_dir = tmp / "seedpop"
    before = children_cpu()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "population",
            "run",
            "--config",
            str(cfg),
            "--run-dir",
            str(run_dir),
            "--no-display",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"seedpop run failed ({done.returncode}): {done.stderr[-2000:]}")
    outside = children_cpu() - before
    status = Snapshot.from_json(json.loads((run_dir / "status.json").read_text(encoding="utf-8")))
    fig = run_figures(status)
    c = status.counters
    fig["outside_cpu_per_child_ms"] = 1000 * (outside - c.code_cpu_s) / max(1, c.children)
    fig["framework_cpu_s"] = c.tree_cpu_s - c.code_cpu_s
    return fig


def openevolve_python() -> Path:
    """The venv's python with OpenEvolve installed (made on first use)."""
    venv = CACHE / OPENEVOLVE.replace("==", "-")
    python = venv / "bin" / "python"
    if not (venv / ".installed").exists():
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", OPENEVOLVE], check=True)
        (venv / ".installed").write_text(OPENEVOLVE, encoding="utf-8")
    return python


def openevolve(tmp: Path, url: str, iterations: int) -> dict[str, float]:
    work = tmp / "openevolve"
    work.mkdir()
    (work / "initial_program.py").write_text(PROGRAM.replace("STEPS", "100"), encoding="utf-8")
    (work / "evaluator.py").write_text(EVALUATOR, encoding="utf-8")
    (work / "config.yaml").write_text(
        f"""max_iterations: {iterations}
checkpoint_interval: 100000
log_level: INFO
random_seed: 42
diff_based_evolution: false
llm:
  api_base: {url}
  api_key: stub
  models:
    - name: stub
      weight: 1.0
  max_tokens: 512
  timeout: 30
  retries: 0
database:
  population_size: 100
  num_islands: 2
  in_memory: true
evaluator:
  cascade_evaluation: false
  parallel_evaluations: 1
  timeout: 30
""",
        encoding="utf-8",
    )
    python = openevolve_python()
    runner = python.parent / "openevolve-run"
    before = children_cpu()
    done = subprocess.run(
        [
            str(runner),
            "initial_program.py",
            "evaluator.py",
            "--config",
            "config.yaml",
            "--iterations",
            str(iterations),
            "--output",
            str(work / "out"),
        ],
        cwd=work,
        capture_output=True,
        text=True,
        env={**os.environ, "OPENAI_API_KEY": "stub"},
    )
    cpu = children_cpu() - before
    if done.returncode != 0:
        raise SystemExit(f"openevolve failed ({done.returncode}): {done.stderr[-2000:]}")
    version = subprocess.run(
        [str(python), "-c", "import openevolve; print(openevolve.__version__)"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    log = "".join(p.read_text(encoding="utf-8", errors="replace") for p in (work / "out").rglob("*.log"))
    made = len(re.findall(r"Iteration \d+: Program ", log)) or iterations  # each a candidate, evaluated
    return {"cpu_s": cpu, "per_candidate_ms": 1000 * cpu / made, "version": version, "candidates": made}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evals", type=int, default=60, help="seedpop train evaluations")
    parser.add_argument("--iterations", type=int, default=60, help="OpenEvolve iterations")
    parser.add_argument("--skip-openevolve", action="store_true")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    tmp = Path(tempfile.mkdtemp(prefix="seedpop-peers-"))
    load = os.getloadavg()[0]
    lines: list[str] = []
    try:
        t = time.monotonic()
        ours = seedpop(tmp, url, args.evals)
        lines += [
            f"seedpop ({int(ours['children'])} candidates, {int(ours['evaluations'])} evaluations, "
            f"{time.monotonic() - t:.0f} s wall): framework CPU per candidate {ours['cpu_per_child_ms']:.1f} ms "
            f"over the process tree (from outside, shutdown included: {ours['outside_cpu_per_child_ms']:.1f} ms)",
            "  manager / workers / novelty / redis / sandbox machinery: "
            "{manager_cpu_per_child_ms:.1f} / {worker_cpu_per_child_ms:.1f} / {novelty_cpu_per_child_ms:.1f} / "
            "{redis_cpu_per_child_ms:.1f} / {sandbox_machinery_cpu_per_child_ms:.1f} ms per candidate".format(
                **ours
            ),
            f"  per evaluation: {ours['framework_cpu_s'] * 1000 / ours['evaluations']:.1f} ms; "
            f"beside it: sandboxed reproduce CPU {ours['reproduce_cpu_per_call_ms']:.0f} ms per reproduce call; "
            f"seed and solution code {ours['code_cpu_per_child_ms']:.1f} ms per candidate (not framework)",
        ]
        if not args.skip_openevolve:
            t = time.monotonic()
            theirs = openevolve(tmp, url, args.iterations)
            lines += [
                f"OpenEvolve {theirs['version']} ({args.iterations} iterations, {int(theirs['candidates'])} candidates "
                f"evaluated, {time.monotonic() - t:.0f} s wall): "
                f"framework CPU per candidate {theirs['per_candidate_ms']:.1f} ms (whole tree, start-up included)",
                f"ratio seedpop / OpenEvolve: {ours['cpu_per_child_ms'] / theirs['per_candidate_ms']:.2f}",
            ]
    finally:
        server.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"bench/peers.py  (load average at start {load:.1f} on {os.cpu_count()} cores; stub LLM at {url})")
    for line in lines:
        print(line)


if __name__ == "__main__":
    main()
