"""Read queries over the index. Pure reads: never write, never touch objects/."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from lineage.errors import AmbiguousIdError, UnknownIdError
from lineage.evidence import base_version, make_evidence
from lineage.model import Counts, Evidence, GenerationStats, OperatorStats, Ranked, Relative, SeedSummary

_HEX = frozenset("0123456789abcdef")
_CHUNK = 900


def resolve(conn: sqlite3.Connection, prefix: str) -> str:
    """The one seed id starting with ``prefix`` (hex, case-insensitive), like git's short ids.

    Raises:
        UnknownIdError: not hex, or no seed starts with it.
        AmbiguousIdError: several do; the message shows some and asks for more characters.
    """
    text = prefix.strip().lower()
    if not text or len(text) > 64 or not set(text) <= _HEX:
        raise UnknownIdError(f"{prefix!r} is not a seed id or id prefix (1 to 64 hex digits)")
    low = bytes.fromhex(text.ljust(64, "0"))
    high = bytes.fromhex(text.ljust(64, "f"))
    rows = conn.execute("SELECT id FROM seeds WHERE id BETWEEN ? AND ? LIMIT 5", (low, high)).fetchall()
    if not rows:
        raise UnknownIdError(
            f"no seed id starts with {text!r}; list seeds with `python -m lineage --run-dir DIR log`"
        )
    if len(rows) > 1:
        shown = ", ".join(bytes(r[0]).hex()[:12] for r in rows[:4])
        raise AmbiguousIdError(f"seed id prefix {text!r} is ambiguous ({shown}, …); give more characters")
    return bytes(rows[0][0]).hex()


def has(conn: sqlite3.Connection, seed_id: str) -> bool:
    """True when the index has seed ``seed_id`` (a full 64-digit id)."""
    try:
        key = bytes.fromhex(seed_id)
    except ValueError:
        return False
    return conn.execute("SELECT 1 FROM seeds WHERE id=?", (key,)).fetchone() is not None


# A seed's train evidence in summaries: its row with the highest lower bound (the one ``best`` ranks it by).
_TRAIN = """(SELECT w.n FROM evidence w WHERE w.seed = s.n AND w.split = 'train'
             ORDER BY w.low DESC, w.tasks DESC, w.base DESC, w.suite LIMIT 1)"""
_SUMMARY = f"""
SELECT s.id, e.generation, e.island, e.operator, e.time,
       (SELECT COUNT(*) FROM edges x WHERE x.child = s.n),
       (SELECT MAX(aggregate) FROM records r WHERE r.seed = s.n),
       v.suite, v.base, v.split, v.records, v.tasks, v.passed
FROM seeds s JOIN edges e ON e.n = s.birth LEFT JOIN evidence v ON v.n = {_TRAIN}
"""
# The same columns from an index written before the evidence table (a reader that may not upgrade it, such
# as the read-only dashboard, still gets summaries: with no train evidence).
_SUMMARY_PLAIN = """
SELECT s.id, e.generation, e.island, e.operator, e.time,
       (SELECT COUNT(*) FROM edges x WHERE x.child = s.n),
       (SELECT MAX(aggregate) FROM records r WHERE r.seed = s.n),
       NULL, NULL, NULL, NULL, NULL, NULL
