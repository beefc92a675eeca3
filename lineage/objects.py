"""Content-addressed object store: ``objects/ab/cdef…``, git style.

An object is a kind plus bytes. Its id is ``sha256(header + body)`` in hex, where the header is
``b"<kind> <len>\\0"`` — except seeds, whose header is ``b"seed <CANON_VERSION> <len>\\0"`` so that a seed
object's id *is* ``genome.seed_id`` of its source.

On disk a file holds one of two encodings:

* plain: ``zlib(header + body)`` (exactly a git loose object);
* delta: ``b"D" + kind code + base id (32 raw bytes) + zlib(header + body, zdict=base body)``, used for a
  source whose base is its own seed (the canonical text shares most of its bytes). A zlib stream never
  starts with ``b"D"``, so the two cannot be confused. Deltas are one level deep: a base is always plain.

Invariants: ``put`` is idempotent; a file only becomes visible under its final name by ``rename`` of a
complete temp file, so a crash never leaves a partial object; every read re-hashes and raises
:class:`CorruptObjectError` naming the id and the file on a mismatch.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import os
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from genome import CANON_VERSION
from lineage.errors import CorruptObjectError, MissingObjectError
from lineage.packs import PackIndex, load_packs, stray_packs

_DELTA = b"D"
_LEVEL = 6
_MIN_BASE = 256  # below this a delta's 34-byte envelope costs more than the dictionary saves


class Kind(Enum):
    """What an object holds."""

    SEED = "seed"  # canonical source (utf-8)
    SOURCE = "source"  # a proposal's exact text, comments included
    RECORD = "record"  # FitnessRecord.to_json()
    EDGE = "edge"  # parents → child proposal, JSON (see lineage.edge)
    RUN = "run"  # a run's resolved config text


_KIND_CODE = {Kind.SEED: b"s", Kind.SOURCE: b"c", Kind.RECORD: b"r", Kind.EDGE: b"e", Kind.RUN: b"u"}
_CODE_KIND = {v: k for k, v in _KIND_CODE.items()}


def header(kind: Kind, size: int) -> bytes:
    """The typed header hashed in front of a body of ``size`` bytes."""
    if kind is Kind.SEED:
        return f"seed {CANON_VERSION} {size}\0".encode("ascii")
    return f"{kind.value} {size}\0".encode("ascii")


def object_id(kind: Kind, body: bytes) -> str:
    """The id ``body`` gets as an object of ``kind``: pure."""
    return hashlib.sha256(header(kind, len(body)) + body).hexdigest()


@dataclass(frozen=True, slots=True)
class StoredObject:
    """One object read back (and verified)."""

    id: str
    kind: Kind
    body: bytes


def _parse(object_id_: str, path: str, raw: bytes) -> StoredObject:
    """Split ``header + body`` and check them against the id; raises CorruptObjectError."""
    if hashlib.sha256(raw).hexdigest() != object_id_:
        raise _corrupt(object_id_, path, "its bytes do not hash to its id")
    head, sep, body = raw.partition(b"\0")
    parts = head.split(b" ")
    try:
        kind = Kind(parts[0].decode("ascii"))
        size = int(parts[-1])
    except (ValueError, UnicodeDecodeError):
        raise _corrupt(object_id_, path, f"unknown header {head[:40]!r}") from None
    if not sep or size != len(body) or header(kind, size) != head + b"\0":
        raise _corrupt(object_id_, path, f"header {head[:40]!r} does not match its body")
    return StoredObject(object_id_, kind, body)


def _corrupt(object_id_: str, path: str, why: str) -> CorruptObjectError:
    run_dir = os.path.dirname(os.path.dirname(os.path.dirname(path)))
    return CorruptObjectError(
        f"object {object_id_} in {path} is corrupt ({why}); run `python -m lineage --run-dir {run_dir} verify` "
        "to list every corrupt object",
        object_id_,
        path,
    )


def sync_filesystem(path: str) -> None:
    """Flush the whole filesystem holding ``path`` (one call for a batch of files)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if not hasattr(libc, "syncfs") or libc.syncfs(fd) != 0:
            os.sync()
    finally:
        os.close(fd)


