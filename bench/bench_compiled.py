"""Would a compiled core make check_text fast enough? litcheck's own unchanged .py modules
compiled with Cython 3 (pure-Python mode), timed against the same source in one run (issue 20).

    PYTHONPATH=. python bench/bench_compiled.py [--modules hot|all|a.py,b.py] [--letters 200]
                                                [--rounds 2] [--jobs 2] [--keep DIR]
    PYTHONPATH=. python bench/bench_compiled.py --modules all --tree /tmp/compiled-tree
    PYTHONPATH=/tmp/compiled-tree python bench/bench_speed.py     # then the other benches on it

This checkout's litcheck is copied to a scratch folder under another package name (as the area
benches do: ``area_bench.renamed_copy``), the chosen modules of the copy are compiled there by
Cython and the C compiler (``cythonize``, then setuptools' ``build_ext --inplace``; nothing is
written into the checkout), and both packages are imported into this process. Then:

- the findings of both are compared on the synthetic letters timed and on the samples: compiled
  code must find exactly what the source finds (the texts that differ are counted, exit code 1);
- ``check_text`` and the reading age alone (``Context(read_text(text)).readability``, the line of
  bench_speed.py against textstat) are timed letter by letter in alternate order, CPU time, so the
  machine's load falls on both alike: the ratios are what to read.

``--modules``: ``hot`` (the default: the modules where a check spends most of its own Python
time, ``HOT``), ``all`` (every module but the packages' ``__init__``), or a comma-separated list
of paths inside litcheck/. The build takes about 10 s a module of CPU (gcc on Cython's C: a
module is 0.3-3 MB of C); ``--keep DIR`` builds in DIR and reuses the build there when run again.
``--tree DIR`` only builds a compiled copy named ``litcheck`` in DIR (its rules and word lists
beside it), for bench_speed.py, bench_same.py and the area benches' ``--against`` to run on; run
again on the same DIR, it builds only the modules not built there yet.

Skips with one line and exit code 0 when Cython or a C compiler is missing
(``python -m pip install cython``; Cython is not a dependency of litcheck).
"""

from __future__ import annotations

import argparse
import collections
import gc
import importlib
import os
import random
import shutil
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from area_bench import renamed_copy  # noqa: E402
from bench_check import make_letter  # noqa: E402
from bench_same import fingerprint  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

#: the modules where check_text spends most of its own Python time (cProfile, own time, on the
#: synthetic letters: about 60% of the litcheck frames' own time between them)
HOT = [
    "details/scan.py",
    "analysers/substitution.py",
    "analysers/passive.py",
    "analysers/context.py",
    "details/profiles.py",
    "readability/measure.py",
    "check.py",
    "segment.py",
    "prefilter.py",
    "analysers/abbreviation.py",
    "analysers/metric.py",
    "textpatterns.py",
    "details/detectors.py",
    "facts.py",
    "readability/shell.py",
    "analysers/skipped_text.py",
]

COMPILED = "litcheck_compiled"

#: Cython's settings: Python 3 semantics, and the annotations left as the documentation they are
#: in litcheck. With annotation typing on (Cython's default), compiled code does not do what the
#: source does: an argument annotated ``dict`` refuses a subclass of dict (rule.py's ``_example``
#: is handed the YAML loader's ``LineDict``: TypeError on loading any rule file), one annotated
#: ``float`` turns an int into a float (3 comes back 3.0) and one annotated ``int`` turns True
#: into 1 and 3.5 into 3 (Cython 3.3, tried on a three-line module).
DIRECTIVES = {"language_level": 3, "annotation_typing": False}
WARM_UP = 10


def missing_tools() -> str | None:
    """Why nothing can be built here, or None."""
    try:
        import Cython  # noqa: F401
        from Cython.Build import cythonize  # noqa: F401
    except ImportError:
        return "Cython is not installed (python -m pip install cython)"
    try:
        import setuptools  # noqa: F401
    except ImportError:
        return "setuptools is not installed"
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler}) on the PATH"
    if not Path(sysconfig.get_paths()["include"], "Python.h").is_file():
        return "Python's C headers (Python.h) are missing"
    return None


