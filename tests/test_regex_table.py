"""litcheck/regex_tables/ (scripts/build_regex_table.py) holds, for the patterns litcheck compiles
as it starts and checks a letter, exactly the program ``re`` writes for each, so the command line
makes them from the table instead of reading them again (issue 20); any other pattern, and any
other interpreter, compiles as before."""

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from litcheck import regex_table

ROOT = Path(__file__).resolve().parent.parent


def _same(made: re.Pattern, compiled: re.Pattern) -> bool:
    # re.Pattern's == compares the flags, the source and the whole program
    return made == compiled and (made.groups, dict(made.groupindex)) == (compiled.groups, dict(compiled.groupindex))


def test_the_table_is_for_this_python_and_each_entry_is_what_re_compiles():
    table = regex_table.load()
    if not table:  # another interpreter: none is shipped for it, and nothing changes
        assert not list(regex_table.TABLES.glob(regex_table.interpreter_tag() + ".*"))
        return
    assert len(table) > 300, "run scripts/build_regex_table.py"
    wrong = [pattern[:60] for (pattern, flags), found in table.items() if not _same(regex_table.from_entry(pattern, found), regex_table._compile_as_before(pattern, flags))]
    assert wrong == [], f"run scripts/build_regex_table.py: {wrong[:3]}"


def test_a_pattern_made_from_its_entry_matches_as_the_compiled_one():
    source = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>jan(?:uary)?|feb(?:ruary)?)\b"
    made = regex_table.from_entry(source, regex_table.entry(source, re.I))
    compiled = re.compile(source, re.I)
    assert _same(made, compiled)
    text = "Come on 3rd JANUARY or 14 feb, not 40 March."
    assert [m.groupdict() for m in made.finditer(text)] == [m.groupdict() for m in compiled.finditer(text)] == [
        {"day": "3", "month": "JANUARY"},
        {"day": "14", "month": "feb"},
    ]


def test_installed_a_pattern_in_the_table_is_made_from_it_and_any_other_compiles_as_before(monkeypatch):
    known = r"\bfasting\s+(?:from|after)\s+midnight\b"
    unknown = r"\bnot\s+in\s+(?:the\s+)?regex\s+table\b"
    compiled_as_before = []
    original = regex_table._compile_as_before

    def as_before(pattern, flags=0):
        compiled_as_before.append(pattern)
        return original(pattern, flags)

    monkeypatch.setattr(regex_table, "_installed", {(known, re.I): regex_table.entry(known, re.I)})
    monkeypatch.setattr(regex_table, "_compile_as_before", as_before)
    made = regex_table._compile(known, re.I)
    assert compiled_as_before == []
    assert _same(made, re.compile(known, re.I)) and made.search("No FASTING after midnight.")
    other = regex_table._compile(unknown, 0)
    assert compiled_as_before == [unknown] and other.search("it is not in the regex table")


def test_a_damaged_entry_compiles_as_before(monkeypatch):
    source = r"\bcall\s+us\b"
    flags, program, groups, groupindex, indexgroup = regex_table.entry(source, 0)
    monkeypatch.setattr(regex_table, "_installed", {(source, 0): (flags, program[:-4], groups, groupindex, indexgroup)})
    assert _same(regex_table._compile(source, 0), re.compile(source))


def test_the_command_line_installs_the_table_and_it_holds_what_a_check_compiles():
    # a fresh process, as `litcheck check` starts: the table installed before litcheck's
    # modules load, then the samples checked; patterns litcheck compiles that the table lacks
    # are counted (an edited rule is compiled as before: rebuild with scripts/build_regex_table.py)
    script = textwrap.dedent(
        """
        import sys
        import spacy
        from litcheck import regex_table
        if not regex_table.install():
            print("no table"); sys.exit()
        missed, asked = [], []
        before = regex_table._compile_as_before
        places = (sys.argv[2], str(__import__("pathlib").Path(spacy.__file__).parent))
        def counting(pattern, flags=0):  # litcheck's patterns (and its tokenizer's), not other libraries'
            frame = sys._getframe(2)  # past regex_table._compile
            while frame is not None and frame.f_globals.get("__name__", "").partition(".")[0] == "re":
                frame = frame.f_back
            if frame is not None and frame.f_code.co_filename.startswith(places):
                missed.append(pattern[:60])
            return before(pattern, flags)
        regex_table._compile_as_before = counting
        made = regex_table.from_entry
        regex_table.from_entry = lambda pattern, found: asked.append(pattern) or made(pattern, found)
        import litcheck
        from pathlib import Path
        for path in sorted(Path(sys.argv[1]).glob("*.*")):
            litcheck.check_file(path)
        import json
        print(json.dumps({"asked": len(asked), "missed": missed, "installed": regex_table.installed()}))
        """
    )
    out = subprocess.run([sys.executable, "-c", script, str(ROOT / "samples"), str(ROOT / "litcheck")], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    if out.stdout.strip() == "no table":
        assert not regex_table.load()
        return
    found = json.loads(out.stdout)
    assert found["installed"]
    assert found["asked"] > 300
    assert len(found["missed"]) <= 0.05 * found["asked"], f"run scripts/build_regex_table.py: {found['missed'][:3]}"


def test_run_installs_the_table_before_litcheck_loads(monkeypatch):
    import litcheck.cli as cli

    calls = []
    monkeypatch.setattr(regex_table, "install", lambda: calls.append("install") or True)
    monkeypatch.setattr(cli, "main", lambda **kw: calls.append(kw) or 0)
    import gc

    try:
        with pytest.raises(SystemExit) as ended:
            cli.run()
    finally:
        gc.enable()
    assert ended.value.code == 0 and calls == ["install", {"own_process": True}]


def test_the_table_holds_text_patterns_only_and_none_with_debug():
    # re.DEBUG prints the program as it compiles: such a pattern is always compiled as before
    assert all(isinstance(pattern, str) and not flags & re.DEBUG for pattern, flags in regex_table.load())
