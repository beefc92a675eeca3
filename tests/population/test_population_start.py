"""``Run`` takes its resources all or nothing: a failed start releases what it took (real Redis, real archive)."""

from __future__ import annotations

from pathlib import Path

import pytest
from population_helpers import processes_using

from lineage.layout import ArchiveLock, Layout
from population.config import resolve
from population.runner import Run, check_inputs, prepare_run_dir

pytestmark = pytest.mark.slow  # starts the embedded redis-server


def test_a_start_that_fails_after_redis_releases_the_lock_and_the_server(tmp_path: Path) -> None:
    cfg = resolve({"model": "none", "origin": ["templates"], "novelty": "off", "slots": "cpu:1"})
    run_dir = tmp_path / "run"
    prepare_run_dir(run_dir)
    (run_dir / "logs" / "rejects.jsonl").mkdir()  # the last thing __init__ opens cannot be opened
    with pytest.raises(IsADirectoryError):
        Run(cfg, run_dir, check_inputs(cfg))
    assert processes_using(run_dir) == []  # no redis-server left behind
    ArchiveLock(Layout(str(run_dir)), exclusive=True).release()  # no shared lock left behind