class ObjectStore:
    """Loose objects under one ``objects/`` directory.

    Args:
        root: the ``objects/`` directory (must exist).
        durable: fsync files and directories so that a written object survives power loss, not only a
            killed process. Off only for throwaway archives (tests, benchmarks of the rest).
    """

    def __init__(self, root: str, *, durable: bool = True) -> None:
        self.root = root
        self.durable = durable
        self._tmp = os.path.join(root, "tmp")
        self._made: set[str] = set()
        self._pending: list[tuple[str, str]] = []
        self._pack_dir = os.path.join(root, "pack")
        self._packs: list[PackIndex] = []
        self._packs_stamp: int | None = None

    def path(self, oid: str) -> str:
        """File of object ``oid`` (whether or not it exists)."""
        return os.path.join(self.root, oid[:2], oid[2:])

    def exists(self, oid: str) -> bool:
        """True when ``oid`` is stored, loose or packed (not verified)."""
        return os.path.exists(self.path(oid)) or self._packed(oid) is not None

    def _packed(self, oid: str) -> tuple[PackIndex, int, int] | None:
        """Where ``oid`` is in a pack; rescans ``objects/pack`` when it changed (another process packed)."""
        key = bytes.fromhex(oid)
        for attempt in range(2):
            for pack in self._packs:
                found = pack.find(key)
                if found is not None:
                    return pack, found[0], found[1]
            if attempt or not self._refresh_packs():
                break
        return None

    def _refresh_packs(self) -> bool:
        """Reload the pack list if ``objects/pack`` changed since; True when it did."""
        try:
            stamp: int | None = os.stat(self._pack_dir).st_mtime_ns
        except FileNotFoundError:
            stamp = None
        if stamp == self._packs_stamp:
            return False
        self._packs, self._packs_stamp = load_packs(self._pack_dir), stamp
        return True

    def put(
        self, kind: Kind, body: bytes, *, base: tuple[str, bytes] | None = None, defer: bool = False
    ) -> str:
        """Store ``body`` as an object of ``kind`` and return its id. Idempotent.

        Args:
            kind: the object's kind.
            body: its bytes.
            base: ``(id, body)`` of a plain object already stored (or pending in this batch) to delta
                against (its body is the deflate dictionary); ignored for bases under 256 bytes.
            defer: write the temp file now but rename it into place at :meth:`flush` (group commit: one
                filesystem sync for a whole batch instead of two fsyncs per object).
        """
        oid = object_id(kind, body)
        final = self.path(oid)
        if self.exists(oid):
            return oid
        full = header(kind, len(body)) + body
        if base is not None and len(base[1]) >= _MIN_BASE:
            # A dictionary never makes deflate meaningfully worse, so no second, plain compression to compare.
            comp = zlib.compressobj(_LEVEL, zlib.DEFLATED, 15, 9, zlib.Z_DEFAULT_STRATEGY, zdict=base[1])
            data = _DELTA + _KIND_CODE[kind] + bytes.fromhex(base[0]) + comp.compress(full) + comp.flush()
        else:
            data = zlib.compress(full, _LEVEL)
        self._write(final, data, defer=defer)
        return oid

    def _write(self, final: str, data: bytes, *, defer: bool) -> None:
        if self._tmp not in self._made:
            os.makedirs(self._tmp, exist_ok=True)
            self._made.add(self._tmp)
        fd, tmp = tempfile.mkstemp(prefix=f"obj-{os.getpid()}-", dir=self._tmp)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                if self.durable and not defer:
                    fh.flush()
                    os.fsync(fh.fileno())
        except BaseException:
            os.unlink(tmp)
            raise
        if defer:
            self._pending.append((tmp, final))
        else:
            self._publish([(tmp, final)])

    def _publish(self, moves: list[tuple[str, str]]) -> None:
        dirs: set[str] = set()
        for tmp, final in moves:
            folder = os.path.dirname(final)
            if folder not in self._made:
                os.makedirs(folder, exist_ok=True)
                self._made.add(folder)
            os.replace(tmp, final)  # atomic; an identical object written concurrently is simply replaced
            dirs.add(folder)
        if self.durable and len(moves) == 1:
            for folder in dirs:
                dfd = os.open(folder, os.O_RDONLY)
                try:
                    os.fsync(dfd)
                finally:
                    os.close(dfd)
        elif self.durable and moves:
            sync_filesystem(self.root)

    def flush(self) -> None:
        """Make every deferred object durable and visible: one sync, the renames, one sync."""
        moves, self._pending = self._pending, []
        if not moves:
            return
        if self.durable:
            sync_filesystem(self.root)
        self._publish(moves)

    def discard(self) -> None:
        """Drop deferred objects that were never flushed (after an error in a batch)."""
        moves, self._pending = self._pending, []
        for tmp, _ in moves:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)

    def read_raw(self, oid: str) -> bytes:
        """The stored bytes, unverified. Raises MissingObjectError."""
        return self._read(oid)[0]

    def _read(self, oid: str) -> tuple[bytes, str]:
        """The stored bytes and the file they came from (loose first, then packs)."""
        try:
            with open(self.path(oid), "rb") as fh:
                return fh.read(), self.path(oid)
        except FileNotFoundError:
            packed = self._packed(oid)
            if packed is not None:
                pack, offset, length = packed
                return pack.read(offset, length), pack.pack_path
            run_dir = os.path.dirname(self.root)
            raise MissingObjectError(
                f"object {oid} is missing (no file {self.path(oid)}); run `python -m lineage --run-dir {run_dir} "
                "reindex` if the index points to objects that were removed"
            ) from None

    def get(self, oid: str, kind: Kind | None = None) -> StoredObject:
        """Read, decode and verify one object.

        Raises:
            MissingObjectError: no such file.
            CorruptObjectError: bytes that do not decode or do not hash to ``oid``; names the file.
        """
        data, path = self._read(oid)
        zdict = b""
        if data[:1] == _DELTA:
            base_id = data[2:34].hex()
            if data[1:2] not in _CODE_KIND or len(base_id) != 64:
                raise _corrupt(oid, path, "bad delta envelope")
            if self.read_raw(base_id)[:1] == _DELTA:
                raise _corrupt(oid, path, f"its delta base {base_id} is itself a delta")
            zdict = self.get(base_id).body
            data = data[34:]
        try:
            decomp = zlib.decompressobj(15, zdict=zdict) if zdict else zlib.decompressobj()
            raw = decomp.decompress(data) + decomp.flush()
            if not decomp.eof or decomp.unused_data:
                raise _corrupt(oid, path, "truncated or trailing zlib data")
        except zlib.error as err:
            raise _corrupt(oid, path, f"zlib: {err}") from None
        obj = _parse(oid, path, raw)
        if kind is not None and obj.kind is not kind:
            raise MissingObjectError(f"object {oid} is a {obj.kind.value}, not a {kind.value}")
        return obj

    def peek_kind(self, oid: str) -> Kind:
        """The kind of a stored object from its first bytes, unverified (cheap: for reindex)."""
        data, path = self._read(oid)
        if data[:1] == _DELTA:
            kind = _CODE_KIND.get(data[1:2])
            if kind is None:
                raise _corrupt(oid, path, "bad delta envelope")
            return kind
        try:
            head = zlib.decompressobj().decompress(data, 64)
        except zlib.error as err:
            raise _corrupt(oid, path, f"zlib: {err}") from None
        name = head.partition(b" ")[0]
        try:
            return Kind(name.decode("ascii"))
        except (ValueError, UnicodeDecodeError):
            raise _corrupt(oid, path, f"unknown header {head[:40]!r}") from None

    def ids(self) -> Iterator[str]:
        """Every object id present, loose or packed, sorted. Temp files are skipped."""
        loose = set(self.loose_ids())
        self._refresh_packs()
        packed = {oid for pack in self._packs for oid in pack.ids()}
        yield from sorted(loose | packed)

    def loose_ids(self) -> Iterator[str]:
        """Ids of the loose objects, fan-out directory by directory (sorted)."""
        for fan in sorted(os.listdir(self.root)):
            if len(fan) != 2 or not _is_hex(fan):
                continue
            for rest in sorted(os.listdir(os.path.join(self.root, fan))):
                if len(rest) == 62 and _is_hex(rest):
                    yield fan + rest

    def leftover_temp_files(self) -> list[str]:
        """Temp files a killed writer (or ``pack``) left behind (never read as objects; safe to delete)."""
        stray = stray_packs(self._pack_dir)
        if not os.path.isdir(self._tmp):
            return stray
        return sorted(os.path.join(self._tmp, name) for name in os.listdir(self._tmp)) + stray


_HEX = frozenset("0123456789abcdef")


def _is_hex(text: str) -> bool:
    return set(text) <= _HEX
