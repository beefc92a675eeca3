"""The edge object: one proposal of a child by its parents, with how, when and where.

An edge is stored as stable JSON (sorted keys, no whitespace). Its *key* is everything but the time: two
adds with equal keys are the same proposal (a retried job) and are recorded once; a re-discovery by other
parents, another operator, generation, island or ``proposal`` tag is a new edge.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from lineage.errors import LineageError

EDGE_SCHEMA = 1


@dataclass(frozen=True, slots=True)
class Edge:
    """Parents → child.

    Attributes:
        child: the seed id proposed.
        source: id of the ``source`` object holding the exact text that was proposed.
        parents: seed ids of the parents, in the order the operator used them (empty for a root).
        operator: how the child was made (e.g. ``"mutate:swap_compare"``, ``"crossover"``, ``"origin"``).
        generation: the generation the child was proposed in.
        island: the island it was proposed on.
        run: id of the ``run`` object of the run that proposed it, or None.
        proposal: the caller's tag for this proposal (e.g. job id and child index); "" when none.
        time: seconds since the epoch when it was recorded.
    """

    child: str
    source: str
    parents: tuple[str, ...]
    operator: str
    generation: int
    island: int
    run: str | None
    proposal: str
    time: float

    def to_json(self) -> str:
        """Stable JSON: equal edges give equal bytes."""
        data = {
            "schema": EDGE_SCHEMA,
            "child": self.child,
            "source": self.source,
            "parents": list(self.parents),
            "operator": self.operator,
            "generation": self.generation,
            "island": self.island,
            "run": self.run,
            "proposal": self.proposal,
            "time": self.time,
        }
        return json.dumps(data, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | bytes) -> Edge:
        """Inverse of :meth:`to_json`. Raises LineageError on anything else."""
        try:
            data = json.loads(text)
            if data["schema"] != EDGE_SCHEMA:
                raise LineageError(f"edge has schema {data['schema']!r}, this seedpop reads {EDGE_SCHEMA}")
            run = data["run"]
            return cls(
                child=str(data["child"]),
                source=str(data["source"]),
                parents=tuple(str(p) for p in data["parents"]),
                operator=str(data["operator"]),
                generation=int(data["generation"]),
                island=int(data["island"]),
                run=None if run is None else str(run),
                proposal=str(data["proposal"]),
                time=float(data["time"]),
            )
        except LineageError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as err:
            raise LineageError(f"not an edge: {type(err).__name__}: {err}") from None

    @property
    def key(self) -> bytes:
        """16 bytes identifying the proposal regardless of time (see module doc)."""
        return proposal_key(
            self.child,
            self.source,
            self.parents,
            self.operator,
            self.generation,
            self.island,
            self.run,
            self.proposal,
        )


def proposal_key(
    child: str,
    source: str,
    parents: tuple[str, ...],
    operator: str,
    generation: int,
    island: int,
    run: str | None,
    proposal: str,
) -> bytes:
    """The key of an edge before it has a time: pure."""
    text = json.dumps([child, source, list(parents), operator, generation, island, run, proposal])
    return hashlib.sha256(text.encode("utf-8")).digest()[:16]
