"""litcheck/prebuilt/ (scripts/build_prebuilt.py) holds, for the regular expressions and the
dataclass methods litcheck compiles as it starts and checks a letter, exactly what compiling
them gives (each pattern's program, each method's code), so the command line uses them instead
of compiling again (issue 20); anything else, and any other interpreter, compiles as before."""

import dataclasses
import json
import marshal
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from litcheck import prebuilt

ROOT = Path(__file__).resolve().parent.parent


def _same(made: re.Pattern, compiled: re.Pattern) -> bool:
    # re.Pattern's == compares the flags, the source and the whole program
    return made == compiled and (made.groups, dict(made.groupindex)) == (compiled.groups, dict(compiled.groupindex))


def _table() -> dict:
    table = prebuilt.load()
    if not table["patterns"]:  # another interpreter: none is shipped for it, and nothing changes
        assert not list(prebuilt.TABLES.glob(prebuilt.interpreter_tag() + ".*"))
    return table


def test_each_pattern_in_the_table_is_what_re_compiles():
    patterns = _table()["patterns"]
    if patterns:
        assert len(patterns) > 100, "run scripts/build_prebuilt.py"
    wrong = [pattern[:60] for (pattern, flags), found in patterns.items() if not _same(prebuilt.from_entry(pattern, found), prebuilt._compile_as_before(pattern, flags))]
    assert wrong == [], f"run scripts/build_prebuilt.py: {wrong[:3]}"


def test_each_method_in_the_table_is_what_compiling_its_source_gives():
    code = _table()["code"]
    if code:
        assert len(code) > 200, "run scripts/build_prebuilt.py"
    wrong = [source[:60] for source, found in code.items() if marshal.loads(found) != compile(source, "<string>", "exec", dont_inherit=True)]
    assert wrong == [], f"run scripts/build_prebuilt.py: {wrong[:3]}"


def test_the_table_holds_text_patterns_only_and_none_with_debug():
    # re.DEBUG prints the program as it compiles: such a pattern is always compiled as before
    assert all(isinstance(pattern, str) and not flags & re.DEBUG for pattern, flags in _table()["patterns"])


def test_a_pattern_made_from_its_entry_matches_as_the_compiled_one():
    source = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>jan(?:uary)?|feb(?:ruary)?)\b"
    made = prebuilt.from_entry(source, prebuilt.pattern_entry(source, re.I))
    compiled = re.compile(source, re.I)
    assert _same(made, compiled)
    text = "Come on 3rd JANUARY or 14 feb, not 40 March."
    assert [m.groupdict() for m in made.finditer(text)] == [m.groupdict() for m in compiled.finditer(text)] == [
        {"day": "3", "month": "JANUARY"},
        {"day": "14", "month": "feb"},
    ]


def test_installed_a_pattern_in_the_table_is_made_from_it_and_any_other_compiles_as_before(monkeypatch):
    known = r"\bfasting\s+(?:from|after)\s+midnight\b"
    unknown = r"\bnot\s+in\s+(?:the\s+)?prebuilt\s+table\b"
    compiled_as_before = []
    original = prebuilt._compile_as_before

    def as_before(pattern, flags=0):
        compiled_as_before.append(pattern)
        return original(pattern, flags)

    monkeypatch.setattr(prebuilt, "_patterns", {(known, re.I): prebuilt.pattern_entry(known, re.I)})
    monkeypatch.setattr(prebuilt, "_compile_as_before", as_before)
    made = prebuilt._compile(known, re.I)
    assert compiled_as_before == []
    assert _same(made, re.compile(known, re.I)) and made.search("No FASTING after midnight.")
    other = prebuilt._compile(unknown, 0)
    assert compiled_as_before == [unknown] and other.search("it is not in the prebuilt table")


def test_a_damaged_pattern_entry_compiles_as_before(monkeypatch):
    source = r"\bcall\s+us\b"
    flags, program, groups, groupindex, indexgroup = prebuilt.pattern_entry(source, 0)
    monkeypatch.setattr(prebuilt, "_patterns", {(source, 0): (flags, program[:-4], groups, groupindex, indexgroup)})
    assert _same(prebuilt._compile(source, 0), re.compile(source))


