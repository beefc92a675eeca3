"""``core.pyast``: every framework conversion between source and ``ast`` objects holds one process-wide lock
(CPython 3.11 keeps the conversion's recursion counter per interpreter, so two threads converting at once can
raise ``SystemError: AST constructor recursion depth mismatch`` on a good program)."""

from __future__ import annotations

import ast
import threading
from pathlib import Path

import pytest

from core import pyast

REPO = Path(__file__).resolve().parents[2]
# Code that runs on worker or server threads of the framework's own processes. The sandbox runner is a
# single-threaded process of its own, and seeds are user programs: neither is ours to lock.
FRAMEWORK = ("core", "genome", "population", "fitness", "lineage", "dashboard", "llm")
EXEMPT = {"core/pyast.py", "fitness/sandbox/runner.py"}


def _direct_conversions(text: str, where: str) -> list[str]:
    """Calls in ``text`` (the file ``where``) that convert between source and ``ast`` objects without the
    lock: ``ast.parse(…)``, and ``compile(…)`` of a tree, module or node (compiling text to bytecode makes no
    ``ast`` objects)."""
    found = []
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "parse" and ast.unparse(func.value) == "ast":
            found.append(f"{where}:{node.lineno} ast.parse")
        if isinstance(func, ast.Name) and func.id == "compile" and node.args:
            first = ast.unparse(node.args[0])
            if "tree" in first or "module" in first.lower() or "node" in first:
                found.append(f"{where}:{node.lineno} compile({first})")
    return found


def test_no_framework_module_parses_or_compiles_a_tree_without_the_lock() -> None:
    found = [
        hit
        for package in FRAMEWORK
        for path in sorted((REPO / package).rglob("*.py"))
        if str(path.relative_to(REPO)) not in EXEMPT
        for hit in _direct_conversions(path.read_text(encoding="utf-8"), str(path.relative_to(REPO)))
    ]
    assert not found, "use core.pyast.parse / parse_expression / compile_tree instead:\n" + "\n".join(found)


def test_the_guard_itself_sees_a_direct_parse_and_a_tree_compile() -> None:
    text = "import ast\ntree = ast.parse('x = 1')\ncompile(tree, '<x>', 'exec')\ncompile('x = 1', '<y>', 'exec')\n"
    assert _direct_conversions(text, "probe.py") == ["probe.py:2 ast.parse", "probe.py:3 compile(tree)"]


def test_a_conversion_waits_while_another_thread_holds_the_lock() -> None:
    entered, done = threading.Event(), threading.Event()

    def parse_in_thread() -> None:
        entered.set()
        pyast.parse("x = 1")
        done.set()

    with pyast._LOCK:  # another thread is mid-conversion
        thread = threading.Thread(target=parse_in_thread)
        thread.start()
        assert entered.wait(5)
        assert not done.wait(0.3)  # it waits for the lock rather than racing the conversion in flight
    assert done.wait(5)
    thread.join()


def test_parse_compile_and_expression_behave_as_the_stdlib_does() -> None:
    tree = pyast.parse("def f(x):\n    return x + 1\n")
    assert ast.dump(tree) == ast.dump(ast.parse("def f(x):\n    return x + 1\n"))
    namespace: dict[str, object] = {}
    exec(pyast.compile_tree(tree, "<t>"), namespace)
    assert namespace["f"](1) == 2  # type: ignore[operator]
    assert ast.literal_eval(pyast.parse_expression("[1, {'a': 2}]")) == [1, {"a": 2}]
    with pytest.raises(SyntaxError):
        pyast.parse("def (")
