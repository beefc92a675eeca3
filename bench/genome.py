"""Genome benchmark: seed_id cost on the stdlib sample, children per second per operator, memory.

Usage: python bench/genome.py [--files 300] [--children 200]
Prints figures; asserts nothing. Targets (issue 2): seed_id ≤ 10 ms median for a 300-line file;
≥ 100 valid children per second per core for AST-only operators on a 300-line seed (parse once, mutate many).
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import sysconfig
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from genome import OPERATORS, Mutated, Parsed, mutate, seed_id


def stdlib_files(count: int) -> list[Path]:
    root = Path(sysconfig.get_paths()["stdlib"])
    files = sorted(p for p in root.rglob("*.py") if "site-packages" not in p.parts and "test" not in p.parts)
    good = []
    for path in files:
        try:
            seed_id(path.read_bytes())
        except Exception:
            continue
        good.append(path)
    return random.Random(0).sample(good, min(count, len(good)))


def three_hundred_line_module(files: list[Path]) -> tuple[Path, str]:
    """The sample file closest to 300 lines on which every AST operator has something to change."""
    ast_ops = [n for n in OPERATORS if n != "llm_rewrite"]
    by_distance = sorted(files, key=lambda p: abs(len(p.read_text(encoding="utf-8").splitlines()) - 300))
    for path in by_distance[:40]:
        parsed = Parsed(path.read_text(encoding="utf-8"))
        partner = Parsed(parsed.text.replace(" + ", " - "))
        if all(isinstance(mutate(parsed, n, random.Random(0), partner=partner), Mutated) for n in ast_ops):
            return path, parsed.text
    return by_distance[0], by_distance[0].read_text(encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--children", type=int, default=200, help="mutations per operator")
    args = parser.parse_args()

    files = stdlib_files(args.files)
    per_file_ms, per_line_us = [], []
    for path in files:
        data = path.read_bytes()
        start = time.perf_counter()
        seed_id(data)
        ms = (time.perf_counter() - start) * 1000
        per_file_ms.append(ms)
        per_line_us.append(ms * 1000 / max(1, data.count(b"\n")))
    per_file_ms.sort()
    print(
        f"seed_id on {len(files)} stdlib files: median {statistics.median(per_file_ms):.2f} ms, "
        f"p95 {per_file_ms[int(0.95 * len(per_file_ms))]:.2f} ms, median {statistics.median(per_line_us):.1f} µs/line"
    )

    path, text = three_hundred_line_module(files)
    lines = len(text.splitlines())
    times = []
    for _ in range(20):
        start = time.perf_counter()
        seed_id(text)
        times.append((time.perf_counter() - start) * 1000)
    print(f"seed_id on a {lines}-line file ({path.name}): median {statistics.median(times):.2f} ms")

    start = time.perf_counter()
    parsed = Parsed(text)
    _ = parsed.module, parsed.parents
    print(
        f"parse once ({lines} lines, libcst + ast + parent links): {(time.perf_counter() - start) * 1000:.1f} ms"
    )
    partner = Parsed(text.replace(" + ", " - "))
    print(f"\n{'operator':<22}{'children/s':>12}{'valid':>8}{'tried':>8}")
    for name in OPERATORS:
        if name == "llm_rewrite":
            continue
        rng = random.Random(0)
        made = 0
        start = time.perf_counter()
        for _ in range(args.children):
            made += isinstance(mutate(parsed, name, rng, partner=partner), Mutated)
        elapsed = time.perf_counter() - start
        print(f"{name:<22}{made / elapsed:>12.1f}{made:>8}{args.children:>8}")

    tracemalloc.start()
    parsed = Parsed(text)
    _ = parsed.module, parsed.parents
    for name in ("perturb_number", "swap_statements", "crossover_subtree"):
        mutate(parsed, name, random.Random(1), partner=partner)
    current, peak = tracemalloc.get_traced_memory()
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    tracemalloc.stop()
    print(
        f"\nmemory: one parsed {lines}-line module with cached candidates {current / 2**20:.1f} MiB "
        f"(peak {peak / 2**20:.1f} MiB); process max RSS {rss_mib:.0f} MiB"
    )


if __name__ == "__main__":
    main()
