"""Write litcheck/regex_tables/<this interpreter>.marshal: the engine's program for each regular
expression litcheck compiles when it starts and checks a letter (litcheck.regex_table), worked
out once here so that `litcheck check` does not work them out again (issue 20).

    python scripts/build_regex_table.py

The patterns are those compiled by litcheck's code, or by spaCy's on litcheck's behalf (its
English tokenizer), once spaCy itself is imported (what ``import spacy`` compiles is not
litcheck's start-up): importing every litcheck module, reading the command line, loading the
rules and the tokenizer, every rule's, profile's and detail's own pattern, and checking the
samples. Run it with the Python that will run litcheck (a table serves one interpreter exactly)
after changing patterns: a pattern missing from the table is compiled as before (the table only
saves that time), and tests/test_regex_table.py checks the table against ``re``.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def collect() -> set[tuple[str, int]]:
    """(pattern, flags) of every text pattern litcheck's code (or spaCy's, for litcheck)
    compiles while litcheck starts and checks the samples."""
    import spacy  # what importing spaCy compiles is spaCy's own start-up

    try:
        from re import _compiler
    except ImportError:  # Python 3.10
        import sre_compile as _compiler

    # recording before litcheck is imported: its modules compile patterns as they load
    places = (str(ROOT / "litcheck"), str(Path(spacy.__file__).parent))
    compile_as_before = _compiler.compile
    seen: set[tuple[str, int]] = set()

    def recording(pattern, flags=0):
        frame = sys._getframe(1)
        while frame is not None and frame.f_globals.get("__name__", "").partition(".")[0] in ("re", "sre_compile"):
            frame = frame.f_back
        if isinstance(pattern, str) and frame is not None and frame.f_code.co_filename.startswith(places):
            seen.add((pattern, int(flags)))
        return compile_as_before(pattern, flags)

    _compiler.compile = recording
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
    return {(p, f) for p, f in seen if not f & 128}  # re.DEBUG: compiled with a print, never kept


def main() -> None:
    import marshal

    keys = collect()  # first: litcheck's modules are imported while it records
    from litcheck import regex_table

    table = {key: regex_table.entry(*key) for key in sorted(keys)}
    path = regex_table.table_path()
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(marshal.dumps(table))
    print(f"wrote {path.relative_to(ROOT)} ({len(table)} patterns, {path.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
