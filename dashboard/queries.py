"""Read-only SQL over the index, aggregated in SQLite so that a 100k-seed archive stays responsive.

Every function takes a connection (read-only) and returns plain values (dataclasses, lists, tuples); none
writes to the run, none reads ``objects/``. Times are the birth edge's time (seconds since the epoch): a record
has no time of its own in the index, so an evaluation is placed at its seed's birth.

Most aggregates need, per seed, its birth edge, its first parent and its train fitness (the mean aggregate
over its train records: under racing, one per block, so a lucky block does not stand for the seed): a join of
four tables and a GROUP BY over every record. :func:`sync` keeps that as one row per seed in a TEMP table of the
connection (``sf``; SQLite's temp database is the connection's own, so the run's files are never written),
adding only the seeds and records stored since the last call. A live run therefore costs each refresh only its
new rows.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from lineage import queries as lq

_SF = """
CREATE TEMP TABLE IF NOT EXISTS sf (
    n INTEGER PRIMARY KEY, id BLOB NOT NULL, birth INTEGER, time REAL, generation INTEGER, island INTEGER,
    operator TEXT, parent INTEGER, agg REAL
)
"""


def sync(conn: sqlite3.Connection) -> None:
    """Bring the connection's per-seed table ``sf`` up to date with the index (incremental; idempotent)."""
    conn.execute(_SF)
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS sf_seen (k TEXT PRIMARY KEY, v INTEGER NOT NULL)")
    seen = dict(conn.execute("SELECT k, v FROM sf_seen").fetchall())
    seeds_n = int(conn.execute("SELECT COALESCE(MAX(n), 0) FROM seeds").fetchone()[0])
    edges_n = int(conn.execute("SELECT COALESCE(MAX(n), 0) FROM edges").fetchone()[0])
    records_n = int(conn.execute("SELECT COALESCE(MAX(n), 0) FROM records").fetchone()[0])
    if edges_n != seen.get("edges", 0):
        # New seeds, and older seeds whose birth moved (an earlier edge committed late): re-read them.
        conn.execute(
            "INSERT OR REPLACE INTO sf SELECT s.n, s.id, s.birth, e.time, e.generation, e.island, e.operator, "
            "(SELECT l.parent FROM links l WHERE l.edge = e.n AND l.pos = 0), "
            "(SELECT AVG(r.aggregate) FROM records r WHERE r.seed = s.n AND r.split = 'train') "
            "FROM seeds s JOIN edges e ON e.n = s.birth "
            "WHERE s.n > :s OR s.n IN (SELECT child FROM edges WHERE n > :e)",
            {"s": seen.get("seeds", 0), "e": seen.get("edges", 0)},
        )
    if records_n != seen.get("records", 0):
        conn.execute(
            "UPDATE sf SET agg = (SELECT AVG(r.aggregate) FROM records r WHERE r.seed = sf.n AND r.split = 'train') "
            "WHERE n IN (SELECT seed FROM records WHERE n > ?)",
            (seen.get("records", 0),),
        )
    conn.executemany(
        "INSERT OR REPLACE INTO sf_seen VALUES (?, ?)",
        [("seeds", seeds_n), ("edges", edges_n), ("records", records_n)],
    )


@dataclass(frozen=True, slots=True)
class Totals:
    seeds: int
    edges: int
    records: int
    rediscoveries: int
    first_time: float | None
    last_time: float | None


def totals(conn: sqlite3.Connection) -> Totals:
    seeds = int(conn.execute("SELECT COUNT(*) FROM seeds").fetchone()[0])
    edges, t0, t1 = conn.execute("SELECT COUNT(*), MIN(time), MAX(time) FROM edges").fetchone()
    records = int(conn.execute("SELECT COUNT(*) FROM records").fetchone()[0])
    return Totals(seeds, int(edges), records, int(edges) - seeds, t0, t1)


@dataclass(frozen=True, slots=True)
class Evaluations:
    """Train evaluations in the order they were stored: the island and aggregate of each (parallel lists)."""

    island: list[int]
    aggregate: list[float]
    time: list[float]


