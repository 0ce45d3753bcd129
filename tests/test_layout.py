"""The package's layout: no import cycle, and the library never imports the CLI.

The import graph is read from the source (ast), not from an interpreter, so lazy
imports inside functions count too. Imports under ``if TYPE_CHECKING:`` are left
out: they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import reviewmine

PACKAGE = Path(reviewmine.__file__).resolve().parent

# Cycles that only close through imports inside functions, each within one stage.
# Remove an entry when its cycle is broken; a new cycle fails the test.
KNOWN_LAZY_CYCLES: set[frozenset[str]] = set()


def _modules() -> dict[str, tuple[Path, bool]]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        is_pkg = parts[-1] == "__init__"
        if is_pkg:
            parts = parts[:-1]
        out[".".join(parts)] = (path, is_pkg)
    return out


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    return skip


def import_graph(module_level_only: bool) -> dict[str, set[str]]:
    """Module -> the package's modules it imports (a package's ``__init__`` counts as a module)."""
    mods = _modules()
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for name, (path, is_pkg) in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _type_checking_nodes(tree)
        nodes = tree.body if module_level_only else list(ast.walk(tree))
        for node in nodes:
            if id(node) in skip:
                continue
            if isinstance(node, ast.Import):
                graph[name].update(a.name for a in node.names if a.name in mods)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = name.split(".") if is_pkg else name.split(".")[:-1]
                    base = base[: len(base) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                if target not in mods:
                    continue
                for alias in node.names:
                    sub = f"{target}.{alias.name}"
                    graph[name].add(sub if sub in mods else target)
        graph[name].discard(name)
    return graph


def cycles(graph: dict[str, set[str]]) -> set[frozenset[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[frozenset[str]] = set()

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.add(frozenset(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_graph_reader_sees_the_imports():
    # guards the checks below against passing on an empty or misread graph
    graph = import_graph(module_level_only=False)
    assert "reviewmine.store" in graph["reviewmine.ingest"]
    assert "reviewmine.cli._app" in graph["reviewmine.cli.search"]
    assert sum(map(len, graph.values())) > 100
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == {frozenset("abc")}


def test_no_import_cycle_between_module_level_imports():
    found = cycles(import_graph(module_level_only=True))
    assert not found, f"import cycles: {[sorted(c) for c in found]}"


def test_no_new_import_cycle_through_imports_inside_functions():
    found = cycles(import_graph(module_level_only=False))
    assert found <= KNOWN_LAZY_CYCLES, (
        f"new import cycles: {[sorted(c) for c in found - KNOWN_LAZY_CYCLES]}"
    )
    assert found == KNOWN_LAZY_CYCLES, (
        f"cycles broken, drop them from KNOWN_LAZY_CYCLES: "
        f"{[sorted(c) for c in KNOWN_LAZY_CYCLES - found]}"
    )


def test_no_library_module_imports_the_cli():
    graph = import_graph(module_level_only=False)
    offenders = {
        m: sorted(t for t in targets if t == "reviewmine.cli" or t.startswith("reviewmine.cli."))
        for m, targets in graph.items()
        if not (
            m == "reviewmine.cli" or m.startswith("reviewmine.cli.") or m == "reviewmine.__main__"
        )
    }
    offenders = {m: t for m, t in offenders.items() if t}
    assert not offenders, f"library modules importing the CLI: {offenders}"


def test_library_does_not_import_evaluation_code():
    graph = import_graph(module_level_only=False)
    users = {
        m
        for m, targets in graph.items()
        if any(t.startswith("reviewmine.evaluation") for t in targets)
        and not m.startswith(("reviewmine.evaluation", "reviewmine.cli"))
    }
    assert not users, f"library modules importing evaluation code: {sorted(users)}"


def test_sql_runs_only_in_the_store():
    # The store owns SQL: other modules ask it for records (ARCHITECTURE.md, "store").
    store = PACKAGE / "store"
    calls = ("execute(", "executescript(", "executemany(")
    offenders = [
        f"{path.relative_to(PACKAGE)}:{n}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if store not in path.parents
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if any(c in line for c in calls)
    ]
    assert (store / "__init__.py").read_text(encoding="utf-8").count("execute(") > 10
    assert not offenders, f"SQL outside reviewmine/store: {offenders}"
