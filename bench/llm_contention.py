"""Generation speed of one model process while other processes want the CPU, per llama.cpp thread setting.

A run's model shares the machine with the sandboxes that test its answers, the manager and the workers. llama.cpp
(built with OpenMP here) synchronises its threads at every operation of every token: when another process takes
one of their cores, the other thread spins or sleeps at each barrier. This prints single-stream generation
tokens/s of the default model (greedy, from a reset state, as the model process runs it) with 0 and 1 busy-loop
processes beside it, for 2 threads (the default on 2 cores), 2 threads with OpenMP's passive wait policy
(``OMP_WAIT_POLICY=PASSIVE``: no spinning), and 1 thread.

    python bench/llm_contention.py [--tokens 64] [--hogs 0 1]

Each figure comes from a fresh process (the environment variable must be set before llama.cpp loads). Figures
are printed, never asserted; run it on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

MEASURE = """
import json, sys, time
sys.path.insert(0, sys.argv[3])
from llm.assemble import assemble
from llm.loader import load_llama
from llm.models import DEFAULT_MODEL, MODELS
threads, tokens = int(sys.argv[1]), int(sys.argv[2])
llm = load_llama(str(assemble(MODELS[DEFAULT_MODEL]).path), n_ctx=1024, n_threads=threads, n_gpu_layers=0,
                 n_batch=512)
llm.create_completion("def add(a, b):\\n", max_tokens=1, temperature=0.0)  # warm-up
llm.reset()
t = time.perf_counter()
out = llm.create_completion("def quicksort(items):\\n", max_tokens=tokens, temperature=0.0)
n = out["usage"]["completion_tokens"]
print(json.dumps({"tokens": n, "tps": n / (time.perf_counter() - t)}))
"""
HOG = "while True:\n    pass\n"
SETTINGS = (
    ("2 threads", {}, 2),
    ("2 threads, OMP passive", {"OMP_WAIT_POLICY": "PASSIVE"}, 2),
    ("1 thread", {}, 1),
)


def measure(env: dict[str, str], threads: int, hogs: int, tokens: int) -> str:
    """Generation tokens/s of a fresh process with ``hogs`` busy loops running beside it."""
    busy = [subprocess.Popen([sys.executable, "-c", HOG]) for _ in range(hogs)]
    try:
        done = subprocess.run(
            [sys.executable, "-c", MEASURE, str(threads), str(tokens), str(REPO)],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            timeout=900,
        )
    finally:
        for p in busy:
            p.kill()
            p.wait()
    if done.returncode != 0:
        return f"failed: {done.stderr.strip().splitlines()[-1:]}"
    data = json.loads(done.stdout.strip().splitlines()[-1])
    return f"{data['tps']:.1f} t/s"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--tokens", type=int, default=64, help="tokens generated per measurement")
    parser.add_argument("--hogs", type=int, nargs="+", default=[0, 1], help="busy-loop processes beside it")
    args = parser.parse_args()
    print(f"load before: {os.getloadavg()[0]:.2f}; {os.cpu_count()} cpus")
    print(f"{'setting':<24} " + " ".join(f"{f'{h} busy':>10}" for h in args.hogs))
    for label, env, threads in SETTINGS:
        cells = [measure(env, threads, h, args.tokens) for h in args.hogs]
        print(f"{label:<24} " + " ".join(f"{c:>10}" for c in cells), flush=True)


if __name__ == "__main__":
    main()
