"""The LLM interface the genome needs (for ``llm_rewrite``): a small protocol, no model import here.

The channel a seed receives (``llm.channel.LLMChannel``) satisfies it; tests may pass a scripted client.
"""

from __future__ import annotations

from typing import Protocol


class RewriteClient(Protocol):
    def chat(
        self,
        messages: list[dict[str, str]],
        *,
        seed: int | None = None,
        temperature: float = 0.0,
        max_tokens: int = 256,
        stop: list[str] | None = None,
    ) -> str:
        """The assistant's reply text to ``messages`` (``{"role": ..., "content": ...}`` dicts)."""
        ...
