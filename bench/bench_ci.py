"""Files per second for `litcheck check` over 2,000 generated templates, with --jobs 1 and 2.

    python bench/bench_ci.py [--files 400] [--jobs 1 2] [--repeat 3]

Each run is litcheck's console entry point as CI runs it (start-up and worker start-up
included), output to JSON. Each of --repeat rounds runs every --jobs value once, in turn, so
that other work on a shared machine falls on them alike: printed are the best run of each
(other work only ever slows a run down) and the median of the same-round ratios. Also printed:
the start-up (one letter: Python, the rules, the language data), the speed-up of the checking
alone (total less start-up), the CPU time of the litcheck process itself (start-up, the walk,
collecting and writing the report) and of its workers, which a busy machine inflates far less
than wall time, and from those CPU times the speed-up the pool would give on free cores.
The templates are generated from a few short appointment-letter paragraphs with merge
fields, in .md, .txt, .html.j2 and .md.njk.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
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


#: litcheck's console entry point, run as the console script runs it, then the CPU time of this
#: process (the parent: start-up, the walk, collecting and writing the report) and of its
#: workers, printed to stderr
WRAPPER = (
    "import json, resource, sys\n"
    "from litcheck.cli import run\n"
    "sys.argv[0] = 'litcheck'\n"
    "try:\n"
    "    run()\n"
    "except SystemExit as exc:\n"
    "    code = exc.code or 0\n"
    "s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print('LITCHECK-CPU', json.dumps([s.ru_utime + s.ru_stime, c.ru_utime + c.ru_stime]), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


@dataclass
class Run:
    jobs: int
    wall: float  #: seconds
    parent: float  #: CPU seconds of the litcheck process itself
    workers: float  #: CPU seconds of its worker processes
    load: float  #: load average (1 minute) just after

    @property
    def cpu(self) -> float:
        return self.parent + self.workers


def run(root: Path, jobs: int) -> Run:
    """One `litcheck check --jobs N --format json` over ``root``."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", WRAPPER, "check", "--jobs", str(jobs), "--format", "json", "--fail-on", "never", str(root)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"litcheck failed ({result.returncode}): {result.stderr.strip()}")
    line = next(ln for ln in result.stderr.splitlines() if ln.startswith("LITCHECK-CPU "))
    parent, workers = json.loads(line.split(" ", 1)[1])
    return Run(jobs, elapsed, parent, workers, os.getloadavg()[0])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=400)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{os.cpu_count()} cores, {cpus} usable; {args.files} generated templates; {args.repeat} rounds, each --jobs in turn; load average before: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "templates"
        generate(root, args.files)
        one = Path(tmp) / "one"
        generate(one, 1)
        startup = min(run(one, 1).wall for _ in range(args.repeat))
        print(f"start-up (one letter): {startup:.1f} s")
        rounds: list[dict[int, Run]] = []
        for _ in range(args.repeat):  # each round runs every --jobs once: other work falls on them alike
            rounds.append({jobs: run(root, jobs) for jobs in args.jobs})
    base = args.jobs[0]
    best = {jobs: min((r[jobs] for r in rounds), key=lambda x: x.wall) for jobs in args.jobs}
    for jobs in args.jobs:
        runs = [r[jobs] for r in rounds]
        b = best[jobs]
        ratio = statistics.median(r[base].wall / r[jobs].wall for r in rounds)
        checking = max(b.wall - startup, 1e-6)
        print(f"--jobs {jobs}: best {b.wall:6.1f} s  {args.files / b.wall:6.1f} files/s  ({best[base].wall / b.wall:.2f}x best against best;"
              f" {ratio:.2f}x the median of same-round ratios; checking alone {max(best[base].wall - startup, 1e-6) / checking:.2f}x)"
              f"  CPU {statistics.median(r.cpu for r in runs):5.1f} s (parent {statistics.median(r.parent for r in runs):.1f}, workers {statistics.median(r.workers for r in runs):.1f})"
              f"  load average after: {', '.join(f'{r.load:.2f}' for r in runs)}")
    # What the CPU time says a machine with free cores would give: the parent's work is serial
    # (start-up before the workers fork, then collecting), the workers' shared out.
    for jobs in args.jobs[1:]:
        one, many = best[base], best[jobs]
        ideal = (one.parent + one.workers / base) / (many.parent + many.workers / jobs)
        print(f"--jobs {jobs} on {jobs} free cores, from the CPU times: about {ideal:.2f}x --jobs {base}"
              f" (extra CPU for the pool: {many.cpu / one.cpu - 1:+.0%})")


if __name__ == "__main__":
    main()
