"""A short end-to-end run with the default model (Qwen2.5-Coder-0.5B): records, edges, re-discoveries and a
best that never gets worse. Slow: minutes on two cores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from population_helpers import TINY_LLM, TOGGLE, processes_using, run_cli, write_config, write_seed

from lineage import Archive

pytestmark = pytest.mark.slow


def test_qwen_run_produces_records_edges_and_rediscoveries(tmp_path: Path) -> None:
    toggle = write_seed(tmp_path, "toggle", TOGGLE)
    tiny = write_seed(tmp_path, "tiny", TINY_LLM)
    cfg = write_config(
        tmp_path,
        model="qwen2.5-coder-0.5b",
        origin=[tiny, toggle],
        max_evals=5,
        block_size=2,
        holdout_tasks=1,
        race_blocks=1,
        validation_tasks=1,
        tokens_per_task=800,
        solve_timeout_s=240.0,
        reproduce_timeout_s=90.0,
        loops_per_slot=2,
        slots="auto",
        seed=2,
    )
    run_dir = tmp_path / "run"
    done = run_cli("run", "--config", str(cfg), "--run-dir", str(run_dir), timeout=1800)
    assert done.returncode == 0, done.stderr[-2000:]
    status = json.loads((run_dir / "status.json").read_text())
    counters = status["counters"]
    assert counters["evaluations"] == 5
    assert counters["rediscoveries"] >= 1
    assert counters["tokens"] > 0
    bests = [b for _, b in counters["best_history"]]
    assert bests == sorted(bests)
    with Archive.open(str(run_dir)) as archive:
        counts = archive.counts()
        assert counts.records >= 5 and counts.edges > counts.seeds
        models = {
            r.model
            for s in archive.all_summaries()
            for r in archive.records(s.id)
            if r.outcome.value == "scored"
        }
    assert models == {"qwen2.5-coder-0.5b"}
    assert status["llm"]["uptime_seconds"] > 0
    # Prompt-prefix reuse is reported: the models evaluated at most the prompt tokens they were asked to.
    assert 0 < status["llm"]["prompt_evaluated"] <= status["llm"]["prompt_tokens"]
    assert (run_dir / "cache" / "llm.sqlite").exists()
    assert processes_using(run_dir) == []
