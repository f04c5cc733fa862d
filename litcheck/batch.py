"""Checking many files as CI does: configuration per file, parallel workers, stable order.

``run(paths, settings) -> Report``. Each file gets its options from the nearest config file
(or ``--config``), with command-line settings winning; files are checked in worker processes
when there are enough of them (``--jobs``), and the report keeps the order of the file walk.

In parallel, the parent only walks the folders and collects reports: each worker finds a
file's config and options itself (that lookup is a few percent of the work), loads the rules
and the language model once when it starts (forked from a parent that loaded them, where the
platform forks), and takes files in chunks.

Limits (issue 24): a file that takes longer than ``--timeout`` seconds (TIME_LIMIT, 60) is that
file's one-line error and the batch goes on. In worker processes the worker is killed and a
fresh one takes the rest of its chunk, so a file that hangs (a FIFO, a PDF that loops) cannot
hang the batch; in one process a timer interrupts the file. Each worker's address space may
grow by at most ``--memory-limit`` MB (MEMORY_LIMIT_MB, 1024) past what it holds when warm
(``resource.RLIMIT_AS``, on Linux and other Unix systems; not on Windows): a file that needs
more is that file's error.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import time
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from . import config as configmod
from .collector import resting
from .check import check_file, iter_files
from .errors import InputError, LitcheckError
from .report import InputProblem, Report
from .rule import matches

#: rule id whose limit the config's [reading_age] targets set
READING_AGE_RULE = "readability.reading_age"
#: below this many files per worker, starting processes costs more than it saves
MIN_FILES_PER_WORKER = 8
#: show a progress bar (on a terminal) from this many files
PROGRESS_FROM = 50
#: seconds one file may take (--timeout; 0: no limit)
TIME_LIMIT = 60.0
#: MB of address space a worker may add to what it holds when warm (--memory-limit; 0: no limit)
MEMORY_LIMIT_MB = 1024


@dataclass
class Settings:
    """What the command line said (None: not given, so the config file decides)."""

    profile: str | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    config: str | None = None  #: --config FILE: used for every file, no walking up
    report_unused_ignores: bool = False
    rule_dirs: list[str] | None = None  #: --rules DIR: the organisation's own rule folders
    jobs: int | None = None
    progress: bool | None = None  #: None: when stderr is a terminal and the batch is long
    #: "json": workers encode each report's JSON as they go (nothing may change it afterwards)
    prerender: str | None = None
    languagetool: str | None = None  #: --languagetool URL (else the config's languagetool)
    allow_remote_languagetool: bool = False  #: --allow-remote-languagetool
    timeout: float | None = None  #: --timeout SECONDS per file (None: TIME_LIMIT; 0: none)
    memory_limit: int | None = None  #: --memory-limit MB per worker (None: MEMORY_LIMIT_MB; 0: none)
    #: the batch is the whole process (litcheck's own command, not a library call): what loads
    #: may be frozen out of the cycle collector's sight, as it lives until the process ends
    whole_process: bool = False

    def time_limit(self) -> float | None:
        limit = TIME_LIMIT if self.timeout is None else self.timeout
        return limit if limit and limit > 0 else None

    def memory_limit_mb(self) -> int | None:
        limit = MEMORY_LIMIT_MB if self.memory_limit is None else self.memory_limit
        return int(limit) if limit and limit > 0 else None


def config_for(path, settings: Settings) -> configmod.Config:
    if settings.config:
        return configmod._load_cached(Path(settings.config).resolve())
    return configmod.find(path)


def run_config(settings: Settings) -> configmod.Config:
    """The config for the run as a whole (fail_on, baseline): --config, or the nearest to the working folder."""
    return config_for(Path.cwd(), settings)


def options_for(path, settings: Settings, cfg: configmod.Config | None = None) -> dict:
    """check_document options for one file: the command line, then its config file."""
    cfg = cfg or config_for(path, settings)
    profile = settings.profile or cfg.profile_for(path)
    ignore = list(settings.ignore if settings.ignore is not None else cfg.get("ignore", []))
    ignore += cfg.ignores_for(path)
    options = {
        "profile": profile,
        "select": settings.select if settings.select is not None else (cfg.get("select") or None),
        "ignore": ignore or None,
        "report_unused_ignores": settings.report_unused_ignores,
    }
    targets = cfg.get("reading_age", {})
    target = targets.get(profile or "", targets.get("default"))
    if target is not None:
        options["limits"] = {READING_AGE_RULE: target}
    # the organisation's own words, rules and document profiles, beside litcheck's
    if cfg.get("accepted_words"):
        options["accepted_words"] = list(cfg.get("accepted_words"))
    if cfg.get("extra_terms"):
        options["extra_terms"] = [cfg.resolve_path(p) for p in cfg.get("extra_terms")]
    if cfg.get("profiles_dir"):
        options["profile_dirs"] = [cfg.resolve_path(cfg.get("profiles_dir"))]
    rule_dirs = [str(Path(d).resolve()) for d in settings.rule_dirs or ()] + [str(cfg.resolve_path(d)) for d in cfg.get("rules", [])]
    if rule_dirs:
        options["rule_dirs"] = rule_dirs
    if cfg.get("time_format"):
        options["time_format"] = cfg.get("time_format")
    languagetool = settings.languagetool or cfg.get("languagetool")
    if languagetool:  # nothing is sent to LanguageTool unless the flag or the config names it
        options["languagetool"] = languagetool
        options["allow_remote_languagetool"] = settings.allow_remote_languagetool
    return options


def severity_overrides(findings, overrides: dict) -> list:
    """Apply [severity] overrides: the longest matching rule prefix wins."""
    if not overrides:
        return findings
    prefixes = sorted(overrides, key=len, reverse=True)
    out = []
    for f in findings:
        p = next((p for p in prefixes if matches(f.rule, p)), None)
        out.append(dataclasses.replace(f, severity=overrides[p]) if p else f)
    return out


def plan(paths, settings: Settings) -> list[tuple[str, dict, dict]]:
    """(file, check options, severity overrides) for every file to check, in walk order."""
    jobs = []
    for path in iter_files(paths):
        cfg = config_for(path, settings)
        if cfg.is_excluded(path):
            continue
        jobs.append((str(path), options_for(path, settings, cfg), dict(cfg.get("severity", {}))))
    return jobs


def check_one(job):
    path, options, overrides = job
    try:
        doc = check_file(path, **options)
    except InputError as exc:
        return InputProblem(path, _one_line(str(exc)))
    except LitcheckError:  # a bad rule file, profile or config: the whole run's error, said once
        raise
    except MemoryError:
        return InputProblem(path, _one_line(f"{path}: needs more memory than litcheck allows a file (--memory-limit): not checked"))
    except Exception as exc:  # noqa: BLE001 - one bad file never stops a batch (issue 24)
        return InputProblem(path, _one_line(f"{path}: could not be checked ({type(exc).__name__}): please report it"))
    doc.findings = severity_overrides(doc.findings, overrides)
    return doc


def _one_line(message: str) -> str:
    """A message kept to one line: a newline or escape sequence in a file name is shown escaped."""
    from .reporters.text import visible

    return visible(message, keep="")


#: the run's Settings in a worker process (set by _warm_up)
_settings: Settings | None = None


def check_path(path: str, settings: Settings | None = None):
    """Check one file of the walk with its config: a DocumentReport, an InputProblem, or None if excluded."""
    settings = settings or _settings or Settings()
    cfg = config_for(path, settings)
    if cfg.is_excluded(path):
        return None
    result = check_one((path, options_for(path, settings, cfg), dict(cfg.get("severity", {}))))
    if settings.prerender == "json" and not isinstance(result, InputProblem):
        from .reporters.json_report import prerender

        prerender(result)
    return result


#: checked once before the files, so that what loads on first use (the language model,
#: word lists, the pronouncing dictionary, word frequencies, the lemma and inflection tables
#: behind passives and term swaps) loads before the workers fork: a worker's first file is
#: then no slower than its others (and not cut short by the time limit)
_WARM_TEXT = """Dear Mr Smith,

