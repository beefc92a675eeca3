"""Where the archive lives in a run directory, and how a run directory is recognised.

``<run>/objects/`` holds the objects and ``objects/VERSION`` (one line, :data:`FORMAT`); ``<run>/lineage.sqlite``
is the index. A directory without ``objects/VERSION``, or with another format in it, is refused, never
written to.
"""

from __future__ import annotations

import fcntl
import os
from dataclasses import dataclass

from lineage.errors import ArchiveBusyError, NotAnArchiveError

FORMAT = "seedpop-lineage 1"


@dataclass(frozen=True, slots=True)
class Layout:
    """Paths of one run directory's archive."""

    run_dir: str

    @property
    def objects(self) -> str:
        return os.path.join(self.run_dir, "objects")

    @property
    def version_file(self) -> str:
        return os.path.join(self.objects, "VERSION")

    @property
    def index(self) -> str:
        return os.path.join(self.run_dir, "lineage.sqlite")


def create_layout(run_dir: str) -> Layout:
    """Create the archive's directories in ``run_dir`` (made if needed). Idempotent on our own format.

    Raises:
        NotAnArchiveError: ``run_dir`` already holds an archive of another format.
    """
    layout = Layout(os.path.abspath(run_dir))
    if os.path.exists(layout.version_file):
        return check_layout(run_dir)
    os.makedirs(os.path.join(layout.objects, "tmp"), exist_ok=True)
    tmp = layout.version_file + f".tmp-{os.getpid()}"
    with open(tmp, "w", encoding="ascii") as fh:
        fh.write(FORMAT + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, layout.version_file)
    return layout


def check_layout(run_dir: str) -> Layout:
    """Return the layout of an existing archive.

    Raises:
        NotAnArchiveError: no such directory, no ``objects/VERSION``, or another format; one line each.
    """
    layout = Layout(os.path.abspath(run_dir))
    if not os.path.isdir(layout.run_dir):
        raise NotAnArchiveError(
            f"run directory {layout.run_dir} does not exist; pass an existing run directory with --run-dir "
            "(or create one with `python -m lineage --run-dir DIR init`)"
        )
    try:
        with open(layout.version_file, encoding="ascii", errors="replace") as fh:
            found = fh.readline().strip()
    except (FileNotFoundError, NotADirectoryError):
        raise NotAnArchiveError(
            f"{layout.run_dir} is not a seedpop run directory (no {layout.version_file}); pass the directory "
            "of a run, or create an archive with `python -m lineage --run-dir DIR init`"
        ) from None
    if found != FORMAT:
        raise NotAnArchiveError(
            f"{layout.version_file} says {found[:60]!r}, this seedpop reads {FORMAT!r}; use the seedpop "
            "version that wrote this run"
        )
    return layout


class ArchiveLock:
    """An advisory lock on ``objects/VERSION``: writers share it, ``reindex`` needs it alone.

    Released on :meth:`release` or when the process dies (flock semantics), so a killed writer never
    leaves a stale lock behind.
    """

    def __init__(self, layout: Layout, *, exclusive: bool) -> None:
        self._fd: int | None = os.open(layout.version_file, os.O_RDONLY)
        try:
            fcntl.flock(self._fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self._fd)
            self._fd = None
            if exclusive:
                raise ArchiveBusyError(
                    f"the archive in {layout.run_dir} is open in another process; stop its writers "
                    "(the run, other lineage commands) and try again"
                ) from None
            raise ArchiveBusyError(
                f"the archive in {layout.run_dir} is being reindexed by another process; wait for it to finish"
            ) from None

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