def test_a_dataclass_made_with_shipped_methods_behaves_as_one_made_without(monkeypatch):
    sources = []
    monkeypatch.setattr(dataclasses, "exec", lambda source, g=None, l=None: sources.append(source) or exec(source, g, l), raising=False)

    def make():
        @dataclasses.dataclass(frozen=True, order=True)
        class Appointment:
            day: str
            time: str = "10am"
            notes: list = dataclasses.field(default_factory=list, compare=False)

        return Appointment

    plain = make()
    shipped = []
    monkeypatch.setattr(prebuilt, "_code", _Counting({source: prebuilt.code_entry(source) for source in sources}, shipped))
    monkeypatch.setattr(dataclasses, "exec", prebuilt._exec, raising=False)
    made = make()
    assert len(shipped) == len(sources) > 3  # every method from its shipped code
    a, b = made("Monday"), made("Monday", "2pm")
    assert (repr(a), a == made("Monday"), a < b, hash(a) == hash(made("Monday"))) == (repr(plain("Monday")), True, True, True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.day = "Tuesday"
    assert a.notes == [] and a.notes is not made("Monday").notes


class _Counting(dict):
    def __init__(self, table, seen):
        super().__init__(table)
        self.seen = seen

    def get(self, key, default=None):
        found = super().get(key, default)
        if found is not None:
            self.seen.append(key)
        return found


def test_a_damaged_method_entry_compiles_as_before(monkeypatch):
    source = "def __create_fn__():\n def greeting(self):\n  return 'hello'\n return greeting"
    monkeypatch.setattr(prebuilt, "_code", {source: b"not marshal"})
    found = {}
    prebuilt._exec(source, {}, found)
    assert found["__create_fn__"]()(None) == "hello"


def test_the_command_line_installs_the_table_and_it_holds_what_a_check_compiles():
    # a fresh process, as `litcheck check` starts: the table installed before litcheck's
    # modules load, then the samples checked; patterns litcheck compiles that the table lacks
    # are counted (an edited rule is compiled as before: rebuild with scripts/build_prebuilt.py)
    script = textwrap.dedent(
        """
        import json, sys
        from pathlib import Path
        import spacy
        from litcheck import prebuilt
        if not prebuilt.install():
            print("no table"); sys.exit()
        missed, asked = [], []
        before = prebuilt._compile_as_before
        places = (sys.argv[2], str(Path(spacy.__file__).parent))
        def counting(pattern, flags=0):  # litcheck's patterns (and its tokenizer's), not other libraries'
            frame = sys._getframe(2)  # past prebuilt._compile
            while frame is not None and frame.f_globals.get("__name__", "").partition(".")[0] == "re":
                frame = frame.f_back
            if frame is not None and frame.f_code.co_filename.startswith(places):
                missed.append(pattern[:60])
            return before(pattern, flags)
        prebuilt._compile_as_before = counting
        made = prebuilt.from_entry
        prebuilt.from_entry = lambda pattern, found: asked.append(pattern) or made(pattern, found)
        methods = []
        code = prebuilt._code
        class Seen(dict):
            def get(self, key, default=None):
                methods.append(key in code)
                return code.get(key, default)
        prebuilt._code = Seen()
        import litcheck
        for path in sorted(Path(sys.argv[1]).glob("*.*")):
            litcheck.check_file(path)
        print(json.dumps({"asked": len(asked), "missed": missed, "installed": prebuilt.installed(), "methods": methods}))
        """
    )
    out = subprocess.run([sys.executable, "-c", script, str(ROOT / "samples"), str(ROOT / "litcheck")], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    if out.stdout.strip() == "no table":
        assert not prebuilt.load()["patterns"]
        return
    found = json.loads(out.stdout)
    assert found["installed"]
    assert found["asked"] > 100
    assert len(found["missed"]) <= 0.05 * found["asked"], f"run scripts/build_prebuilt.py: {found['missed'][:3]}"
    assert len(found["methods"]) > 150 and found["methods"].count(False) <= 0.05 * len(found["methods"]), "run scripts/build_prebuilt.py"


def test_run_installs_the_table_before_litcheck_loads(monkeypatch):
    import litcheck.cli as cli

    calls = []
    monkeypatch.setattr(prebuilt, "install", lambda: calls.append("install") or True)
    monkeypatch.setattr(cli, "main", lambda **kw: calls.append(kw) or 1)
    monkeypatch.setattr(cli, "leave", lambda code: calls.append(code))
    cli.run()
    assert calls == ["install", {"own_process": True}, 1]


def test_litcheck_prebuilt_0_leaves_re_and_dataclasses_alone(monkeypatch):
    import dataclasses

    monkeypatch.setenv("LITCHECK_PREBUILT", "0")
    monkeypatch.setattr(prebuilt, "_patterns", None)
    monkeypatch.setattr(prebuilt, "_code", {})
    monkeypatch.setattr(prebuilt._compiler, "compile", prebuilt._compile_as_before)
    monkeypatch.delattr(dataclasses, "exec", raising=False)
    assert prebuilt.install() is False
    assert prebuilt._compiler.compile is prebuilt._compile_as_before and "exec" not in vars(dataclasses)
    assert not prebuilt.installed()