def evaluations(conn: sqlite3.Connection) -> Evaluations:
    sync(conn)
    rows = conn.execute(
        "SELECT f.island, r.aggregate, f.time FROM records r JOIN sf f ON f.n = r.seed "
        "WHERE r.split = 'train' ORDER BY r.n"
    ).fetchall()
    return Evaluations([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])


@dataclass(frozen=True, slots=True)
class Activity:
    """Counts per time bucket (bucket ``k`` starts at ``start + k × width`` seconds)."""

    start: float
    width: float
    proposals: dict[int, int]
    new: dict[int, int]
    rediscoveries: dict[int, int]
    evaluations: dict[int, int]
    invalid: dict[int, int]
    failed: dict[int, int]
    neutral: dict[int, int]
    better: dict[int, int]


def activity(conn: sqlite3.Connection, buckets: int = 60) -> Activity:
    """Proposals, new seeds, re-discoveries, evaluations, invalid/crashed ones and neutral children over time."""
    sync(conn)
    t0, t1 = conn.execute("SELECT MIN(time), MAX(time) FROM edges").fetchone()
    if t0 is None:
        return Activity(0.0, 1.0, {}, {}, {}, {}, {}, {}, {}, {})
    width = max((t1 - t0) / buckets, 1.0)
    args = {"t0": t0, "w": width, "last": buckets - 1}

    def k(col: str) -> str:  # the last edge closes the last bucket
        return f"MIN(CAST(({col} - :t0) / :w AS INTEGER), :last)"

    prop = dict(conn.execute(f"SELECT {k('time')} AS k, COUNT(*) FROM edges GROUP BY k", args).fetchall())
    new = dict(conn.execute(f"SELECT {k('time')} AS k, COUNT(*) FROM sf GROUP BY k", args).fetchall())
    again = {b: n - new.get(b, 0) for b, n in prop.items()}
    evals: dict[int, int] = {}
    invalid: dict[int, int] = {}
    failed: dict[int, int] = {}
    for b, n, bad, crash in conn.execute(
        f"SELECT {k('f.time')} AS k, COUNT(*), SUM(r.outcome = 'invalid'), "
        "SUM(r.outcome IN ('crashed', 'timed_out')) FROM records r JOIN sf f ON f.n = r.seed "
        "WHERE r.split = 'train' GROUP BY k",
        args,
    ):
        evals[b], invalid[b], failed[b] = n, bad, crash
    neutral: dict[int, int] = {}
    better: dict[int, int] = {}
    for b, same, up in conn.execute(
        f"SELECT {k('c.time')} AS k, SUM(c.agg = p.agg), SUM(c.agg > p.agg) FROM sf c JOIN sf p ON p.n = c.parent "
        "WHERE c.agg IS NOT NULL AND p.agg IS NOT NULL GROUP BY k",
        args,
    ):
        neutral[b], better[b] = same, up
    return Activity(t0, width, prop, new, again, evals, invalid, failed, neutral, better)


@dataclass(frozen=True, slots=True)
class OperatorSuccess:
    """Children an operator gave birth to, and how they did against their first parent (train best)."""

    operator: str
    children: int
    scored: int
    better: int
    neutral: int
    worse: int


def operator_success(conn: sqlite3.Connection) -> list[OperatorSuccess]:
    sync(conn)
    rows = conn.execute(
        "SELECT c.operator, COUNT(*), COUNT(c.agg), SUM(c.agg > p.agg), SUM(c.agg = p.agg), SUM(c.agg < p.agg) "
        "FROM sf c JOIN sf p ON p.n = c.parent GROUP BY c.operator ORDER BY COUNT(*) DESC, c.operator"
    ).fetchall()
    return [OperatorSuccess(str(r[0]), r[1], r[2], r[3] or 0, r[4] or 0, r[5] or 0) for r in rows]


@dataclass(frozen=True, slots=True)
class IslandFitness:
    """Seeds born on each island, and a histogram of their train fitness (mean over their train records)."""

    island: int
    seeds: int
    scored: int
    histogram: tuple[int, ...]


