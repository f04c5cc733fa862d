"""bench/bench_ci.py reads each command's CPU time from a line its wrapper prints as the command
ends: the command must still print it now that it ends with os._exit (litcheck.cli.leave)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_ci import WRAPPER  # noqa: E402


def test_the_wrapper_reports_the_cpu_time_of_a_check():
    sample = ROOT / "samples" / "poor_appointment_letter.txt"
    result = subprocess.run([sys.executable, "-c", WRAPPER, "check", "--format", "json", "--fail-on", "never", str(sample)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["documents"]
    line = next(ln for ln in result.stderr.splitlines() if ln.startswith("LITCHECK-CPU "))
    parent, workers = json.loads(line.split(" ", 1)[1])
    assert parent > 0.1 and workers >= 0
