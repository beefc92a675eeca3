"""``--metrics-port`` (Prometheus, scraped over HTTP while the run lives) and ``logs/events.jsonl``, end to
end with a real run (``--model none``), plus a port in use as bad input."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from population_helpers import REPO, TOGGLE, processes_using, run_cli, write_config, write_seed

pytestmark = pytest.mark.slow

SLEEPY = TOGGLE.replace(
    "def solve(task, llm, tools):\n", "def solve(task, llm, tools):\n    __import__('time').sleep(0.3)\n"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_metrics_are_served_while_the_run_lives_and_events_are_logged(tmp_path: Path) -> None:
    sleepy = write_seed(tmp_path, "sleepy", SLEEPY)
    cfg = write_config(tmp_path, origin=[sleepy], max_evals=6, seed=4, final_holdout=False)
    run_dir = tmp_path / "run"
    port = _free_port()
    cmd = ["run", "--config", str(cfg), "--run-dir", str(run_dir), "--metrics-port", str(port)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "population", *cmd],
        cwd=REPO,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    scraped = ""
    deadline = time.monotonic() + 120
    while (
        proc.poll() is None
        and time.monotonic() < deadline
        and "seedpop_evaluations_total 0" in (scraped or "seedpop_evaluations_total 0")
    ):
        with contextlib.suppress(OSError):
            scraped = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
        time.sleep(0.2)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err[-2000:]
    for name in ("evaluations_total", "rediscoveries_total", "tokens_total", "queue_depth", "workers_alive"):
        assert f"seedpop_{name} " in scraped, scraped
    assert "seedpop_llm_busy_fraction" in scraped and "seedpop_framework_cpu_per_child_ms" in scraped
    for name in ("jobs_failed_total", "llm_prompt_tokens_total", "llm_prompt_evaluated_total"):
        assert f"seedpop_{name} " in scraped, scraped
    assert "seedpop_llm_tokens_per_second " in scraped
    events = [json.loads(line) for line in (run_dir / "logs" / "events.jsonl").read_text().splitlines()]
    kinds = [e["kind"] for e in events]
    assert kinds[0] == "start" and kinds[-1] == "end" and "seed" in kinds and "record" in kinds
    assert events[-1]["reason"] == "done"
    assert processes_using(run_dir) == []


def test_a_metrics_port_in_use_is_a_one_line_error(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        run_dir = tmp_path / "run"
        done = run_cli(
            "run", "--model", "none", "--metrics-port", str(port), "--run-dir", str(run_dir), timeout=120
        )
    assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr
    assert f"metrics_port = {port} cannot be served" in done.stderr
    assert not (run_dir / "objects").exists()
