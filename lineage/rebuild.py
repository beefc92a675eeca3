"""``reindex`` and ``verify``: the two operations that work from ``objects/`` alone.

``reindex`` builds a fresh index next to the old one and renames it into place (atomic), holding the archive
lock alone so that no writer is active. The rules are those of the live index: an edge counts when its
child and source objects are present and its parents are seeds; a seed exists when an edge proposes it; its
birth is its earliest edge by (time, id). Objects that break a rule are reported, never deleted.

``verify`` re-reads and re-hashes every object and reports each corrupt one by id and file.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass

from fitness.record import FitnessRecord, RecordError
from lineage import index
from lineage.edge import Edge
from lineage.errors import CorruptObjectError, IndexUnavailableError, LineageError, MissingObjectError
from lineage.layout import ArchiveLock, check_layout
from lineage.objects import Kind, ObjectStore
from lineage.packs import encode_index


@dataclass(frozen=True, slots=True)
class ReindexReport:
    """What a reindex found: rows written and objects it could not use (one line each)."""

    objects: int
    seeds: int
    edges: int
    records: int
    runs: int
    problems: tuple[str, ...]


def reindex(run_dir: str) -> ReindexReport:
    """Rebuild ``lineage.sqlite`` from ``objects/``. Deterministic: equal objects give an equal index.

    Raises:
        NotAnArchiveError: missing or foreign run directory.
        ArchiveBusyError: another process has the archive open.
    """
    layout = check_layout(run_dir)
    lock = ArchiveLock(layout, exclusive=True)
    try:
        return _reindex(layout.objects, layout.index)
    finally:
        lock.release()


def _reindex(objects: str, target: str) -> ReindexReport:
    store = ObjectStore(objects, durable=True)
    problems: list[str] = []
    edges: list[tuple[Edge, str]] = []
    records: list[tuple[FitnessRecord, str]] = []
    runs: list[str] = []
    present: set[str] = set()
    for oid in store.ids():
        present.add(oid)
        try:
            kind = store.peek_kind(oid)
            if kind is Kind.EDGE:
                edges.append((Edge.from_json(store.get(oid, Kind.EDGE).body), oid))
            elif kind is Kind.RECORD:
                records.append((FitnessRecord.from_json(store.get(oid, Kind.RECORD).body), oid))
            elif kind is Kind.RUN:
                store.get(oid, Kind.RUN)
                runs.append(oid)
        except (LineageError, RecordError) as err:
            problems.append(f"skipped object {oid}: {err}")
    usable = _usable_edges(edges, present, problems)

    tmp = f"{target}.reindex-{os.getpid()}"
    for stale in (tmp, tmp + "-wal", tmp + "-shm"):
        if os.path.exists(stale):
            os.unlink(stale)
    conn = index.connect(tmp, create=True)
    try:
        with index.transaction(conn, tmp):
            for rid in sorted(runs):
                index.insert_run(conn, rid)
            # Seed rows first so that an edge may name a parent whose own birth edge has a later time.
            for edge, _ in usable:
                conn.execute("INSERT OR IGNORE INTO seeds (id) VALUES (?)", (bytes.fromhex(edge.child),))
            for edge, eid in usable:
                index.insert_edge(conn, edge, eid)
            for record, rid in sorted(records, key=lambda item: item[1]):
                if index.seed_n(conn, record.seed_id) is None:
                    problems.append(f"skipped record {rid}: its seed {record.seed_id} has no usable edge")
                    continue
                index.insert_record(conn, record, rid)
        counts = [int(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in ("seeds", "edges")]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    # The old index's WAL must not be replayed onto the new file.
    for old in (target + "-wal", target + "-shm"):
        if os.path.exists(old):
            os.unlink(old)
    os.replace(tmp, target)
    return ReindexReport(len(present), counts[0], counts[1], len(records), len(runs), tuple(problems))


def _usable_edges(
    edges: list[tuple[Edge, str]], present: set[str], problems: list[str]
) -> list[tuple[Edge, str]]:
    """Edges whose objects exist and whose parents are seeds (to a fixed point), oldest first."""
    usable: list[tuple[Edge, str]] = []
    for edge, eid in edges:
        missing = [o for o in (edge.child, edge.source) if o not in present]
        if missing:
            problems.append(f"skipped edge {eid}: object {missing[0]} is missing")
        else:
            usable.append((edge, eid))
    while True:
        seeds = {edge.child for edge, _ in usable}
        keep = [(e, i) for e, i in usable if all(p in seeds for p in e.parents)]
        if len(keep) == len(usable):
            break
        for edge, eid in usable:
            if not all(p in seeds for p in edge.parents):
                problems.append(f"skipped edge {eid}: a parent of {edge.child} has no usable edge")
        usable = keep
    # Same-key edges (a retry after a crash between object and row) count once: the earliest.
    usable.sort(key=lambda item: (item[0].time, item[1]))
    seen: set[bytes] = set()
    out: list[tuple[Edge, str]] = []
    for edge, eid in usable:
        if edge.key not in seen:
            seen.add(edge.key)
            out.append((edge, eid))
    return out


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """What verify found.

    Attributes:
        checked: objects re-hashed.
        corrupt: (id, file, why) of each object that failed.
        missing: ids the index refers to that have no object file (the index needs ``reindex``).
        index_checked: False when the index was missing or unusable (objects are still verified).
        temp_files: temp files killed writers left in ``objects/tmp`` (never visible as objects).
    """

    checked: int
    corrupt: tuple[tuple[str, str, str], ...]
    missing: tuple[str, ...]
    index_checked: bool
    temp_files: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.corrupt and not self.missing


def verify(run_dir: str) -> VerifyReport:
    """Re-read and re-hash every object; check the index refers only to objects that exist.

    Reads only; never deletes or rewrites anything.

    Raises:
        NotAnArchiveError: missing or foreign run directory.
    """
    layout = check_layout(run_dir)
    store = ObjectStore(layout.objects)
    corrupt: list[tuple[str, str, str]] = []
    present: set[str] = set()
    for oid in store.ids():
        present.add(oid)
        try:
            store.get(oid)
        except (CorruptObjectError, MissingObjectError) as err:
            why = str(err)
            if isinstance(err, CorruptObjectError) and err.object_id != oid:
                why = f"its delta base {err.object_id} is corrupt"
            corrupt.append((oid, store.path(oid), why))
    missing: list[str] = []
    index_checked = True
    try:
        conn = index.connect(layout.index)
    except IndexUnavailableError:
        index_checked = False
    else:
        try:
            for table, column in _REFERENCES:
                for (raw,) in conn.execute(f"SELECT {column} FROM {table}"):
                    if raw is not None and bytes(raw).hex() not in present:
                        missing.append(bytes(raw).hex())
        finally:
            conn.close()
    return VerifyReport(
        len(present),
        tuple(corrupt),
        tuple(sorted(set(missing))),
        index_checked,
        tuple(store.leftover_temp_files()),
    )


_REFERENCES = (
    ("seeds", "id"),
    ("edges", "id"),
    ("edges", "source"),
    ("edges", "run"),
    ("records", "id"),
    ("runs", "id"),
)


@dataclass(frozen=True, slots=True)
class PackReport:
    """What ``pack`` did: objects moved into the new pack, its size and path, objects left loose (corrupt)."""

    packed: int
    bytes: int
    pack: str | None
    skipped: tuple[str, ...]


def pack(run_dir: str) -> PackReport:
    """Move every loose object into one new pack file, then delete the loose copies.

    Each object is verified before it is packed (a corrupt one stays loose and is reported). The pack is
    made durable and its index renamed into place before any loose file is removed, so a crash at any point
    leaves every object readable. Holds the archive lock alone, like ``reindex``.

    Raises:
        NotAnArchiveError: missing or foreign run directory.
        ArchiveBusyError: another process has the archive open.
    """
    layout = check_layout(run_dir)
    lock = ArchiveLock(layout, exclusive=True)
    try:
        return _pack(layout.objects)
    finally:
        lock.release()


def _pack(objects: str) -> PackReport:
    store = ObjectStore(objects, durable=True)
    pack_dir = os.path.join(objects, "pack")
    tmp_dir = os.path.join(objects, "tmp")
    os.makedirs(pack_dir, exist_ok=True)
    os.makedirs(tmp_dir, exist_ok=True)
    entries: list[tuple[bytes, int, int]] = []
    skipped: list[str] = []
    fd, tmp = tempfile.mkstemp(prefix="pack-", dir=tmp_dir)
    offset = 0
    with os.fdopen(fd, "wb") as fh:
        for oid in store.loose_ids():
            try:
                store.get(oid)
                data = store.read_raw(oid)
            except (CorruptObjectError, MissingObjectError) as err:
                skipped.append(f"left loose {oid}: {err}")
                continue
            fh.write(data)
            entries.append((bytes.fromhex(oid), offset, len(data)))
            offset += len(data)
        fh.flush()
        os.fsync(fh.fileno())
    if not entries:
        os.unlink(tmp)
        return PackReport(0, 0, None, tuple(skipped))
    index = encode_index(entries)
    base = os.path.join(pack_dir, "pack-" + hashlib.sha256(index).hexdigest()[:40])
    os.replace(tmp, base + ".pack")
    fd, tmp = tempfile.mkstemp(prefix="idx-", dir=tmp_dir)
    with os.fdopen(fd, "wb") as fh:
        fh.write(index)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, base + ".idx")  # the commit point: from here on the pack is read
    dfd = os.open(pack_dir, os.O_RDONLY)
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)
    # If these unlinks are lost in a power cut, loose duplicates of packed objects come back: harmless.
    for key, _, _ in entries:
        os.unlink(store.path(key.hex()))
    return PackReport(len(entries), offset, base + ".pack", tuple(skipped))
