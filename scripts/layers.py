"""Print the shape of the kg package: module sizes, the longest functions, import-graph layers.

Why: issue 9 asks for small units and a package that runs downhill; this prints the figures
tests/test_architecture.py checks (it imports the helpers below), so a change can show
before/after.

Example: python scripts/layers.py --top 15
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "kg"


def _modules(root: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every .py under the package (symlinked data skipped)."""
    out: dict[str, Path] = {}
    for p in sorted(root.rglob("*.py")):
        rel = p.relative_to(root.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = p
    return out


def module_sizes(root: Path = ROOT / PACKAGE) -> dict[str, int]:
    """Lines per module."""
    return {m: len(p.read_text(encoding="utf-8").splitlines()) for m, p in _modules(root).items()}


def function_sizes(root: Path = ROOT / PACKAGE) -> dict[tuple[str, str], int]:
    """Lines per function and per class (qualified name), decorators excluded."""
    out: dict[tuple[str, str], int] = {}
    for mod, p in _modules(root).items():
        tree = ast.parse(p.read_text(encoding="utf-8"))

        todo: list[tuple[ast.AST, str]] = [(tree, "")]
        while todo:
            node, prefix = todo.pop()
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                    name = f"{prefix}{child.name}"
                    out[(mod, name)] = (child.end_lineno or child.lineno) - child.lineno + 1
                    todo.append((child, name + "."))
    return out


def class_names(root: Path = ROOT / PACKAGE) -> set[tuple[str, str]]:
    """(module, qualified name) of every class, to hold classes to their own limit."""
    out: set[tuple[str, str]] = set()
    for mod, p in _modules(root).items():
        todo: list[tuple[ast.AST, str]] = [(ast.parse(p.read_text(encoding="utf-8")), "")]
        while todo:
            node, prefix = todo.pop()
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                    name = f"{prefix}{child.name}"
                    if isinstance(child, ast.ClassDef):
                        out.add((mod, name))
                    todo.append((child, name + "."))
    return out


def _resolve_from(mod: str, is_pkg: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = mod.split(".") if is_pkg else mod.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def import_graph(root: Path = ROOT / PACKAGE) -> dict[str, set[str]]:
    """Module -> package modules it imports (anywhere in the file: a lazy import inside a
    function or under TYPE_CHECKING is still a dependency)."""
    mods = _modules(root)
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for mod, p in mods.items():
        is_pkg = p.name == "__init__.py"
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                # "from pkg import submodule" uses the submodule; "from mod import name" the module
                base = _resolve_from(mod, is_pkg, node)
                names = [
                    f"{base}.{a.name}" if f"{base}.{a.name}" in mods else base for a in node.names
                ]
            for name in names:
                # the longest known module that the name starts with
                while name and name not in mods:
                    name = name.rpartition(".")[0]
                if name and name != mod and name != PACKAGE:
                    graph[mod].add(name)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[set[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                on.discard(w)
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(comp)

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return out


def layers(graph: dict[str, set[str]]) -> list[list[str]]:
    """Modules by depth: layer 0 imports nothing in the package; a cycle shares one layer."""
    comp_of = {m: m for m in graph}
    for comp in cycles(graph):
        name = min(comp)
        for m in comp:
            comp_of[m] = name
    deps: dict[str, set[str]] = {}
    for m, targets in graph.items():
        deps.setdefault(comp_of[m], set()).update(comp_of[t] for t in targets)
    for c, d in deps.items():
        d.discard(c)
    depth: dict[str, int] = {}

    def level(c: str) -> int:
        if c not in depth:
            depth[c] = 0
            depth[c] = 1 + max((level(d) for d in deps[c]), default=-1)
        return depth[c]

    out: dict[int, list[str]] = {}
    for m in graph:
        out.setdefault(level(comp_of[m]), []).append(m)
    return [sorted(out[i]) for i in sorted(out)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--top", type=int, default=15, help="how many modules/functions to list")
    ap.add_argument("--root", default=str(ROOT / PACKAGE), help="package directory")
    args = ap.parse_args(argv)
    root = Path(args.root)
    sizes = module_sizes(root)
    print(f"modules: {len(sizes)}, lines: {sum(sizes.values())}")
    print(f"\nlargest modules (top {args.top}):")
    for name, n in sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0]))[: args.top]:
        print(f"  {n:5d}  {name}")
    funcs = function_sizes(root)
    print(f"\nlongest functions/classes (top {args.top}):")
    for (mod, qual), n in sorted(funcs.items(), key=lambda kv: (-kv[1], kv[0]))[: args.top]:
        print(f"  {n:5d}  {mod}:{qual}")
    graph = import_graph(root)
    print("\nimport layers (0 imports nothing in kg):")
    for i, mods in enumerate(layers(graph)):
        print(f"  {i:2d}: {' '.join(mods)}")
    found = cycles(graph)
    print("\nimport cycles: " + ("none" if not found else ""))
    for comp in found:
        print("  " + " <-> ".join(sorted(comp)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
