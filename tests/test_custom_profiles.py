"""A service's own document profiles, beside litcheck's: library option and config key."""

import json
import textwrap

import pytest

import litcheck
from litcheck.errors import ConfigError, RuleError

PHYSIO = """\
# A service's own kind of letter: physiotherapy classes, where people need to know about
# parking and may bring someone with them.
label: physiotherapy invitation
description: "An invitation to a physiotherapy class."
required: [contact, parking, companion]
recommended: [location, duration]
detect:
  - {pattern: "\\\\bphysio(?:therapy)?\\\\s+class(?:es)?\\\\b", weight: 6}
  - {min_chars: 200, weight: 1}
"""
LETTER = textwrap.dedent("""\
    Dear Mrs Patel

    Your physiotherapist has suggested that you join our physiotherapy classes for back pain.
    The classes are at Westgate Health Centre, Mill Road, NE1 4XX, every Tuesday.
    Each class lasts about 1 hour. Wear loose clothes and comfortable shoes.

    To join, call 01632 960111 (fictional number), Monday to Friday, 9am to 4pm.

    Yours sincerely
    Physiotherapy Team
    """)


@pytest.fixture
def profiles(tmp_path):
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "physio_invitation.yml").write_text(PHYSIO, encoding="utf-8")
    return folder


def _details_findings(report):
    return {f.rule: f.severity for f in report.findings if f.rule.startswith("details.")}


def test_custom_profile_is_detected_and_its_required_details_applied(profiles):
    report = litcheck.check_text(LETTER, profile_dirs=[profiles])
    assert report.profile == "physio_invitation"
    found = _details_findings(report)
    assert found["details.parking"] == "warning" and found["details.companion"] == "warning"
    assert "details.contact" not in found and "details.date" not in found  # given; not asked for
    assert report.to_dict()["details"]["parking"]["need"] == "required"


def test_custom_profile_can_be_given_by_name(profiles):
    report = litcheck.check_text("Your scan is on Monday.", profile="physio_invitation", profile_dirs=[profiles])
    assert report.profile == "physio_invitation" and "details.companion" in _details_findings(report)


def test_without_the_folder_the_custom_profile_is_unknown(profiles):
    assert litcheck.check_text(LETTER).profile != "physio_invitation"
    with pytest.raises(ConfigError, match="unknown profile 'physio_invitation'"):
        litcheck.check_text(LETTER, profile="physio_invitation")


def test_custom_profile_file_is_as_strict_as_litcheck_s(profiles):
    (profiles / "broken.yml").write_text("label: broken\nrequird: [parking]\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"broken\.yml.*unknown key 'requird'"):
        litcheck.check_text(LETTER, profile_dirs=[profiles])


def test_missing_profiles_folder_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="profiles folder not found"):
        litcheck.check_text(LETTER, profile_dirs=[tmp_path / "nowhere"])


def test_config_profiles_dir_is_relative_to_the_config_file(profiles, tmp_path, run_cli):
    (tmp_path / "letters").mkdir()
    (tmp_path / "letters" / "physio.txt").write_text(LETTER, encoding="utf-8")
    (tmp_path / "litcheck.toml").write_text('profiles_dir = "profiles"\n', encoding="utf-8")
    code, out, err = run_cli("check", "--config", str(tmp_path / "litcheck.toml"), "--format", "json", str(tmp_path / "letters"))
    doc = json.loads(out)["documents"][0]
    assert doc["profile"] == "physio_invitation", err
    assert {"details.parking", "details.companion"} <= {f["rule"] for f in doc["findings"]}


def test_config_profiles_dir_must_be_a_path(tmp_path, run_cli):
    (tmp_path / "litcheck.toml").write_text("profiles_dir = [1]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(LETTER, encoding="utf-8")
    code, _, err = run_cli("check", "--config", str(tmp_path / "litcheck.toml"), str(tmp_path / "a.txt"))
    assert code == 2 and "'profiles_dir' must be a folder path" in err
