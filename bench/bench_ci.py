"""Files per second for `litcheck check` over 2,000 generated templates, with --jobs 1 and 2.

    python bench/bench_ci.py [--files 400] [--jobs 1 2] [--repeat 3]

Each run is the installed console script as CI runs it (start-up and worker start-up
included), output to JSON; the best of --repeat runs is kept (other work on the machine only
ever slows a run down). Also printed: the start-up (one letter: Python, the rules, the
language data), the speed-up of the checking alone (total less start-up), and the CPU time
of litcheck and its workers, which a busy machine inflates less than wall time. The templates are generated from a few short appointment-letter
paragraphs with merge fields, in .md, .txt, .html.j2 and .md.njk.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPHS = [
    "Your appointment is on {{ date }} at {{ time }} in the {{ clinic }} clinic.",
    "Please commence fasting at midnight prior to your procedure.",
    "We will check your hypertension and review your medication.",
    "If you cannot come, please call us on {{ phone }} so we can offer the slot to someone else.",
    "Failure to attend may result in discharge back to your GP.",
    "You can bring someone with you. There is parking next to the main entrance.",
    "The consultant will discuss the results of your echocardiogram with you.",
    "Please bring a list of your tablets and any inhalers you use.",
]
SUFFIXES = [".md", ".txt", ".html.j2", ".md.njk"]


def generate(root: Path, n: int) -> None:
    rng = random.Random(7)
    for i in range(n):
        folder = root / f"team{i % 20:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        suffix = SUFFIXES[i % len(SUFFIXES)]
        paras = rng.sample(PARAGRAPHS, k=5)
        if suffix == ".html.j2":
            body = "<html><body><h1>Your appointment</h1>\n" + "\n".join(f"<p>{p}</p>" for p in paras) + "\n</body></html>\n"
        elif suffix in (".md", ".md.njk"):
            body = "# Your appointment\n\n" + "\n\n".join(paras) + "\n"
        else:
            body = "Dear {{ name }},\n\n" + "\n\n".join(paras) + "\n\nYours sincerely,\nThe clinic team\n"
        (folder / f"letter{i:04d}{suffix}").write_text(body)


def run(root: Path, jobs: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds of litcheck and its workers)."""
    exe = Path(sys.executable).parent / "litcheck"
    before = os.times()
    start = time.perf_counter()
    result = subprocess.run([str(exe), "check", "--jobs", str(jobs), "--format", "json", "--fail-on", "never", str(root)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    after = os.times()
    if result.returncode != 0:
        raise SystemExit(f"litcheck failed ({result.returncode}): {result.stderr.strip()}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return elapsed, cpu


def best(root: Path, jobs: int, repeat: int) -> tuple[float, float]:
    return min(run(root, jobs) for _ in range(repeat))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=400)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{os.cpu_count()} cores, {cpus} usable; {args.files} generated templates; best of {args.repeat}; load average before: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "templates"
        generate(root, args.files)
        one = Path(tmp) / "one"
        generate(one, 1)
        startup, _ = best(one, 1, args.repeat)
        print(f"start-up (one letter): {startup:.1f} s")
        base = base_check = None
        for jobs in args.jobs:
            elapsed, cpu = best(root, jobs, args.repeat)
            rate = args.files / elapsed
            base = base or elapsed
            checking = max(elapsed - startup, 1e-6)
            base_check = base_check or checking
            load = os.getloadavg()[0]
            print(f"--jobs {jobs}: {elapsed:6.1f} s  {rate:6.1f} files/s  ({base / elapsed:.2f}x; checking alone {base_check / checking:.2f}x)"
                  f"  CPU {cpu:5.1f} s  load average after: {load:.2f}")


if __name__ == "__main__":
    main()
