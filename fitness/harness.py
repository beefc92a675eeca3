"""The evaluation harness: score a seed on a suite split with both sandbox layers and the LLM channel.

Per task: the *seed sandbox* runs ``solve(task, llm, tools)`` with a fresh budgeted LLM session; the
*solution sandbox* runs the returned code on the hidden tests; the trusted side compares
(:mod:`fitness.scoring`). Hidden tests, checkers and reference solutions never enter a sandbox. The
harness survives anything a seed or solution does: every failure is a score of 0 with a reason, or a
non-``SCORED`` outcome for the seed.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import TYPE_CHECKING, Any

from fitness.judge import judge
from fitness.record import FitnessRecord, Outcome, TaskScore
from fitness.sandbox import ExecStatus, Execution, Sandbox, SandboxKind, SandboxLimits
from fitness.sandbox.lines import Children, Failed, Invalid, Note, Published, Reflection, Solution
from fitness.scoring import (
    CascadeConfig,
    RecordHeader,
    TestVerdict,
    cascade_sample,
    make_record,
    mean_score,
    should_continue,
    verdict_from_tests,
)
from fitness.tasks import Suite, Task
from genome.canonical import DEFAULT_LIMITS
from genome.validate import validate
from llm.channel import LLMChannel

if TYPE_CHECKING:
    from llm.broker import Broker, Session

# What the seed sandbox's runner calls on the inherited descriptor: named from the imported class, so that a
# rename breaks here (and in mypy) rather than as a silent "no llm" inside the sandbox. The worker resolves
# it in ``sys.modules`` (the seed sandbox preloads ``llm.channel``) and never imports anything for it.
LLM_FACTORY = f"{LLMChannel.__module__}:{LLMChannel.from_fd.__qualname__}"


class EvaluationCancelled(Exception):
    """Raised by :meth:`Harness.evaluate` when its ``cancelled`` callback says so, between two tasks."""

    def __init__(self, tasks_done: int) -> None:
        super().__init__(f"evaluation cancelled after {tasks_done} task(s)")
        self.tasks_done = tasks_done


@dataclass(frozen=True, slots=True)
class EvalConfig:
    """How one evaluation runs.

    Attributes:
        cascade: cascade settings (applies to the ``train`` split only).
        tokens_per_task: LLM token budget of one task's ``solve`` (None: unlimited).
        solve_timeout_s: wall seconds for one ``solve`` call, its LLM calls included.
        tests_timeout_s: wall seconds for one task's whole hidden-test batch.
        per_test_s: wall seconds for one hidden test (an alarm inside the sandbox).
        reproduce_timeout_s: wall seconds for one ``reproduce`` call.
        seed_limits: resource limits of the seed sandbox.
        solution_limits: resource limits of the solution sandbox.
        inbox: island messages a seed's ``tools.inbox()`` returns.
        rng_seed: passed to LLM sessions so sampled calls are reproducible.
    """

    cascade: CascadeConfig = field(default_factory=CascadeConfig)
    tokens_per_task: int | None = 4000
    solve_timeout_s: float = 120.0
    tests_timeout_s: float = 10.0
    per_test_s: float = 3.0
    reproduce_timeout_s: float = 120.0
    seed_limits: SandboxLimits = field(default_factory=lambda: SandboxLimits(memory_bytes=1024 * 1024 * 1024))
    solution_limits: SandboxLimits = field(default_factory=SandboxLimits)
    inbox: tuple[str, ...] = ()
    rng_seed: int | None = 0


@dataclass(frozen=True, slots=True)
class Child:
    """A child a seed's ``reproduce`` returned: its source and the seed's label for the variation ("" if none)."""

    source: str
    operator: str = ""


MAX_PROBLEMS = 10  # notes kept from one reproduce call
CROSSOVER_TIMEOUT_S = 30.0  # wall seconds for one crossover (two libcst parses of bounded texts: ~0.1 s)


@dataclass(frozen=True, slots=True)
class Reproduction:
    """What one ``reproduce`` call gave: at most ``n`` children, and each reason something was dropped, cut or
    failed (empty when the seed behaved), for the caller to record."""

    children: tuple[Child, ...]
    problems: tuple[str, ...] = ()


class SolveKind(Enum):
    """How one ``solve`` call ended."""

    SOLUTION = "solution"
    INVALID = "invalid"  # the seed has no usable solve
    IMPORT_ERROR = "import_error"  # the seed module raised at import
    ERROR = "error"  # solve raised or returned a non-string
    TIMEOUT = "timeout"
    LOST = "lost"


@dataclass(frozen=True, slots=True)
class SolveResult:
    """One ``solve`` call: the returned source (when any), why not, messages published, LLM usage."""

    kind: SolveKind
    source: str = ""
    reason: str = ""
    published: tuple[str, ...] = ()
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    digest: str = ""


@dataclass(frozen=True, slots=True)
class Evaluation:
    """A finished evaluation: the record, the cascade stage's score, what the seed published, and per task
    its behaviour digest (:func:`behaviour_digest`)."""

    record: FitnessRecord
    cascade_score: float | None
    published: tuple[str, ...]
    digests: dict[str, str] = field(default_factory=dict)


def behaviour_digest(transcript: str, kind: str, answer: str) -> str:
    """A task's behaviour digest: SHA-256 of the LLM transcript digest (every request and reply, in order;
    ``""`` without a model), how ``solve`` ended and what it returned (the solution, or the reason). Two runs
    of ``solve`` with equal digests asked the same, heard the same and answered the same, so the hidden tests
    score them the same: what the seed did with ``tools.run`` in between shows in its later requests or its
    answer, or it changed nothing. Pure."""
    text = json.dumps([transcript, kind, answer])
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def static_problem(source: str) -> str:
    """Why ``source`` cannot be a seed at all ("" when it may be), in one line: :func:`genome.validate` (the one
    definition of a valid seed: parses within the genome's limits, compiles, has a top-level ``def solve``)."""
    problems = validate(source)
    if not problems:
        return ""
    first = problems[0]
    if first.code in ("syntax", "source"):
        return f"seed is not valid Python: {first.message}"
    if first.code == "missing-function":
        return "seed defines no solve(task, llm, tools)"
    return f"seed is not a valid seed: {first.message}"


def safe_seed_id(source: str) -> str:
    """``genome.seed_id`` of the source, or a hash of the raw bytes when it does not parse."""
    from genome.canonical import seed_id

    try:
        return seed_id(source)
    except Exception:
        return "raw-" + hashlib.sha256(source.encode("utf-8", "replace")).hexdigest()


@dataclass
class _Scored:
    """What one evaluation has scored so far: each task's score, and every solve result in order."""

    scores: dict[str, TaskScore] = field(default_factory=dict)
    results: list[SolveResult] = field(default_factory=list)
    digests: dict[str, str] = field(default_factory=dict)

    def outcome(self, stopped: Outcome | None) -> tuple[Outcome, str]:
        """The record's outcome and reason: a stop (invalid seed, crash at import) with the solve's reason,
        ``TIMED_OUT`` when every solve timed out, else ``SCORED``."""
        if stopped is not None:
            return stopped, self.results[-1].reason
        if self.results and all(r.kind is SolveKind.TIMEOUT for r in self.results):
            return Outcome.TIMED_OUT, "every solve call timed out"
        return Outcome.SCORED, ""


@dataclass(frozen=True, slots=True)
class _Batch:
    """Score a batch of tasks for one evaluation, stopping at a seed that cannot run at all."""

    harness: Harness
    seed_source: str
    label: str
    inbox: Sequence[str] | None
    cancelled: Callable[[], bool] | None
    on_task: Callable[[TaskScore], None] | None = None

    def __call__(self, batch: Sequence[Task], done: _Scored) -> Outcome | None:
        """Score ``batch`` into ``done``; ``INVALID`` or ``CRASHED`` when a solve says the seed is unusable.

        Raises:
            EvaluationCancelled: ``cancelled()`` said so before a task.
        """
        for task in batch:
            if self.cancelled is not None and self.cancelled():
                raise EvaluationCancelled(len(done.scores))
            score, solved = self.harness.score_task(self.seed_source, task, self.label, self.inbox)
            done.scores[task.id] = score
            done.results.append(solved)
            done.digests[task.id] = solved.digest
            if self.on_task is not None:
                self.on_task(score)
            if solved.kind is SolveKind.INVALID:
                return Outcome.INVALID
            if solved.kind is SolveKind.IMPORT_ERROR:
                return Outcome.CRASHED
        return None


class Harness:
    """Owns one warm seed sandbox and one warm solution sandbox; not thread-safe (one per worker slot).

    Args:
        broker: the LLM broker; None runs seeds with an ``llm`` that refuses every call.
        config: evaluation settings.
        model: the model's name for records (``"none"`` without a broker).
    """

    def __init__(
        self, broker: Broker | None = None, config: EvalConfig | None = None, model: str = "none"
    ) -> None:
        self.broker = broker
        self.config = config or EvalConfig()
        self.model = model if broker is not None else "none"
        self.seed_sandbox = Sandbox(SandboxKind.SEED, self.config.seed_limits)
        self.solution_sandbox = Sandbox(SandboxKind.SOLUTION, self.config.solution_limits)
        self._trusted_cpu_s = 0.0  # runners' CPU spent on trusted genome code (crossover)

    @property
    def code_cpu_s(self) -> float:
        """CPU seconds the sandboxes' runners have spent executing seed and solution code (``solve``,
        ``reproduce``, ``reflect``, hidden tests, and what they forked); a crossover's runner runs trusted
        genome code and is not counted. Monotone; the caller takes differences."""
        executed = self.seed_sandbox.executed_cpu_s + self.solution_sandbox.executed_cpu_s
        return executed - self._trusted_cpu_s

    def __enter__(self) -> Harness:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop both sandboxes (every process they started is killed). Idempotent."""
        self.seed_sandbox.close()
        self.solution_sandbox.close()

    # ----------------------------------------------------------------- layer 2: hidden tests
    def run_hidden(self, task: Task, solution: str) -> TestVerdict:
        """Run ``solution`` on ``task``'s hidden tests in the solution sandbox; compare on this side."""
        cfg = self.config
        try:
            compile(solution, "<solution>", "exec")
        except (SyntaxError, ValueError) as err:
            return TestVerdict(0, task.hidden_count, f"solution is not valid Python: {err}"[:200])
        if task.is_code_tested:  # the test code runs here, the candidate in the sandbox (fitness.judge)
            return judge(task, solution, self.solution_sandbox, cfg.per_test_s, cfg.tests_timeout_s)
        request: dict[str, Any] = {
            "mode": "tests",
            "source": solution,
            "entry": task.entry_point,
            # the visible examples after the hidden ones: they score nothing, they describe a failure
            "args": [list(e.args) for e in task.hidden] + [list(e.args) for e in task.visible],
            "per_test_s": cfg.per_test_s,
        }
        return verdict_from_tests(task, self.solution_sandbox.execute(request, cfg.tests_timeout_s))

    # ----------------------------------------------------------------- layer 1: the seed
    def _session(self, label: str, budget: int | None, deadline_s: float) -> Session | None:
        if self.broker is None:
            return None
        return self.broker.open_session(
            label, token_budget=budget, deadline_s=deadline_s, rng_seed=self.config.rng_seed
        )

    def _run_seed(self, request: dict[str, Any], timeout_s: float, session: Session | None) -> Execution:
        if session is None:
            return self.seed_sandbox.execute(request, timeout_s)
        request = dict(request, llm_factory=LLM_FACTORY)
        return self.seed_sandbox.execute(request, timeout_s, fds=(session.client_fd(),))

    def solve(
        self, seed_source: str, task: Task, label: str = "seed", inbox: Sequence[str] | None = None
    ) -> SolveResult:
        """Run the seed's ``solve`` on ``task`` (visible part only) in the seed sandbox. Never raises.

        ``inbox`` (default ``config.inbox``) is what ``tools.inbox()`` returns; what the seed publishes
        comes back in ``SolveResult.published`` for the caller to relay. The result carries the task's
        :func:`behaviour_digest`.
        """
        result, transcript = self._solve(seed_source, task, label, inbox)
        answer = result.source if result.kind is SolveKind.SOLUTION else result.reason
        return replace(result, digest=behaviour_digest(transcript, result.kind.value, answer))

    def _solve(
        self, seed_source: str, task: Task, label: str, inbox: Sequence[str] | None
    ) -> tuple[SolveResult, str]:
        """:meth:`solve` without the digest: the result and the LLM transcript digest ("" without a model)."""
        cfg = self.config
        session = self._session(f"{label}:{task.id}", cfg.tokens_per_task, cfg.solve_timeout_s)
        request = {
            "mode": "solve",
            "seed_source": seed_source,
            "task": task.seed_view(),
            "inbox": list(cfg.inbox if inbox is None else inbox),
        }
        start = time.monotonic()
        try:
            execution = self._run_seed(request, cfg.solve_timeout_s, session)
        finally:
            usage = session.usage() if session is not None else None
            transcript = session.transcript_digest() if session is not None else ""
            if session is not None:
                session.close()
        seconds = time.monotonic() - start
        pt, ct = (usage.prompt_tokens, usage.completion_tokens) if usage else (0, 0)
        replies = execution.replies()
        published = tuple(line.message for line in replies if isinstance(line, Published))

        def result(kind: SolveKind, source: str, reason: str) -> tuple[SolveResult, str]:
            solved = SolveResult(kind, source, reason, published, pt, ct, seconds)
            return solved, transcript

        for line in replies:
            if isinstance(line, Solution):
                return result(SolveKind.SOLUTION, line.source, "")
            if isinstance(line, Invalid | Failed):
                reason = line.reason[:300]
                if isinstance(line, Invalid):
                    solve_kind = SolveKind.INVALID
                elif reason.startswith("seed failed to import"):
                    solve_kind = SolveKind.IMPORT_ERROR
                else:
                    solve_kind = SolveKind.ERROR
                return result(solve_kind, "", reason)
        if execution.status is ExecStatus.TIMEOUT:
            return result(SolveKind.TIMEOUT, "", "solve timed out (whole process tree killed)")
        if execution.status is ExecStatus.LOST:
            return result(SolveKind.LOST, "", "seed sandbox worker lost")
        why = f"killed by signal {execution.signal}" if execution.signal else "exited without returning"
        return result(SolveKind.ERROR, "", f"solve {why}")

    def score_task(
        self, seed_source: str, task: Task, label: str = "seed", inbox: Sequence[str] | None = None
    ) -> tuple[TaskScore, SolveResult]:
        """Solve then test one task."""
        solved = self.solve(seed_source, task, label, inbox)
        tokens = solved.prompt_tokens + solved.completion_tokens
        if solved.kind is not SolveKind.SOLUTION:
            return TaskScore(task.id, 0, task.hidden_count, solved.reason, tokens, solved.seconds), solved
        start = time.monotonic()
        verdict = self.run_hidden(task, solved.source)
        seconds = solved.seconds + time.monotonic() - start
        score = TaskScore(
            task.id, verdict.passed, verdict.total, verdict.reason, tokens, seconds, verdict.visible
        )
        return score, solved

    def evaluate(
        self,
        seed_source: str,
        suite: Suite,
        split: str = "train",
        parent_cascade: float | None = None,
        inbox: Sequence[str] | None = None,
        cancelled: Callable[[], bool] | None = None,
        on_task: Callable[[TaskScore], None] | None = None,
    ) -> Evaluation:
        """Score ``seed_source`` on ``suite``'s ``split``, with the cascade on the train split.

        Never raises for anything the seed does. Outcomes: ``INVALID`` (not Python, no ``solve``),
        ``CRASHED`` (the module raises at import), ``TIMED_OUT`` (every solve timed out), else ``SCORED``.
        ``on_task`` is called with each task's score as soon as it is scored (progress reports; it must not
        raise).

        Raises:
            EvaluationCancelled: ``cancelled()`` returned True before a task (asked before each one; the task
                in progress always finishes).
        """
        start = time.monotonic()
        tasks = suite.split(split)
        header = RecordHeader(safe_seed_id(seed_source), suite.name, suite.version, split, self.model)
        problem = static_problem(seed_source)
        if problem:
            return Evaluation(make_record(header, Outcome.INVALID, (), len(tasks), reason=problem), None, ())
        cascade = self.config.cascade
        first = tasks
        if cascade.enabled and split == "train":
            first = cascade_sample(tasks, cascade.size, suite.version)
        done = _Scored()
        run = _Batch(self, seed_source, header.seed_id, inbox, cancelled, on_task)
        stopped = run(first, done)
        stage = "full"
        cascade_score: float | None = None
        if stopped is None and first is not tasks:
            cascade_score = mean_score([done.scores[t.id] for t in first], len(first))
            if should_continue(cascade_score, parent_cascade, cascade):
                stopped = run([t for t in tasks if t.id not in done.scores], done)
            else:
                stage = "cascade"
        outcome, reason = done.outcome(stopped)
        if outcome is Outcome.SCORED and stage == "cascade":
            reason = f"cascade stopped: {cascade_score:.3f} < parent {parent_cascade:.3f} × {cascade.factor}"
        record = make_record(
            header,
            outcome,
            [done.scores[t.id] for t in tasks if t.id in done.scores],
            len(tasks),
            prompt_tokens=sum(r.prompt_tokens for r in done.results),
            completion_tokens=sum(r.completion_tokens for r in done.results),
            seconds=time.monotonic() - start,
            reason=reason,
            stage=stage,
        )
        published = tuple(m for r in done.results for m in r.published)
        return Evaluation(record, cascade_score, published, dict(done.digests))

    # ----------------------------------------------------------------- reproduction
    def reproduce(
        self,
        parent_source: str,
        n: int,
        rng_seed: int,
        llm_session: Session | None = None,
        partner_source: str | None = None,
        reflection: dict[str, Any] | None = None,
        failures: list[dict[str, str]] | None = None,
    ) -> Reproduction:
        """Run the parent's ``reproduce(source, n, rng_seed, genome, llm)`` in the seed sandbox.

        ``partner_source``, ``reflection`` and ``failures`` (the parent's failed train tasks, seeds/README.md)
        are passed as keyword arguments only to a ``reproduce`` that declares them. A child may come back as a
        plain source or as ``{"source", "operator"}`` (the seed's own label for how it made it). Keeps at most
        ``n`` children; a child of another type or over the genome's size limit is dropped, and every drop,
        cut or failure is a line of ``problems``. What crosses the sandbox boundary is capped at ``n``
        children's worth of bytes (more is an ``OVERSIZE`` failure).
        Never raises for anything the seed does.
        """
        # The boundary's cap: n children at the genome's size limit (JSON may double a text) + the notes.
        cap = int(n) * 2 * DEFAULT_LIMITS.max_bytes + 64 * 1024
        request = {
            "mode": "reproduce",
            "seed_source": parent_source,
            "source": parent_source,
            "n": int(n),
            "rng_seed": int(rng_seed),
            "partner_source": partner_source,
            "reflection": reflection,
            "failures": failures,
            "max_child_chars": DEFAULT_LIMITS.max_bytes,
            "result_bytes": cap,
        }
        execution = self._run_seed(request, self.config.reproduce_timeout_s, llm_session)
        return self._reproduction(execution, int(n), "reproduce", cap)

    def crossover(self, parent_source: str, partner_source: str, rng_seed: int) -> Reproduction:
        """Cross two archived seeds with :func:`genome.crossover` in the seed sandbox: libcst parses untrusted
        text only in a process with a memory and CPU cap (a parser bomb costs a lost child, not a worker).
        At most one child, labelled ``crossover:<operator>``, or none and why. Never raises."""
        cap = 2 * DEFAULT_LIMITS.max_bytes + 64 * 1024
        request = {
            "mode": "crossover",
            "seed_source": "",
            "parent": parent_source,
            "partner": partner_source,
            "rng_seed": int(rng_seed),
            "result_bytes": cap,
        }
        execution = self.seed_sandbox.execute(request, CROSSOVER_TIMEOUT_S)
        self._trusted_cpu_s += execution.cpu_seconds
        return self._reproduction(execution, 1, "crossover", cap)

    def _reproduction(self, execution: Execution, n: int, what: str, cap: int) -> Reproduction:
        """The children lines of a ``reproduce`` or ``crossover`` execution, and every problem on the way."""
        problems: list[str] = []
        for line in execution.replies():
            if isinstance(line, Note) and len(problems) < MAX_PROBLEMS:
                problems.append(line.reason[:300])
            elif isinstance(line, Failed | Invalid):
                problems.append(line.reason[:300])
                return Reproduction((), tuple(problems))
            elif isinstance(line, Children):
                children = [Child(source, operator) for source, operator in line.children]
                if line.malformed:
                    problems.append(f"{line.malformed} malformed children dropped")
                if len(children) > n:
                    problems.append(f"{what} returned {len(children)} children for n={n}: kept the first {n}")
                return Reproduction(tuple(children[:n]), tuple(problems))
        if execution.status is ExecStatus.TIMEOUT:
            timeout = self.config.reproduce_timeout_s if what == "reproduce" else CROSSOVER_TIMEOUT_S
            problems.append(f"{what} timed out after {timeout:g} s (whole process tree killed)")
        elif execution.status is ExecStatus.OVERSIZE:
            problems.append(f"{what} sent more than {cap} bytes of children (n={n}): all dropped")
        elif execution.status is ExecStatus.LOST:
            problems.append(f"seed sandbox worker lost during {what}")
        else:
            why = f"killed by signal {execution.signal}" if execution.signal else "exited without returning"
            problems.append(f"{what} {why}")
        return Reproduction((), tuple(problems))

    def run_reflect(self, seed_source: str, history: Any) -> dict[str, Any]:
        """Run the seed's optional ``reflect(history)``; ``{}`` when absent or failing."""
        request = {"mode": "reflect", "seed_source": seed_source, "history": history}
        execution = self.seed_sandbox.execute(request, self.config.reproduce_timeout_s)
        for line in execution.replies():
            if isinstance(line, Reflection):
                return dict(line.value)
        return {}
