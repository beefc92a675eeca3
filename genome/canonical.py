"""Program identity: canonical source, content ids (git style) and structure fingerprints.

Pure: parses text with :mod:`ast`, never executes it.

* ``canonical_source`` is ``ast.unparse`` of each top-level statement of ``ast.parse(text)``: formatting,
  comments, blank lines and redundant parentheses disappear; any change to the AST shows.
* ``seed_id`` hashes a typed header plus the canonical bytes, like a git object id, so two programs share an id
  exactly when their canonical forms are equal (under the same ``CANON_VERSION``).
* ``structure_id`` also forgets docstrings and the names of local variables and arguments (renamed in order of
  first appearance, scope by scope), so it groups programs that differ only in naming.
"""

from __future__ import annotations

import ast
import hashlib
from dataclasses import dataclass

from core import pyast
from genome.errors import SourceError, UnparseableError

#: Bump when the canonical form changes: ids from different versions are not comparable.
#: Version 1 is ``ast.unparse`` of CPython 3.11, statement by statement (:func:`canonical_of`).
CANON_VERSION = 1


@dataclass(frozen=True, slots=True)
class Limits:
    """Size limits for a program the genome will handle.

    Attributes:
        max_bytes: UTF-8 size of the source.
        max_nodes: number of AST nodes.
        max_depth: deepest nesting of AST nodes.
        max_work: the sum over AST nodes of their depth. libcst's parse time and memory grow with it, not
            with the node count alone (measured: a 19 KB file of 100 lists nested 95 deep, ~0.9 M, takes libcst
            17 s and 0.8 GB; 0.25 M about 1.5 s and 0.25 GB); the origin seeds are at ~7 k.
    """

    max_bytes: int = 256_000
    max_nodes: int = 100_000
    max_depth: int = 100
    max_work: int = 250_000


DEFAULT_LIMITS = Limits()


