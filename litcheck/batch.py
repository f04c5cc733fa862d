"""Checking many files as CI does: configuration per file, parallel workers, stable order.

``run(paths, settings) -> Report``. Each file gets its options from the nearest config file
(or ``--config``), with command-line settings winning; files are checked in worker processes
when there are enough of them (``--jobs``), and the report keeps the order of the file walk.

In parallel, the parent only walks the folders and collects reports: each worker finds a
file's config and options itself (that lookup is a few percent of the work), loads the rules
and the language model once when it starts, and takes files in chunks.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from . import config as configmod
from .check import check_document, check_file, iter_files
from .errors import InputError, LitcheckError
from .report import InputProblem, Report
from .rule import matches

#: rule id whose limit the config's [reading_age] targets set
READING_AGE_RULE = "readability.reading_age"
#: below this many files per worker, starting processes costs more than it saves
MIN_FILES_PER_WORKER = 8
#: show a progress bar (on a terminal) from this many files
PROGRESS_FROM = 50


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
#: word lists, the pronouncing dictionary, word frequencies) loads before the workers fork
_WARM_TEXT = "Dear patient,\n\nPlease bring your tablets to the clinic on Monday. We will check your blood pressure."


def _warm_up(settings: Settings | None = None) -> None:
    """Once per worker process: keep the settings, load the rules and the language model."""
    global _settings
    from .check import check_text
    from .nlp import english
    from .rulebook import load_rules

    _settings = settings
    load_rules()
    english()
    check_text(_WARM_TEXT)


def _chunksize(files: int, workers: int) -> int:
    """Files per hand-out: few round trips, yet a last chunk short enough to keep both busy."""
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


def _results(files: list[str], settings: Settings, workers: int):
    if workers <= 1:
        yield from (check_path(f, settings) for f in files)
        return
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    forked = multiprocessing.get_start_method() == "fork"
    if forked:
        _warm_up(settings)  # loaded once, here: forked workers share it instead of each loading it
        # Move what is loaded out of the collector's sight: otherwise each worker's first
        # collections touch every object's header and copy the parent's pages one by one.
        gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=workers, initializer=_warm_up, initargs=(settings,)) as pool:
            yield from pool.map(check_path, files, chunksize=_chunksize(len(files), workers))
    finally:
        if forked:
            gc.unfreeze()


def workers_for(files: int, jobs: int | None) -> int:
    """Worker processes for a batch: --jobs (default: the CPUs this process may use), but no
    more than one per MIN_FILES_PER_WORKER files."""
    wanted = jobs or available_cpus()
    return max(1, min(wanted, files // MIN_FILES_PER_WORKER))


def run(paths, settings: Settings) -> Report:
    files = [str(p) for p in iter_files(paths)]
    workers = workers_for(len(files), settings.jobs)
    show = settings.progress
    if show is None:
        show = len(files) >= PROGRESS_FROM and sys.stderr.isatty()
    results = _results(files, settings, workers)
    if show:
        from tqdm import tqdm

        results = tqdm(results, total=len(files), file=sys.stderr, unit="file", desc="litcheck", leave=False)
    report = Report()
    for result in results:
        if result is None:  # excluded by its config
            continue
        if isinstance(result, InputProblem):
            report.errors.append(result)
        else:
            report.documents.append(result)
    return report


def check_paths(paths, *, config: str | os.PathLike | None = None, **options) -> Report:
    """``litcheck.check_paths``: files and folders checked as ``litcheck check`` checks them.

    Each file gets the options of its nearest config file (``[tool.litcheck]``,
    litcheck.toml: exclude, select, ignore, per_file_ignores, profiles, reading_age,
    severity...), or of ``config`` for every file; the options given here beat the file's, as
    command-line flags do. litcheck.check.check_paths reads no config file.
    """
    names = {f.name for f in dataclasses.fields(Settings)}
    given = {k: v for k, v in options.items() if k in names and k not in ("jobs", "config")}
    settings = Settings(config=os.fspath(config) if config is not None else None, **given)
    overlay = {k: v for k, v in options.items() if k not in names}
    report = Report()
    for path, file_options, overrides in plan(paths, settings):
        result = check_one((path, {**file_options, **overlay}, overrides))
        (report.errors if isinstance(result, InputProblem) else report.documents).append(result)
    return report
