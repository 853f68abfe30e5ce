"""The shape the design asks for: course logic that does not know MkDocs,
and an adapter in which each feature keeps to its own module."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "mkdocs_course"
CORE = ["errors.py", "course.py", "runtime.py", "templating.py", "newcourse.py", "preview.py", "quiz", "i18n", "progress", "export", "trainer",
        "credentials", "facilitator", "activities"]


def core_modules() -> list[str]:
    names = []
    for entry in CORE:
        path = PACKAGE / entry
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            parts = file.relative_to(PACKAGE).with_suffix("").parts
            names.append(".".join(("mkdocs_course",) + tuple(p for p in parts if p != "__init__")))
    return names


def test_the_course_logic_imports_without_mkdocs():
    # a finder that refuses MkDocs, then every core module imported
    code = (
        "import sys\n"
        "class NoMkDocs:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'mkdocs' or name.startswith('mkdocs.') or name.startswith('material'):\n"
        "            raise ImportError('the course logic imported ' + name)\n"
        "sys.meta_path.insert(0, NoMkDocs())\n"
        f"for name in {core_modules()!r}:\n"
        "    __import__(name)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def raised_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            func = node.exc.func
            found.add(func.id if isinstance(func, ast.Name) else getattr(func, "attr", ""))
    return found


def test_only_the_plugin_turns_course_errors_into_plugin_errors():
    # course rules raise the core's error type; the adapter's features raise none of their own
    for path in sorted((PACKAGE / "mkdocs").glob("*.py")):
        if path.name in ("plugin.py", "multibuild.py"):
            continue
        assert "PluginError" not in raised_names(path), f"{path.name} raises PluginError itself"
    for entry in CORE:
        path = PACKAGE / entry
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            assert not {"Exception", "PluginError"} & raised_names(file), file.name


def test_course_errors_share_one_base():
    from mkdocs_course.errors import CourseError
    from mkdocs_course.i18n.catalog import CatalogError
    from mkdocs_course.progress import OutlineError
    from mkdocs_course.quiz import QuizError

    assert all(issubclass(kind, CourseError) for kind in (QuizError, CatalogError, OutlineError))


def test_plugin_py_holds_only_the_handlers():
    tree = ast.parse((PACKAGE / "mkdocs" / "plugin.py").read_text(encoding="utf-8"))
    plugin = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "CoursePlugin")
    methods = [n.name for n in plugin.body if isinstance(n, ast.FunctionDef)]
    assert all(name == "__init__" or name.startswith("on_") for name in methods), methods
