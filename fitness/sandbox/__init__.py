"""The two-layer sandbox (DESIGN.md, "Trust boundaries").

:class:`Sandbox` is one warm worker on the trusted side (:mod:`fitness.sandbox.pool`);
:mod:`fitness.sandbox.worker` is the worker process; :mod:`fitness.sandbox.runner` is what runs next to
untrusted code. See ``fitness/README.md``, "Sandbox", for the mechanisms and what each hostile case meets.

Exports are resolved lazily so that the worker process, which imports only ``worker``, ``runner`` and
``linux``, stays small: its size is what every execution's ``fork`` copies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fitness.sandbox.errors import SandboxError
    from fitness.sandbox.pool import ExecStatus, Execution, Mechanisms, Sandbox, SandboxKind, SandboxLimits

__all__ = ["ExecStatus", "Execution", "Mechanisms", "Sandbox", "SandboxError", "SandboxKind", "SandboxLimits"]


def __getattr__(name: str) -> Any:
    if name == "SandboxError":
        from fitness.sandbox import errors

        return errors.SandboxError
    if name in __all__:
        from fitness.sandbox import pool

        return getattr(pool, name)
    raise AttributeError(f"module 'fitness.sandbox' has no attribute {name!r}")
