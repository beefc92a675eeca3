"""Parser bombs: what a crafted child costs a framework process, in seconds and peak memory.

Each probe runs in a fresh Python process (peak RSS from ``wait4``) against a checkout (``--tree``, default this
one), so the same script measures the code before and after a change:

    python bench/parser_bombs.py                                   # this checkout
    git worktree add /tmp/before 1840f2f && python bench/parser_bombs.py --tree /tmp/before

Probes, for each bomb text:

* ``libcst``: ``libcst.parse_module`` of the text in a framework process — what crossing over (or mutating) an
  archived child cost before crossover moved into the seed sandbox;
* ``check_child``: the framework's acceptance check of a child (``ast`` only);
* ``crossover``: :meth:`Harness.crossover` with the bomb as a parent (only where the checkout has it);
* ``reproduce``: a seed whose ``reproduce`` returns 5,000 children of 100 KB each, through the real seed sandbox:
  the calling process's peak memory.

Prints a table and writes it as JSON to ``--out`` (default ``bench/results/parser_bombs.json``).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

BOMBS = {
    "500 lists 95 deep": "x = [" + ",".join("[" * 95 + "]" * 95 for _ in range(500)) + "]\n",
    "600 lists 95 deep": "x = [" + ",".join("[" * 95 + "]" * 95 for _ in range(600)) + "]\n",
    "5000 nested parens": "x = " + "(" * 5000 + ")" * 5000 + "\n",
}

PROBES = {
    "libcst": "import libcst\nlibcst.parse_module(TEXT)\nprint('parsed')",
    "check_child": (
        "import genome\n"
        "check = getattr(genome, 'check_child', None) or getattr(genome, 'accepted_child_id')\n"
        "print('accepted' if check(TEXT) else 'refused')"
    ),
    "crossover": (
        "from fitness.harness import EvalConfig, Harness\n"
        "A = 'def solve(task, llm, tools):\\n    return 1\\n'\n"
        "with Harness(None, EvalConfig()) as h:\n"
        "    if not hasattr(h, 'crossover'):\n"
        "        print('n/a: crossover ran in the worker process (see libcst)')\n"
        "    else:\n"
        "        made = h.crossover(TEXT, A, 1)\n"
        "        print(f'{len(made.children)} children; ' + '; '.join(made.problems)[:60])"
    ),
}

REPRODUCE = (
    "from fitness.harness import EvalConfig, Harness\n"
    "SEED = ('def solve(task, llm, tools):\\n    return \"\"\\n'\n"
    "        'def reproduce(source, n, rng_seed, genome, llm):\\n'\n"
    '        \'    return ["x = 1\\\\n" + "#" * 100_000] * 5000\\n\')\n'
    "with Harness(None, EvalConfig()) as h:\n"
    "    made = h.reproduce(SEED, 2, 7) if hasattr(h, 'reproduce') else None\n"
    "    if made is None:\n"
    "        kids = h.run_reproduce(SEED, 2, 7)\n"
    "        print(f'{len(kids)} children kept')\n"
    "    else:\n"
    "        print(f'{len(made.children)} children kept; ' + '; '.join(made.problems)[:60])"
)


def measure(tree: Path, code: str, text: str, timeout_s: float) -> dict[str, object]:
    """Run ``code`` (with ``TEXT`` bound) in a fresh interpreter on ``tree``: seconds, peak RSS, what it said."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        fh.write(text)
    script = f"TEXT = open({fh.name!r}).read()\n{code}\n"
    env = dict(os.environ, PYTHONPATH=str(tree))
    start = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-c", script], cwd=tree, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    status, rusage = 0, None
    deadline = start + timeout_s
    while True:
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            _, status, rusage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.02)
    seconds = time.monotonic() - start
    out = (proc.stdout.read() if proc.stdout else b"").decode(errors="replace").strip()
    err = (proc.stderr.read() if proc.stderr else b"").decode(errors="replace").strip()
    os.unlink(fh.name)
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        said = "timed out" if seconds >= timeout_s else f"killed by {signal.Signals(sig).name}"
    else:
        said = out.splitlines()[-1] if out else (err.splitlines()[-1] if err else "")
    return {"seconds": round(seconds, 2), "peak_mb": round(rusage.ru_maxrss / 1024), "result": said[:90]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=REPO, help="checkout to measure (default: this one)")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "parser_bombs.json")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per probe")
    args = parser.parse_args()
    tree = args.tree.resolve()
    commit = subprocess.run(
        ["git", "-C", str(tree), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    rows = []
    for bomb, text in BOMBS.items():
        for probe, code in PROBES.items():
            rows.append(
                {"bomb": bomb, "bytes": len(text), "probe": probe, **measure(tree, code, text, args.timeout)}
            )
            print(json.dumps(rows[-1]), flush=True)
    rows.append(
        {
            "bomb": "5000 children x 100 KB",
            "bytes": 5000 * 100_000,
            "probe": "reproduce",
            **measure(tree, REPRODUCE, "", args.timeout),
        }
    )
    print(json.dumps(rows[-1]), flush=True)
    print(f"\n{'bomb':<24} {'probe':<12} {'seconds':>8} {'peak MB':>8}  result   (tree {tree} @ {commit})")
    for r in rows:
        print(f"{r['bomb']:<24} {r['probe']:<12} {r['seconds']:>8} {r['peak_mb']:>8}  {r['result']}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"tree": str(tree), "commit": commit, "rows": rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
