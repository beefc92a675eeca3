"""lineage: the hash-addressed archive of a run — every seed, edge, fitness record and run config, once.

Public API:

* :class:`Archive` (``create``/``open``, ``add``/``add_many``/``add_record``/``add_run`` and the queries).
* :class:`AddStatus`, :class:`AddResult`, :class:`Proposal`, :class:`RecordResult` and the summary types.
* :class:`Evidence`, :class:`Ranked` and :func:`wilson`, :func:`base_version`, :func:`make_evidence` — a
  seed's records on one split added up, with the Wilson 95% interval (``lineage.evidence``).
* :func:`reindex`, :func:`verify`, :func:`pack` — rebuild the index from ``objects/``; re-hash every
  object; move loose objects into a pack file.
* :class:`Edge`, :class:`ObjectStore`, :class:`Kind` — the store underneath.

``python -m lineage --run-dir DIR <command>`` is the command line (see ``lineage.cli``).
"""

from lineage.archive import Archive
from lineage.edge import Edge
from lineage.errors import (
    AmbiguousIdError,
    ArchiveBusyError,
    CorruptObjectError,
    IndexUnavailableError,
    LineageError,
    MissingObjectError,
    NotAnArchiveError,
    UnknownIdError,
)
from lineage.evidence import base_version, make_evidence, wilson
from lineage.model import (
    AddResult,
    AddStatus,
    Counts,
    Evidence,
    GenerationStats,
    OperatorStats,
    Proposal,
    Ranked,
    RecordResult,
    Relative,
    SeedSummary,
)
from lineage.objects import Kind, ObjectStore
from lineage.rebuild import PackReport, ReindexReport, VerifyReport, pack, reindex, verify

__all__ = [
    "AddResult",
    "AddStatus",
    "AmbiguousIdError",
    "Archive",
    "ArchiveBusyError",
    "CorruptObjectError",
    "Counts",
    "Edge",
    "Evidence",
    "GenerationStats",
    "IndexUnavailableError",
    "Kind",
    "LineageError",
    "MissingObjectError",
    "NotAnArchiveError",
    "ObjectStore",
    "OperatorStats",
    "PackReport",
    "Proposal",
    "Ranked",
    "RecordResult",
    "ReindexReport",
    "Relative",
    "SeedSummary",
    "UnknownIdError",
    "VerifyReport",
    "base_version",
    "make_evidence",
    "pack",
    "reindex",
    "verify",
    "wilson",
]
