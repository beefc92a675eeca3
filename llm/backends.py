"""What the broker dispatches to: the ``Backend`` protocol and the OpenAI-compatible endpoint client.

``ModelProcess`` (:mod:`llm.process`) and :class:`EndpointBackend` satisfy :class:`Backend`:
``generate(request, token_limit, deadline_s) -> Generation`` raising only
:class:`~llm.errors.LLMError` subclasses, called from the broker's dispatcher threads (``concurrency`` of
them, so a backend that serves more than one request at once is thread-safe).
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from typing import Protocol
from urllib.parse import urlsplit

from llm.cache import Generation
from llm.errors import (
    BadRequest,
    DeadlineExceeded,
    EndpointUnreachable,
    ServiceError,
)
from llm.wire import CallKind, GenerateRequest


class Backend(Protocol):
    """What the broker needs from a model."""

    model_id: str
    n_ctx: int
    device: str  # "cpu", "cuda:0", "endpoint"; a GPU slot that fell back says why in parentheses
    concurrency: int  # requests it serves at once (the broker runs this many dispatchers); thread-safe if > 1

    def generate(
        self, request: GenerateRequest, token_limit: int | None, deadline_s: float | None
    ) -> Generation:
        """One generation; ``token_limit`` bounds prompt + completion tokens, ``deadline_s`` is relative."""
        ...

    def close(self) -> None:
        """Release the model. Idempotent."""
        ...


def _opener(base_url: str) -> urllib.request.OpenerDirector:
    host = urlsplit(base_url).hostname or ""
    if host in ("localhost", "::1") or host.startswith("127."):
        return urllib.request.build_opener(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener()


class EndpointBackend:
    """An OpenAI-compatible server reached with the standard library.

    Token budgets are enforced after the fact for prompt tokens (the server counts them); ``max_tokens`` is
    clamped to the remaining budget before the call.
    """

    def __init__(
        self, base_url: str, model: str, n_ctx: int = 0, timeout_s: float = 600.0, concurrency: int = 1
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.concurrency = concurrency  # the server batches what arrives together
        self.model = model
        self.model_id = f"endpoint:{self.base_url}#{model}"
        self.device = "endpoint"
        self.n_ctx = n_ctx
        self.load_seconds = 0.0
        self.restarts = 0
        self._timeout = timeout_s
        self._opener = _opener(self.base_url)
        try:
            with self._opener.open(f"{self.base_url}/models", timeout=10) as resp:
                resp.read()
        except urllib.error.HTTPError as err:
            err.close()  # it answered: reachable, even if it has no /models route
        except (urllib.error.URLError, OSError) as err:
            raise EndpointUnreachable(
                f"endpoint {self.base_url!r} is unreachable ({getattr(err, 'reason', err)}); start the server"
                " or fix the URL"
            ) from None

    def generate(
        self, request: GenerateRequest, token_limit: int | None, deadline_s: float | None
    ) -> Generation:
        """One HTTP call; errors become :class:`ServiceError` or :class:`DeadlineExceeded`."""
        max_tokens = (
            request.max_tokens if token_limit is None else max(1, min(request.max_tokens, token_limit))
        )
        body: dict[str, object] = {
            "model": self.model,
            "max_tokens": max_tokens,
            "temperature": request.temperature,
            "stop": list(request.stop) or None,
        }
        if request.seed is not None:
            body["seed"] = request.seed
        if request.kind is CallKind.CHAT:
            route = "chat/completions"
            body["messages"] = [{"role": m.role, "content": m.content} for m in request.messages]
        else:
            route = "completions"
            body["prompt"] = request.prompt
        http = urllib.request.Request(
            f"{self.base_url}/{route}",
            data=json.dumps(body).encode("utf-8"),
            headers={"Content-Type": "application/json"},
        )
        started = time.monotonic()
        timeout = min(self._timeout, deadline_s) if deadline_s is not None else self._timeout
        try:
            with self._opener.open(http, timeout=max(0.001, timeout)) as resp:
                reply = json.loads(resp.read().decode("utf-8"))
            choice = reply["choices"][0]
            text = choice["message"]["content"] if request.kind is CallKind.CHAT else choice["text"]
            usage = reply.get("usage") or {}
            return Generation(
                str(text),
                int(usage.get("prompt_tokens", 0)),
                int(usage.get("completion_tokens", 0)),
                str(choice.get("finish_reason") or "stop"),
                time.monotonic() - started,
            )
        except TimeoutError:
            raise DeadlineExceeded(
                f"endpoint {self.base_url!r} did not answer within {timeout:.1f} s"
            ) from None
        except urllib.error.HTTPError as err:
            detail = err.read(300).decode("utf-8", "replace").replace("\n", " ")
            err.close()
            if err.code == 400:
                raise BadRequest(f"endpoint {self.base_url!r} rejected the request: {detail}") from None
            raise ServiceError(f"endpoint {self.base_url!r} answered HTTP {err.code} on /{route}") from None
        except (urllib.error.URLError, OSError) as err:
            raise ServiceError(f"endpoint {self.base_url!r} failed: {getattr(err, 'reason', err)}") from None
        except (ValueError, KeyError, IndexError, TypeError) as err:
            raise ServiceError(f"endpoint {self.base_url!r} sent an unexpected reply ({err!r:.80})") from None

    def close(self) -> None:
        """Nothing to release."""
