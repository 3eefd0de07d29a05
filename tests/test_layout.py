"""The package's layout (scripts/edition/__init__.py): its subpackages are stages in the
data's way through the build, and a module imports only from its own stage or an earlier
one; the workbench, which only measures, is imported by no stage; no modules import each
other in a circle. Every import counts, those inside functions too.
"""

from __future__ import annotations

import ast
from pathlib import Path

EDITION = Path(__file__).resolve().parent.parent / "scripts" / "edition"
STAGES = ["model", "sources", "generators", "checks", "passes", "adapters", "workbench"]


def module_name(path: Path, package: Path) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, package: Path) -> list[tuple[int, str]]:
    """(line, name) for every import of the package from this file, relative ones resolved:
    `from .x import y` gives x.y, which is the module y or a name in the module x."""
    name = module_name(path, package)
    here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            if not target.startswith(package.name):
                continue
            # from . import a, b: the modules a and b, where they are modules
            found.extend((node.lineno, f"{target}.{alias.name}") for alias in node.names)
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names if alias.name.startswith(package.name + "."))
    return found


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def layout_problems(package: Path) -> list[str]:
    problems = []
    files = sorted(package.rglob("*.py"))
    modules = {module_name(f, package): f for f in files}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for module, path in modules.items():
        where = path.relative_to(package.parent)
        stage = stage_of(module)
        if stage is None and module != package.name:
            problems.append(f"{where}: in no stage; a module belongs to one of {', '.join(STAGES)}")
        for line, target in imports(path, package):
            target = target if target in modules else target.rsplit(".", 1)[0]
            if target not in modules:
                continue
            graph[module].add(target)
            to = stage_of(target)
            if stage is None or to is None or to == stage:
                continue
            if to == "workbench":
                problems.append(f"{where}:{line}: {stage} imports the workbench ({target}), which only measures")
            elif STAGES.index(to) > STAGES.index(stage):
                problems.append(f"{where}:{line}: {stage} imports {target}, of the later stage {to}")
    problems.extend(circles(graph))
    return problems


def circles(graph: dict[str, set[str]]) -> list[str]:
    """Each import circle once, as the modules that import each other (Tarjan's components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph[node] - {node}:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append("import circle: " + " ↔ ".join(sorted(component)))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_edition_keeps_its_layout():
    assert layout_problems(EDITION) == []


def test_every_stage_says_what_it_holds_and_may_import():
    for stage in STAGES:
        doc = ast.get_docstring(ast.parse((EDITION / stage / "__init__.py").read_text(encoding="utf-8"))) or ""
        assert "import" in doc, f"scripts/edition/{stage}/__init__.py: its docstring says what it may import"
    top = ast.get_docstring(ast.parse((EDITION / "__init__.py").read_text(encoding="utf-8"))) or ""
    assert all(f"{stage}/" in top for stage in STAGES), "scripts/edition/__init__.py names every stage"


def test_each_check_module_is_named_as_its_check():
    for path in sorted((EDITION / "checks").glob("*.py")):
        if path.name != "__init__.py":
            tree = ast.parse(path.read_text(encoding="utf-8"))
            names = [n.value.value for n in tree.body if isinstance(n, ast.Assign) and any(getattr(t, "id", "") == "NAME" for t in n.targets)]
            assert names == [path.stem], f"scripts/edition/checks/{path.name}: NAME {names} is not the module's name"


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    package = tmp_path / "edition"
    for name, text in {"__init__.py": "", **{f"{s}/__init__.py": "" for s in STAGES}, **files}.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(text, encoding="utf-8")
    return package


def test_an_import_from_a_later_stage_fails(tmp_path):
    package = _package(tmp_path, {"model/blocks.py": "import os\n\n\ndef f():\n    from ..passes.tables import t\n", "passes/tables.py": "t = 1\n"})
    assert layout_problems(package) == ["edition/model/blocks.py:5: model imports edition.passes.tables, of the later stage passes"]


def test_an_import_of_the_workbench_fails(tmp_path):
    package = _package(tmp_path, {"adapters/cli.py": "from ..workbench import measure\n", "workbench/measure.py": ""})
    assert layout_problems(package) == ["edition/adapters/cli.py:1: adapters imports the workbench (edition.workbench.measure), which only measures"]


def test_a_circle_fails_and_a_module_outside_the_stages_too(tmp_path):
    package = _package(
        tmp_path,
        {"generators/a.py": "from .b import x\n", "generators/b.py": "def x():\n    from .a import y\n", "tools.py": ""},
    )
    assert layout_problems(package) == [
        "edition/tools.py: in no stage; a module belongs to one of model, sources, generators, checks, passes, adapters, workbench",
        "import circle: edition.generators.a ↔ edition.generators.b",
    ]
