"""Fixtures for the sandbox and harness tests: warm sandboxes with small limits, checked for leftovers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sandbox_helpers import SMALL, assert_gone

from fitness.sandbox import Sandbox, SandboxKind


@pytest.fixture(scope="module")
def solution_sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxKind.SOLUTION, SMALL) as sandbox:
        marker = sandbox._root
        yield sandbox
    assert_gone(marker)


@pytest.fixture(scope="module")
def seed_sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxKind.SEED, SMALL) as sandbox:
        marker = sandbox._root
        yield sandbox
    assert_gone(marker)
