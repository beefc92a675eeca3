"""Benchmark the lineage archive: add, has, deep ancestry, verify, reindex, pack, bytes on disk.

    python bench/lineage.py                    # 10k and 100k seeds
    python bench/lineage.py --sizes 10000      # just 10k
    python bench/lineage.py --no-durable       # skip fsync (shows what durability costs)

Sources are realistic seeds of ~150 lines (constants, a prompt template, solve/reproduce and helpers, with
comments). Each child changes one to three genes of its parent; 10% are crossovers of two parents and
5% re-propose an existing seed with a different comment (a dedup hit). The first 1001 seeds form one
chain, so the 1001st sits at depth 1000; the rest pick parents among the 200 newest seeds.

The canonical text of every source is known by construction (the template is canonicalised once with
sentinel values), so ``add`` is timed the way the manager calls it: with ``canonical=`` precomputed, since
it already parsed the child to check ``has``. The cost of ``genome.canonical_source`` itself is printed
separately. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import zlib
from pathlib import Path

# Run as a script, this file's folder (which holds bench/genome.py and this lineage.py) would shadow the
# packages; put the repository root first.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from genome import canonical_source, id_of_canonical, seed_id
from lineage import Archive, Proposal, pack, reindex, verify

TEMPLATE = '''"""An origin seed: sample, run on the visible examples, repair from the traceback."""
# Genes: module-level constants the seed may rewrite in its children.
import json
import math
import random
TEMPERATURE = SLOT_F0  # sampling temperature
SAMPLES = SLOT_I0  # candidates per task
REPAIR_ROUNDS = SLOT_I1  # how many times to feed a traceback back
MAX_TOKENS = SLOT_I2
OPERATOR_WEIGHTS = {'swap_compare': SLOT_F1, 'perturb_constant': SLOT_F2, 'llm_rewrite': SLOT_F3}
STYLE = SLOT_S0
PROMPT = """You are an expert Python programmer ({style}).
Write a function that satisfies the specification below.
Return only code, no explanations.

{prompt}
"""
REPAIR = """The code below fails with this error:
{error}
Fix it and return the whole function.

