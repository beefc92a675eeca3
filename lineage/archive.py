"""The archive of a run: what the population manager calls.

Write order (crash safety): objects are written to temp files, made durable and renamed into place, and
only then does the index transaction that refers to them commit. A killed writer therefore leaves at most
temp files and objects the index does not know yet — never an index row pointing to a missing object, never
a partial object. ``reindex`` picks up such objects; ``verify`` checks every byte.
"""

from __future__ import annotations

import os
import sqlite3
import time as _time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from types import TracebackType

from fitness.record import FitnessRecord
from genome import canonical_source
from lineage import index, queries
from lineage.edge import Edge, proposal_key
from lineage.errors import UnknownIdError
from lineage.layout import ArchiveLock, Layout, check_layout, create_layout
from lineage.model import (
    AddResult,
    AddStatus,
    Counts,
    Evidence,
    GenerationStats,
    OperatorStats,
    Proposal,
    Ranked,
    RecordResult,
    Relative,
    SeedSummary,
)
from lineage.objects import Kind, ObjectStore
from lineage.upgrade import add_evidence


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogatepass")


class Archive:
    """A run's seeds, edges, records and runs: objects in ``objects/``, an index in ``lineage.sqlite``.

    Safe to use from several processes at once (each opens its own ``Archive``); not thread-safe within a
    process. Use :meth:`create` or :meth:`open`, and :meth:`close` (or ``with``).
    """

    def __init__(
        self, layout: Layout, conn: sqlite3.Connection, store: ObjectStore, lock: ArchiveLock
    ) -> None:
        self.layout = layout
        self._conn = conn
        self._store = store
        self._lock = lock

    @classmethod
    def create(cls, run_dir: str, config_text: str | None = None, *, durable: bool = True) -> Archive:
        """Create (or reopen) the archive in ``run_dir``; store ``config_text`` as a run object if given.

        Raises:
            NotAnArchiveError: ``run_dir`` holds an archive of another format.
            IndexUnavailableError: the archive exists but its index is missing or unusable (reindex).
        """
        existed = os.path.exists(Layout(os.path.abspath(run_dir)).version_file)
        layout = create_layout(run_dir)
        lock = ArchiveLock(layout, exclusive=False)
        store = ObjectStore(layout.objects, durable=durable)
        try:
            # An existing archive whose index is gone gets no empty index behind the user's back: reindex.
            conn = index.connect(
                layout.index,
                create=not existed or os.path.exists(layout.index),
                upgrade=lambda c: add_evidence(c, store, layout.index),
            )
        except BaseException:
            lock.release()
            raise
        archive = cls(layout, conn, store, lock)
        if config_text is not None:
            archive.add_run(config_text)
        return archive

    @classmethod
    def open(cls, run_dir: str, *, durable: bool = True) -> Archive:
        """Open an existing archive.

        Raises:
            NotAnArchiveError: missing or foreign run directory.
            IndexUnavailableError: the index is missing, locked, or unusable (the message says to reindex).
                An index written before the evidence table gets it in place first (``lineage.upgrade``).
            ArchiveBusyError: a reindex is running.
        """
        layout = check_layout(run_dir)
        lock = ArchiveLock(layout, exclusive=False)
        store = ObjectStore(layout.objects, durable=durable)
        try:
            conn = index.connect(layout.index, upgrade=lambda c: add_evidence(c, store, layout.index))
        except BaseException:
            lock.release()
            raise
        return cls(layout, conn, store, lock)

    def close(self) -> None:
        """Close the index and release the lock. Idempotent."""
        self._conn.close()
        self._lock.release()

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def store(self) -> ObjectStore:
        """The object store (reads verify hashes)."""
        return self._store

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One index transaction; deferred objects are flushed (durable, visible) just before it commits."""
        try:
            with index.transaction(self._conn, self.layout.index):
                yield
                self._store.flush()
        except BaseException:
            self._store.discard()
            raise

    # ---- writes -------------------------------------------------------------------------------------

    def add(
        self,
        source: str,
        parents: tuple[str, ...] = (),
        operator: str = "origin",
        generation: int = 0,
        island: int = 0,
        run: str | None = None,
        *,
        proposal: str = "",
        canonical: str | None = None,
        time: float | None = None,
    ) -> AddResult:
        """Add one proposed seed; see :class:`Proposal` for the arguments and :class:`AddStatus` for the result.

        Idempotent: the same proposal twice gives ``ALREADY_RECORDED`` the second time.

        Raises:
            SourceError, UnparseableError: ``source`` is not a program.
            UnknownIdError: a parent or the run is not in the archive.
        """
        return self.add_many(
            [Proposal(source, tuple(parents), operator, generation, island, run, proposal, canonical, time)]
        )[0]

    def add_many(self, proposals: Iterable[Proposal]) -> list[AddResult]:
        """Add a batch in one transaction with one filesystem sync (group commit); results in order.

        All or nothing: if one proposal is refused (bad source, unknown parent) nothing is recorded.
        A parent may be a seed proposed earlier in the same batch.
        """
        prepared: list[tuple[Proposal, str, str]] = []
        for p in proposals:
            canonical = _utf8(p.canonical if p.canonical is not None else canonical_source(p.source))
            seed = self._store.put(Kind.SEED, canonical, defer=True)
            src = self._store.put(Kind.SOURCE, _utf8(p.source), base=(seed, canonical), defer=True)
            prepared.append((p, seed, src))
        results: list[AddResult] = []
        with self._writing():
            now = _time.time()
            for p, seed, src in prepared:
                if p.run is not None and not self._has_run(p.run):
                    raise UnknownIdError(f"run {p.run} is not in the archive; add it with add_run first")
                key = proposal_key(
                    seed, src, p.parents, p.operator, p.generation, p.island, p.run, p.proposal
                )
                known = index.edge_with_key(self._conn, key)
                if known is not None:
                    results.append(AddResult(AddStatus.ALREADY_RECORDED, seed, known))
                    continue
                edge = Edge(
                    seed,
                    src,
                    p.parents,
                    p.operator,
                    p.generation,
                    p.island,
                    p.run,
                    p.proposal,
                    now if p.time is None else p.time,
                )
                edge_id = self._store.put(Kind.EDGE, _utf8(edge.to_json()), defer=True)
                status = index.insert_edge(self._conn, edge, edge_id)
                results.append(AddResult(status, seed, edge_id))
        return results

    def _has_run(self, run_id: str) -> bool:
        try:
            key = bytes.fromhex(run_id)
        except ValueError:
            return False
        return self._conn.execute("SELECT 1 FROM runs WHERE id=?", (key,)).fetchone() is not None

    def add_record(self, record: FitnessRecord) -> RecordResult:
        """Store a fitness record of a seed already in the archive. Idempotent (equal records, one row).

        Raises:
            UnknownIdError: the record's seed is not in the archive.
        """
        rid = self._store.put(Kind.RECORD, _utf8(record.to_json()), defer=True)
        with self._writing():
            status = index.insert_record(self._conn, record, rid)
        return RecordResult(status, rid)

    def add_run(self, config_text: str) -> str:
        """Store a run's resolved config text; return the run id. Idempotent."""
        rid = self._store.put(Kind.RUN, _utf8(config_text), defer=True)
        with self._writing():
            index.insert_run(self._conn, rid)
        return rid

    # ---- reads --------------------------------------------------------------------------------------

    def has(self, seed_id: str) -> bool:
        """True when seed ``seed_id`` (full id) is in the index: one indexed lookup."""
        return queries.has(self._conn, seed_id)

    def resolve(self, prefix: str) -> str:
        """The full seed id for a unique prefix. Raises UnknownIdError / AmbiguousIdError."""
        return queries.resolve(self._conn, prefix)

    def summary(self, seed_id: str) -> SeedSummary:
        return queries.summary(self._conn, seed_id)

    def recent(self, limit: int = 20) -> list[SeedSummary]:
        return queries.recent(self._conn, limit)

    def best(
        self,
        limit: int = 10,
        *,
        island: int | None = None,
        suite: str | None = None,
        version: str | None = None,
        split: str = "train",
    ) -> list[Ranked]:
        """Best seeds by the Wilson 95% lower bound of their pass rate on ``split`` (see
        :func:`lineage.queries.best`)."""
        return queries.best(self._conn, limit, island=island, suite=suite, version=version, split=split)

    def evidence(self, seed_id: str) -> list[Evidence]:
        """The seed's evidence per (suite, base version, split), train first (see :class:`Evidence`)."""
        return queries.evidence(self._conn, seed_id)

    def by_generation(self, generation: int) -> list[SeedSummary]:
        return queries.by_generation(self._conn, generation)

    def parents(self, seed_id: str) -> list[str]:
        return queries.parents(self._conn, seed_id)

    def children(self, seed_id: str) -> list[str]:
        return queries.children(self._conn, seed_id)

    def ancestors(self, seed_id: str, max_depth: int | None = None) -> list[Relative]:
        return queries.ancestors(self._conn, seed_id, max_depth)

    def descendants(self, seed_id: str, max_depth: int | None = None) -> list[Relative]:
        return queries.descendants(self._conn, seed_id, max_depth)

    def dedup_counts(self, limit: int | None = None) -> list[tuple[str, int]]:
        return queries.dedup_counts(self._conn, limit)

    def counts(self) -> Counts:
        return queries.counts(self._conn)

    def operator_stats(self) -> list[OperatorStats]:
        return queries.operator_stats(self._conn)

    def generation_stats(self) -> list[GenerationStats]:
        return queries.generation_stats(self._conn)

    def edges(self, seed_id: str) -> list[Edge]:
        """The edges that proposed ``seed_id``, oldest (its birth) first; read from objects, verified."""
        return [
            Edge.from_json(self._store.get(e, Kind.EDGE).body) for e in queries.edge_ids(self._conn, seed_id)
        ]

    def birth(self, seed_id: str) -> Edge | None:
        """The edge that first proposed ``seed_id`` (its birth), or None when it is not archived."""
        ids = queries.edge_ids(self._conn, seed_id)
        return Edge.from_json(self._store.get(ids[0], Kind.EDGE).body) if ids else None

    def records(self, seed_id: str) -> list[FitnessRecord]:
        """Fitness records of ``seed_id``, best first; read from objects, verified."""
        return [
            FitnessRecord.from_json(self._store.get(r, Kind.RECORD).body)
            for r in queries.record_ids(self._conn, seed_id)
        ]

    def source(self, seed_id: str) -> str:
        """The exact text of ``seed_id`` as first proposed (comments included)."""
        ids = queries.edge_ids(self._conn, seed_id)
        if not ids:
            raise UnknownIdError(f"seed {seed_id} is not in the index; check the id or run `reindex`")
        birth = Edge.from_json(self._store.get(ids[0], Kind.EDGE).body)
        return self._store.get(birth.source, Kind.SOURCE).body.decode("utf-8", errors="surrogatepass")

    def canonical(self, seed_id: str) -> str:
        """The canonical text of ``seed_id`` (its identity)."""
        return self._store.get(seed_id, Kind.SEED).body.decode("utf-8", errors="surrogatepass")

    def all_summaries(self) -> list[SeedSummary]:
        return queries.all_summaries(self._conn)

    def all_edges(self) -> list[dict[str, object]]:
        return queries.all_edges(self._conn)

    def all_records(self) -> list[dict[str, object]]:
        return queries.all_records(self._conn)

    def dump(self) -> dict[str, list[tuple[object, ...]]]:
        """The whole index by ids, sorted (see :func:`lineage.queries.dump`)."""
        return queries.dump(self._conn)
