"""Seeds and helpers shared by the population tests (a module, not a conftest: names stay explicit)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psutil

REPO = Path(__file__).resolve().parents[2]

# A valid seed without an LLM whose children come back: its second child is itself with a new comment (same
# canonical id: a re-discovery) and its first child flips FLAG, whose own first child is the parent again.
TOGGLE = """
FLAG = 0


def solve(task, llm, tools):
    return "def %s(*args):\\n    return %d\\n" % (task.entry_point, FLAG)


def reproduce(source, n, rng_seed, genome, llm):
    flipped = source.replace("FLAG = %d" % FLAG, "FLAG = %d" % (1 - FLAG), 1)
    return [flipped, "# the same program with a comment\\n" + source][:n]
"""

# A seed that really asks the model, briefly (48 tokens), so a real-model test finishes on a busy machine.
TINY_LLM = """
import random

MAX_TOKENS = 48


def solve(task, llm, tools):
    try:
        reply = llm.chat(
            [{"role": "user", "content": "Write only the Python function:\\n" + task.prompt}],
            temperature=0.0,
            max_tokens=MAX_TOKENS,
        )
    except Exception:
        reply = ""
    code = reply.split("```python")[-1].split("```")[0] if "```" in reply else reply
    if "def " + task.entry_point not in code:
        code = "def %s(*args):\\n    return None\\n" % task.entry_point
    return code


def reproduce(source, n, rng_seed, genome, llm):
    rng = random.Random(rng_seed)
    children = []
    for _ in range(4 * n):
        result = genome.mutate(source, "perturb_number", rng)
        if result.source is not None and len(children) < n:
            children.append(result.source)
    return children
"""

# Everything a seed should not do: spin in solve, fork in reproduce, return garbage children.
HOSTILE = """
import os


def solve(task, llm, tools):
    while True:
        pass


def reproduce(source, n, rng_seed, genome, llm):
    for _ in range(50):
        try:
            if os.fork() == 0:
                while True:
                    pass
        except OSError:
            break
    return [123, "def broken(:\\n", "x = 1\\n", source.replace("def solve", "def not_solve"), None]
"""


def write_seed(tmp: Path, name: str, text: str) -> str:
    path = tmp / f"{name}.py"
    path.write_text(text, encoding="utf-8")
    return str(path)


def write_config(tmp: Path, **values: Any) -> Path:
    base: dict[str, Any] = {
        "model": "none",
        "block_size": 2,
        "race_blocks": 1,
        "promote_min_tasks": 2,
        "validation_tasks": 3,
        "holdout_tasks": 3,
        "novelty": "off",
        "slots": "cpu:1",
        "loops_per_slot": 1,
        "solve_timeout_s": 5.0,
        "reproduce_timeout_s": 20.0,
        "islands": 2,
        "time_budget": 0,
        "display": False,
    }
    base.update(values)
    lines = []
    for key, value in base.items():
        lines.append(f"{key} = {json.dumps(value) if not isinstance(value, bool) else str(value).lower()}")
    path = tmp / "run.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "population", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=str(REPO),
    )


def processes_using(path: Path) -> list[str]:
    """Command lines of live processes that mention ``path`` (workers, redis-server)."""
    found = []
    for proc in psutil.process_iter(["cmdline"]):
        try:
            cmd = " ".join(proc.info["cmdline"] or [])
        except (psutil.Error, TypeError):
            continue
        if str(path) in cmd and proc.pid != os.getpid():
            found.append(cmd)
    return found


def start_cli(*args: str, stdout: int = subprocess.PIPE, new_session: bool = False) -> subprocess.Popen[str]:
    """``python -m population ARGS`` in the background from the repository, stderr captured (``stdout``:
    captured, or ``subprocess.DEVNULL`` for a process whose output nobody reads)."""
    return subprocess.Popen(
        [sys.executable, "-m", "population", *args],
        cwd=REPO,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        start_new_session=new_session,
    )


def start_run(cfg: Path, run_dir: Path) -> subprocess.Popen[str]:
    """``python -m population run`` in the background, output captured."""
    return start_cli("run", "--config", str(cfg), "--run-dir", str(run_dir))


def wait_for_evaluations(run_dir: Path, timeout_s: float = 240) -> None:
    """Until the run's status.json counts a finished evaluation (or ``timeout_s`` passes)."""
    status = run_dir / "status.json"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and '"evaluations": 0' in (
        status.read_text() if status.exists() else '"evaluations": 0'
    ):
        time.sleep(0.5)


def seed_ids(run_dir: Path) -> set[str]:
    """Every seed id in a run's archive."""
    from lineage import Archive

    with Archive.open(str(run_dir)) as archive:
        return {s.id for s in archive.all_summaries()}


def journal_lines(run_dir: Path) -> int:
    """Lines in a run's journal so far (0 before it exists)."""
    path = run_dir / "journal.jsonl"
    return path.read_bytes().count(b"\n") if path.exists() else 0


def kill_redis(run_dir: Path, lose_data: bool = False) -> int:
    """``kill -9`` a run's embedded redis-server, and with ``lose_data`` delete its append-only data (a
    server that lost its data); returns the pid killed."""
    import shutil
    import signal

    pid = int((run_dir / "redis" / "redis.pid").read_text())
    os.kill(pid, signal.SIGKILL)
    if lose_data:
        shutil.rmtree(run_dir / "redis" / "appendonlydir", ignore_errors=True)
        for name in ("appendonly.aof", "dump.rdb"):
            (run_dir / "redis" / name).unlink(missing_ok=True)
    return pid


def start_redis(
    binary: str, conf: str, data: Path, url: str, password: str | None = None
) -> subprocess.Popen[bytes]:
    """A ``redis-server`` (``binary``) run from the config text ``conf`` (written to ``data/redis.conf``; log it
    to ``data/redis.log`` to see it in a failure), returned once ``url`` answers a PING (with ``password``
    when the URL has none). The caller stops it."""
    import redis

    path = data / "redis.conf"
    path.write_text(conf)
    proc = subprocess.Popen([binary, str(path)], stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while True:
        try:
            redis.Redis.from_url(url, password=password).ping()
            return proc
        except redis.exceptions.ConnectionError:
            log = (data / "redis.log").read_text() if (data / "redis.log").exists() else ""
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise AssertionError(f"redis-server did not start: {log}") from None
            time.sleep(0.05)
