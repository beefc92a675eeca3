"""The commands of ``python -m lineage``: each takes parsed arguments, prints, and returns an exit code.

People get rich tables; ``--json`` prints one JSON document to stdout for scripts. Expected bad input
raises a :class:`~genome.errors.SeedpopError`, which the entry point prints as one line.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import sys
from dataclasses import asdict
from datetime import UTC, datetime

from rich.console import Console
from rich.syntax import Syntax
from rich.table import Table
from rich.tree import Tree

from lineage.archive import Archive
from lineage.evidence import task_counts
from lineage.export import export_graphml, export_json
from lineage.model import Evidence, Ranked, SeedSummary
from lineage.rebuild import pack, reindex, verify

SHORT = 12


def _emit(data: object) -> None:
    sys.stdout.write(json.dumps(data, indent=1, sort_keys=True) + "\n")


def _fit(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _when(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M:%S")


def _tasks(ev: Evidence | None) -> str:
    return "-" if ev is None else f"{ev.passed}/{ev.tasks}"


def _rate(ev: Evidence | None) -> str:
    return "-" if ev is None or ev.rate is None else f"{ev.rate:.3f}"


def _interval(ev: Evidence | None) -> str:
    return "-" if ev is None else f"{ev.low:.3f}–{ev.high:.3f}"


def _fitness(ev: Evidence | None) -> str:
    """A seed's train fitness in one phrase: ``13/16 passed (0.812), lower bound 0.570``."""
    if ev is None:
        return "no train record"
    return f"{ev.passed}/{ev.tasks} passed ({_rate(ev)}), lower bound {ev.low:.3f}"


# Columns kept whole when an 80-column pipe squeezes a table (the others wrap): name → width.
_WHOLE = {"id": SHORT, "passed": 5, "rate": 5, "95% interval": 11, "fitness": 7}


def _columns(table: Table, names: tuple[str, ...], left: set[str]) -> None:
    for name in names:
        width = _WHOLE.get(name)
        table.add_column(
            name,
            justify="left" if name in left else "right",
            no_wrap=width is not None,
            min_width=width,
        )


def _seed_table(title: str, seeds: list[SeedSummary]) -> Table:
    table = Table(
        title=title, caption="fitness = lower bound of the Wilson 95% interval of the train pass rate"
    )
    names = ("id", "gen", "isl", "operator", "passed", "fitness", "born (UTC)")
    _columns(table, names, {"id", "operator", "born (UTC)"})
    for s in seeds:
        table.add_row(
            s.id[:SHORT],
            str(s.generation),
            str(s.island),
            s.operator,
            _tasks(s.train),
            _fit(None if s.train is None else s.train.low),
            _when(s.time),
        )
    return table


