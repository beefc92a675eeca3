"""The lowest layer: what every package of seedpop shares and that imports only the standard library.

* :mod:`core.errors` — the root exception :class:`~core.errors.SeedpopError` and ``UnknownNameError``;
* :mod:`core.registry` — ``lookup`` in a registry dict with a "did you mean …?" error;
* :mod:`core.pyast` — ``ast.parse`` and ``compile`` of a tree one thread at a time (a CPython 3.11 race).

It exists so that ``llm`` (which imports nothing of the framework) and ``genome`` share one root exception
without either importing the other. Nothing else belongs here: a module that needs another package is not core.
"""
