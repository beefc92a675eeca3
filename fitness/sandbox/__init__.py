"""The two-layer sandbox (DESIGN.md, "Trust boundaries").

:class:`Sandbox` is one warm worker on the trusted side; :mod:`fitness.sandbox.worker` is the worker
process; :mod:`fitness.sandbox.runner` is what runs next to untrusted code.
"""

from fitness.sandbox.errors import SandboxError
from fitness.sandbox.pool import ExecStatus, Execution, Mechanisms, Sandbox, SandboxKind, SandboxLimits

__all__ = ["ExecStatus", "Execution", "Mechanisms", "Sandbox", "SandboxError", "SandboxKind", "SandboxLimits"]
