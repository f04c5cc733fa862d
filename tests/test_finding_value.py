"""A Finding is still a frozen value with its own __init__ (issue 20: the dataclass's frozen
__init__ cost 5 us a finding)."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from litcheck.findings import Finding


def _finding(**changes) -> Finding:
    values = dict(rule="jargon.medical", severity="warning", east="easy", message="Say 'high blood pressure'.",
                  text="hypertension", start=12, end=24, line=2, column=5, suggestions=("high blood pressure",))
    return Finding(**{**values, **changes})


def test_a_finding_is_still_a_frozen_value():
    f = _finding(location={"page": 1})
    assert (f.rule, f.start, f.end, f.suggestions, f.location) == ("jargon.medical", 12, 24, ("high blood pressure",), {"page": 1})
    assert f == _finding(location={"page": 7})  # where it is in the file is not compared
    assert hash(f) == hash(_finding())
    assert f != _finding(message="another")
    assert _finding().location == {} and _finding().location is not _finding().location
    assert [x.name for x in dataclasses.fields(f)] == [
        "rule", "severity", "east", "message", "text", "start", "end", "line", "column", "suggestions", "location"]
    assert dataclasses.replace(f, severity="error") == _finding(severity="error")
    assert pickle.loads(pickle.dumps(f)) == f and pickle.loads(pickle.dumps(f)).location == {"page": 1}
    assert Finding(*(getattr(f, x.name) for x in dataclasses.fields(f))) == f  # positional, in field order
    assert repr(f).startswith("Finding(rule='jargon.medical', severity='warning'")
    assert f.to_dict()["suggestions"] == ["high blood pressure"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.rule = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Finding(rule="a")  # type: ignore[call-arg]
