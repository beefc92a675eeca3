"""Plumbing against the real SmolLM2-135M model (llama.cpp in a model process)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from llm.assemble import assemble
from llm.broker import Broker
from llm.devices import DeviceProbe, Slot
from llm.errors import BudgetExhausted, CorruptModel, DeadlineExceeded, LLMError, PromptTooLong
from llm.models import MODELS, LocalGGUF

pytestmark = pytest.mark.slow

HI = [{"role": "user", "content": "Say hello."}]


@pytest.fixture(scope="module")
def smol(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return assemble(MODELS["smollm2-135m"], tmp_path_factory.mktemp("models")).path


def _start(path: Path, cache: Path | None = None, n_ctx: int = 512) -> Broker:
    return Broker.start(LocalGGUF(path), slot=Slot.cpu(1), cache_path=cache, n_ctx=n_ctx)


@pytest.fixture
def broker(smol: Path, tmp_path: Path) -> Iterator[Broker]:
    b = _start(smol, tmp_path / "cache" / "llm.sqlite")
    yield b
    b.close()


def test_chat_completion_stop_and_accounting(broker: Broker) -> None:
    session = broker.open_session("seed-1")
    llm = session.channel()
    reply = llm.chat(HI, max_tokens=12)
    assert isinstance(reply, str) and reply.strip()
    counted = llm.complete("1, 2, 3, 4, 5,", max_tokens=12, stop=[","])
    assert "," not in counted
    usage = session.usage()
    assert usage.calls == 2 and usage.prompt_tokens > 10 and 0 < usage.completion_tokens <= 24
    assert usage.cache_hits == 0 and usage.seconds > 0


def test_cache_hit_is_identical_with_zero_model_calls_and_survives_restart(
    smol: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "llm.sqlite"
    with _start(smol, cache) as first:
        text = first.open_session("a").channel().chat(HI, max_tokens=10)
        calls = first.stats().model_calls
        again = first.open_session("b")
        assert again.channel().chat(HI, max_tokens=10) == text
        assert first.stats().model_calls == calls and again.usage().cache_hits == 1
    with _start(smol, cache) as second:
        assert second.open_session("c").channel().chat(HI, max_tokens=10) == text
        stats = second.stats()
        assert (stats.model_calls, stats.cache_hits) == (0, 1)


def test_same_seed_gives_same_text_from_the_model(broker: Broker) -> None:
    broker.cache = None  # this test is about the model, not the cache
    llm = broker.open_session("s").channel()
    a = llm.complete("Once upon a time", temperature=1.0, seed=1234, max_tokens=16)
    b = llm.complete("Once upon a time", temperature=1.0, seed=1234, max_tokens=16)
    assert a == b
    assert broker.stats().model_calls == 2


def test_budget_exhaustion_is_an_error_inside_the_seed(broker: Broker) -> None:
    session = broker.open_session("poor", token_budget=60)
    llm = session.channel()
    with pytest.raises(BudgetExhausted):
        for _ in range(10):
            llm.chat(HI, max_tokens=20)  # repeats are cache hits, accounted all the same
    assert session.usage().tokens <= 60
    assert broker.open_session("rich").channel().chat(HI, max_tokens=2)  # the service is fine


def test_deadline_cuts_a_long_generation(broker: Broker) -> None:
    llm = broker.open_session("slow", deadline_s=0.3).channel()
    with pytest.raises(DeadlineExceeded):
        llm.complete("Write a very long story about a dragon.", max_tokens=400, temperature=0.9, seed=1)
    assert broker.open_session("next").channel().complete("Hello", max_tokens=2)


def test_prompt_longer_than_context_is_a_clear_error(broker: Broker) -> None:
    llm = broker.open_session("verbose").channel()
    with pytest.raises(PromptTooLong, match="context window of 512"):
        llm.complete("word " * 2000, max_tokens=4)
    assert llm.complete("Hello", max_tokens=2)


def test_four_concurrent_clients_finish_without_deadlock(broker: Broker) -> None:
    results: dict[int, list[str]] = {}
    errors: list[LLMError] = []

    def client(i: int) -> None:
        llm = broker.open_session(f"c{i}").channel()
        try:
            results[i] = [
                llm.complete(f"Number {i}:", max_tokens=6, temperature=0.8, seed=i * 10 + k) for k in range(3)
            ]
        except LLMError as err:
            errors.append(err)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors and not any(t.is_alive() for t in threads)
    assert sorted(results) == [0, 1, 2, 3] and all(len(r) == 3 for r in results.values())


def test_killed_model_process_is_restarted_and_the_call_retried(broker: Broker) -> None:
    backend = broker.backend
    pid = getattr(backend, "pid", None)
    assert pid is not None
    out: list[str] = []
    llm = broker.open_session("victim").channel()
    t = threading.Thread(
        target=lambda: out.append(llm.complete("Tell a story:", max_tokens=120, temperature=0.0))
    )
    t.start()
    time.sleep(0.3)
    os.kill(pid, signal.SIGKILL)
    t.join(timeout=120)
    assert out and isinstance(out[0], str)
    assert broker.stats().restarts == 1 and getattr(backend, "pid", None) != pid
    assert broker.open_session("after").channel().complete("Hi", max_tokens=2)


def test_gpu_slot_on_a_machine_without_one_runs_on_cpu(smol: Path) -> None:
    with Broker.start(LocalGGUF(smol), slot=Slot.gpu(0), n_ctx=256, probe=DeviceProbe(False, 0)) as broker:
        assert broker.stats().device.startswith("cpu (GPU slot 0 runs on CPU")
        assert broker.open_session("g").channel().complete("Hi", max_tokens=2)


def test_corrupt_and_truncated_models_fail_to_start_cleanly(smol: Path, tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.gguf"
    with smol.open("rb") as src:
        truncated.write_bytes(src.read(2_000_000))
    with pytest.raises(CorruptModel, match="failed to load"):
        _start(truncated)
    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"\x00" * 4096)
    with pytest.raises(CorruptModel, match="not a GGUF file"):
        _start(junk)


def test_a_child_process_reaches_the_service_through_an_inherited_fd(broker: Broker) -> None:
    session = broker.open_session("sandboxed", token_budget=500)
    fd = session.client_fd()
    code = (
        "import sys\n"
        "from llm.channel import LLMChannel\n"
        "llm = LLMChannel.from_fd(int(sys.argv[1]))\n"
        "print(repr(llm.complete('Hello', max_tokens=3)))\n"
        "assert 'llama_cpp' not in sys.modules and 'llm.broker' not in sys.modules\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(fd)], pass_fds=(fd,), capture_output=True, text=True, timeout=60
    )
    session.close_client_end()
    assert proc.returncode == 0, proc.stderr
    assert session.usage().calls == 1


def test_model_process_exits_when_its_broker_process_dies(smol: Path) -> None:
    code = (
        "import sys, time\n"
        "from llm.broker import Broker\n"
        "from llm.devices import Slot\n"
        "from llm.models import LocalGGUF\n"
        "b = Broker.start(LocalGGUF(__import__('pathlib').Path(sys.argv[1])), slot=Slot.cpu(1), n_ctx=256)\n"
        "print(b.backend.pid, flush=True)\n"
        "time.sleep(600)\n"
    )
    broker_proc = subprocess.Popen([sys.executable, "-c", code, str(smol)], stdout=subprocess.PIPE, text=True)
    assert broker_proc.stdout is not None
    model_pid = int(broker_proc.stdout.readline())
    broker_proc.kill()
    broker_proc.wait()
    broker_proc.stdout.close()
    for _ in range(100):  # the model process notices within a second; give a loaded machine ample room
        try:
            os.kill(model_pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.kill(model_pid, signal.SIGKILL)
    pytest.fail(f"model process {model_pid} outlived its broker")