{code}
"""

def _extract_code(text):
    # Models wrap code in fences; keep the first fenced block, else everything.
    if '```' not in text:
        return text
    parts = text.split('```')
    body = parts[1]
    if body.startswith('python'):
        body = body[len('python'):]
    return body.strip() + '\\n'

def _score(tools, code, task):
    """Fraction of visible examples the candidate passes."""
    results = tools.run(code, task.examples)
    passed = sum(1 for r in results if r.ok)
    return passed / max(1, len(results)), results

def _first_error(results):
    for r in results:
        if not r.ok:
            return r.error[:SLOT_I3]
    return ''

def _sample(llm, task, temperature):
    text = llm.chat(PROMPT.format(style=STYLE, prompt=task.prompt), temperature=temperature, max_tokens=MAX_TOKENS)
    return _extract_code(text)

def _repair(llm, code, error):
    text = llm.chat(REPAIR.format(error=error, code=code), temperature=TEMPERATURE / 2, max_tokens=MAX_TOKENS)
    return _extract_code(text)

def solve(task, llm, tools):
    """Sample SAMPLES candidates, keep the best on the visible examples, repair it."""
    best_code = ''
    best_score = -1.0
    for i in range(SAMPLES):
        temperature = TEMPERATURE * (1.0 + SLOT_F4 * i)
        code = _sample(llm, task, temperature)
        score, results = _score(tools, code, task)
        if score > best_score:
            best_code, best_score, best_results = (code, score, results)
        if best_score >= 1.0:
            return best_code
    for _ in range(REPAIR_ROUNDS):
        error = _first_error(best_results)
        if not error:
            break
        code = _repair(llm, best_code, error)
        score, results = _score(tools, code, task)
        if score >= best_score:
            best_code, best_score, best_results = (code, score, results)
    return best_code

def _pick_operator(rng, weights):
    total = sum(weights.values())
    x = rng.random() * total
    for name, w in sorted(weights.items()):
        x -= w
        if x <= 0:
            return name
    return name

def _jitter(rng, value, scale):
    return max(0.0, value + rng.gauss(0.0, scale))

def reproduce(source, n, rng_seed, genome, llm):
    """Children by weighted genome operators; sometimes ask the LLM to rewrite a helper."""
    rng = random.Random(rng_seed)
    children = []
    attempts = 0
    while len(children) < n and attempts < n * SLOT_I4:
        attempts += 1
        op = _pick_operator(rng, OPERATOR_WEIGHTS)
        if op == 'llm_rewrite':
            child = genome.llm_rewrite(source, llm, target='_repair')
        else:
            child = genome.mutate(source, op, rng.randrange(2 ** 32))
        if child is not None and child not in children:
            children.append(child)
    return children

def reflect(history):
    """Shift operator weights towards the operators whose children scored well."""
    gains = {}
    for entry in history:
        op = entry.get('operator')
        if op in OPERATOR_WEIGHTS:
            gains.setdefault(op, []).append(entry.get('delta', 0.0))
    weights = dict(OPERATOR_WEIGHTS)
    for op, values in gains.items():
        mean = sum(values) / len(values)
        weights[op] = max(SLOT_F5, weights[op] * math.exp(mean))
    return {'weights': weights, 'notes': json.dumps(sorted(gains))}

def _stats(values):
    if not values:
        return {'mean': 0.0, 'sd': 0.0}
    mean = sum(values) / len(values)
    var = sum(((v - mean) ** 2 for v in values)) / max(1, len(values) - 1)
    return {'mean': mean, 'sd': math.sqrt(var)}

def _budget(task, tokens_left):
    # Keep a reserve for the repair rounds.
    per_sample = tokens_left // max(1, SAMPLES + REPAIR_ROUNDS)
    return min(MAX_TOKENS, per_sample)

def _dedupe(codes):
    seen = set()
    out = []
    for code in codes:
        key = code.strip()
        if key not in seen:
            seen.add(key)
            out.append(code)
    return out

def _rank(candidates):
    return sorted(candidates, key=lambda c: (-c[1], len(c[0])))

class Memory:
    """What the seed remembers between tasks on its island."""

    def __init__(self, size=SLOT_I5):
        self.size = size
        self.items = []

    def add(self, task_id, code, score):
        self.items.append((task_id, code, score))
        self.items = self.items[-self.size:]

    def best_for(self, task_id):
        found = [i for i in self.items if i[0] == task_id]
        return max(found, key=lambda i: i[2]) if found else None
'''

INT_SLOTS = {
    "SLOT_I0": (1, 8),
    "SLOT_I1": (0, 5),
    "SLOT_I2": (128, 2048),
    "SLOT_I3": (100, 2000),
    "SLOT_I4": (2, 9),
    "SLOT_I5": (4, 64),
}
FLOAT_SLOTS = ("SLOT_F0", "SLOT_F1", "SLOT_F2", "SLOT_F3", "SLOT_F4", "SLOT_F5")
STYLES = ("careful", "concise", "defensive", "functional", "test-driven", "minimal", "pythonic", "fast")
Genes = dict[str, object]


def _sentinels() -> Genes:
    genes: Genes = {name: 900_000_000 + i for i, name in enumerate(INT_SLOTS)}
    genes.update({name: 0.123456789 + i for i, name in enumerate(FLOAT_SLOTS)})
    genes["SLOT_S0"] = "sentinelstyle"
    return genes


def _fill(text: str, genes: Genes) -> str:
    for name in sorted(genes, reverse=True):  # SLOT_I5 before SLOT_I... prefixes never clash (one digit)
        text = text.replace(name, repr(genes[name]))
    return text


def _canonical_template() -> str:
    """The canonical text with sentinel values turned back into slot names."""
    sentinels = _sentinels()
    canon = canonical_source(_fill(TEMPLATE, sentinels))
    for name, value in sentinels.items():
        canon = canon.replace(repr(value), name)
    return canon


def _random_genes(rng: random.Random) -> Genes:
    genes: Genes = {name: rng.randint(lo, hi) for name, (lo, hi) in INT_SLOTS.items()}
    genes.update({name: round(rng.uniform(0.0, 2.0), 4) for name in FLOAT_SLOTS})
    genes["SLOT_S0"] = rng.choice(STYLES)
    return genes


def _mutate(rng: random.Random, genes: Genes) -> Genes:
    child = dict(genes)
    for _ in range(rng.randint(1, 3)):
        name = rng.choice(sorted(child))
        if name in INT_SLOTS:
            lo, hi = INT_SLOTS[name]
            child[name] = rng.randint(lo, hi)
        elif name in FLOAT_SLOTS:
            child[name] = round(rng.uniform(0.0, 2.0), 4)
        else:
            child[name] = rng.choice(STYLES) + str(rng.randint(0, 99))
    return child


def _crossover(rng: random.Random, a: Genes, b: Genes) -> Genes:
    return {k: (a[k] if rng.random() < 0.5 else b[k]) for k in a}


class Population:
    """Generates the benchmark's proposals deterministically from a seed."""

    def __init__(self, rng_seed: int) -> None:
        self.rng = random.Random(rng_seed)
        self.canon_template = _canonical_template()
        self.genes: list[Genes] = []
        self.ids: list[str] = []
        self.generation: list[int] = []

    def texts(self, genes: Genes, comment: str) -> tuple[str, str]:
        source = _fill(TEMPLATE, genes).replace("# Genes:", f"# {comment}\n# Genes:", 1)
        return source, _fill(self.canon_template, genes)

    def proposals(self, count: int, chain: int = 1001) -> list[Proposal]:
        out: list[Proposal] = []
        rng = self.rng
        for i in range(count):
            n = len(self.genes)
            parents: tuple[int, ...] = ()
            if n == 0:
                genes, op = _random_genes(rng), "origin"
            elif n < chain:
                parents, op = (n - 1,), "mutate"
                genes = _mutate(rng, self.genes[n - 1])
            else:
                window = range(max(0, n - 200), n)
                r = rng.random()
                if r < 0.05:  # re-discovery: an existing seed proposed again, differently commented
                    old = rng.choice(range(max(chain, n - 200), n))  # keep the chain's depths intact
                    p = rng.choice(window)
                    source, canon = self.texts(self.genes[old], f"again {i}")
                    out.append(
                        Proposal(
                            source,
                            (self.ids[p],),
                            "rediscover",
                            self.generation[p] + 1,
                            p % 4,
                            canonical=canon,
                            time=float(i),
                        )
                    )
                    continue
                if r < 0.15:
                    a, b = rng.sample(list(window), 2)
                    parents, op = (a, b), "crossover"
                    genes = _crossover(rng, self.genes[a], self.genes[b])
                else:
                    parents, op = (rng.choice(window),), "mutate"
                    genes = _mutate(rng, self.genes[parents[0]])
            genes["SLOT_I3"] = 100 + n  # unique per seed: every proposal but a re-discovery is a new seed
            source, canon = self.texts(genes, f"child {i} by {op}")
            sid = seed_id(source) if i < 50 else None  # spot-check the construction
            self.genes.append(genes)
            self.ids.append(id_of_canonical(canon))
            assert sid is None or sid == self.ids[-1], "template is not canonical"
            gen = 1 + max((self.generation[p] for p in parents), default=-1)
            self.generation.append(gen)
            out.append(
                Proposal(
                    source,
                    tuple(self.ids[p] for p in parents),
                    op,
                    gen,
                    n % 4,
                    canonical=canon,
                    time=float(i),
                )
            )
        return out


