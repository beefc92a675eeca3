"""What runs inside the innermost sandboxed process: load untrusted code and report plain JSON lines.

Everything here executes in the same process as untrusted code, so nothing here is trusted: the harness
treats every line it receives as a claim and checks it on the trusted side (hidden expected values never
enter the sandbox). Lines are JSON arrays, one per line, written to the result descriptor (read back, typed,
only through :func:`fitness.sandbox.lines.decode`):

* ``tests``:   ``["r", i, value]`` (test ``i`` returned ``value``), ``["e", i, reason]``, ``["load", reason]``
* ``serve``:   nothing on the result descriptor (bar ``["load", reason]``); calls and replies travel on the
  call channel, see :func:`serve_calls` — the verdict is the judge's, in another process
* ``solve``:   ``["solution", source]``, ``["publish", message]``, ``["invalid", reason]``, ``["error", reason]``
* ``reproduce``: ``["children", [[source, operator], ...]]`` after any ``["note", reason]`` about children it
  dropped (not a string, over ``max_child_chars``) or cut (more than ``n``); ``crossover`` the same, with at
  most one child; ``reflect``: ``["reflection", {...}]``; plus the errors above
"""

from __future__ import annotations

import contextlib
import inspect
import json
import os
import select
import signal
import socket
import sys
import time
import types
from dataclasses import dataclass
from typing import Any

from fitness.sandbox import lines, values
from llm.frames import recv_frame, send_frame

MAX_REASON = 300
MAX_CALL_BYTES = 16 * 1024 * 1024  # one call's encoded arguments


class TestTimeout(Exception):
    """Raised by the per-test alarm."""


