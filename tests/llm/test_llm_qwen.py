"""Behaviour of the default model: Qwen2.5-Coder-0.5B writes a small function that passes its test."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from llm.broker import Broker
from llm.devices import Slot

pytestmark = pytest.mark.slow

PROMPT = (
    "Write a Python function `is_palindrome(s: str) -> bool` that returns True when `s` reads the"
    " same forwards and backwards, ignoring case and non-alphanumeric characters."
    " Reply with one Python code block."
)
TEST = """
assert is_palindrome("A man, a plan, a canal: Panama")
assert is_palindrome("")
assert is_palindrome("Racecar")
assert not is_palindrome("hello")
assert not is_palindrome("ab")
print("PASS")
"""


def _code(reply: str) -> str:
    blocks = re.findall(r"```(?:python)?\n(.*?)```", reply, re.S)
    return blocks[0] if blocks else reply


def test_default_model_writes_a_passing_function(tmp_path: Path) -> None:
    with Broker.start(
        "qwen2.5-coder-0.5b", slot=Slot.cpu(2), model_dir=tmp_path / "models", n_ctx=1024
    ) as broker:
        session = broker.open_session("qwen-behaviour", token_budget=1000)
        reply = session.channel().chat([{"role": "user", "content": PROMPT}], max_tokens=200)
    program = tmp_path / "solution.py"
    program.write_text(_code(reply) + "\n" + TEST)
    # Model output is untrusted: run it in a child process, never in the test process.
    run = subprocess.run([sys.executable, "-I", str(program)], capture_output=True, text=True, timeout=30)
    assert run.stdout.strip().endswith("PASS"), f"reply:\n{reply}\nstderr:\n{run.stderr}"
    assert 0 < session.usage().completion_tokens <= 200
