"""--jobs: files checked in worker processes give the same report, in the same order, as one process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

LITCHECK = Path(sys.executable).parent / "litcheck"


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_parallel_report_is_the_serial_report_in_walk_order(tmp_path, fmt):
    assert LITCHECK.exists(), "the litcheck console script is missing: pip install -e '.[test]'"
    lines = ["We will check your hypertension.", "Please commence fasting at midnight.", "Bring your tablets.", "Your echocardiogram is on {{ date }}."]
    for i in range(24):  # enough files for two workers (8 a worker at least)
        folder = tmp_path / f"team{i % 3}"
        folder.mkdir(exist_ok=True)
        suffix = [".md", ".txt", ".html.j2"][i % 3]
        text = "\n\n".join(lines[j % 4] for j in range(i, i + 3))
        if suffix == ".html.j2":
            text = "<html><body>" + "".join(f"<p>{t}</p>" for t in text.split("\n\n")) + "</body></html>"
        (folder / f"letter{i:02d}{suffix}").write_text(text + "\n")
    (tmp_path / "litcheck.toml").write_text('exclude = ["team1/letter04.txt"]\n[severity]\n"jargon.medical" = "error"\n')

    def run(jobs: str) -> str:
        result = subprocess.run([str(LITCHECK), "check", "--jobs", jobs, "--format", fmt, "."], cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert result.returncode == 1, result.stderr  # jargon.medical raised to error
        return result.stdout

    serial = run("1")
    assert run("2") == serial
    assert "letter04.txt" not in serial and "letter07.txt" in serial
