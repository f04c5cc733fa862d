"""The house: every module imports on its own (no hidden cycles), and imports point down.

The layers, lowest first (README, "Design notes"). A module may import from its own layer
and the ones below, never from a layer above: a reader knows nothing of rules, an analyser
nothing of reports, and nothing but the shells (cli, web) knows the shells.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "litcheck"

#: (layer name, module prefixes), lowest first
LAYERS = [
    ("base", ["errors", "version", "findings", "placeholders", "textpatterns", "prefilter", "alternation", "spelling", "paths", "data", "gitignore", "jsonout", "prebuilt", "collector"]),
    ("text", ["document", "prose", "nlp", "wordlists", "languages"]),
    ("reading", ["readers", "segment", "readability"]),
    ("rule", ["rule"]),
    ("analysis", ["analysers", "details", "east", "report_sections", "suppressions", "report", "facts", "priorities"]),
    ("rulebook", ["rulebook"]),
    ("pipeline", ["check", "examples", "config", "baseline", "compare"]),
    ("revision", ["fix"]),
    ("output", ["reporters"]),
    ("runner", ["batch", "portfolio", "gating"]),
    ("shells", ["cli", "web", "__main__", "__init__"]),
]


def modules() -> list[str]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out.append(".".join(parts))
    return out


def layer_of(module: str) -> int:
    rest = module.split(".", 1)[1] if "." in module else "__init__"
    for i, (_name, prefixes) in enumerate(LAYERS):
        if any(rest == p or rest.startswith(p + ".") for p in prefixes):
            return i
    raise AssertionError(f"{module} is in no layer: add it to LAYERS (and the README)")


def imports_of(module: str) -> set[str]:
    """litcheck modules imported anywhere in ``module`` (inside functions too)."""
    path = PACKAGE.parent / (module.replace(".", "/") + ".py")
    if not path.exists():
        path = PACKAGE.parent / module.replace(".", "/") / "__init__.py"
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = [target] if node.module else [f"{target}.{a.name}" for a in node.names]
            found.update(n for n in names if n.startswith("litcheck"))
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("litcheck"))
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module" and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and str(arg.value).startswith("litcheck"):
                found.add(arg.value)
    return found


def test_every_module_is_in_a_layer():
    for module in modules():
        layer_of(module)


def test_imports_point_down():
    wrong = []
    for module in modules():
        mine = layer_of(module)
        for target in imports_of(module):
            # "litcheck" alone (from litcheck import x) is judged by what it names
            if target in ("litcheck",):
                continue
            if layer_of(target if target.count(".") else target + ".__init__") > mine:
                wrong.append(f"{module} ({LAYERS[mine][0]}) imports {target} ({LAYERS[layer_of(target)][0]})")
    assert not wrong, "imports that point up:\n" + "\n".join(sorted(wrong))


def test_no_private_names_across_packages():
    """fix and web use the readers' public walk, not their private classes."""
    wrong = []
    for module in modules():
        path = PACKAGE.parent / (module.replace(".", "/") + ".py")
        if not path.exists():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level and node.module:
                own = module.split(".")[1]
                target = node.module.split(".")[0]
                if node.level > 1 and target != own:
                    private = [a.name for a in node.names if a.name.startswith("_") and a.name != "__version__"]
                    if private:
                        wrong.append(f"{module} imports {private} from {node.module}")
    assert not wrong, "\n".join(wrong)


def test_each_module_imports_alone():
    """Import every module first in a clean litcheck, so an import cycle cannot hide."""
    script = (
        "import sys, importlib\n"
        "failed = []\n"
        f"for name in {[m for m in modules() if m != 'litcheck.__main__']!r}:\n"
        "    for key in [k for k in sys.modules if k == 'litcheck' or k.startswith('litcheck.')]:\n"
        "        del sys.modules[key]\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception as exc:\n"
        "        failed.append(f'{name}: {type(exc).__name__}: {exc}')\n"
        "print('\\n'.join(failed))\n"
        "sys.exit(1 if failed else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
