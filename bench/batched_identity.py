"""Is a sequence's decode bit-identical alone and batched with others? The question batched serving rests on.

Issue 20 asks for continuous batching with "same request + seed ⇒ same text, batched or not". llama.cpp does
not promise that batched and single-sequence decodes give the same logits; this script measures it for one
model, build and thread count: it decodes 4 prompts greedily, each alone in a 4-sequence context, then all 4
in one batch (in two orders, which also changes which KV cells each sequence gets), then 2 of them, and
compares every step's logits bit for bit. Prompts are evaluated one sequence per ``llama_decode`` (the batch
shape a prompt gets when it arrives alone); generation steps decode one token of every live sequence.

    python bench/batched_identity.py                 # default model, 2 threads, 48 generated tokens
    python bench/batched_identity.py --threads 1 --steps 96

Prints one line per (case, sequence) and exits 1 when any logit differs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from llm.assemble import assemble  # noqa: E402  (after the path above)
from llm.loader import load_llama  # noqa: E402
from llm.models import DEFAULT_MODEL, MODELS  # noqa: E402

PROMPTS = (
    'def fibonacci(n):\n    """Return the n-th Fibonacci number."""\n',
    "# Write a function that reverses the words of a sentence\ndef reverse_words(s):\n",
    "import re\n\ndef is_valid_email(address: str) -> bool:\n",
    "class Stack:\n    def __init__(self):\n",
)


def decode(holder: Any, seqs: list[int], order: list[int], threads: int, steps: int) -> dict[int, list[Any]]:
    """Every step's logits (numpy arrays) per sequence, greedy, in one fresh 4-sequence context."""
    import llama_cpp.llama_cpp as ll
    import numpy as np

    model = holder._model.model
    n_vocab = ll.llama_vocab_n_tokens(ll.llama_model_get_vocab(model))
    prompts = [holder.tokenize(p.encode()) for p in PROMPTS]
    params = ll.llama_context_default_params()
    params.n_ctx, params.n_batch, params.n_ubatch, params.n_seq_max = 1024, 512, 512, len(PROMPTS)
    params.n_threads = params.n_threads_batch = threads
    ctx = ll.llama_init_from_model(model, params)
    batch = ll.llama_batch_init(512, 0, 1)
    logits: dict[int, list[Any]] = {s: [] for s in seqs}
    nxt: dict[int, int] = {}

    def step(items: list[tuple[int, int, int, bool]]) -> None:
        batch.n_tokens = len(items)
        for i, (seq, pos, token, want) in enumerate(items):
            batch.token[i], batch.pos[i], batch.n_seq_id[i], batch.logits[i] = token, pos, 1, want
            batch.seq_id[i][0] = seq
        if ll.llama_decode(ctx, batch) != 0:
            raise SystemExit("llama_decode failed")
        for i, (seq, _, _, want) in enumerate(items):
            if want:
                row = np.ctypeslib.as_array(ll.llama_get_logits_ith(ctx, i), shape=(n_vocab,)).copy()
                logits[seq].append(row)
                nxt[seq] = int(row.argmax())

    try:
        for s in order:
            step([(s, i, t, i == len(prompts[s]) - 1) for i, t in enumerate(prompts[s])])
        for k in range(steps):
            step([(s, len(prompts[s]) + k, nxt[s], True) for s in seqs])
    finally:
        ll.llama_batch_free(batch)
        ll.llama_free(ctx)
    return logits


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default=DEFAULT_MODEL, choices=sorted(MODELS))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--steps", type=int, default=48)
    args = parser.parse_args()
    holder = load_llama(str(assemble(MODELS[args.model]).path), n_ctx=256, n_threads=args.threads)
    alone = {s: decode(holder, [s], [s], args.threads, args.steps)[s] for s in range(len(PROMPTS))}
    cases = [
        ("4 batched", [0, 1, 2, 3], [0, 1, 2, 3]),
        ("4 batched, other order", [3, 2, 1, 0], [3, 1, 0, 2]),
    ]
    cases.append(("2 batched", [1, 0], [1, 0]))
    differ = False
    for label, seqs, order in cases:
        together = decode(holder, seqs, order, args.threads, args.steps)
        for s in seqs:
            diffs = [float(abs(a - b).max()) for a, b in zip(together[s], alone[s], strict=True)]
            first = next((i for i, d in enumerate(diffs) if d), None)
            differ |= first is not None
            same = f"bit-identical={first is None} max|diff|={max(diffs):.3g} first differing step={first}"
            print(f"{label}: sequence {s}: {same}")
    holder.close()
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
