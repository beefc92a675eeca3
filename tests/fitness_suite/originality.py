"""Text similarity of task prompts, for the contamination and near-duplicate checks of the ``core`` suite.

A prompt is reduced to its words: the docstring without doctest lines (``>>>`` and their outputs),
lower-cased, the function's own name removed, every run of non-alphanumerics one space. Two prompts are
near-identical when :func:`similarity` (difflib's ratio of the two texts' word sequences) reaches
:data:`THRESHOLD`. Words rather than characters: short docstrings share many letters by chance.
"""

from __future__ import annotations

import ast
import difflib
import re
from collections.abc import Iterable

THRESHOLD = 0.7
"""Word-sequence ratio at or above which two normalised prompts count as near-identical. Measured on the
248 core-2 tasks: against HumanEval the peak is 0.46 (prime_factors / HumanEval/59, "largest prime
factor"); between two core tasks 0.67 (common_subsequence_length / longest_shared_run: a subsequence vs a
contiguous run, deliberately distinct tasks); a copy with a renamed function and a word or two changed
scores 0.85 or more."""


def docstring_words(prompt: str, entry_point: str = "") -> str:
    """The normalised text of ``prompt``'s first docstring (the whole prompt when it has none). Pure."""
    text = prompt
    try:
        for node in ast.walk(ast.parse(prompt)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                text = ast.get_docstring(node) or prompt
                break
    except SyntaxError:
        pass
    kept: list[str] = []
    skip = False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(">>>"):
            skip = True
            continue
        if skip and stripped:
            continue  # the doctest's expected output
        skip = False
        kept.append(stripped)
    words = " ".join(kept).lower()
    if entry_point:
        words = words.replace(entry_point.lower(), " ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", words).split())


def similarity(a: str, b: str) -> float:
    """difflib's ratio of the word sequences of two normalised texts, in [0, 1]; cheap upper bounds
    first (below the threshold they are returned instead of the exact ratio). Pure."""
    matcher = difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False)
    if matcher.real_quick_ratio() < THRESHOLD or matcher.quick_ratio() < THRESHOLD:
        return min(matcher.quick_ratio(), matcher.real_quick_ratio())
    return matcher.ratio()


def identifier_key(name: str) -> str:
    """An entry point compared loosely: ``Is_Prime``, ``isprime`` and ``is_prime`` are one name. Pure."""
    return name.lower().replace("_", "")


def near_pairs(
    left: Iterable[tuple[str, str]], right: Iterable[tuple[str, str]], same: bool = False
) -> list[tuple[str, str, float]]:
    """Pairs (left id, right id, ratio) of normalised texts at or above :data:`THRESHOLD`.

    ``left`` and ``right`` hold (id, normalised text); with ``same`` each unordered pair of one list is
    compared once and a text is not compared with itself.
    """
    rights = list(right)
    out = []
    for i, (lid, ltext) in enumerate(left):
        for j, (rid, rtext) in enumerate(rights):
            if same and j <= i:
                continue
            ratio = similarity(ltext, rtext)
            if ratio >= THRESHOLD:
                out.append((lid, rid, round(ratio, 3)))
    return out
