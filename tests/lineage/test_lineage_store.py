"""Object store: round trip, idempotence, ids, corruption caught by reads and by verify."""

from __future__ import annotations

import os
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from genome import canonical_source, seed_id
from lineage import CorruptObjectError, Kind, MissingObjectError, ObjectStore, verify
from lineage.layout import create_layout
from lineage.objects import object_id


@pytest.fixture
def store(tmp_path: object) -> ObjectStore:
    layout = create_layout(str(tmp_path))
    return ObjectStore(layout.objects, durable=False)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(kind=st.sampled_from(list(Kind)), body=st.binary(max_size=3000), base=st.binary(max_size=2000))
def test_round_trip_any_kind_and_delta(store: ObjectStore, kind: Kind, body: bytes, base: bytes) -> None:
    oid = store.put(kind, body)
    assert oid == object_id(kind, body)
    assert store.get(oid) == store.get(oid, kind)
    assert store.get(oid).body == body and store.get(oid).kind is kind
    assert store.put(kind, body) == oid  # idempotent
    base_id = store.put(Kind.SEED, base)
    delta_body = base + body
    did = store.put(Kind.SOURCE, delta_body, base=(base_id, base))
    assert store.get(did).body == delta_body
    assert store.peek_kind(did) is Kind.SOURCE and store.peek_kind(oid) is kind


def test_seed_object_id_is_genome_seed_id(store: ObjectStore) -> None:
    src = "# c\ndef solve(task, llm, tools):\n    return  1\n"
    oid = store.put(Kind.SEED, canonical_source(src).encode())
    assert oid == seed_id(src)


def test_delta_is_used_when_smaller(store: ObjectStore) -> None:
    canon = "".join(f"def f{i}(x):\n    return x * {i} + {i * 7}\n" for i in range(80)).encode()
    seed = store.put(Kind.SEED, canon)
    src = store.put(Kind.SOURCE, b"# comment\n" + canon, base=(seed, canon))
    with open(store.path(src), "rb") as fh:
        assert fh.read(1) == b"D"
    assert os.path.getsize(store.path(src)) < len(zlib.compress(b"# comment\n" + canon)) // 4


def _flip(path: str, offset: int) -> None:
    with open(path, "rb") as fh:
        data = bytearray(fh.read())
    data[offset % len(data)] ^= 0x01
    os.chmod(path, 0o644)
    with open(path, "wb") as fh:
        fh.write(bytes(data))


@pytest.mark.parametrize("offset", [0, 5, 17, -3, -1])
def test_flipped_byte_is_caught_by_read_and_verify(store: ObjectStore, offset: int) -> None:
    good = store.put(Kind.RECORD, b'{"ok": true}')
    bad = store.put(Kind.SOURCE, b"print('hello world')\n" * 20)
    _flip(store.path(bad), offset)
    with pytest.raises(CorruptObjectError) as err:
        store.get(bad)
    assert bad in str(err.value) and store.path(bad) in str(err.value) and "verify" in str(err.value)
    assert "\n" not in str(err.value)
    report = verify(os.path.dirname(store.root))
    assert not report.ok
    assert [c[0] for c in report.corrupt] == [bad]
    assert store.get(good).body == b'{"ok": true}'


def test_file_under_the_wrong_name_is_corrupt(store: ObjectStore) -> None:
    a = store.put(Kind.RUN, b"a = 1")
    b = store.put(Kind.RUN, b"b = 2")
    os.replace(store.path(a), store.path(b))
    with pytest.raises(CorruptObjectError, match=b):
        store.get(b)


def test_corrupt_delta_base_makes_the_source_unreadable(store: ObjectStore) -> None:
    canon = "".join(f"def f{i}(x):\n    return x * {i} + {i * 7}\n" for i in range(80)).encode()
    seed = store.put(Kind.SEED, canon)
    src = store.put(Kind.SOURCE, b"# hi\n" + canon, base=(seed, canon))
    _flip(store.path(seed), 10)
    with pytest.raises(CorruptObjectError):
        store.get(src)
    bad = {c[0] for c in verify(os.path.dirname(store.root)).corrupt}
    assert seed in bad


def test_missing_object(store: ObjectStore) -> None:
    with pytest.raises(MissingObjectError, match="missing"):
        store.get("ab" * 32)


def test_deferred_objects_are_invisible_until_flush(store: ObjectStore) -> None:
    oid = store.put(Kind.RUN, b"c = 3", defer=True)
    assert not store.exists(oid)
    assert len(store.leftover_temp_files()) == 1
    store.flush()
    assert store.exists(oid) and store.get(oid).body == b"c = 3"
    assert store.leftover_temp_files() == []
    gone = store.put(Kind.RUN, b"d = 4", defer=True)
    store.discard()
    assert not store.exists(gone) and store.leftover_temp_files() == []
    assert list(store.ids()) == [oid]


def test_durable_writes(tmp_path: object) -> None:
    store = ObjectStore(create_layout(str(tmp_path)).objects, durable=True)
    one = store.put(Kind.RUN, b"e = 5")
    two = store.put(Kind.RUN, b"f = 6", defer=True)
    three = store.put(Kind.RUN, b"g = 7", defer=True)
    store.flush()
    assert [store.get(o).body for o in (one, two, three)] == [b"e = 5", b"f = 6", b"g = 7"]
