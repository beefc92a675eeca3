"""``llm`` as a package: what the seed sandbox gets of it, and the two-method interface between a session and
the broker that serves it."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import llm
from fitness.harness import LLM_FACTORY
from fitness.sandbox import Sandbox, SandboxKind
from fitness.suites import load_suite
from llm.cache import Generation
from llm.channel import LLMChannel
from llm.errors import BudgetExhausted
from llm.session import Job, Session

LLM_DIR = Path(llm.__file__).parent

PROBE = f"""
import json
def solve(task, llm, tools):
    found = {{}}
    for name in ("llm.channel", "core.registry", "genome.variation", "llm.broker", "llm.cache", "llm.server",
                 "fitness.harness"):
        try:
            __import__(name)
            found[name] = True
        except BaseException:
            found[name] = False
    try:
        with open({str(LLM_DIR / "broker.py")!r}) as fh:
            fh.read(1)
        found["read llm/broker.py"] = True
    except OSError:
        found["read llm/broker.py"] = False
    return json.dumps(found)
"""


@pytest.fixture(scope="module")
def seed_sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxKind.SEED) as sandbox:
        yield sandbox


def test_the_seed_sandbox_gets_the_channel_and_nothing_more_of_llm(seed_sandbox: Sandbox) -> None:
    task = load_suite("humaneval").get("HumanEval/0").seed_view()
    execution = seed_sandbox.execute({"mode": "solve", "seed_source": PROBE, "task": task, "inbox": []}, 30.0)
    answer = next(line[1] for line in execution.lines if line[0] in ("solution", "error", "invalid"))
    assert json.loads(answer) == {
        "llm.channel": True,  # preloaded before the worker confined itself
        "core.registry": True,  # genome's operators import it on first use, inside the sandbox
        "genome.variation": True,
        "llm.broker": False,  # the trusted side: neither preloaded nor readable
        "llm.cache": False,
        "llm.server": False,
        "fitness.harness": False,
        "read llm/broker.py": False,
    }


def test_the_harness_names_the_factory_it_imports() -> None:
    module, _, attr = LLM_FACTORY.partition(":")
    assert module == LLMChannel.__module__ and attr == "LLMChannel.from_fd"


class Recorder:
    """A host that answers every job with the same text and records what it was handed."""

    def __init__(self) -> None:
        self.jobs: list[Job] = []
        self.forgotten: list[Session] = []
        self.lock = threading.Lock()

    def serve(self, job: Job) -> tuple[Generation, bool]:
        with self.lock:
            self.jobs.append(job)
        return Generation("ok", 30, 20, "stop", 0.01), False

    def forget(self, session: Session) -> None:
        self.forgotten.append(session)


def test_a_session_admits_seeds_and_accounts_without_the_broker() -> None:
    host = Recorder()
    session = Session(host, "lane-7", "seed-a", token_budget=100, deadline_s=30.0, rng_seed=5)
    channel = session.channel()
    assert channel.chat([{"role": "user", "content": "hi"}], temperature=0.7) == "ok"
    assert channel.complete("x", temperature=0.0) == "ok"
    # Third call: 100 tokens spent of 100, refused by the session itself; the host never sees it.
    with pytest.raises(BudgetExhausted, match="token budget of 100 for 'seed-a'"):
        channel.complete("y")
    first, second = host.jobs
    assert first.lane == second.lane == "lane-7"
    assert first.deterministic and first.request.seed is not None  # a derived seed: reproducible
    assert first.token_limit == 100 and second.token_limit == 50
    assert first.deadline is not None and "30 s" in first.expired().args[0]
    usage = session.usage()
    assert (usage.calls, usage.prompt_tokens, usage.completion_tokens) == (2, 60, 40)
    first.spent_late(Generation("late", 5, 5, "stop"))  # tokens the backend spent after the caller gave up
    assert session.usage().tokens == 110
    session.close()
    assert host.forgotten == [session]


def test_two_sessions_with_one_rng_seed_derive_the_same_seeds() -> None:
    seeds = []
    for _ in range(2):
        host = Recorder()
        session = Session(host, "l", "seed-b", token_budget=None, deadline_s=None, rng_seed=11)
        channel = session.channel()
        for _ in range(3):
            channel.complete("p", temperature=1.0)
        session.close()
        seeds.append([job.request.seed for job in host.jobs])
    assert seeds[0] == seeds[1] and len(set(seeds[0])) == 3