Your appointment

You have been referred to the cardiology clinic on Monday 3 June at 10am for an assessment of your
hypertension. Please commence fasting prior to your appointment. Your results will be sent to your GP.

- Bring a list of your medications.
- Failure to attend will result in you being discharged.

If you need to change your appointment, call us on 01632 960123.

Yours sincerely,

Outpatients team
"""


def _warm_up(settings: Settings | None = None) -> None:
    """Once per worker process: keep the settings, load the rules and the language model."""
    global _settings
    from .check import check_text
    from .nlp import english
    from .rulebook import load_rules

    _settings = settings
    with resting(keep=True):  # a worker, or the parent that forks them: it all stays
        load_rules()
        english()
        check_text(_WARM_TEXT)


def _chunksize(files: int, workers: int) -> int:
    """Files per hand-out, from the files still to hand out: up to 16 while there are many
    (few round trips), shrinking to one as the batch ends, so that no worker is left with a
    long last chunk while the others have finished."""
    return max(1, min(16, files // (workers * 8)))


def available_cpus() -> int:
    """The CPUs this process may run on: its affinity mask (taskset, a container's cpuset),
    capped by a cgroup v2 CPU quota (``docker --cpus``), not every core of the machine."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13
        count = os.process_cpu_count() or 1
    elif hasattr(os, "sched_getaffinity"):
        count = len(os.sched_getaffinity(0)) or 1
    else:  # pragma: no cover (macOS, Windows)
        count = os.cpu_count() or 1
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()[:2]
        if quota != "max":
            count = min(count, max(1, -(-int(quota) // int(period))))
    except (OSError, ValueError):
        pass
    return count


# --- limits -----------------------------------------------------------------------------------


class TimeUp(BaseException):
    """One file ran past the time limit (a BaseException: no ``except Exception`` in a reader
    or an analyser swallows it)."""


def timed_out(path: str, seconds: float) -> InputProblem:
    return InputProblem(path, _one_line(f"{path}: took longer than {seconds:g} s to check (--timeout): not checked"))


def check_path_timed(path: str, settings: Settings, job=None):
    """check_path (or check_one(job), as check_paths plans it) with the time limit, in this
    process: a timer (SIGALRM) interrupts the file.

    Only in the main thread of a Unix process; elsewhere the file runs without a limit (the
    worker pool kills a worker instead)."""
    limit = settings.time_limit()
    check = (lambda: check_path(path, settings)) if job is None else (lambda: check_one(job))
    if not limit or not _can_alarm():
        return check()
    import signal

    def _alarm(signum, frame):
        raise TimeUp

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        return check()
    except TimeUp:
        return timed_out(path, limit)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _can_alarm() -> bool:
    import signal
    import threading

    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def address_space() -> int | None:
    """This process's virtual memory size in bytes (Linux /proc; None elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def limit_memory(megabytes: int | None) -> bool:
    """Let this process's address space grow by at most ``megabytes`` past its size now
    (``resource.RLIMIT_AS``): an allocation past it raises MemoryError. For worker processes
    only (never the web server or the user's own process). False where the platform cannot."""
    if not megabytes:
        return False
    try:
        import resource
    except ImportError:  # Windows
        return False
    now = address_space()
    if now is None:
        try:  # no /proc: macOS and the BSDs count the peak resident size instead
            now = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
        except (OSError, ValueError):
            return False
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = now + megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (OSError, ValueError):
        return False
    return True


# --- worker processes ---------------------------------------------------------------------------


def _serve(conn, settings: Settings, warm: bool = False) -> None:
    """A worker: warm up (unless forked warm), cap its memory, then check each chunk of
    (index, path) it is sent, answering (index, result) file by file, until the pipe closes
    or None arrives."""
    global _settings
    import gc

    gc.enable()  # a worker forked while the parent's collector rests collects its own garbage
    if warm:
        _settings = settings
    else:  # a worker started afresh (spawned): litcheck's own process, as the command line's
        from .prebuilt import install

        install()
        _warm_up(settings)
    limit_memory(settings.memory_limit_mb())
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        for index, path in chunk:
            conn.send((index, check_path(path, settings)))


class _Worker:
    """One worker process, the parent's end of its pipe and the files it has been sent."""

    def __init__(self, ctx, settings: Settings):
        self.conn, child = ctx.Pipe()
        warm = ctx.get_start_method() == "fork"  # forked from a parent that has warmed up
        self.process = ctx.Process(target=_serve, args=(child, settings, warm), name="litcheck-worker", daemon=True)
        self.process.start()
        child.close()
        self.sent: list[tuple[int, str]] = []  #: files sent and not yet answered, in order
        self.since = time.monotonic()  #: when the first of them started (its predecessor's answer)

    def send(self, chunk: list[tuple[int, str]]) -> None:
        if not self.sent:
            self.since = time.monotonic()
        self.sent.extend(chunk)
        self.conn.send(chunk)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(2)
        self.kill()


def _context():
    import multiprocessing

    if "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def pooled(files: list[str], settings: Settings, workers: int):
    """Each file's result in ``workers`` processes, yielded in the order of ``files``.

    Files go out in chunks (a second chunk is sent before the first is done, so a worker
    never waits for the parent); a worker answers file by file, so the parent knows which
    file each worker is on and since when. One that runs past the time limit, or whose worker
    dies (a crash, the memory limit), is that file's error; the worker is replaced and the
    rest of its files go to the others."""
    import gc
    from collections import deque
    from multiprocessing.connection import wait

    ctx = _context()
    forked = ctx.get_start_method() == "fork"
    if forked:
        _warm_up(settings)  # loaded once, here: forked workers share it instead of each loading it
        # Move what is loaded out of the collector's sight: otherwise each worker's first
        # collections touch every object's header and copy the parent's pages one by one.
        gc.freeze()
    # In litcheck's own command, the collector rests while the answers come in: they are
    # thousands of reports that stay until the end (no garbage cycles among them), and its
    # collections walked them all again and again (a fifth of the parent's collecting).
    # Workers collect as usual (_serve turns it on in each).
    limit = settings.time_limit()
    todo = deque(enumerate(files))
    done: dict[int, object] = {}
    pool: list[_Worker] = []

    def feed(worker: _Worker) -> None:
        # keep up to two chunks in each worker's pipe (a worker never waits for the parent)
        while todo:
            size = _chunksize(len(todo), workers)
            if len(worker.sent) > size:
                return
            worker.send([todo.popleft() for _ in range(min(size, len(todo)))])

    def replace(worker: _Worker, problem) -> None:
        index, path = worker.sent.pop(0)
        done[index] = problem(path)
        todo.extendleft(reversed(worker.sent))  # the rest of its files go out again, first
        worker.sent = []
        worker.kill()
        pool.remove(worker)
        fresh = _Worker(ctx, settings)
        pool.append(fresh)

    def answers():
        for _ in range(workers):
            pool.append(_Worker(ctx, settings))
        for worker in pool:
            feed(worker)
        following = 0
        while following < len(files):
            busy = [w for w in pool if w.sent]
            if not busy:  # every worker replaced with nothing sent: hand out again
                for worker in pool:
                    feed(worker)
                continue
            now = time.monotonic()
            wait_for = None if limit is None else max(0.0, min(w.since + limit - now for w in busy))
            ready = wait([w.conn for w in busy], timeout=wait_for)
            now = time.monotonic()
            for worker in busy:
                if worker.conn in ready:
                    try:
                        index, result = worker.conn.recv()
                    except (EOFError, OSError):  # the worker died on its current file
                        worker.process.join(1)
                        code = worker.process.exitcode
                        replace(worker, lambda path, code=code: _died(path, code, settings))
                        continue
                    worker.sent.pop(0)
                    worker.since = now
                    done[index] = result
                elif limit is not None and now - worker.since >= limit:
                    replace(worker, lambda path: timed_out(path, limit))
            for worker in pool:
                feed(worker)
            while following in done:
                yield done.pop(following)
                following += 1

    rest = resting(keep=True) if settings.whole_process else nullcontext(False)
    paused = False
    try:
        with rest as paused:  # the reports stay until the process ends: frozen too
            yield from answers()
    finally:
        for worker in pool:
            worker.stop()
        if forked and not paused:
            gc.unfreeze()


def _died(path: str, code: int | None, settings: Settings) -> InputProblem:
    how = f" (signal {-code})" if code is not None and code < 0 else ""
    cap = settings.memory_limit_mb()
    hint = f"; it may need more than the {cap} MB memory limit (--memory-limit)" if cap else ""
    return InputProblem(path, _one_line(f"{path}: the worker process checking it stopped{how}{hint}: not checked"))


def results(files: list[str], settings: Settings, workers: int):
    """Each file's result, in order: in worker processes for --jobs 2 and more, and also for
    several files in one process where the platform forks and a time limit applies (so a file
    that hangs is killed with its worker, and the next file starts in a clean one). A single
    file is checked in this process, under a timer."""
    if workers > 1 or (len(files) > 1 and settings.time_limit() and _context().get_start_method() == "fork"):
        yield from pooled(files, settings, max(workers, 1))
        return
    if files and (settings.time_limit() or settings.whole_process):
        _load(settings)  # the rules and the language model load before the timer starts
    yield from (check_path_timed(f, settings) for f in files)


def _load(settings: Settings) -> None:
    from .nlp import english
    from .rulebook import load_rules

    # litcheck's own command: what has loaded lives as long as the process, so it leaves
    # the collector's sight (the file's own objects are collected as usual)
    with resting(keep=settings.whole_process):
        load_rules()
        english()


def workers_for(files: int, jobs: int | None) -> int:
    """Worker processes for a batch: --jobs (default: the CPUs this process may use), but no
    more than one per MIN_FILES_PER_WORKER files."""
    wanted = jobs or available_cpus()
    return max(1, min(wanted, files // MIN_FILES_PER_WORKER))


def with_progress(answers, total: int, settings: Settings, desc: str = "litcheck"):
    """``answers`` with a progress bar on the terminal for a long batch (or as --progress says)."""
    show = settings.progress
    if show is None:
        show = total >= PROGRESS_FROM and sys.stderr.isatty()
    if not show:
        return answers
    from tqdm import tqdm

    return tqdm(answers, total=total, file=sys.stderr, unit="file", desc=desc, leave=False)


def sort_out(answers, problem_type=InputProblem) -> tuple[list, list]:
    """(the files' results, their problems), in order; None (a file its config excludes) dropped."""
    done, problems = [], []
    for answer in answers:
        if answer is not None:
            (problems if isinstance(answer, problem_type) else done).append(answer)
    return done, problems


def run(paths, settings: Settings) -> Report:
    files = [str(p) for p in iter_files(paths)]
    workers = workers_for(len(files), settings.jobs)
    documents, errors = sort_out(with_progress(results(files, settings, workers), len(files), settings))
    return Report(documents=documents, errors=errors)


def check_paths(paths, *, config: str | os.PathLike | None = None, **options) -> Report:
    """``litcheck.check_paths``: files and folders checked as ``litcheck check`` checks them.

    Each file gets the options of its nearest config file (``[tool.litcheck]``,
    litcheck.toml: exclude, select, ignore, per_file_ignores, profiles, reading_age,
    severity...), or of ``config`` for every file; the options given here beat the file's, as
    command-line flags do. litcheck.check.check_paths reads no config file. Each file has the
    batch's time limit (``timeout``: TIME_LIMIT seconds by default, 0 for none).
    """
    names = {f.name for f in dataclasses.fields(Settings)}
    given = {k: v for k, v in options.items() if k in names and k not in ("jobs", "config")}
    settings = Settings(config=os.fspath(config) if config is not None else None, **given)
    overlay = {k: v for k, v in options.items() if k not in names}
    report = Report()
    jobs = plan(paths, settings)
    if settings.time_limit() and jobs:
        _load(settings)  # the rules and the language model load before the timer starts
    for path, file_options, overrides in jobs:
        result = check_path_timed(path, settings, (path, {**file_options, **overlay}, overrides))
        (report.errors if isinstance(result, InputProblem) else report.documents).append(result)
    return report