def _champion(run_dir: str) -> str | None:
    """The run's champion (``status.json`` ``champion``, chosen on validation), or None: no status file yet,
    or one this reader cannot parse (``best`` still prints; the mark is only a hint)."""
    try:
        with open(os.path.join(run_dir, "status.json"), encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return None
    champion = data.get("champion") if isinstance(data, dict) else None
    return champion if isinstance(champion, str) and champion else None


def _evidence_json(ev: Evidence | None) -> dict[str, object] | None:
    return None if ev is None else asdict(ev)


def _summary_json(s: SeedSummary) -> dict[str, object]:
    return {**asdict(s), "train": _evidence_json(s.train)}


def cmd_init(args: argparse.Namespace, console: Console) -> int:
    config = None
    if args.config is not None:
        with open(args.config, encoding="utf-8") as fh:
            config = fh.read()
    with Archive.create(args.run_dir, config) as archive:
        data = {"run_dir": archive.layout.run_dir, "counts": asdict(archive.counts())}
    if args.json:
        _emit(data)
    else:
        console.print(f"archive ready in {data['run_dir']}")
    return 0


def cmd_log(args: argparse.Namespace, console: Console) -> int:
    with Archive.open(args.run_dir) as archive:
        seeds = archive.recent(args.n)
    if args.json:
        _emit([_summary_json(s) for s in seeds])
    else:
        console.print(_seed_table(f"latest {len(seeds)} seeds", seeds))
    return 0


def cmd_best(args: argparse.Namespace, console: Console) -> int:
    with Archive.open(args.run_dir) as archive:
        ranked = archive.best(
            args.n, island=args.island, suite=args.suite, version=args.version, split=args.split
        )
    champion = _champion(args.run_dir)
    if args.json:
        _emit(
            [
                {**_summary_json(r.seed), "evidence": asdict(r.evidence), "champion": r.seed.id == champion}
                for r in ranked
            ]
        )
        return 0
    console.print(_ranked_table(args.split, ranked, champion))
    if champion is not None and all(r.seed.id != champion for r in ranked):
        console.print(f"run champion {champion[:SHORT]} (chosen on validation) is not among these")
    return 0


def _ranked_table(split: str, ranked: list[Ranked], champion: str | None) -> Table:
    versions = sorted({f"{r.evidence.suite} {r.evidence.version}" for r in ranked})
    on = f" on {versions[0]}" if len(versions) == 1 else ""
    table = Table(
        title=f"best {len(ranked)} seeds{on} by {split} fitness: the lower bound of the Wilson 95% interval of "
        f"the pass rate over every {split} task run",
        caption="★ = the run's champion (status.json, chosen on validation)" if champion else None,
    )
    # One suite version (the usual case) is named in the title; several get a column (never added together).
    names = (
        "",
        "id",
        *(("version",) if len(versions) > 1 else ()),
        "passed",
        "rate",
        "95% interval",
        "fitness",
    )
    _columns(table, (*names, "gen", "operator"), {"", "id", "version", "operator"})
    for r in ranked:
        ev = r.evidence
        table.add_row(
            "★" if r.seed.id == champion else "",
            r.seed.id[:SHORT],
            *((f"{ev.suite} {ev.version}",) if len(versions) > 1 else ()),
            _tasks(ev),
            _rate(ev),
            _interval(ev),
            f"{ev.low:.3f}",
            str(r.seed.generation),
            r.seed.operator,
        )
    return table


def cmd_show(args: argparse.Namespace, console: Console) -> int:
    with Archive.open(args.run_dir) as archive:
        sid = archive.resolve(args.id)
        summary = archive.summary(sid)
        source = archive.source(sid)
        edges = archive.edges(sid)
        records = archive.records(sid)
        evidence = archive.evidence(sid)
        children = archive.children(sid)
    records.sort(key=lambda r: (r.split, r.suite, _natural(r.suite_version)))
    if args.json:
        _emit(
            {
                "seed": _summary_json(summary),
                "evidence": [asdict(ev) for ev in evidence],
                "source": source,
                "edges": [{**asdict(e), "parents": list(e.parents)} for e in edges],
                "records": [json.loads(r.to_json()) for r in records],
                "children": children,
            }
        )
        return 0
    console.print(f"[bold]seed {sid}[/bold]")
    console.print(
        f"generation {summary.generation}, island {summary.island}, operator {summary.operator}, "
        f"born {_when(summary.time)} UTC, proposed {summary.proposals}×"
    )
    for e in edges:
        parents = ", ".join(p[:SHORT] for p in e.parents) or "(root)"
        console.print(
            f"  proposed by {parents} via {e.operator} in generation {e.generation}, island {e.island}"
        )
    console.print(f"  fitness (train): {_fitness(summary.train)}")
    for ev in evidence:
        console.print(
            f"  {ev.split} {ev.suite} {ev.version}: {ev.passed}/{ev.tasks} tasks passed ({_rate(ev)}), "
            f"95% interval {_interval(ev)}, over {ev.records} record{'s' if ev.records != 1 else ''}"
        )
    for r in records:
        tasks, passed = task_counts(r)
        console.print(
            f"    record {r.suite} {r.suite_version} ({r.split}): {r.outcome.value}, {passed}/{tasks} tasks "
            f"passed, aggregate {r.aggregate:.3f}, {r.seconds:.1f} s"
        )
    console.print(f"  children: {', '.join(c[:SHORT] for c in children) or '(none)'}")
    _code(console, source, "python", line_numbers=True)
    return 0


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that puts ``b2`` before ``b10``."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"(\d+)", text) if p)


def _code(console: Console, text: str, lexer: str, line_numbers: bool = False) -> None:
    """Code highlighted on a terminal, wrapped rather than cut; elsewhere (a pipe, a file) the exact text, so
    ``python -m lineage diff a b > child.patch`` loses nothing to the console's width."""
    if console.is_terminal:
        console.print(Syntax(text, lexer, line_numbers=line_numbers, word_wrap=True))
        return
    if line_numbers:
        width = len(str(text.count("\n") + 1))
        text = "".join(f"{n:>{width}} {line}" for n, line in enumerate(text.splitlines(keepends=True), 1))
    console.file.write(text if text.endswith("\n") else text + "\n")


def cmd_diff(args: argparse.Namespace, console: Console) -> int:
    with Archive.open(args.run_dir) as archive:
        a, b = archive.resolve(args.a), archive.resolve(args.b)
        text_a, text_b = (
            (archive.canonical(a), archive.canonical(b))
            if args.canonical
            else (archive.source(a), archive.source(b))
        )
    lines = list(
        difflib.unified_diff(
            text_a.splitlines(keepends=True),
            text_b.splitlines(keepends=True),
            fromfile=a[:SHORT],
            tofile=b[:SHORT],
        )
    )
    diff = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    if args.json:
        _emit({"a": a, "b": b, "diff": diff})
    elif diff:
        _code(console, diff, "diff")
    else:
        console.print("(no differences)")
    return 0


def cmd_tree(args: argparse.Namespace, console: Console) -> int:
    with Archive.open(args.run_dir) as archive:
        root = archive.resolve(args.id)
        seen: set[str] = set()

        def node(sid: str, depth: int) -> dict[str, object]:
            s = archive.summary(sid)
            data: dict[str, object] = {
                "id": sid,
                "generation": s.generation,
                "operator": s.operator,
                "best": s.best,
                "train": _evidence_json(s.train),
                "parents": [],
            }
            if sid in seen:
                data["seen"] = True
                return data
            seen.add(sid)
            parents = archive.parents(sid)
            if depth >= args.depth and parents:
                data["truncated"] = True
                return data
            data["parents"] = [node(p, depth + 1) for p in parents]
            return data

        data = node(root, 0)
    if args.json:
        _emit(data)
        return 0

    def label(d: dict[str, object]) -> str:
        train = d["train"]
        fitness = (
            f"train {train['passed']}/{train['tasks']}, fitness {train['low']:.3f}"
            if isinstance(train, dict)
            else "no train record"
        )
        text = f"{str(d['id'])[:SHORT]}  gen {d['generation']}  {d['operator']}  {fitness}"
        if d.get("seen"):
            text += "  (shown above)"
        if d.get("truncated"):
            text += f"  … (deeper than --depth {args.depth})"
        return text

    def grow(tree: Tree, d: dict[str, object]) -> None:
        for p in d["parents"]:  # type: ignore[attr-defined]
            grow(tree.add(label(p)), p)

    top = Tree(label(data))
    grow(top, data)
    console.print(top)
    return 0


def cmd_stats(args: argparse.Namespace, console: Console) -> int:
    with Archive.open(args.run_dir) as archive:
        counts = archive.counts()
        ops = archive.operator_stats()
        gens = archive.generation_stats()
        again = archive.dedup_counts(10)
    if args.json:
        _emit(
            {
                "counts": asdict(counts),
                "operators": [asdict(o) for o in ops],
                "generations": [asdict(g) for g in gens],
                "most_rediscovered": again,
            }
        )
        return 0
    console.print(
        f"{counts.seeds} seeds, {counts.edges} edges, {counts.records} records, {counts.runs} runs; "
        f"{counts.dedup_hits} dedup hits (proposals of a seed already archived)"
    )
    console.print("fitness = lower bound of the Wilson 95% interval of a seed's train pass rate")
    table = Table(title="operators: fitness of the seeds each gave birth to")
    for name in ("operator", "proposals", "new", "duplicates", "scored", "mean", "best"):
        table.add_column(name, justify="left" if name == "operator" else "right")
    for o in ops:
        table.add_row(
            o.operator,
            str(o.proposals),
            str(o.new),
            str(o.duplicates),
            str(o.scored),
            _fit(o.mean),
            _fit(o.best),
        )
    console.print(table)
    table = Table(title="generations: fitness of the seeds born in each")
    for name in ("generation", "seeds", "proposals", "scored", "mean", "best"):
        table.add_column(name, justify="right")
    for g in gens:
        table.add_row(
            str(g.generation), str(g.seeds), str(g.proposals), str(g.scored), _fit(g.mean), _fit(g.best)
        )
    console.print(table)
    if again:
        console.print("most re-discovered: " + ", ".join(f"{s[:SHORT]} ×{n}" for s, n in again))
    return 0


def cmd_export(args: argparse.Namespace, console: Console) -> int:
    with Archive.open(args.run_dir) as archive:
        write = export_json if args.format == "json" else export_graphml
        if args.output in (None, "-"):
            write(archive, sys.stdout)
        else:
            with open(args.output, "w", encoding="utf-8") as fh:
                write(archive, fh)
    return 0


def cmd_verify(args: argparse.Namespace, console: Console) -> int:
    report = verify(args.run_dir)
    if args.json:
        _emit(
            {
                "checked": report.checked,
                "ok": report.ok,
                "corrupt": [{"id": i, "path": p, "error": e} for i, p, e in report.corrupt],
                "missing": list(report.missing),
                "index_checked": report.index_checked,
                "temp_files": list(report.temp_files),
            }
        )
    else:
        for oid, path, why in report.corrupt:
            sys.stderr.write(f"corrupt object {oid} ({path}): {why}\n")
        for oid in report.missing:
            sys.stderr.write(f"missing object {oid}: the index refers to it; run `reindex`\n")
        if not report.index_checked:
            console.print("index missing or unusable: objects verified, index not checked (run `reindex`)")
        if report.temp_files:
            console.print(
                f"{len(report.temp_files)} temp files left by killed writers in objects/tmp "
                "(never visible as objects; safe to delete)"
            )
        state = "ok" if report.ok else f"{len(report.corrupt)} corrupt, {len(report.missing)} missing"
        console.print(f"verified {report.checked} objects: {state}")
    return 0 if report.ok else 1


def cmd_reindex(args: argparse.Namespace, console: Console) -> int:
    report = reindex(args.run_dir)
    if args.json:
        _emit(asdict(report))
    else:
        for problem in report.problems:
            sys.stderr.write(problem + "\n")
        console.print(
            f"reindexed {report.objects} objects: {report.seeds} seeds, {report.edges} edges, "
            f"{report.records} records, {report.runs} runs; {len(report.problems)} problems"
        )
    return 0


def cmd_add(args: argparse.Namespace, console: Console) -> int:
    with open(args.file, encoding="utf-8") as fh:
        source = fh.read()
    with Archive.open(args.run_dir) as archive:
        result = archive.add(
            source, operator=args.operator, generation=args.generation, island=args.island, proposal=args.file
        )
    if args.json:
        _emit({"status": result.status.value, "seed_id": result.seed_id, "edge_id": result.edge_id})
    else:
        console.print(f"{result.status.value} {result.seed_id}")
    return 0


def cmd_pack(args: argparse.Namespace, console: Console) -> int:
    report = pack(args.run_dir)
    if args.json:
        _emit(asdict(report))
    else:
        for problem in report.skipped:
            sys.stderr.write(problem + "\n")
        where = f" into {report.pack}" if report.pack else ""
        console.print(f"packed {report.packed} loose objects ({report.bytes} bytes){where}")
    return 0
