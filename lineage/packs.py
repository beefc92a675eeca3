"""Pack files: many objects in one file, so that a large archive does not spend a 4 KiB block per object.

``objects/pack/pack-<name>.pack`` is the concatenation of object files exactly as they are stored loose
(plain zlib or delta envelope); ``pack-<name>.idx`` lists, sorted by id, where each one is::

    b"SPIDX1\\n" + count (8 bytes, big endian) + count × (id 32 bytes, offset 8, length 4) + sha256(all before)

The ``.idx`` is written last and is the commit point: a ``.pack`` without its ``.idx`` is ignored (a killed
``pack`` leaves at most that). Reads through a pack verify the object's hash like loose reads do.
"""

from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Iterator

from lineage.errors import CorruptObjectError

MAGIC = b"SPIDX1\n"
_ENTRY = struct.Struct(">32sQI")
_COUNT = struct.Struct(">Q")


def encode_index(entries: list[tuple[bytes, int, int]]) -> bytes:
    """The ``.idx`` bytes for ``(id, offset, length)`` entries (sorted here)."""
    body = MAGIC + _COUNT.pack(len(entries)) + b"".join(_ENTRY.pack(*e) for e in sorted(entries))
    return body + hashlib.sha256(body).digest()


class PackIndex:
    """One loaded ``.idx``: binary search over its sorted entries, no per-object Python objects.

    Raises:
        CorruptObjectError: an index whose checksum or layout is wrong (names the file).
    """

    def __init__(self, idx_path: str) -> None:
        self.idx_path = idx_path
        self.pack_path = idx_path[: -len(".idx")] + ".pack"
        with open(idx_path, "rb") as fh:
            data = fh.read()
        head = len(MAGIC) + _COUNT.size
        ok = data.startswith(MAGIC) and len(data) >= head + 32
        count = _COUNT.unpack_from(data, len(MAGIC))[0] if ok else 0
        ok = ok and len(data) == head + count * _ENTRY.size + 32
        if not ok or hashlib.sha256(data[:-32]).digest() != data[-32:]:
            raise CorruptObjectError(
                f"pack index {idx_path} is corrupt; move it and its .pack aside and run `reindex` "
                "(then `verify`) to see which objects are lost",
                os.path.basename(idx_path),
                idx_path,
            )
        self._data = memoryview(data)[head : head + count * _ENTRY.size]
        self.count = count

    def find(self, oid: bytes) -> tuple[int, int] | None:
        """``(offset, length)`` of object ``oid`` (32 raw bytes) in the pack, or None."""
        lo, hi = 0, self.count
        size = _ENTRY.size
        while lo < hi:
            mid = (lo + hi) // 2
            key = bytes(self._data[mid * size : mid * size + 32])
            if key < oid:
                lo = mid + 1
            elif key > oid:
                hi = mid
            else:
                _, offset, length = _ENTRY.unpack_from(self._data, mid * size)
                return offset, length
        return None

    def ids(self) -> Iterator[str]:
        """Every id in the pack, sorted."""
        for i in range(self.count):
            yield bytes(self._data[i * _ENTRY.size : i * _ENTRY.size + 32]).hex()

    def read(self, offset: int, length: int) -> bytes:
        """The stored bytes of one object (unverified)."""
        with open(self.pack_path, "rb") as fh:
            fh.seek(offset)
            data = fh.read(length)
        return data


def load_packs(pack_dir: str) -> list[PackIndex]:
    """Every committed pack in ``pack_dir`` (those with an ``.idx``), newest name order irrelevant."""
    if not os.path.isdir(pack_dir):
        return []
    return [PackIndex(os.path.join(pack_dir, n)) for n in sorted(os.listdir(pack_dir)) if n.endswith(".idx")]


def stray_packs(pack_dir: str) -> list[str]:
    """``.pack`` files without an ``.idx`` (a killed ``pack``); never read, safe to delete."""
    if not os.path.isdir(pack_dir):
        return []
    names = set(os.listdir(pack_dir))
    return sorted(
        os.path.join(pack_dir, n)
        for n in names
        if n.endswith(".pack") and n[: -len(".pack")] + ".idx" not in names
    )
