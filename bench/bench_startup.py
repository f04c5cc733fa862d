"""Start-up and memory of `litcheck check` on one letter, against `python -c "import spacy"`.

    python bench/bench_startup.py [--repeat 7] [--letter FILE]

Each run is a fresh process of this environment: the reference (`python -c "import spacy"`)
and `litcheck check` (the console script) on one letter, then on a two-page .docx generated
here (python-docx), taken in turn so that the machine's other work falls on both alike. The
best of --repeat runs is kept for each (other work only ever slows a run down), with the
median beside it, both as CPU time (user + system, from wait4: what the process itself spent,
which other work on a shared machine barely changes) and as wall-clock time; the target
(issue 20) is litcheck at most 1.3x the reference. Peak memory is each process's maximum
resident set size (wait4's ru_maxrss; target under 300 MB). Then, in one process, where the
CPU time goes: spaCy, litcheck's imports, the rules, the tokenizer and lemmas, the word
frequencies and lemminflect's tables, the syllable table, the first check and a second one
(with what was compiled at build time installed, as the console command has it:
litcheck.prebuilt; the collector stays on, as in a library call).

Bytecode: an installed litcheck has its modules compiled (pip writes the .pyc files at install,
as it did for spaCy's), but a source checkout run with PYTHONDONTWRITEBYTECODE=1 compiles every
litcheck module from source at each start (about 0.25 s of CPU, none of it spaCy's). So every
process here, the reference too, keeps its bytecode in one temporary folder
(PYTHONPYCACHEPREFIX), filled by a warm-up run of each command first; ``--source`` measures
without it (no bytecode written: litcheck's modules compiled at every start).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LETTER = ROOT / "samples" / "poor_appointment_letter.txt"

PHASES = r"""
import time
T = time.process_time
t0 = T(); import spacy
from litcheck import prebuilt; prebuilt.install()  # as the console command does
t1 = T(); import litcheck.check, litcheck.batch, litcheck.cli.check
t2 = T(); from litcheck.rulebook import load_rules; load_rules()
t3 = T(); from litcheck.nlp import english, lemmas; english(); lemmas().get("tablets")
t4 = T(); from litcheck.spelling import zipf_frequency, top_n_list; zipf_frequency("the", "en"); top_n_list("en", 20000)
t5 = T(); from litcheck.nlp import lemminflect; lemminflect.getAllLemmas("took"); lemminflect.getInflection("take", tag="VBD")
t6 = T(); from litcheck.readability.syllables import count_syllables; count_syllables("appointment")
t7 = T(); text = open(%r, encoding="utf-8").read(); litcheck.check_text(text)
t8 = T(); litcheck.check_text(text.replace("appointment", "visit"))
t9 = T()
print(f"CPU s: Python and import spacy {t1:.2f}, import litcheck {t2-t1:.2f}, rules {t3-t2:.2f}, spaCy tokenizer and lemmas {t4-t3:.2f}, "
      f"word frequencies {t5-t4:.2f}, lemminflect {t6-t5:.2f}, syllable look-up {t7-t6:.2f}, "
      f"first check (loads the rest) {t8-t7:.2f}, a second check {t9-t8:.3f}; total {t9:.2f}")
"""


def run(cmd: list[str], cwd: Path | None = None, env: dict | None = None) -> tuple[float, float, float]:
    """(wall seconds, peak resident MB, CPU seconds) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({code}): {proc.stderr.read().decode(errors='replace').strip()}")
    proc.stderr.close()
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KB elsewhere
    return elapsed, usage.ru_maxrss * scale / 2**20, usage.ru_utime + usage.ru_stime


def two_page_docx(path: Path) -> None:
    """A two-page clinic letter written for this benchmark (about 900 words)."""
    import docx

    paragraphs = [
        "Dear Mrs Taylor,",
        "Thank you for coming to the diabetes clinic on Tuesday 4 March. This letter sums up what we talked about and what happens next.",
        "Your blood sugar has been higher than we would like over the last three months. Your HbA1c was 64 mmol/mol. We would like it to be under 53.",
        "We agreed that you will start taking metformin 500 mg once a day with your evening meal. After two weeks, take one tablet with breakfast and one with your evening meal.",
        "Metformin can upset your stomach at first. Taking it with food helps. If you feel sick for more than a week, please call us.",
        "Please have a blood test at your GP surgery in the week of 2 June. You do not need to fast before this test.",
        "Your next appointment is on Thursday 12 June at 2.30pm in the Outpatients Department, Level 2, Main Building.",
        "If you cannot come, please call 01632 960 412 between 9am and 4pm, Monday to Friday, so we can offer your slot to someone else.",
    ]
    document = docx.Document()
    document.add_heading("Your diabetes clinic appointment", level=1)
    for i in range(5):
        for text in paragraphs:
            document.add_paragraph(text)
        document.add_heading(f"More about your care ({i + 1})", level=2)
    document.save(path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--letter", type=Path, default=LETTER)
    ap.add_argument("--source", action="store_true", help="no bytecode kept: litcheck's modules compiled from source at every start")
    args = ap.parse_args()
    python = sys.executable
    exe = str(Path(python).parent / "litcheck")
    print(f"{os.cpu_count()} cores; best (median) of {args.repeat}; load average before: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        if args.source:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            env.pop("PYTHONPYCACHEPREFIX", None)
            print("bytecode: none kept (--source): every litcheck module compiled at each start")
        else:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
            print("bytecode: kept in a temporary folder, as an installed package has it (--source: without)")
        docx_path = Path(tmp) / "clinic_letter.docx"
        two_page_docx(docx_path)
        cases = {
            'python -c "import spacy"': [python, "-c", "import spacy"],
            f"litcheck check {args.letter.name}": [exe, "check", str(args.letter)],
            "litcheck check clinic_letter.docx (2 pages)": [exe, "check", str(docx_path)],
        }
        results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in cases}
        for cmd in cases.values():  # warm-up: the bytecode written once
            run(cmd, cwd=Path(tmp), env=env)
        for _ in range(args.repeat):
            for name, cmd in cases.items():
                results[name].append(run(cmd, cwd=Path(tmp), env=env))
        report(results)
        print("where the time goes (one process):")
        phases = [python, "-c", PHASES % str(args.letter)]
        subprocess.run(phases, capture_output=True, cwd=ROOT, env=env)  # warm-up
        out = subprocess.run(phases, capture_output=True, text=True, cwd=ROOT, env=env)
        print("  " + (out.stdout.strip() or out.stderr.strip()))


def report(results: dict[str, list[tuple[float, float, float]]]) -> None:
    reference = results['python -c "import spacy"']
    ref_cpu = min(c for _, _, c in reference)
    ref_wall = min(t for t, _, _ in reference)
    print(f"{'':46s} {'CPU best (median)':>18s} {'ratio':>6s}   {'wall best (median)':>18s} {'ratio':>6s}   peak memory")
    for name, runs in results.items():
        cpu = min(c for _, _, c in runs)
        cpu_median = statistics.median(c for _, _, c in runs)
        wall = min(t for t, _, _ in runs)
        wall_median = statistics.median(t for t, _, _ in runs)
        peak = max(m for _, m, _ in runs)
        print(f"{name:46s} {cpu:6.2f} s ({cpu_median:5.2f}) {cpu / ref_cpu:5.2f}x   {wall:6.2f} s ({wall_median:5.2f}) {wall / ref_wall:5.2f}x   {peak:5.0f} MB")
    print(f"load average after: {os.getloadavg()[0]:.2f}")

if __name__ == "__main__":
    main()