def chosen(spec: str) -> list[str]:
    source = ROOT / "litcheck"
    if spec == "hot":
        return list(HOT)
    if spec == "all":
        return sorted(
            str(p.relative_to(source)) for p in source.rglob("*.py") if p.name not in ("__init__.py", "__main__.py")
        )
    names = [name.strip() for name in spec.split(",") if name.strip()]
    for name in names:
        if not (source / name).is_file():
            raise SystemExit(f"bench_compiled: no module litcheck/{name}")
    return names


def build(scratch: Path, package: str, modules: list[str], jobs: int) -> tuple[float, list[str]]:
    """Compile ``modules`` of ``package`` (a folder in ``scratch``) in place: (CPU seconds of the
    build, children included; the modules that failed to compile, left as source)."""
    import subprocess

    script = (
        f"import sys\nDIRECTIVES = {DIRECTIVES!r}\n"
        "from Cython.Build import cythonize\n"
        "from setuptools import Distribution\n"
        "from setuptools.command.build_ext import build_ext\n"
        "paths, jobs = sys.argv[2:], int(sys.argv[1])\n"
        "failed = []\n"
        "exts = []\n"
        "for path in paths:\n"
        "    try:\n"
        "        exts += cythonize([path], compiler_directives=DIRECTIVES, quiet=True)\n"
        "    except Exception as error:\n"
        "        failed.append(path)\n"
        "        print('cython failed:', path, type(error).__name__, file=sys.stderr)\n"
        "for ext in exts:\n"
        "    ext.extra_compile_args = ['-g0']\n"
        "dist = Distribution({'ext_modules': exts, 'script_args': ['build_ext', '--inplace', '-j', str(jobs)]})\n"
        "dist.parse_command_line()\n"
        "dist.run_commands()\n"
        "print('FAILED', *failed)\n"
    )
    paths = [f"{package}/{name}" for name in modules]
    before = os.times()
    done = subprocess.run([sys.executable, "-c", script, str(jobs), *paths], cwd=scratch, capture_output=True, text=True)
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["(no output)"]
        raise SystemExit(f"bench_compiled: the build failed: {tail[0]}")
    failed_line = [line for line in done.stdout.splitlines() if line.startswith("FAILED")]
    failed = failed_line[-1].split()[1:] if failed_line else []
    return cpu, [p.split("/", 1)[1] for p in failed]


def build_tree(tree: Path, modules: list[str], jobs: int) -> int:
    """A compiled copy of this checkout in ``tree`` (litcheck/ with ``modules`` compiled; its
    rules, word lists and web files beside it, where a checkout has them)."""
    if tree.exists() and not (tree / "litcheck").is_dir():
        raise SystemExit(f"bench_compiled: {tree} exists and holds no litcheck/: give a new folder")
    if not tree.exists():
        tree.mkdir(parents=True)
        shutil.copytree(ROOT / "litcheck", tree / "litcheck", ignore=shutil.ignore_patterns("__pycache__", "*.so"))
        for folder in ("rules", "wordlists", "web"):
            if (ROOT / folder).is_dir():
                shutil.copytree(ROOT / folder, tree / folder)
    # else: a tree built before, its copy kept (the modules already compiled are not built again)
    build_cpu, failed = build(tree, "litcheck", modules, jobs)
    print(f"built {len(modules) - len(failed)} of {len(modules)} modules in {build_cpu:.0f} s of CPU into {tree}"
          + (f"; Cython failed on: {', '.join(failed)}" if failed else ""))
    return 0


def compiled_modules(package: str, modules: list[str]) -> list[str]:
    """Those of ``modules`` that the imported ``package`` runs compiled (an extension module)."""
    found = []
    for name in modules:
        module = importlib.import_module(package + "." + name[:-3].replace("/", "."))
        if not str(getattr(module, "__file__", "")).endswith(".py"):
            found.append(name)
    return found