def as_text(source: str | bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    """Return ``source`` as text, refusing what the genome cannot handle.

    Raises:
        SourceError: bytes that are not UTF-8, or a source over ``limits.max_bytes``; the message names
            the limit.
    """
    if isinstance(source, bytes):
        try:
            text = source.decode("utf-8")
        except UnicodeDecodeError as err:
            raise SourceError(
                f"source is not UTF-8 (invalid byte at offset {err.start}); save the file as UTF-8"
            ) from None
        size = len(source)
    else:
        text = source
        size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > limits.max_bytes:
        raise SourceError(
            f"source is {size} bytes, over the limit of max_bytes={limits.max_bytes}; "
            "shrink the program or raise the limit"
        )
    return text


def parse(source: str | bytes, limits: Limits = DEFAULT_LIMITS) -> ast.Module:
    """Parse ``source`` into an :class:`ast.Module` without executing anything.

    Raises:
        SourceError: see :func:`as_text`; also a source with no statements at all.
        UnparseableError: a syntax error, with its line and column.
    """
    text = as_text(source, limits)
    try:
        tree = pyast.parse(text)
    except SyntaxError as err:
        raise UnparseableError(err.msg, err.lineno, err.offset) from None
    except (ValueError, RecursionError, MemoryError) as err:  # e.g. NUL bytes, absurd nesting
        raise UnparseableError(str(err) or type(err).__name__, None, None) from None
    if not tree.body:
        raise SourceError(
            "source is empty (no statements, only blanks or comments); a seed must define solve()"
        )
    return tree


def canonical_of(tree: ast.Module) -> str:
    """The canonical text of a parsed module: its top-level statements, each ``ast.unparse``-d, one per line.

    Statement by statement (rather than ``ast.unparse`` of the module) so that a child that changed one
    top-level statement can be re-canonicalized by re-unparsing that statement only.
    """
    return "\n".join(ast.unparse(statement) for statement in tree.body)


def canonical_source(source: str | bytes) -> str:
    """Return the canonical text of a program: pure, idempotent.

    Raises:
        SourceError, UnparseableError: see :func:`parse`.
    """
    return canonical_of(parse(source))


def _object_id(kind: str, text: str) -> str:
    body = text.encode("utf-8", errors="surrogatepass")
    header = f"{kind} {CANON_VERSION} {len(body)}\0".encode("ascii")
    return hashlib.sha256(header + body).hexdigest()


def id_of_canonical(canonical: str) -> str:
    """The seed id of text that is already canonical (no re-parse); see :func:`seed_id`."""
    return _object_id("seed", canonical)


def seed_id(source: str | bytes) -> str:
    """Identity of a program: sha256 (hex) of ``b"seed <CANON_VERSION> <len>\\0"`` + canonical bytes.

    Unchanged by formatting, comments, blank lines and parenthesisation; changed by any change to the AST.
    """
    return id_of_canonical(canonical_source(source))


def structure_id(source: str | bytes) -> str:
    """A coarser fingerprint: like :func:`seed_id`, but blind to docstrings and local names.

    Local variables and arguments are renamed scope by scope in order of first appearance (closures see the
    names of the scope that defines them; globals, attributes and keyword names are untouched).
    """
    tree = parse(source)
    tree = _StripDocstrings().visit(tree)
    tree = _AlphaRename().visit(tree)
    return _object_id("structure", canonical_of(tree))


def tree_size(tree: ast.AST) -> tuple[int, int, int]:
    """(AST nodes, deepest nesting, sum of the nodes' depths) of ``tree``, in one iterative walk."""
    nodes, deepest, work, stack = 0, 0, 0, [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        nodes += 1
        work += depth
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return nodes, deepest, work


def within_limits(tree: ast.AST, limits: Limits = DEFAULT_LIMITS) -> bool:
    """Whether ``tree`` is within ``limits``' node count, depth and parse work (see :class:`Limits`)."""
    nodes, depth, work = tree_size(tree)
    return nodes <= limits.max_nodes and depth <= limits.max_depth and work <= limits.max_work


def accepted_child_id(text: str, limits: Limits = DEFAULT_LIMITS) -> str | None:
    """The canonical id of ``text`` if it is a program we accept as a child (parses, within limits, compiles),
    else ``None``. Pure; compiles but never runs.
    """
    try:
        as_text(text, limits)
        tree = pyast.parse(text)
        if not within_limits(tree, limits):
            return None
        pyast.compile_tree(tree, "<child>")
        return id_of_canonical(canonical_of(tree)) if tree.body else None
    except (SyntaxError, ValueError, RecursionError, MemoryError, SourceError):
        return None


_DEF = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


class _StripDocstrings(ast.NodeTransformer):
    def _strip(self, node: ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> None:
        body = node.body
        first = body[0] if body else None
        if (
            isinstance(first, ast.Expr)
            and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)
        ):
            node.body = body[1:] or [ast.Pass()]

    def visit_Module(self, node: ast.Module) -> ast.AST:
        self._strip(node)
        self.generic_visit(node)
        return node

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        self._strip(node)
        self.generic_visit(node)
        return node

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> ast.AST:
        self._strip(node)
        self.generic_visit(node)
        return node

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        self._strip(node)
        self.generic_visit(node)
        return node


_Scope = ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda


def _arg_names(args: ast.arguments) -> list[str]:
    every = [*args.posonlyargs, *args.args, *args.kwonlyargs]
    if args.vararg:
        every.append(args.vararg)
    if args.kwarg:
        every.append(args.kwarg)
    return [a.arg for a in every]


def _bound_names(scope: _Scope) -> list[str]:
    """Names local to ``scope``: arguments first, then what its body binds, in order, minus global/nonlocal."""
    names = _arg_names(scope.args)
    declared: set[str] = set()
    body: list[ast.AST] = [scope.body] if isinstance(scope, ast.Lambda) else list(scope.body)
    stack = list(reversed(body))
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Global | ast.Nonlocal):
            declared.update(node.names)
            continue
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
            names.append(node.id)
        elif isinstance(node, ast.MatchAs | ast.MatchStar) and node.name:
            names.append(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            names.append(node.rest)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.append(node.name)
        if isinstance(node, _DEF):
            # A nested def binds its own name here; its insides are its own scope.
            names.append(node.name)
            continue
        if isinstance(node, ast.Lambda):
            continue
        stack.extend(reversed(list(ast.iter_child_nodes(node))))
    seen: dict[str, None] = {}
    for name in names:
        if name not in declared:
            seen.setdefault(name, None)
    return list(seen)


class _AlphaRename(ast.NodeTransformer):
    def __init__(self) -> None:
        self.scopes: list[dict[str, str]] = [{}]

    @property
    def names(self) -> dict[str, str]:
        return self.scopes[-1]

    def _enter(self, scope: _Scope) -> dict[str, str]:
        depth = len(self.scopes)
        mapping = dict(self.names)
        for i, name in enumerate(_bound_names(scope)):
            mapping[name] = f"_v{depth}_{i}"
        return mapping

    def _rename_args(self, args: ast.arguments, mapping: dict[str, str]) -> None:
        for a in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
            if a is not None:
                a.arg = mapping.get(a.arg, a.arg)
                if a.annotation is not None:
                    a.annotation = self.visit(a.annotation)

    def _visit_scope(self, node: _Scope) -> ast.AST:
        # Decorators, defaults and annotations belong to the enclosing scope.
        if not isinstance(node, ast.Lambda):
            node.decorator_list = [self.visit(d) for d in node.decorator_list]
            if node.returns is not None:
                node.returns = self.visit(node.returns)
        node.args.defaults = [self.visit(d) for d in node.args.defaults]
        node.args.kw_defaults = [self.visit(d) if d is not None else None for d in node.args.kw_defaults]
        mapping = self._enter(node)
        self._rename_args(node.args, mapping)
        self.scopes.append(mapping)
        if isinstance(node, ast.Lambda):
            node.body = self.visit(node.body)
        else:
            node.body = [self.visit(s) for s in node.body]
        self.scopes.pop()
        if not isinstance(node, ast.Lambda):
            node.name = self.names.get(node.name, node.name)
        return node

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        return self._visit_scope(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> ast.AST:
        return self._visit_scope(node)

    def visit_Lambda(self, node: ast.Lambda) -> ast.AST:
        return self._visit_scope(node)

    def visit_Name(self, node: ast.Name) -> ast.AST:
        node.id = self.names.get(node.id, node.id)
        return node

    def visit_MatchAs(self, node: ast.MatchAs) -> ast.AST:
        self.generic_visit(node)
        if node.name:
            node.name = self.names.get(node.name, node.name)
        return node

    def visit_MatchStar(self, node: ast.MatchStar) -> ast.AST:
        if node.name:
            node.name = self.names.get(node.name, node.name)
        return node

    def visit_MatchMapping(self, node: ast.MatchMapping) -> ast.AST:
        self.generic_visit(node)
        if node.rest:
            node.rest = self.names.get(node.rest, node.rest)
        return node

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> ast.AST:
        self.generic_visit(node)
        if node.name:
            node.name = self.names.get(node.name, node.name)
        return node

    def visit_Nonlocal(self, node: ast.Nonlocal) -> ast.AST:
        node.names = [self.names.get(n, n) for n in node.names]
        return node
