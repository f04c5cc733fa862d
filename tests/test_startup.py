"""Start-up (issue 20): ``import litcheck`` loads nothing a check needs until a name is asked
for, so the command line sets up its process (the cycle collector, the regex table) before
litcheck's modules load; every public name is still there."""

import subprocess
import sys
import textwrap
from pathlib import Path

import litcheck

ROOT = Path(__file__).resolve().parent.parent


def _fresh(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_importing_litcheck_or_its_command_line_loads_no_check():
    loaded = _fresh(
        """
        import sys
        import litcheck, litcheck.cli
        print(sorted(m for m in ("litcheck.check", "litcheck.batch", "litcheck.rulebook", "litcheck.readers", "spacy", "re._parser") if m in sys.modules))
        """
    )
    # re's own modules load with Python; litcheck's checks and spaCy do not
    assert loaded in ("[]", "['re._parser']")


def test_every_public_name_is_there_when_asked_for():
    for name in litcheck.__all__:
        assert getattr(litcheck, name) is not None, name
    assert set(litcheck.__all__) <= set(dir(litcheck))
    from litcheck import DocumentReport, check_text

    report = check_text("Please commence fasting prior to your procedure.")
    assert isinstance(report, DocumentReport) and any(f.rule.startswith("jargon.") for f in report.findings)


def test_a_submodule_not_imported_yet_is_an_attribute_and_a_wrong_name_is_not():
    names = _fresh(
        """
        import litcheck
        print(litcheck.nlp.__name__, litcheck.check_text.__module__, hasattr(litcheck, "no_such_part"))
        """
    )
    assert names == "litcheck.nlp litcheck.check False"


def test_star_import_gives_the_public_names():
    names = _fresh(
        """
        from litcheck import *
        print(check_text.__name__, Finding.__name__, load_rules.__name__, SCHEMA is not None)
        """
    )
    assert names == "check_text Finding load_rules True"