class Out:
    """The result descriptor: one JSON array per line."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def line(self, *items: Any) -> None:
        try:
            data = json.dumps(list(items), ensure_ascii=False, allow_nan=True) + "\n"
        except (TypeError, ValueError, RecursionError, OverflowError) as err:
            data = json.dumps(["unserializable", _reason(err)]) + "\n"
        raw = data.encode("utf-8", "replace")
        while raw:
            try:
                raw = raw[os.write(self.fd, raw) :]
            except InterruptedError:
                continue
            except OSError:
                return


def _reason(err: BaseException) -> str:
    text = f"{type(err).__name__}: {err}".replace("\n", " ")
    return text[:MAX_REASON]


def _alarm(signum: int, frame: object) -> None:
    raise TestTimeout("test took longer than its time limit")


def load_module(source: str, name: str) -> types.ModuleType:
    """Execute ``source`` as a fresh module named ``name``; exceptions propagate."""
    module = types.ModuleType(name)
    module.__file__ = f"<{name}>"
    sys.modules[name] = module
    code = compile(source, f"<{name}>", "exec")
    exec(code, module.__dict__)
    return module


def _plain(value: Any) -> Any:
    """JSON text of a returned value as a plain value (tuples become lists), or raise TypeError."""
    return json.loads(json.dumps(value, allow_nan=True))


def run_tests(request: dict[str, Any], out: Out) -> None:
    """Call ``entry(*args)`` for every argument list, each under a per-test alarm."""
    try:
        module = load_module(request["source"], "solution")
    except BaseException as err:
        out.line("load", _reason(err))
        return
    entry = getattr(module, request["entry"], None)
    if not callable(entry):
        out.line("load", f"the solution defines no function named {request['entry']!r}")
        return
    per_test = float(request.get("per_test_s", 0) or 0)
    signal.signal(signal.SIGALRM, _alarm)
    for i, args in enumerate(request["args"]):
        try:
            if per_test > 0:
                signal.setitimer(signal.ITIMER_REAL, per_test)
            try:
                value = entry(*args)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            try:
                plain = _plain(value)
            except (TypeError, ValueError, RecursionError, OverflowError) as err:
                out.line(
                    "e",
                    i,
                    f"returned a value that is not plain JSON ({type(value).__name__}): {err}"[:MAX_REASON],
                )
                continue
            out.line("r", i, plain)
        except BaseException as err:
            out.line("e", i, _reason(err))


def serve_calls(request: dict[str, Any], out: Out, channel_fd: int | None) -> None:
    """Answer a judge's calls of the entry point over ``channel_fd`` (HumanEval-style code-tested tasks).

    The judge (:mod:`fitness.judge`, another process) runs the task's test code and decides the verdict;
    this side only loads the solution and, per call frame ``{"id", "args", "kwargs"}``, calls
    ``entry(*args, **kwargs)`` under the per-call alarm and replies ``{"id", "value"}`` (encoded by
    :mod:`fitness.sandbox.values`), ``{"id", "raised": [name, message]}`` or ``{"id", "unsendable": type}``.
    The first frame is ``{"ready": true}`` or ``{"load": reason}``. Returns at end of stream.
    """
    if channel_fd is None:
        out.line("load", "no call channel was passed to the runner")
        return
    sock = socket.socket(fileno=channel_fd)
    try:
        module = load_module(request["source"], "solution")
        entry = getattr(module, request["entry"], None)
        if not callable(entry):
            raise NameError(f"the solution defines no function named {request['entry']!r}")
    except BaseException as err:
        send_frame(sock, {"load": _reason(err)})
        return
    send_frame(sock, {"ready": True})
    per_call = float(request.get("per_test_s", 0) or 0)
    signal.signal(signal.SIGALRM, _alarm)
    while True:
        frame = recv_frame(sock, max_size=MAX_CALL_BYTES)
        if frame is None:
            return
        call = frame[0]
        reply: dict[str, Any] = {"id": call["id"]}
        try:
            args, kwargs = values.decode(call["args"]), values.decode(call["kwargs"])
            if per_call > 0:
                signal.setitimer(signal.ITIMER_REAL, per_call)
            try:
                value = entry(*args, **kwargs)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            reply["value"] = values.encode(value)
        except values.Unsendable as err:
            reply["unsendable"] = str(err)[:MAX_REASON]
        except BaseException as err:
            reply["raised"] = [type(err).__name__[:MAX_REASON], str(_message(err))[:MAX_REASON]]
        try:
            send_frame(sock, reply)
        except (TypeError, ValueError, RecursionError) as err:  # e.g. a str subclass slipped into a reason
            send_frame(sock, {"id": call["id"], "unsendable": _reason(err)})


def _message(err: BaseException) -> str:
    try:
        return str.__str__(str(err))
    except BaseException:
        return "<unprintable exception>"


@dataclass(frozen=True, slots=True)
class VisibleExample:
    """A visible example as a seed sees it."""

    args: tuple[Any, ...]
    expected: Any


@dataclass(frozen=True, slots=True)
class SeedTask:
    """What ``solve`` receives: never hidden tests, checkers or test code."""

    id: str
    prompt: str
    entry_point: str
    visible: tuple[VisibleExample, ...]


class RefusingLLM:
    """The ``llm`` a seed gets when no model is configured: every call raises."""

    def chat(self, messages: Any, **kwargs: Any) -> str:
        raise RuntimeError("no LLM is configured for this evaluation (model 'none'); solve without it")

    def complete(self, prompt: Any, **kwargs: Any) -> str:
        raise RuntimeError("no LLM is configured for this evaluation (model 'none'); solve without it")


def _example_parts(example: Any) -> tuple[list[Any], Any]:
    if isinstance(example, dict):
        return list(example["args"]), example.get("expected")
    if hasattr(example, "args"):
        return list(example.args), getattr(example, "expected", None)
    args, expected = example
    return list(args), expected


class Tools:
    """The ``tools`` a seed gets: run candidates on examples in a nested child, island messages."""

    def __init__(self, out: Out, inbox: list[str], run_timeout_s: float, max_message: int) -> None:
        self._out = out
        self._inbox = list(inbox)
        self._timeout = run_timeout_s
        self._max_message = max_message

    def inbox(self) -> list[str]:
        """Messages other seeds of the island published before this evaluation."""
        return list(self._inbox)

    def publish(self, message: str) -> None:
        """Publish a message to the island (truncated to the harness's size limit)."""
        self._out.line("publish", str(message)[: self._max_message])

    def run(self, code: str, examples: Any, timeout_s: float | None = None) -> list[dict[str, Any]]:
        """Run ``code`` on ``examples`` in a forked child with its own process group and a deadline.

        Returns one dict per example: ``{"passed": bool, "output": value or None, "error": str or None}``;
        ``passed`` compares JSON forms with ``==`` (the visible examples' expected values).
        """
        pairs = [_example_parts(e) for e in examples]
        entry = _entry_name(code)
        deadline = float(timeout_s if timeout_s is not None else self._timeout)
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the nested child: same sandbox, own process group, CPU-limited
            try:
                os.close(r)
                os.setsid()
                import resource

                cpu = max(1, int(deadline) + 1)
                resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
                run_tests(
                    {"source": code, "entry": entry, "args": [a for a, _ in pairs], "per_test_s": deadline},
                    Out(w),
                )
            finally:
                os._exit(0)
        os.close(w)
        data = _collect(pid, r, deadline)
        results: list[dict[str, Any]] = [
            {"passed": False, "output": None, "error": "did not finish"} for _ in pairs
        ]
        for raw in data.splitlines():
            try:
                line = lines.decode(json.loads(raw))
            except (ValueError, RecursionError):
                continue
            if isinstance(line, lines.LoadFailed):
                return [{"passed": False, "output": None, "error": line.reason} for _ in pairs]
            if isinstance(line, lines.Returned) and line.index < len(pairs):
                expected = _plain(pairs[line.index][1])
                results[line.index] = {"passed": line.value == expected, "output": line.value, "error": None}
            elif isinstance(line, lines.Raised) and line.index < len(pairs):
                results[line.index] = {"passed": False, "output": None, "error": line.reason}
        return results


def _entry_name(code: str) -> str:
    import ast

    try:
        tree = ast.parse(code)
    except SyntaxError:
        return "solution"
    names = [n.name for n in tree.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    return names[-1] if names else "solution"


def _collect(pid: int, fd: int, deadline_s: float) -> bytes:
    """Read the nested child's lines until it exits or the deadline; kill its process group after."""
    end = time.monotonic() + deadline_s
    chunks: list[bytes] = []
    try:
        while True:
            left = end - time.monotonic()
            if left <= 0:
                break
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                break
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            chunks.append(chunk)
            if sum(map(len, chunks)) > 4_000_000:
                break
    finally:
        for target in (-pid, pid):
            with contextlib.suppress(OSError):
                os.kill(target, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
        os.close(fd)
    return b"".join(chunks)


def _call_solve(request: dict[str, Any], out: Out, llm: Any) -> None:
    try:
        seed = load_module(request["seed_source"], "seed")
    except BaseException as err:
        out.line("error", f"seed failed to import: {_reason(err)}")
        return
    solve = getattr(seed, "solve", None)
    if not callable(solve):
        out.line("invalid", "the seed defines no solve(task, llm, tools)")
        return
    raw = request["task"]
    task = SeedTask(
        id=raw["id"],
        prompt=raw["prompt"],
        entry_point=raw["entry_point"],
        visible=tuple(VisibleExample(tuple(e["args"]), e["expected"]) for e in raw["visible"]),
    )
    tools = Tools(out, request.get("inbox", []), float(request.get("tool_timeout_s", 2.0)), 4096)
    try:
        source = solve(task, llm, tools)
    except BaseException as err:
        out.line("error", f"solve raised {_reason(err)}")
        return
    if not isinstance(source, str):
        out.line("error", f"solve returned {type(source).__name__}, expected str")
        return
    out.line("solution", str.__str__(source))


def _call_reproduce(request: dict[str, Any], out: Out, llm: Any) -> None:
    try:
        seed = load_module(request["seed_source"], "seed")
    except BaseException as err:
        out.line("error", f"seed failed to import: {_reason(err)}")
        return
    reproduce = getattr(seed, "reproduce", None)
    if not callable(reproduce):
        out.line("invalid", "the seed defines no reproduce(source, n, rng_seed, genome, llm)")
        return
    import genome

    kwargs: dict[str, Any] = {}
    try:
        params = inspect.signature(reproduce).parameters
    except (TypeError, ValueError):
        params = {}  # type: ignore[assignment]
    for key in ("partner_source", "reflection", "failures"):
        if key in params and request.get(key) is not None:
            kwargs[key] = request[key]
    try:
        children = reproduce(
            request["source"], int(request["n"]), int(request["rng_seed"]), genome, llm, **kwargs
        )
    except BaseException as err:
        out.line("error", f"reproduce raised {_reason(err)}")
        return
    if not isinstance(children, list | tuple):
        out.line("error", "reproduce must return a list of source strings")
        return
    n = int(request["n"])
    max_chars = int(request.get("max_child_chars") or 0)
    labelled: list[list[str]] = []
    for k, child in enumerate(children):
        if len(labelled) == n:  # the rest are neither copied nor sent
            out.line("note", f"reproduce returned {len(children)} children for n={n}: kept the first {n}")
            break
        source = child.get("source") if isinstance(child, dict) else child
        if not isinstance(source, str):
            out.line(
                "note",
                f"child {k} is a {type(child).__name__}, not a str or {{'source', 'operator'}}: dropped",
            )
            continue
        if max_chars and len(source) > max_chars:
            out.line(
                "note", f"child {k} has {len(source)} characters, over the limit of {max_chars}: dropped"
            )
            continue
        operator = child.get("operator") if isinstance(child, dict) else ""
        labelled.append(
            [str.__str__(source), str.__str__(operator)[:200] if isinstance(operator, str) else ""]
        )
    out.line("children", labelled)


def _call_crossover(request: dict[str, Any], out: Out) -> None:
    """``genome.crossover`` of two texts (trusted code, untrusted texts: libcst parses here, under the caps)."""
    import random

    import genome

    try:
        result = genome.crossover(
            request["parent"], request["partner"], random.Random(int(request["rng_seed"]))
        )
    except genome.SeedpopError as err:  # a parent over the genome's limits: refused before libcst parses it
        out.line("note", f"no crossover child: {err}")
        out.line("children", [])
        return
    if isinstance(result, genome.Mutated):
        out.line("children", [[result.source, f"crossover:{result.operator}"]])
        return
    why = result.message if isinstance(result, genome.Unparseable) else result.reason
    out.line("note", f"no crossover child: {why}")
    out.line("children", [])


def _call_reflect(request: dict[str, Any], out: Out) -> None:
    try:
        seed = load_module(request["seed_source"], "seed")
    except BaseException as err:
        out.line("error", f"seed failed to import: {_reason(err)}")
        return
    reflect = getattr(seed, "reflect", None)
    if not callable(reflect):
        out.line("reflection", {})
        return
    try:
        result = reflect(request["history"])
    except BaseException as err:
        out.line("error", f"reflect raised {_reason(err)}")
        return
    out.line("reflection", result if isinstance(result, dict) else {})


def run(request: dict[str, Any], out: Out, channel_fd: int | None, llm_factory: Any) -> None:
    """Dispatch one request by its ``mode``; never raises (failures become lines).

    ``channel_fd`` is the descriptor the harness passed: the LLM channel (``solve``/``reproduce``) or a
    judge's call channel (``serve``).
    """
    mode = request["mode"]
    if mode == "tests":
        run_tests(request, out)
    elif mode == "serve":
        serve_calls(request, out, channel_fd)
    elif mode == "ping":
        out.line("pong")
    elif mode in ("solve", "reproduce"):
        llm: Any = RefusingLLM()
        if channel_fd is not None and llm_factory is not None:
            llm = llm_factory(channel_fd)
        if mode == "solve":
            _call_solve(request, out, llm)
        else:
            _call_reproduce(request, out, llm)
    elif mode == "reflect":
        _call_reflect(request, out)
    elif mode == "crossover":
        _call_crossover(request, out)
    else:
        out.line("error", f"unknown mode {mode!r}")
