"""The one random-number factory: every stream of randomness is derived from the run seed and labels.

``derive_seed(run_seed, "reproduce", parent_id, k)`` is the same number whatever order work runs in, so a
child's randomness depends only on who it is, never on scheduling.
"""

from __future__ import annotations

import hashlib
import random


def derive_seed(run_seed: int, *labels: object) -> int:
    """A 63-bit integer from the run seed and labels. Pure."""
    text = "\x1f".join([str(run_seed), *(str(label) for label in labels)])
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big") >> 1


def derive_rng(run_seed: int, *labels: object) -> random.Random:
    """A fresh ``random.Random`` seeded by :func:`derive_seed`. Pure."""
    return random.Random(derive_seed(run_seed, *labels))
