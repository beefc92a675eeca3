"""A writer process for the crash and concurrency tests (run as a script, never imported by pytest).

Usage: python lineage_writer.py RUN_DIR MODE START COUNT TAG [durable]

MODE ``chain``: add seeds START.. as a chain (each the child of the previous one), with a record for
every third, a re-discovery every fifth, printing ``ok <n>`` after each; COUNT 0 means forever.
MODE ``set``: add seeds START..START+COUNT-1 (each a child of seed 0) in an order shuffled by TAG, and
print one JSON line ``{"id": ..., "status": ...}`` per add.
"""

from __future__ import annotations

import itertools
import json
import random
import sys

from lineage_helpers import make_record, make_source

from lineage import Archive


def main() -> None:
    run_dir, mode, start, count, tag = (
        sys.argv[1],
        sys.argv[2],
        int(sys.argv[3]),
        int(sys.argv[4]),
        sys.argv[5],
    )
    durable = len(sys.argv) > 6 and sys.argv[6] == "durable"
    with Archive.open(run_dir, durable=durable) as archive:
        if mode == "chain":
            parent = archive.add(make_source(start)).seed_id
            numbers = itertools.count(start + 1) if count == 0 else range(start + 1, start + count)
            for i in numbers:
                child = archive.add(make_source(i, tag), (parent,), "mutate", i, i % 3).seed_id
                if i % 3 == 0:
                    archive.add_record(make_record(child, (i % 10) / 10))
                if i % 5 == 0:
                    archive.add(make_source(i - 1, "again"), (child,), "rediscover", i, 0)
                parent = child
                print(f"ok {i}", flush=True)
        else:
            order = list(range(start, start + count))
            random.Random(tag).shuffle(order)
            root = archive.resolve(sys.argv[7]) if len(sys.argv) > 7 else None
            for i in order:
                result = archive.add(make_source(i), (root,) if root else (), f"op-{tag}", 1, 0, proposal=tag)
                print(json.dumps({"id": result.seed_id, "status": result.status.value}), flush=True)


if __name__ == "__main__":
    main()
