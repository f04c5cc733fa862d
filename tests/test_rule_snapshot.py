"""litcheck/rules_snapshot.marshal (scripts/build_rule_snapshot.py) holds litcheck's own rule
and profile files parsed at build time: reading a rule file gives exactly what parsing its YAML
gives (the same values and the same key lines for error messages), and checking a letter does
not import PyYAML (issue 20). A file not in it is parsed as before."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from litcheck import rule
from litcheck.errors import RuleError
from litcheck.rule import LineDict, parse_yaml, read_yaml

ROOT = Path(__file__).resolve().parent.parent


def _own_files():
    spec = importlib.util.spec_from_file_location("build_rule_snapshot", ROOT / "scripts" / "build_rule_snapshot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.own_files()


def _same(a, b) -> bool:
    """Equal values, the same types, and the same key lines in every mapping."""
    if type(a) is not type(b):
        return False
    if isinstance(a, LineDict):
        return a.lines == b.lines and list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def test_snapshot_gives_what_parsing_gives_for_every_own_file():
    files = _own_files()
    assert len(files) > 90
    snapshot = rule._snapshot()
    assert snapshot, "run scripts/build_rule_snapshot.py (or the snapshot is from another Python)"
    found = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        encoded = snapshot.get(rule._digest(text))
        if encoded is None:
            continue
        found += 1
        assert _same(rule._decode(encoded), parse_yaml(text, path)), path
    # a rule changed since the snapshot was built is parsed as before (only slower): rebuild it
    assert found >= 0.9 * len(files), f"run scripts/build_rule_snapshot.py ({len(files) - found} files changed)"


def test_read_yaml_returns_a_fresh_tree_each_time():
    path = next(p for p in _own_files() if rule._digest(p.read_text(encoding="utf-8")) in rule._snapshot())
    a, b = read_yaml(path), read_yaml(path)
    assert _same(a, b) and a is not b
    a["description"] = "changed"
    assert read_yaml(path)["description"] != "changed"


def test_a_file_not_in_the_snapshot_is_parsed_with_its_lines_and_errors(tmp_path):
    ours = tmp_path / "ours.yml"
    ours.write_text("kind: existence\ndescription: ours\nlist:\n  - a\n  - {b: 1}\n", encoding="utf-8")
    parsed = read_yaml(ours)
    assert parsed.lines == {"kind": 1, "description": 2, "list": 3} and parsed["list"][1].lines == {"b": 5}
    twice = tmp_path / "twice.yml"
    twice.write_text("kind: a\nkind: b\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"twice.yml:2: key 'kind' appears twice"):
        read_yaml(twice)
    broken = tmp_path / "broken.yml"
    broken.write_text("kind: [unclosed\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"broken.yml:2: not valid YAML"):
        read_yaml(broken)


def test_a_snapshot_from_another_python_is_not_used(monkeypatch, tmp_path):
    import marshal

    other = tmp_path / "rules_snapshot.marshal"
    other.write_bytes(marshal.dumps({"python": (2, 7), "files": {b"x": 1}}))
    monkeypatch.setattr(rule, "SNAPSHOT", other)
    rule._snapshot.cache_clear()
    try:
        assert rule._snapshot() == {}
    finally:
        rule._snapshot.cache_clear()


def test_checking_a_letter_does_not_import_pyyaml():
    probe = "import sys, litcheck; litcheck.check_file('samples/poor_appointment_letter.txt'); print('yaml' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.strip() == "False"