def island_fitness(conn: sqlite3.Connection) -> list[IslandFitness]:
    sync(conn)
    out: dict[int, list[int]] = {}
    seeds: dict[int, int] = {}
    for island, n in conn.execute("SELECT island, COUNT(*) FROM sf GROUP BY island"):
        seeds[island] = n
        out[island] = [0] * 10
    for island, k, n in conn.execute(
        "SELECT island, MIN(CAST(agg * 10 AS INTEGER), 9) AS k, COUNT(*) FROM sf WHERE agg IS NOT NULL "
        "GROUP BY island, k"
    ):
        out.setdefault(island, [0] * 10)[max(0, k)] += n
    return [IslandFitness(i, seeds.get(i, 0), sum(h), tuple(h)) for i, h in sorted(out.items())]


@dataclass(frozen=True, slots=True)
class Node:
    """A seed as the lineage graph shows it."""

    id: str
    generation: int
    island: int
    operator: str
    best: float | None


_NODE = "SELECT n, id, generation, island, operator, agg FROM sf e"


@dataclass(frozen=True, slots=True)
class Graph:
    """Nodes (at most the limit asked), the parent → child links among them, and how many matched."""

    nodes: list[Node]
    links: list[tuple[str, str]]
    matched: int


def graph(
    conn: sqlite3.Connection,
    *,
    islands: list[int] | None = None,
    generations: tuple[int, int] | None = None,
    operators: list[str] | None = None,
    focus: str | None = None,
    limit: int = 1500,
) -> Graph:
    """The best ``limit`` seeds matching the filters, plus ``focus``'s parents and children; links among them."""
    sync(conn)
    where: list[str] = []
    args: list[object] = []
    if islands:
        where.append(f"e.island IN ({','.join('?' * len(islands))})")
        args += islands
    if generations is not None:
        where.append("e.generation BETWEEN ? AND ?")
        args += [generations[0], generations[1]]
    if operators:
        where.append(f"e.operator IN ({','.join('?' * len(operators))})")
        args += operators
    cond = (" WHERE " + " AND ".join(where)) if where else ""
    matched = int(conn.execute(f"SELECT COUNT(*) FROM sf e{cond}", args).fetchone()[0])
    rows = conn.execute(
        f"{_NODE}{cond} ORDER BY e.agg IS NULL, e.agg DESC, e.generation, e.id LIMIT ?", [*args, limit]
    ).fetchall()
    if focus is not None:
        key = bytes.fromhex(focus)
        rows += conn.execute(
            f"{_NODE} WHERE e.id = ? OR e.n IN (SELECT l.parent FROM links l JOIN seeds c ON c.n = l.child "
            "WHERE c.id = ?) OR e.n IN (SELECT l.child FROM links l JOIN seeds p ON p.n = l.parent WHERE p.id = ?)",
            (key, key, key),
        ).fetchall()
    by_n = {r[0]: Node(bytes(r[1]).hex(), r[2], r[3], r[4], r[5]) for r in rows}
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS shown (n INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM shown")
    conn.executemany("INSERT INTO shown VALUES (?)", [(n,) for n in by_n])
    links = [
        (by_n[p].id, by_n[c].id)
        for p, c in conn.execute(
            "SELECT DISTINCT l.parent, l.child FROM links l JOIN shown a ON a.n = l.child "
            "JOIN shown b ON b.n = l.parent"
        )
    ]
    conn.execute("DELETE FROM shown")
    return Graph(list(by_n.values()), links, matched)


def operators(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT operator FROM edges ORDER BY operator")]


def max_generation(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COALESCE(MAX(generation), 0) FROM edges").fetchone()[0])


def islands(conn: sqlite3.Connection) -> list[int]:
    return [r[0] for r in conn.execute("SELECT DISTINCT island FROM edges ORDER BY island")]


def scores_by_split(conn: sqlite3.Connection, seed_id: str) -> dict[str, float]:
    """A seed's pass rate per split (train, validation, holdout, …): the tasks fully passed over the tasks
    run, all its records there added up as its evidence counts them (under racing, one record per train
    block), on the newest suite version it has there. An index written before the evidence table has no
    task counts: there it is the best record's aggregate."""
    if lq.has_evidence(conn):
        found: dict[str, float] = {}
        for ev in lq.evidence(conn, seed_id):  # newest version first within a split
            if ev.rate is not None:
                found.setdefault(ev.split, ev.rate)
        return found
    rows = conn.execute(
        "SELECT r.split, MAX(r.aggregate) FROM records r JOIN seeds s ON s.n = r.seed WHERE s.id = ? "
        "GROUP BY r.split",
        (bytes.fromhex(seed_id),),
    )
    return {str(split): float(agg) for split, agg in rows}


def champion(conn: sqlite3.Connection, origin: bool) -> tuple[str, float] | None:
    """The best train seed among the origins (``origin``) or among the evolved seeds."""
    sync(conn)
    op = "=" if origin else "!="
    row = conn.execute(
        f"SELECT id, agg FROM sf WHERE agg IS NOT NULL AND operator {op} 'origin' ORDER BY agg DESC, time, id LIMIT 1"
    ).fetchone()
    return None if row is None else (bytes(row[0]).hex(), float(row[1]))


def record_ids(conn: sqlite3.Connection, seed_id: str) -> list[str]:
    """A seed's record object ids, best first."""
    rows = conn.execute(
        "SELECT r.id FROM records r JOIN seeds s ON s.n = r.seed WHERE s.id = ? ORDER BY r.aggregate DESC, r.id",
        (bytes.fromhex(seed_id),),
    )
    return [bytes(r[0]).hex() for r in rows]


_SPLITS = {"train": 0, "validation": 1, "holdout": 2}


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """``core-2/train/b10`` after ``core-2/train/b9``. Pure."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"(\d+)", text) if p)


def counted_record_ids(conn: sqlite3.Connection, seed_id: str) -> list[str]:
    """A seed's records as its evidence counts them — one per suite version (a block scored twice counts
    once: its longest record, then the lowest id, as :func:`lineage.index.refresh_evidence`) — ordered
    train, validation, holdout, other splits, then base version (newest first), then block. On an index
    written before the evidence table: every record, best first (:func:`record_ids`)."""
    if not lq.has_evidence(conn):
        return record_ids(conn, seed_id)
    rows = conn.execute(
        """
        SELECT id, split, base, suite, suite_version FROM (
            SELECT r.id, r.split, r.base, r.suite, r.suite_version, ROW_NUMBER() OVER (
                PARTITION BY r.suite, r.suite_version, r.split ORDER BY r.tasks DESC, r.id) AS k
            FROM records r JOIN seeds s ON s.n = r.seed WHERE s.id = ?
        ) WHERE k = 1
        """,
        (bytes.fromhex(seed_id),),
    ).fetchall()
    rows.sort(key=lambda r: (_natural(str(r[4])), str(r[3])))
    rows.sort(key=lambda r: _natural(str(r[2])), reverse=True)
    rows.sort(key=lambda r: (_SPLITS.get(str(r[1]), len(_SPLITS)), str(r[1])))
    return [bytes(r[0]).hex() for r in rows]


def new_records(conn: sqlite3.Connection, after: int, limit: int) -> list[tuple[int, str, str, float]]:
    """Train records stored after row ``after``: (row, record id, seed id, seed's birth time), oldest first."""
    sync(conn)
    rows = conn.execute(
        "SELECT r.n, r.id, f.id, f.time FROM records r JOIN sf f ON f.n = r.seed "
        "WHERE r.n > ? AND r.split = 'train' ORDER BY r.n LIMIT ?",
        (after, limit),
    )
    return [(int(n), bytes(rid).hex(), bytes(sid).hex(), float(t or 0.0)) for n, rid, sid, t in rows]


def top_seeds(conn: sqlite3.Connection, limit: int) -> list[str]:
    """The ``limit`` best seeds by train aggregate."""
    sync(conn)
    rows = conn.execute("SELECT id FROM sf WHERE agg IS NOT NULL ORDER BY agg DESC, id LIMIT ?", (limit,))
    return [bytes(r[0]).hex() for r in rows]
