"""The pure scheduler: what to run next and what a result means (pyribs' ask/tell).

:meth:`Scheduler.ask` returns jobs up to a capacity; :meth:`Scheduler.tell_reproduced` and
:meth:`Scheduler.tell_evaluated` hand it what came back. It owns the islands, the MAP-Elites grid, births,
racing state and the reflect history. No Redis, no archive, no clock: randomness only from
:func:`population.rng.derive_rng`, so the same sequence of results gives the same jobs.

Racing (population/README.md states the rules): the train split is shuffled once into blocks; a child races
its parent block by block and is dropped as soon as :func:`population.racing.clearly_behind`; while level or
ahead it earns the next block, up to ``race_blocks``. A member becomes its island's elite only by
:func:`population.racing.beats` on ``promote_min_tasks`` common tasks; a contest short of common tasks earns
the side with fewer blocks its next block, and slots no child can use go to elites' next blocks.

Memory: the scheduler keeps only the seeds a later decision can still read (:meth:`Scheduler._reachable`):
origins, island members, seeds with a block queued or running, parents of pending reproduce jobs, and the
parent chain of a seed still racing. Any other seed can never be evaluated, selected or compared again, so
after each tell it is forgotten with its reflect history; of those still in the running (scored, not raced out)
the ``finalists`` best by train lower bound stay in :attr:`Scheduler.dormant`, which is all :meth:`ranked`
can ever take from them. What the scheduler holds therefore tracks the live population, not every seed born.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain
from typing import Any

from fitness.record import FitnessRecord, Outcome
from fitness.tasks import Task
from population.config import RunConfig
from population.intake import Fate
from population.islands import Island, migrate
from population.qd import Grid
from population.racing import beats, clearly_behind, lower_bound, paired, pass_rate, task_score
from population.rng import derive_rng, derive_seed
from population.selection import SELECTORS, Member, SelectionParams, best_of
from population.status import Counters
from population.tasks import blocks, family

HISTORY = 24  # reflect() sees at most this many recent children of a parent
MAX_MESSAGE_CHARS = 1000  # an island message is cut to this (the sandbox already cuts at 4096)
MAX_FAILURES = 5  # failed train tasks a reproduce job carries for a reflective rewrite


@dataclass(frozen=True, slots=True)
class Reproduce:
    """Ask ``parent_id``'s ``reproduce`` for ``n`` children (``partner_id`` offered when not "")."""

    job_id: str
    parent_id: str
    n: int
    rng_seed: int
    partner_id: str
    history: tuple[dict[str, Any], ...]
    island: int
    generation: int
    failures: tuple[dict[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Cross:
    """Cross two parents with ``genome.crossover`` (one child at most)."""

    job_id: str
    parent_id: str
    partner_id: str
    rng_seed: int
    island: int
    generation: int


@dataclass(frozen=True, slots=True)
class Evaluate:
    """Score ``seed_id`` on ``tasks`` of ``split``; ``block`` is the train block's index (-1 otherwise) and
    ``label`` names the part in the record's suite version (``b3``, ``validation24``)."""

    job_id: str
    seed_id: str
    split: str
    tasks: tuple[str, ...]
    label: str
    block: int = -1
    inbox: tuple[str, ...] = ()  # island messages for tools.inbox(): train blocks only


Job = Reproduce | Cross | Evaluate


@dataclass(frozen=True, slots=True)
class Admitted:
    """What intake did with one child of a reproduce or crossover job (``seed_id`` "" when it has none)."""

    fate: Fate
    seed_id: str = ""
    operator: str = ""
    novelty: float = 1.0
    size: int = 0


@dataclass(frozen=True, slots=True)
class Verdict:
    """The end of a run: the champion and the best origin, each chosen on validation among finalists."""

    champion: str | None
    best_origin: str | None
    reason: str


@dataclass
class _Seed:
    """What the scheduler knows of one scored or racing seed (mutable, private)."""

    seed_id: str
    parents: tuple[str, ...]
    island: int  # -1: an origin, on every island
    generation: int
    novelty: float
    operator: str
    size: int
    evidence: dict[str, float] = field(default_factory=dict)  # task id → score (population.racing)
    reasons: dict[str, str] = field(default_factory=dict)
    visible: dict[str, str] = field(default_factory=dict)  # task → the visible example it got wrong
    digests: dict[str, str] = field(default_factory=dict)  # task id → behaviour digest
    done: set[int] = field(default_factory=set)
    queued: set[int] = field(default_factory=set)
    racing: bool = True
    out: bool = False  # raced out, neutral, or not scored: never a parent again

    def next_block(self) -> int:
        k = 0
        while k in self.done or k in self.queued:
            k += 1
        return k


class Scheduler:
    """One run's population decisions. Pure: no I/O, no clock; the loop around it does the rest.

    Args:
        cfg: the run config.
        train: the suite's train tasks.
        origin_label: proposal label prefix of origins (unused here; kept for reports).
    """

    def __init__(self, cfg: RunConfig, train: Sequence[Task]) -> None:
        self.cfg = cfg
        self.tasks: Mapping[str, Task] = {t.id: t for t in train}
        self.blocks = blocks(tuple(train), cfg.block_size, derive_rng(cfg.seed, "blocks"), cfg.block_order)
        self.counters = Counters()
        self.islands = [Island(i, cfg.island_size) for i in range(cfg.islands)]
        self.grid = Grid({t.id: family(t) for t in train}, cfg.size_bins)
        self.selector = SELECTORS[cfg.selector]
        self.params = SelectionParams(cfg.tournament_size, float(cfg.novelty_weight))
        self.seeds: dict[str, _Seed] = {}  # the seeds a later decision may read (see _reachable)
        # forgotten seeds still in the running: the best ``finalists`` by train lower bound (for ranked())
        self.dormant: dict[str, _Seed] = {}
        self.keep_dormant = max(1, cfg.finalists)
        self.origin_ids: list[str] = []
        self.pending: dict[str, Job] = {}  # job id → job, from ask() until its tell
        self.queue: deque[Evaluate] = deque()  # train blocks waiting for a slot
        self.history: dict[str, deque[dict[str, Any]]] = {}
        self.reproductions: dict[str, int] = {}
        self.results: dict[str, dict[str, FitnessRecord]] = {"validation": {}, "holdout": {}}
        self.inboxes = [deque[str](maxlen=cfg.inbox_size) for _ in self.islands]
        self.jobs = 0
        self.dispatched_evals = 0
        self.producing = True
        per_generation = cfg.islands * cfg.island_size
        limits = [x for x in (cfg.max_evals, cfg.generations * per_generation) if x]
        self.eval_limit = min(limits) if limits else 0

    # ------------------------------------------------------------------------------------- ask
    def _job_id(self) -> str:
        self.jobs += 1
        return f"j{self.jobs}"

    def _budget_left(self) -> bool:
        if self.cfg.max_tokens and self.counters.tokens >= self.cfg.max_tokens:
            return False
        return not (self.eval_limit and self.dispatched_evals >= self.eval_limit)

    def accepting(self) -> bool:
        """Whether a new child can still be evaluated (else the loop drops it unarchived)."""
        return self._budget_left() or not self.eval_limit

    def _spare(self) -> int:
        """Evaluations the budget has beyond those queued and the children already asked for."""
        if not self.eval_limit:
            return 1 << 30
        expected = sum(
            j.n if isinstance(j, Reproduce) else 1
            for j in self.pending.values()
            if not isinstance(j, Evaluate)
        )
        return self.eval_limit - self.dispatched_evals - len(self.queue) - expected

    def ask(self, capacity: int) -> list[Job]:
        """New jobs so that at most ``capacity`` are pending: queued blocks first; then, when no block waits
        and reproductions already fill half the capacity, two at least (more would only wait for a slot), or
        no child can be made, an elite's next block (re-evaluation); else a reproduction. Every job returned
        is pending until its tell."""
        made: list[Job] = []
        attempts = 4 * capacity  # bounded: never spin here
        while len(self.pending) < capacity and attempts > 0:
            attempts -= 1
            if self.queue and self._budget_left():
                job = self.queue.popleft()
                job = replace(job, job_id=self._job_id(), inbox=self._inbox(job.seed_id))
                self.dispatched_evals += 1
                self.counters.task_runs += len(job.tasks)
                made.append(self._pend(job))
                continue
            if self.producing and not self._budget_left():
                self.producing = False
            spare = self._spare()
            births = sum(1 for j in self.pending.values() if not isinstance(j, Evaluate))
            if births >= max(2, capacity // 2) and spare > 0 and self._reevaluate():
                continue  # enough reproductions in flight to keep the loops fed: use the slot for evidence
            if self.producing and spare > 0:
                birth = self._reproduce()
                if birth is not None:
                    made.append(self._pend(birth))
                    continue
            if spare > 0 and self._reevaluate():
                continue
            break
        return made

    def _inbox(self, seed_id: str) -> tuple[str, ...]:
        """What ``tools.inbox()`` shows a train evaluation of ``seed_id``: its island's messages, oldest first
        (an origin, on every island, reads island 0's)."""
        seed = self.seeds.get(seed_id)
        return tuple(self.inboxes[max(0, seed.island)]) if seed is not None and self.cfg.inbox_size else ()

    def _pend(self, job: Job) -> Job:
        self.pending[job.job_id] = job
        return job

    def _want(self, seed: _Seed, upto: int) -> bool:
        """Queue ``seed``'s blocks up to ``upto`` (inclusive) it has neither run nor queued; True if any."""
        added = False
        while True:
            k = seed.next_block()
            if k > upto or k >= len(self.blocks):
                return added
            seed.queued.add(k)
            self.queue.append(Evaluate("", seed.seed_id, "train", self.blocks[k], f"b{k}", k))
            added = True

    def _eligible(self, island: Island) -> list[Member]:
        gens = self.cfg.generations
        return [m for m in island.members.values() if not gens or m.generation < gens]

    def _reproduce(self) -> Job | None:
        """One reproduce (or crossover) job, or None when no island has an eligible parent."""
        index = self.jobs
        order = [self.islands[(index + k) % len(self.islands)] for k in range(len(self.islands))]
        island = next((isl for isl in order if self._eligible(isl)), None)
        if island is None:
            if not self.pending and not self.queue and self.counters.evaluations:
                self.producing = False
            return None
        rng = derive_rng(self.cfg.seed, "select", index)
        eligible = {m.seed_id for m in self._eligible(island)}
        pool = island.pool(self.grid.elite_ids())
        pool = replace(pool, members=tuple(m for m in pool.members if m.seed_id in eligible))
        parent = self.selector.select(pool, rng, self.params)
        island.count_child(parent.seed_id)
        nth = self.reproductions.get(parent.seed_id, 0)
        self.reproductions[parent.seed_id] = nth + 1
        others = [m for m in pool.members if m.seed_id != parent.seed_id]
        generation = parent.generation + 1
        if others and rng.random() < self.cfg.manager_crossover_rate:
            mate = best_of(rng.sample(others, min(len(others), self.params.tournament_size)))
            seed = derive_seed(self.cfg.seed, "crossover", parent.seed_id, mate.seed_id, nth)
            return Cross(self._job_id(), parent.seed_id, mate.seed_id, seed, island.index, generation)
        partner = ""
        if others and rng.random() < self.cfg.crossover_rate:
            partner = best_of(rng.sample(others, min(len(others), self.params.tournament_size))).seed_id
        return Reproduce(
            self._job_id(),
            parent.seed_id,
            self.cfg.children_per_job,
            derive_seed(self.cfg.seed, "reproduce", parent.seed_id, nth),
            partner,
            tuple(self.history.get(parent.seed_id, ())),
            island.index,
            generation,
            self.failures(parent.seed_id),
        )

    def failures(self, seed_id: str) -> tuple[dict[str, str], ...]:
        """Up to :data:`MAX_FAILURES` train tasks ``seed_id`` failed, in block order, for a reflective rewrite:
        ``{"task_id", "prompt", "entry_point", "reason"}`` — the hidden tests' reason without its details
        (:func:`coarse_reason`), then the visible example the solution got wrong, with its answer, when one
        was (``TaskScore.visible``)."""
        seed = self.seeds.get(seed_id)
        if seed is None:
            return ()
        out: list[dict[str, str]] = []
        for block in self.blocks:
            for tid in block:
                if tid in seed.evidence and seed.evidence[tid] < 1.0 and len(out) < MAX_FAILURES:
                    task = self.tasks[tid]
                    reason = coarse_reason(seed.reasons.get(tid, ""))
                    if seed.visible.get(tid):
                        reason += f"; on a visible example: {seed.visible[tid]}"
                    out.append(
                        {
                            "task_id": tid,
                            "prompt": task.prompt,
                            "entry_point": task.entry_point,
                            "reason": reason,
                        }
                    )
        return tuple(out)

    def _reevaluate(self) -> bool:
        """An idle slot: the elite with the least evidence earns its next block, up to twice ``race_blocks``.
        False when none can."""
        elites = {isl.elite for isl in self.islands if isl.elite is not None}
        candidates = sorted(
            (self.seeds[sid] for sid in elites if sid in self.seeds),
            key=lambda s: (len(s.done | s.queued), s.seed_id),
        )
        cap = 2 * self.cfg.race_blocks  # beyond this, only a contest earns an elite more blocks
        for seed in candidates:
            if len(seed.done | seed.queued) < cap and self._want(seed, seed.next_block()):
                self.counters.reevaluations += 1
                return True
        return False

    # ------------------------------------------------------------------------------------- tell
    def add_origin(self, seed_id: str, size: int) -> None:
        """An origin seed (on every island once scored): it runs ``race_blocks`` blocks, against nobody."""
        if seed_id in self.seeds:
            return
        self.origin_ids.append(seed_id)
        seed = _Seed(seed_id, (), -1, 0, 1.0, "origin", size)
        self.seeds[seed_id] = seed
        self._want(seed, 0)

    def tell_reproduced(self, job_id: str, children: Sequence[Admitted]) -> None:
        """The children of a reproduce or crossover job, as intake left them. A job not pending is ignored."""
        job = self.pending.pop(job_id, None)
        if not isinstance(job, Reproduce | Cross):
            return
        parent = self.seeds.get(job.parent_id)
        parents = (job.parent_id, job.partner_id) if job.partner_id else (job.parent_id,)
        if isinstance(job, Cross):
            self.counters.crossovers += len(children)
        for child in children:
            self.counters.children += 1
            if child.fate is Fate.REDISCOVERY:
                self.counters.rediscoveries += 1
            elif child.fate is Fate.INVALID:
                self.counters.invalid += 1
                if child.seed_id:
                    self._remember(job.parent_id, child.seed_id, child.operator, None, "invalid")
            elif child.fate is Fate.NEAR_CLONE:
                self.counters.novelty_rejects += 1
            elif child.seed_id not in self.seeds:  # NEW is new to the archive: never a seed held or forgotten
                self.counters.new += 1
                generation = (parent.generation if parent else 0) + 1
                seed = _Seed(
                    child.seed_id, parents, job.island, generation, child.novelty, child.operator, child.size
                )
                self.seeds[child.seed_id] = seed
                self._want(seed, 0)
        self._sweep()

    def tell_evaluated(
        self,
        job_id: str,
        record: FitnessRecord,
        digests: Mapping[str, str] | None = None,
        published: Sequence[str] = (),
    ) -> list[str]:
        """A finished evaluation, its per-task behaviour digests (``fitness.harness.behaviour_digest``) and what
        the seed published. A job not pending is ignored (a result seen twice applies once).

        Returns:
            the messages delivered to the seed's island (train only; at most ``publish_per_eval``, each cut
            to :data:`MAX_MESSAGE_CHARS`), for the loop to archive with the sender.
        """
        job = self.pending.pop(job_id, None)
        if not isinstance(job, Evaluate):
            return []
        if job.split != "train":
            self.results.setdefault(job.split, {})[job.seed_id] = record
            return []  # unseen splits publish nothing: their messages would leak them into train
        seed = self.seeds.get(job.seed_id)
        if seed is None:
            return []
        delivered = self._deliver(seed, published)
        self.counters.evaluations += 1
        self.counters.tokens += record.prompt_tokens + record.completion_tokens
        seed.queued.discard(job.block)
        seed.done.add(job.block)
        for t in record.tasks:
            self.counters.clock_bound += t.clock_bound
            seed.evidence[t.task_id] = task_score(t.passed, t.total, self.cfg.evidence)
            seed.reasons[t.task_id] = t.reason
            if t.visible:
                seed.visible[t.task_id] = t.visible
        for tid in job.tasks:  # a task the record lacks (the seed stopped early) counts as failed
            seed.evidence.setdefault(tid, 0.0)
        seed.digests.update(digests or {})
        if record.outcome is not Outcome.SCORED:
            self._retire(seed, record.outcome.value)
        elif job.block == 0 and self._neutral(seed, job.tasks):
            self.counters.neutral += 1
            self._retire(seed, "neutral")
        else:
            self._judge(seed)
        self._sweep()
        return delivered

    def _deliver(self, seed: _Seed, published: Sequence[str]) -> list[str]:
        """Put up to ``publish_per_eval`` of a train evaluation's messages in its island's inbox (every
        island for an origin); the inbox keeps the newest ``inbox_size``."""
        if not self.cfg.inbox_size:
            return []
        messages = [str(m)[:MAX_MESSAGE_CHARS] for m in published[: self.cfg.publish_per_eval]]
        targets = range(len(self.islands)) if seed.island < 0 else [seed.island]
        for i in targets:
            self.inboxes[i].extend(messages)
        self.counters.messages += len(messages)
        return messages

    def _neutral(self, seed: _Seed, tasks: tuple[str, ...]) -> bool:
        """Whether a child behaved exactly like its parent on every task of its first block: the same LLM
        conversation and the same answer (equal behaviour digests), hence the same scores."""
        parent = self.seeds.get(seed.parents[0]) if seed.parents else None
        if parent is None or not tasks:
            return False
        mine, theirs = seed.digests, parent.digests
        return all(t in mine and t in theirs and mine[t] == theirs[t] for t in tasks)

    def _retire(self, seed: _Seed, outcome: str) -> None:
        seed.out, seed.racing = True, False
        for island in self._islands_of(seed):
            island.remove(seed.seed_id)
        if seed.parents:
            self._remember(seed.parents[0], seed.seed_id, seed.operator, pass_rate(seed.evidence), outcome)

    def _islands_of(self, seed: _Seed) -> list[Island]:
        """Its home island(s) (every island for an origin) and any island it migrated to."""
        home = self.islands if seed.island < 0 else [self.islands[seed.island]]
        return [isl for isl in self.islands if isl in home or seed.seed_id in isl.members]

    def _member(self, seed: _Seed) -> Member:
        passed = frozenset(t for t, score in seed.evidence.items() if score >= 1.0)
        return Member(
            seed.seed_id,
            lower_bound(seed.evidence),
            None,
            seed.generation,
            0,
            seed.novelty,
            passed,
            frozenset(seed.evidence),
            dict(seed.evidence),
        )

    def _judge(self, seed: _Seed) -> None:
        """Apply a seed's new evidence: the race against its parent, its island place, the elite contest."""
        parent = self.seeds.get(seed.parents[0]) if seed.parents else None
        if (
            seed.racing
            and parent is not None
            and clearly_behind(seed.evidence, parent.evidence, self.cfg.race_alpha)
        ):
            self.counters.raced_out += 1
            self._retire(seed, "raced_out")
            return
        if seed.racing:
            k = seed.next_block()
            more = len(seed.done) < self.cfg.race_blocks and self._want(seed, k)
            if more and parent is not None and not parent.out:
                self._want(parent, k)  # the parent catches up on the child's block: paired evidence
            if not more and not seed.queued:
                seed.racing = False
                if seed.parents:
                    self._remember(
                        seed.parents[0], seed.seed_id, seed.operator, pass_rate(seed.evidence), "scored"
                    )
        member = self._member(seed)
        self.counters.note_fitness(member.fitness)
        self.grid.tell(seed.seed_id, member.fitness, self.grid.descriptor(member.passed, seed.size))
        for island in self._islands_of(seed):  # more evidence may earn a place it was refused before
            if seed.seed_id in island.members:
                island.update(member)
            else:
                island.offer(member)
        for island in self._islands_of(seed):
            self._contest(island)
        interval = self.cfg.migration_interval
        if interval and self.counters.evaluations % interval == 0:
            self.counters.migrations += migrate(self.islands, self.cfg.migration_size)

    def _contest(self, island: Island) -> None:
        """Promote the island's member that beats its elite (paired, enough common tasks); a contest short of
        common tasks earns the side with fewer blocks its next block."""
        if island.elite is None or island.elite not in island.members:
            island.elite = None
            best = island.best()
            island.elite = best.seed_id if best else None
            return
        elite = self.seeds[island.elite]
        for sid in sorted(island.members):
            challenger = self.seeds.get(sid)
            if challenger is None or sid == elite.seed_id or challenger.racing:
                continue
            if beats(challenger.evidence, elite.evidence, self.cfg.promote_min_tasks):
                island.elite = sid
                self.counters.promotions += 1
                return
            p = paired(challenger.evidence, elite.evidence)
            if p.wins > p.losses and p.n < self.cfg.promote_min_tasks:
                short = challenger if len(challenger.done) <= len(elite.done) else elite
                self._want(short, short.next_block())

    def _remember(self, parent: str, child: str, op: str, fitness: float | None, outcome: str) -> None:
        mother = self.seeds.get(parent)
        if mother is None:
            return  # forgotten: never selected again, so nobody reads its history
        item = {
            "seed_id": child,
            "operator": op,
            "aggregate": fitness or 0.0,
            "parent_aggregate": pass_rate(mother.evidence),
            "outcome": outcome,
        }
        self.history.setdefault(parent, deque(maxlen=HISTORY)).append(item)

    # ------------------------------------------------------------------------------------- memory
    def _reachable(self) -> set[str]:
        """Ids of the seeds a later ask or tell may read: origins; island members and elites (selected,
        contested, re-evaluated, migrated); seeds with a train block queued or pending (their tell judges
        them); parents of pending reproduce and crossover jobs (their tell reads the parent); and the parent of
        every such seed still racing, and so on up while racing (its race reads the parent's evidence and
        digests and may queue the parent's blocks). Nothing else can reach a seed: only these ever get blocks
        (:meth:`_want`), and a seed joins an island only when a block of its own is told."""
        keep = set(self.origin_ids)
        for island in self.islands:
            keep.update(island.members)
            if island.elite is not None:
                keep.add(island.elite)
        keep.update(job.seed_id for job in self.queue)
        for job in self.pending.values():
            keep.add(job.seed_id if isinstance(job, Evaluate) else job.parent_id)
        racing = [sid for sid in keep if sid in self.seeds and self.seeds[sid].racing]
        while racing:
            seed = self.seeds[racing.pop()]
            parent = seed.parents[0] if seed.parents else ""
            if parent in self.seeds and parent not in keep:
                keep.add(parent)
                if self.seeds[parent].racing:
                    racing.append(parent)
        return keep

    def _sweep(self) -> None:
        """Forget every seed :meth:`_reachable` leaves out (after each tell, so what is held stays bounded)."""
        keep = self._reachable()
        for sid in [sid for sid in self.seeds if sid not in keep]:
            self._forget(self.seeds[sid])

    def _forget(self, seed: _Seed) -> None:
        """Drop ``seed`` with its reflect history and reproduction count; a seed still in the running stays in
        :attr:`dormant` (evidence, generation, novelty: what :meth:`ranked` and :meth:`member` read) while it
        is among the best ``finalists`` forgotten ones."""
        del self.seeds[seed.seed_id]
        self.history.pop(seed.seed_id, None)
        self.reproductions.pop(seed.seed_id, None)
        if not seed.evidence or seed.out:
            return
        self.dormant[seed.seed_id] = replace(
            seed, parents=(), reasons={}, visible={}, digests={}, done=set(), queued=set()
        )
        if len(self.dormant) > self.keep_dormant:
            worst = max(self.dormant.values(), key=_rank)
            del self.dormant[worst.seed_id]

    def abandon(self) -> list[str]:
        """Give up on every pending job; returns their ids (the loop tells the workers)."""
        ids = list(self.pending)
        self.pending.clear()
        return ids

    # ------------------------------------------------------------------------------------- the end
    def ranked(self, origins: bool) -> list[str]:
        """Scored seeds still in the running (not raced out), best train lower bound first (ties: more
        evidence, then id); evolved seeds or origins. Of the forgotten ones only the ``finalists`` best are
        held (:attr:`dormant`; their evidence never changes again), so the first ``finalists`` entries — all
        that :meth:`finalists`, :meth:`best_members` and :meth:`verdict` read — are those of every seed born."""
        seeds: Iterable[_Seed] = chain(self.seeds.values(), self.dormant.values())
        pool = [s for s in seeds if s.evidence and not s.out and (s.seed_id in self.origin_ids) == origins]
        pool.sort(key=_rank)
        return [s.seed_id for s in pool]

    def best_members(self) -> tuple[Member | None, Member | None]:
        """(best evolved, best origin) by train lower bound."""
        evolved, origins = self.ranked(False), self.ranked(True)
        return (self.member(evolved[0]) if evolved else None, self.member(origins[0]) if origins else None)

    def member(self, seed_id: str | None) -> Member | None:
        """A seed's facts as a :class:`Member` (None for None or an id not held: forgotten, or unknown)."""
        seed = (self.seeds.get(seed_id) or self.dormant.get(seed_id)) if seed_id else None
        return self._member(seed) if seed is not None else None

    def finalists(self) -> list[str]:
        """The ``finalists`` best evolved seeds and the ``finalists`` best origins by train lower bound."""
        k = self.cfg.finalists
        return self.ranked(False)[:k] + self.ranked(True)[:k]

    def ask_final(self, split: str, seed_ids: Sequence[str], task_ids: tuple[str, ...]) -> list[Evaluate]:
        """Evaluations of ``seed_ids`` on ``task_ids`` of a split other than train (pending until told)."""
        jobs = [
            Evaluate(self._job_id(), sid, split, task_ids, f"{split}{len(task_ids)}")
            for sid in dict.fromkeys(seed_ids)
        ]
        for job in jobs:
            self._pend(job)
        return jobs

    def verdict(self) -> Verdict:
        """The champion: the evolved finalist with the best validation pass rate (ties: better train lower
        bound, then id); the best origin chosen the same way among the origins scored on validation."""
        scored = self.results.get("validation", {})

        def pick(origins: bool) -> tuple[str | None, str]:
            ids = [sid for sid in self.ranked(origins) if sid in scored]
            if not ids:
                return None, "none scored on validation"
            rank = {sid: i for i, sid in enumerate(ids)}
            best = min(ids, key=lambda sid: (-pass_fraction(scored[sid]), rank[sid]))
            return best, f"validation {pass_fraction(scored[best]):.3f} among {len(ids)} finalist(s)"

        champion, why = pick(False)
        origin, why_origin = pick(True)
        k = self.cfg.finalists
        reason = (
            f"champion: best validation pass rate of the top {k} evolved seeds by train lower bound ({why}); "
            f"best origin: the same among origins ({why_origin})"
        )
        return Verdict(champion, origin, reason)


def _rank(seed: _Seed) -> tuple[float, int, str]:
    """Ranking order of :meth:`Scheduler.ranked`: best train lower bound first, then more evidence, then id."""
    return (-lower_bound(seed.evidence), -len(seed.evidence), seed.seed_id)


def pass_fraction(record: FitnessRecord) -> float:
    """Fraction of a record's tasks whose hidden tests all passed (the pass@1 the champion rule compares)."""
    return len(record.behaviour) / len(record.tasks) if record.tasks else 0.0


def coarse_reason(reason: str) -> str:
    """The kind of a task's failure without its details: ``"test 3: KeyError: 'x'"`` → ``"test 3: KeyError"``,
    ``"assertion failed: 5 != 6 …"`` → ``"assertion failed"``. A seed sees it, and the details of a hidden
    test's failure (an assertion message, an exception's text) may quote the hidden input or answer. Pure."""
    parts = [p.strip() for p in reason.split(":")]
    keep = 2 if parts[0].startswith("test ") and len(parts) > 1 else 1
    return ": ".join(parts[:keep]) or "wrong answer"