def tools(package: str):
    readers = importlib.import_module(package + ".readers")
    context = importlib.import_module(package + ".analysers").Context
    check_text = importlib.import_module(package + ".check").check_text

    def reading_age(text: str):
        return context(readers.read_text(text, "txt", None), None, {}).readability

    return check_text, reading_age


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--modules", default="hot")
    parser.add_argument("--letters", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--jobs", type=int, default=2, help="C compilers run at once")
    parser.add_argument("--keep", help="build in this folder and reuse the build there")
    parser.add_argument("--tree", help="only build a compiled copy of this checkout, package name litcheck, in this "
                        "new folder, for the other benches (PYTHONPATH=TREE python bench/bench_speed.py)")
    args = parser.parse_args(argv)

    why = missing_tools()
    if why:
        print(f"bench_compiled: skipped: {why}")
        return 0
    modules = chosen(args.modules)
    if args.tree:
        return build_tree(Path(args.tree), modules, args.jobs)
    scratch = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-compiled-"))
    try:
        reuse = (scratch / COMPILED).is_dir()
        if not reuse:
            scratch.mkdir(parents=True, exist_ok=True)
            renamed_copy(ROOT, COMPILED, scratch)
            build_cpu, failed = build(scratch, COMPILED, modules, args.jobs)
            print(f"built {len(modules) - len(failed)} of {len(modules)} modules in {build_cpu:.0f} s of CPU"
                  + (f"; Cython failed on: {', '.join(failed)}" if failed else ""))
        else:
            sys.path.insert(0, str(scratch))
            print(f"reusing the build in {scratch}")
        source, compiled = tools("litcheck"), tools(COMPILED)
        running = compiled_modules(COMPILED, modules)
        print(f"{len(running)} of {len(modules)} chosen modules run compiled")
        return compare(source, compiled, args)
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)


def compare(source, compiled, args) -> int:
    rng = random.Random(1)
    letters = [make_letter(rng) for _ in range(args.letters + WARM_UP)]
    samples = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    differ = 0
    for text in letters + samples:
        if fingerprint(source[0](text)) != fingerprint(compiled[0](text)):
            differ += 1
        if repr(source[1](text)) != repr(compiled[1](text)):  # two packages' classes: compared by value
            differ += 1
    print(f"findings and reading ages compared on {len(letters) + len(samples)} texts: "
          + ("identical" if not differ else f"{differ} differ"))
    variants = {"source": source, "compiled": compiled}
    names = list(variants)
    totals = {name: collections.Counter() for name in names}
    clock = time.process_time
    gc.collect()
    gc.freeze()
    gc.disable()
    try:
        for r in range(args.rounds):
            for i, text in enumerate(letters[WARM_UP:]):
                for name in names if (i + r) % 2 == 0 else names[::-1]:
                    check_text, reading_age = variants[name]
                    t0 = clock()
                    check_text(text)
                    t1 = clock()
                    reading_age(text)
                    t2 = clock()
                    totals[name]["check_text"] += t1 - t0
                    totals[name]["reading age alone"] += t2 - t1
                    gc.collect()  # between letters, untimed
    finally:
        gc.enable()
        gc.unfreeze()
    n = args.letters * args.rounds
    print(f"{args.letters} synthetic letters x {args.rounds} rounds, ms of CPU a letter (alternate order, one process)")
    print(f"  {'':<20}{'source':>10}{'compiled':>10}   speed-up")
    for part in ("check_text", "reading age alone"):
        a, b = totals["source"][part], totals["compiled"][part]
        print(f"  {part:<20}{1e3 * a / n:10.3f}{1e3 * b / n:10.3f}   {a / b:6.2f}x")
    rate = n / totals["compiled"]["check_text"]
    print(f"  compiled check_text: {rate:.0f} letters a second of CPU (issue 20's target: 250)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