def _disk(path: str) -> tuple[int, int]:
    apparent = allocated = 0
    for folder, _, files in os.walk(path):
        for name in files:
            st = os.stat(os.path.join(folder, name))
            apparent += st.st_size
            allocated += st.st_blocks * 512
    return apparent, allocated


def bench(size: int, root: str, durable: bool, batch: int) -> None:
    run_dir = os.path.join(root, f"run-{size}")
    shutil.rmtree(run_dir, ignore_errors=True)
    pop = Population(rng_seed=size)
    t0 = time.perf_counter()
    proposals = pop.proposals(size)
    gen_s = time.perf_counter() - t0
    sample = proposals[:: max(1, len(proposals) // 100)][:100]
    t0 = time.perf_counter()
    for p in sample:
        canonical_source(p.source)
    canon_ms = (time.perf_counter() - t0) / len(sample) * 1e3
    lines = statistics.mean(p.source.count("\n") for p in sample)

    load_before = os.getloadavg()[0]
    archive = Archive.create(run_dir, "bench = true\n", durable=durable)
    t0, c0 = time.perf_counter(), time.process_time()
    for i in range(0, len(proposals), batch):
        archive.add_many(proposals[i : i + batch])
    add_s, add_cpu = time.perf_counter() - t0, time.process_time() - c0
    # single, unbatched adds (each one its own transaction and sync) on 200 more seeds
    extra = pop.proposals(200)
    t0 = time.perf_counter()
    for p in extra:
        archive.add(
            p.source, p.parents, p.operator, p.generation, p.island, canonical=p.canonical, time=p.time
        )
    single_ms = (time.perf_counter() - t0) / len(extra) * 1e3
    counts = archive.counts()
    zlib_bytes = sum(len(zlib.compress(p.source.encode())) for p in proposals + extra)

    rng = random.Random(7)
    probes = [rng.choice(pop.ids) for _ in range(50_000)] + [
        f"{rng.getrandbits(256):064x}" for _ in range(50_000)
    ]
    t0, c0 = time.perf_counter(), time.process_time()
    hits = sum(archive.has(p) for p in probes)
    has_us = (time.perf_counter() - t0) / len(probes) * 1e6
    has_cpu = (time.process_time() - c0) / len(probes) * 1e6

    deep = pop.ids[1000]
    times, cpu = [], []
    for _ in range(20):
        t0, c0 = time.perf_counter(), time.process_time()
        anc = archive.ancestors(deep)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    anc_ms, anc_cpu = statistics.median(times) * 1e3, statistics.median(cpu) * 1e3
    depth = max(r.depth for r in anc)
    tip = pop.ids[-1]
    t0 = time.perf_counter()
    tip_anc = archive.ancestors(tip)
    tip_ms = (time.perf_counter() - t0) * 1e3
    archive.close()

    t0, c0 = time.perf_counter(), time.process_time()
    report = verify(run_dir)
    verify_s, verify_cpu = time.perf_counter() - t0, time.process_time() - c0
    assert report.ok
    t0, c0 = time.perf_counter(), time.process_time()
    rebuilt = reindex(run_dir)
    reindex_s, reindex_cpu = time.perf_counter() - t0, time.process_time() - c0
    assert rebuilt.problems == () and rebuilt.seeds == counts.seeds

    apparent, allocated = _disk(run_dir)
    idx_bytes = os.path.getsize(os.path.join(run_dir, "lineage.sqlite"))
    t0 = time.perf_counter()
    packed = pack(run_dir)
    pack_s = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    packed_report = verify(run_dir)
    pverify_s, pverify_cpu = time.perf_counter() - t0, time.process_time() - c0
    assert packed_report.ok and packed_report.checked == report.checked
    p_apparent, p_allocated = _disk(run_dir)
    seeds = counts.seeds
    per = 1e3 / size
    print(
        f"\n== {size} proposals ({seeds} seeds, {counts.edges} edges, {counts.dedup_hits} dedup hits), "
        f"{lines:.0f} lines/source, durable={durable}; load average {load_before:.1f} -> "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs =="
    )
    print(f"generate proposals            {gen_s:8.1f} s (not part of the archive)")
    print(f"canonical_source per source   {canon_ms:8.2f} ms (the caller's cost; not in 'add')")
    print(
        f"add, batches of {batch:<5}        {add_s * per:8.3f} ms per proposal wall, {add_cpu * per:.3f} ms CPU"
    )
    print(f"add, one at a time            {single_ms:8.3f} ms per proposal wall")
    print(
        f"has                           {has_us:8.1f} µs per lookup wall, {has_cpu:.1f} µs CPU "
        f"({hits} hits of {len(probes)})"
    )
    print(
        f"ancestors, depth-{depth} node    {anc_ms:8.2f} ms wall, {anc_cpu:.2f} ms CPU "
        f"({len(anc)} ancestors, median of 20)"
    )
    tip_depth = max((r.depth for r in tip_anc), default=0)
    print(f"ancestors, newest seed        {tip_ms:8.2f} ms ({len(tip_anc)} ancestors, max depth {tip_depth})")
    print(
        f"verify                        {verify_s:8.1f} s wall, {verify_cpu:.1f} s CPU ({report.checked} objects)"
    )
    print(f"reindex                       {reindex_s:8.1f} s wall, {reindex_cpu:.1f} s CPU")
    print(f"disk per seed, apparent       {apparent / seeds:8.0f} B (index {idx_bytes / seeds:.0f} B of it)")
    print(f"disk per seed, allocated      {allocated / seeds:8.0f} B (4 KiB blocks; loose files, no packing)")
    print(
        f"zlib(source) per seed         {zlib_bytes / seeds:8.0f} B -> apparent/zlib = {apparent / zlib_bytes:.2f}x, "
        f"allocated/zlib = {allocated / zlib_bytes:.2f}x"
    )
    print(
        f"pack (all loose objects)      {pack_s:8.1f} s wall ({packed.packed} objects, {packed.bytes} bytes)"
    )
    print(f"verify, packed                {pverify_s:8.1f} s wall, {pverify_cpu:.1f} s CPU")
    print(
        f"disk per seed, packed         {p_apparent / seeds:8.0f} B apparent, {p_allocated / seeds:.0f} B allocated "
        f"-> {p_apparent / zlib_bytes:.2f}x / {p_allocated / zlib_bytes:.2f}x zlib(source)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--dir", help="where to build the archives (default: a temp dir, removed after)")
    parser.add_argument("--batch", type=int, default=100, help="proposals per add_many (default 100)")
    parser.add_argument("--no-durable", action="store_true", help="skip fsync/syncfs")
    args = parser.parse_args()
    root = args.dir or tempfile.mkdtemp(prefix="lineage-bench-")
    try:
        for size in args.sizes:
            bench(size, root, not args.no_durable, args.batch)
    finally:
        if args.dir is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