FROM seeds s JOIN edges e ON e.n = s.birth
"""


def has_evidence(conn: sqlite3.Connection) -> bool:
    """Whether the index has the evidence table (older indexes gain it when a writer or the CLI opens them)."""
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'evidence'").fetchone()
    return found is not None


def _summary_sql(conn: sqlite3.Connection) -> str:
    return _SUMMARY if has_evidence(conn) else _SUMMARY_PLAIN


def _evidence(row: Sequence[object]) -> Evidence:
    """(suite, base, split, records, tasks, passed) → Evidence; the interval is recomputed, not read, so it
    is exactly :func:`lineage.evidence.wilson` of the counts."""
    return make_evidence(str(row[0]), str(row[1]), str(row[2]), int(row[3]), int(row[4]), int(row[5]))  # type: ignore[call-overload]


def _summary(row: Sequence[object]) -> SeedSummary:
    best = row[6]
    return SeedSummary(
        id=bytes(row[0]).hex(),  # type: ignore[call-overload]
        generation=int(row[1]),  # type: ignore[call-overload]
        island=int(row[2]),  # type: ignore[call-overload]
        operator=str(row[3]),
        time=float(row[4]),  # type: ignore[arg-type]
        proposals=int(row[5]),  # type: ignore[call-overload]
        best=None if best is None else float(best),  # type: ignore[arg-type]
        train=None if row[7] is None else _evidence(row[7:13]),
    )


def summary(conn: sqlite3.Connection, seed_id: str) -> SeedSummary:
    """The summary of one seed (full id). Raises UnknownIdError."""
    row = conn.execute(_summary_sql(conn) + " WHERE s.id = ?", (bytes.fromhex(seed_id),)).fetchone()
    if row is None:
        raise UnknownIdError(f"seed {seed_id} is not in the index; check the id or run `reindex`")
    return _summary(row)


def recent(conn: sqlite3.Connection, limit: int) -> list[SeedSummary]:
    """The ``limit`` most recently born seeds, newest first."""
    # Pick the rows first, then summarise only those (the summary's subqueries cost a lookup per row).
    sql = (
        _summary_sql(conn)
        + " WHERE s.n IN (SELECT s.n FROM seeds s JOIN edges e ON e.n = s.birth ORDER BY e.time DESC, e.id DESC"
        " LIMIT ?) ORDER BY e.time DESC, e.id DESC"
    )
    return [_summary(r) for r in conn.execute(sql, (limit,)).fetchall()]


def by_generation(conn: sqlite3.Connection, generation: int) -> list[SeedSummary]:
    """Seeds born in ``generation``, oldest first."""
    sql = _summary_sql(conn) + " WHERE e.generation = ? ORDER BY e.time, e.id"
    rows = conn.execute(sql, (generation,)).fetchall()
    return [_summary(r) for r in rows]


_SPLIT_ORDER = {"train": 0, "validation": 1, "holdout": 2}


def evidence(conn: sqlite3.Connection, seed_id: str) -> list[Evidence]:
    """A seed's evidence per (suite, base version, split): train, validation, holdout, then other splits;
    within a split, newest-looking version first (by name). Empty for a seed without records or not in the
    index (or an index written before the evidence table). One indexed read."""
    if not has_evidence(conn):
        return []
    rows = conn.execute(
        "SELECT v.suite, v.base, v.split, v.records, v.tasks, v.passed FROM evidence v"
        " JOIN seeds s ON s.n = v.seed WHERE s.id = ?",
        (bytes.fromhex(seed_id),),
    ).fetchall()
    found = [_evidence(r) for r in rows]
    found.sort(key=lambda v: (v.version, v.suite), reverse=True)
    found.sort(key=lambda v: (_SPLIT_ORDER.get(v.split, len(_SPLIT_ORDER)), v.split))
    return found


def best(
    conn: sqlite3.Connection,
    limit: int,
    *,
    island: int | None = None,
    suite: str | None = None,
    version: str | None = None,
    split: str = "train",
) -> list[Ranked]:
    """The ``limit`` best (seed, suite version) evidence rows of ``split`` by the Wilson 95% lower bound of
    the pass rate, best first; ties: more tasks, then older birth, then id. A seed scored on two suite
    versions may appear once for each (they are never added together).

    Reads the top of the ``evidence_rank`` index: cost grows with ``limit``, not with the archive.

    Args:
        island: only seeds proposed on this island (by any of their edges).
        suite: only this suite (``core``).
        version: only this base version (``core-2``; ``core-2/train/b3`` means the same).
        split: which split's evidence ranks (default train: the scheduler's fitness).
    """
    where = ["v.split = ?"]
    args: list[object] = [split]
    if suite is not None:
        where.append("v.suite = ?")
        args.append(suite)
    if version is not None:
        where.append("v.base = ?")
        args.append(base_version(version))
    if island is not None:
        where.append("v.seed IN (SELECT child FROM edges WHERE island = ?)")
        args.append(island)
    sql = f"""
    SELECT s.id, v.suite, v.base, v.split, v.records, v.tasks, v.passed
    FROM evidence v JOIN seeds s ON s.n = v.seed JOIN edges e ON e.n = s.birth
    WHERE {" AND ".join(where)}
    ORDER BY v.low DESC, v.tasks DESC, e.time, s.id LIMIT ?
    """
    rows = conn.execute(sql, (*args, limit)).fetchall()
    return [Ranked(summary(conn, bytes(r[0]).hex()), _evidence(r[1:7])) for r in rows]


def parents(conn: sqlite3.Connection, seed_id: str) -> list[str]:
    """Every seed that proposed ``seed_id`` by any of its edges, sorted by id."""
    return _ids(
        conn, "SELECT DISTINCT l.parent FROM links l JOIN seeds s ON s.n = l.child WHERE s.id = ?", seed_id
    )


def children(conn: sqlite3.Connection, seed_id: str) -> list[str]:
    """Every seed ``seed_id`` is a parent of, by any edge, sorted by id."""
    return _ids(
        conn, "SELECT DISTINCT l.child FROM links l JOIN seeds s ON s.n = l.parent WHERE s.id = ?", seed_id
    )


def _ids(conn: sqlite3.Connection, inner: str, seed_id: str) -> list[str]:
    sql = f"SELECT id FROM seeds WHERE n IN ({inner}) ORDER BY id"
    return [bytes(r[0]).hex() for r in conn.execute(sql, (bytes.fromhex(seed_id),))]


def _walk(conn: sqlite3.Connection, seed_id: str, up: bool, max_depth: int | None) -> list[Relative]:
    start = conn.execute("SELECT n FROM seeds WHERE id=?", (bytes.fromhex(seed_id),)).fetchone()
    if start is None:
        raise UnknownIdError(f"seed {seed_id} is not in the index; check the id or run `reindex`")
    near, far = ("child", "parent") if up else ("parent", "child")
    if max_depth is None:
        return _walk_all(conn, int(start[0]), near, far)
    depth_of: dict[int, int] = {int(start[0]): 0}
    frontier = [int(start[0])]
    depth = 0
    while frontier and (max_depth is None or depth < max_depth):
        depth += 1
        found: set[int] = set()
        for i in range(0, len(frontier), _CHUNK):
            chunk = frontier[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            found.update(
                r[0] for r in conn.execute(f"SELECT {far} FROM links WHERE {near} IN ({marks})", chunk)
            )
        frontier = [n for n in found if n not in depth_of]
        for n in frontier:
            depth_of[n] = depth
    del depth_of[int(start[0])]
    return [Relative(seed, d) for seed, d in _named(conn, depth_of)]


def _walk_all(conn: sqlite3.Connection, start: int, near: str, far: str) -> list[Relative]:
    """Whole ancestry/progeny: SQLite collects the reachable links (recursive CTE, each node once), then a
    breadth-first pass in Python gives each node its shortest distance. Linear in the links reached."""
    sql = f"""
    WITH RECURSIVE reach(n) AS (SELECT ? UNION SELECT l.{far} FROM links l JOIN reach ON l.{near} = reach.n)
    SELECT l.{near}, l.{far}, s.id FROM links l JOIN seeds s ON s.n = l.{far} WHERE l.{near} IN reach
    """
    step: dict[int, list[int]] = {}
    name: dict[int, bytes] = {}
    for a, b, sid in conn.execute(sql, (start,)):
        step.setdefault(a, []).append(b)
        name[b] = sid
    depth_of: dict[int, int] = {start: 0}
    frontier = [start]
    depth = 0
    while frontier:
        depth += 1
        nxt: list[int] = []
        for n in frontier:
            for m in step.get(n, ()):
                if m not in depth_of:
                    depth_of[m] = depth
                    nxt.append(m)
        frontier = nxt
    del depth_of[start]
    found = [(bytes(name[n]).hex(), d) for n, d in depth_of.items()]
    return [Relative(seed, d) for seed, d in sorted(found, key=lambda item: (item[1], item[0]))]


def _named(conn: sqlite3.Connection, depth_of: dict[int, int]) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    keys = list(depth_of)
    for i in range(0, len(keys), _CHUNK):
        chunk = keys[i : i + _CHUNK]
        marks = ",".join("?" * len(chunk))
        out.extend(
            (bytes(r[1]).hex(), depth_of[r[0]])
            for r in conn.execute(f"SELECT n, id FROM seeds WHERE n IN ({marks})", chunk)
        )
    return sorted(out, key=lambda item: (item[1], item[0]))


def ancestors(conn: sqlite3.Connection, seed_id: str, max_depth: int | None = None) -> list[Relative]:
    """Every ancestor of ``seed_id`` at its shortest distance, nearest first; linear in the answer."""
    return _walk(conn, seed_id, True, max_depth)


def descendants(conn: sqlite3.Connection, seed_id: str, max_depth: int | None = None) -> list[Relative]:
    """Every descendant of ``seed_id`` at its shortest distance, nearest first."""
    return _walk(conn, seed_id, False, max_depth)


def edge_ids(conn: sqlite3.Connection, seed_id: str) -> list[str]:
    """Ids of the edges that proposed ``seed_id``, oldest first (the first is its birth)."""
    rows = conn.execute(
        "SELECT e.id FROM edges e JOIN seeds s ON s.n = e.child WHERE s.id = ? ORDER BY e.time, e.id",
        (bytes.fromhex(seed_id),),
    )
    return [bytes(r[0]).hex() for r in rows]


def record_ids(conn: sqlite3.Connection, seed_id: str) -> list[str]:
    """Ids of the fitness records of ``seed_id``, best aggregate first."""
    rows = conn.execute(
        "SELECT r.id FROM records r JOIN seeds s ON s.n = r.seed WHERE s.id = ? ORDER BY r.aggregate DESC, r.id",
        (bytes.fromhex(seed_id),),
    )
    return [bytes(r[0]).hex() for r in rows]


def dedup_counts(conn: sqlite3.Connection, limit: int | None = None) -> list[tuple[str, int]]:
    """Seeds proposed again after their birth, with how many times: most re-discovered first."""
    sql = (
        "SELECT s.id, COUNT(*) - 1 AS again FROM edges e JOIN seeds s ON s.n = e.child GROUP BY e.child "
        "HAVING again > 0 ORDER BY again DESC, s.id LIMIT ?"
    )
    return [(bytes(r[0]).hex(), int(r[1])) for r in conn.execute(sql, (-1 if limit is None else limit,))]


def counts(conn: sqlite3.Connection) -> Counts:
    """How many of each thing the index holds."""

    def one(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0])

    seeds = one("SELECT COUNT(*) FROM seeds")
    edges = one("SELECT COUNT(*) FROM edges")
    return Counts(
        seeds=seeds,
        edges=edges,
        records=one("SELECT COUNT(*) FROM records"),
        runs=one("SELECT COUNT(*) FROM runs"),
        dedup_hits=edges - seeds,
    )


# Each seed's fitness for the statistics: its highest train lower bound (as in summaries and ``best``).
_BEST = "WITH best AS (SELECT seed, MAX(low) AS agg FROM evidence WHERE split = 'train' GROUP BY seed) "


def operator_stats(conn: sqlite3.Connection) -> list[OperatorStats]:
    """Per operator: proposals, new seeds, re-discoveries, and the fitness (train lower bound) of the seeds
    it gave birth to."""
    sql = (
        _BEST
        + """
    SELECT e.operator, COUNT(*), SUM(s.birth = e.n),
           SUM(s.birth = e.n AND b.agg IS NOT NULL),
           AVG(CASE WHEN s.birth = e.n THEN b.agg END), MAX(CASE WHEN s.birth = e.n THEN b.agg END)
    FROM edges e JOIN seeds s ON s.n = e.child LEFT JOIN best b ON b.seed = e.child
    GROUP BY e.operator ORDER BY COUNT(*) DESC, e.operator
    """
    )
    return [
        OperatorStats(
            str(r[0]), int(r[1]), int(r[2]), int(r[1]) - int(r[2]), int(r[3]), _opt(r[4]), _opt(r[5])
        )
        for r in conn.execute(sql)
    ]


def generation_stats(conn: sqlite3.Connection) -> list[GenerationStats]:
    """Per generation: seeds born, proposals made, and the fitness (train lower bound) of the seeds born."""
    proposals = dict(conn.execute("SELECT generation, COUNT(*) FROM edges GROUP BY generation").fetchall())
    sql = (
        _BEST
        + """
    SELECT e.generation, COUNT(*), COUNT(b.agg), AVG(b.agg), MAX(b.agg)
    FROM seeds s JOIN edges e ON e.n = s.birth LEFT JOIN best b ON b.seed = s.n
    GROUP BY e.generation ORDER BY e.generation
    """
    )
    return [
        GenerationStats(int(r[0]), int(r[1]), int(proposals.get(r[0], 0)), int(r[2]), _opt(r[3]), _opt(r[4]))
        for r in conn.execute(sql)
    ]


def _opt(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def dump(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    """Everything in the index by id (no row numbers), sorted: equal for indexes of the same objects."""

    def hx(value: object) -> str | None:
        return None if value is None else bytes(value).hex()  # type: ignore[call-overload]

    seeds = conn.execute("SELECT s.id, e.id FROM seeds s LEFT JOIN edges e ON e.n = s.birth").fetchall()
    edges = conn.execute(
        "SELECT e.n, e.id, e.key, s.id, e.source, e.operator, e.generation, e.island, e.run, e.proposal, e.time"
        " FROM edges e JOIN seeds s ON s.n = e.child"
    ).fetchall()
    links: dict[int, list[str]] = {}
    for en, _pos, pid in conn.execute(
        "SELECT l.edge, l.pos, s.id FROM links l JOIN seeds s ON s.n = l.parent ORDER BY l.edge, l.pos"
    ):
        links.setdefault(en, []).append(bytes(pid).hex())
    records = conn.execute(
        "SELECT r.id, s.id, suite, suite_version, split, outcome, aggregate, stage, base, tasks, passed"
        " FROM records r JOIN seeds s ON s.n = r.seed"
    ).fetchall()
    evidence = conn.execute(
        "SELECT s.id, suite, base, split, records, tasks, passed, low, high FROM evidence v"
        " JOIN seeds s ON s.n = v.seed"
    ).fetchall()
    return {
        "seeds": sorted((hx(a), hx(b)) for a, b in seeds),
        "edges": sorted(
            (
                hx(r[1]),
                hx(r[2]),
                hx(r[3]),
                hx(r[4]),
                *r[5:8],
                hx(r[8]),
                r[9],
                r[10],
                tuple(links.get(r[0], [])),
            )
            for r in edges
        ),
        "records": sorted((hx(r[0]), hx(r[1]), *r[2:]) for r in records),
        "evidence": sorted((hx(r[0]), *r[1:]) for r in evidence),
        "runs": sorted((hx(r[0]),) for r in conn.execute("SELECT id FROM runs")),
    }


def all_summaries(conn: sqlite3.Connection) -> list[SeedSummary]:
    """Every seed, oldest birth first."""
    return [_summary(r) for r in conn.execute(_summary_sql(conn) + " ORDER BY e.time, e.id")]


def all_edges(conn: sqlite3.Connection) -> list[dict[str, object]]:
    """Every edge as plain JSON values (ids in hex), oldest first: for export."""
    parents: dict[int, list[str]] = {}
    for en, pid in conn.execute(
        "SELECT l.edge, s.id FROM links l JOIN seeds s ON s.n = l.parent ORDER BY l.edge, l.pos"
    ):
        parents.setdefault(en, []).append(bytes(pid).hex())
    rows = conn.execute(
        "SELECT e.n, e.id, s.id, e.source, e.operator, e.generation, e.island, e.run, e.proposal, e.time"
        " FROM edges e JOIN seeds s ON s.n = e.child ORDER BY e.time, e.id"
    )
    return [
        {
            "id": bytes(r[1]).hex(),
            "child": bytes(r[2]).hex(),
            "parents": parents.get(r[0], []),
            "source": bytes(r[3]).hex(),
            "operator": r[4],
            "generation": r[5],
            "island": r[6],
            "run": None if r[7] is None else bytes(r[7]).hex(),
            "proposal": r[8],
            "time": r[9],
        }
        for r in rows
    ]


def all_records(conn: sqlite3.Connection) -> list[dict[str, object]]:
    """Every record's indexed fields as plain JSON values: for export."""
    rows = conn.execute(
        "SELECT r.id, s.id, suite, suite_version, split, outcome, aggregate, stage FROM records r"
        " JOIN seeds s ON s.n = r.seed ORDER BY r.n"
    )
    names = ("id", "seed", "suite", "suite_version", "split", "outcome", "aggregate", "stage")
    return [dict(zip(names, (bytes(r[0]).hex(), bytes(r[1]).hex(), *r[2:]), strict=True)) for r in rows]
