"""Write litcheck/prebuilt/<this interpreter>.marshal (litcheck.prebuilt): the regex engine's
program for each regular expression, and the compiled code of each dataclass method, that
litcheck compiles when it starts and checks a letter, worked out once here so that `litcheck
check` does not work them out again (issue 20).

    python scripts/build_prebuilt.py

Recorded once spaCy itself is imported (what ``import spacy`` compiles is spaCy's start-up, not
litcheck's): the patterns compiled by litcheck's code, or by spaCy's on litcheck's behalf (its
English tokenizer), and the methods of litcheck's dataclasses, while litcheck imports every module,
reads the command line, loads the rules and the tokenizer, compiles every rule's, profile's and
detail's own pattern, and checks the samples. Run it with the Python that will run litcheck (a
table serves one interpreter exactly) after changing patterns or dataclasses: anything missing
from the table is compiled as before (the table only saves that time), and tests/test_prebuilt.py
checks the table against compiling.
"""

from __future__ import annotations

import builtins
import importlib
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def collect() -> tuple[set[tuple[str, int]], set[str]]:
    """((pattern, flags) of every text pattern litcheck's code, or spaCy's for litcheck,
    compiles; the source of every method written for litcheck's dataclasses) while litcheck
    starts and checks the samples."""
    import dataclasses

    import spacy  # what importing spaCy compiles is spaCy's own start-up

    try:
        from re import _compiler
    except ImportError:  # Python 3.10
        import sre_compile as _compiler

    from litcheck import prebuilt  # (imports litcheck's __init__, which compiles nothing)

    # what is recorded is compiled here, not taken from the table being rebuilt: a module
    # that installs it (litcheck.web.warm) finds it installed already, with nothing in it
    prebuilt._patterns, prebuilt._code = {}, {}
    # recording before litcheck's modules are imported: they compile as they load
    places = (str(ROOT / "litcheck"), str(Path(spacy.__file__).parent))
    compile_as_before = _compiler.compile
    patterns: set[tuple[str, int]] = set()
    methods: set[str] = set()

    def recording(pattern, flags=0):
        frame = sys._getframe(1)
        while frame is not None and frame.f_globals.get("__name__", "").partition(".")[0] in ("re", "sre_compile"):
            frame = frame.f_back
        if isinstance(pattern, str) and frame is not None and frame.f_code.co_filename.startswith(places):
            patterns.add((pattern, int(flags)))
        return compile_as_before(pattern, flags)

    def recording_exec(source, globals=None, locals=None):
        if isinstance(source, str) and isinstance(globals, dict) and str(globals.get("__name__", "")).startswith("litcheck"):
            methods.add(source)
        return builtins.exec(source, vars(dataclasses) if globals is None else globals, locals)

    _compiler.compile, dataclasses.exec = recording, recording_exec
    try:
        import litcheck

        for module in pkgutil.walk_packages(litcheck.__path__, "litcheck."):
            if not module.name.endswith("__main__"):
                importlib.import_module(module.name)
        from build_scan_table import rule_patterns
        from litcheck.cli import build_parser
        from litcheck.details.profiles import own_patterns
        from litcheck.nlp import english
        from litcheck.rulebook import load_rules

        build_parser()
        load_rules()
        english()
        rule_patterns()
        own_patterns()
        for path in sorted((ROOT / "samples").glob("*.*")):
            litcheck.check_file(path)
    finally:
        _compiler.compile = compile_as_before
        del dataclasses.exec
    return {(p, f) for p, f in patterns if not f & 128}, methods  # re.DEBUG (128) prints: never kept


def main() -> None:
    import marshal

    patterns, methods = collect()  # first: litcheck's modules are imported while it records
    from litcheck import prebuilt

    table = {
        "patterns": {key: prebuilt.pattern_entry(*key) for key in sorted(patterns)},
        "code": {source: prebuilt.code_entry(source) for source in sorted(methods)},
    }
    path = prebuilt.table_path()
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(marshal.dumps(table))
    print(f"wrote {path.relative_to(ROOT)} ({len(table['patterns'])} patterns, {len(table['code'])} methods, {path.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
