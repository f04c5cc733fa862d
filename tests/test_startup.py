"""Start-up (issue 20): ``import litcheck`` loads nothing a check needs until a name is asked
for, so the command line sets up its process (the cycle collector, litcheck.prebuilt) before
litcheck's modules load; every public name is still there. The console command ends without
freeing every object one by one, with its exit code, all its output and its atexit functions."""

import json
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


def _console(*args: str, stdin=None, **kwargs) -> subprocess.CompletedProcess:
    """``litcheck ARGS`` as the console script runs it (litcheck.cli.run), in a fresh process."""
    code = "import sys; sys.argv = ['litcheck', *sys.argv[1:]]; from litcheck.cli import run; run()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, timeout=300, input=stdin, **kwargs)


def test_the_console_command_ends_with_its_exit_code_and_all_its_output(tmp_path):
    letter = ROOT / "samples" / "poor_appointment_letter.txt"
    ended = _console("check", "--format", "json", str(letter))
    assert ended.returncode == 1 and ended.stdout.rstrip().endswith("}")  # findings at the fail level
    assert json.loads(ended.stdout)["documents"][0]["path"].endswith("poor_appointment_letter.txt")
    assert _console("check", "--no-such-option").returncode == 2
    report = tmp_path / "report.txt"
    assert _console("check", "--quiet", "-o", str(report), str(letter)).returncode == 1
    assert report.read_text(encoding="utf-8").count("\n") > 5


def test_the_console_command_runs_atexit_functions_before_it_ends():
    code = (
        "import atexit, sys; atexit.register(lambda: print('atexit ran', flush=True));"
        "sys.argv = ['litcheck', 'rules']; from litcheck.cli import run; run()"
    )
    ended = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert ended.returncode == 0 and "jargon.medical" in ended.stdout and ended.stdout.rstrip().endswith("atexit ran")


def test_the_console_command_with_workers_and_a_closed_pipe_ends_cleanly(tmp_path):
    for i in range(20):
        (tmp_path / f"letter{i:02d}.txt").write_text(f"Dear patient,\n\nYour appointment is on Monday {i + 1} June at 10am.\n")
    ended = _console("check", "--jobs", "2", "--format", "json", str(tmp_path))
    assert ended.returncode in (0, 1) and len(json.loads(ended.stdout)["documents"]) == 20
    # a reader that stops early (| head -1): no traceback, no "Exception ignored"
    piped = subprocess.run(
        f"{sys.executable} -c \"import sys; sys.argv = ['litcheck', 'rules']; from litcheck.cli import run; run()\" | head -1",
        shell=True, capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert piped.stdout.count("\n") == 1 and "Traceback" not in piped.stderr and "Exception ignored" not in piped.stderr
