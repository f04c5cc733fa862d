"""``litcheck check PATH...``: check files, folders, or ``-`` for standard input."""

from __future__ import annotations

import sys

from ..reporters import FORMAT_HELP, REPORTERS
from . import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK

FAIL_ON = ("error", "warning", "suggestion", "never")
SEVERITY_LEVELS = ("error", "warning", "suggestion")
#: SARIF helpUri base: the rule pages (docs/rules/RULE.md) where this copy of litcheck lives
RULE_DOCS_ENV = "LITCHECK_RULE_DOCS_URL"


def add_parser(sub) -> None:
    p = sub.add_parser("check", help="check documents and report problems", description="Check documents (files, folders, or '-' for standard input) and report problems.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to check; '-' reads standard input")
    p.add_argument("--format", choices=tuple(REPORTERS), default="text", help="output format: " + ", ".join(f"{name} ({about})" if about else name for name, about in FORMAT_HELP.items()) + " (default: text)")
    p.add_argument("--fail-on", choices=FAIL_ON, default=None, help="exit 1 when a finding is at or above this severity (default: the config's fail_on, else error)")
    p.add_argument("--profile", help="the kind of document, e.g. appointment_letter (default: worked out from the text)")
    p.add_argument("--select", action="append", metavar="PREFIX", help="only rules whose id starts with PREFIX (repeatable, comma-separated)")
    p.add_argument("--ignore", action="append", metavar="PREFIX", help="skip rules whose id starts with PREFIX (repeatable, comma-separated)")
    p.add_argument("--rules", action="append", metavar="DIR", dest="rule_dirs", help="also load the rule files in DIR, beside litcheck's own (repeatable; config key: rules)")
    p.add_argument("--stdin-format", choices=("txt", "md"), default="txt", help="format of text read from '-' (default: txt)")
    p.add_argument("-q", "--quiet", action="store_true", help="print the findings only: no reading ages, summary, baseline or comparison lines (errors still go to standard error)")
    p.add_argument("-o", "--output-file", metavar="FILE", help="write the report to FILE instead of standard output (not written when litcheck stops on a usage or config error)")
    p.add_argument("--json-file", metavar="FILE", help="also write the JSON report to FILE, whatever --format says (the GitHub Action reads its counts from it)")
    p.add_argument("--min-severity", choices=SEVERITY_LEVELS, default=None, help="report only findings at or above this severity (those below are left out of the report and the exit code)")
    p.add_argument("--compare-to", metavar="REF", help="regression gating: check only the letters changed since the git revision REF, each against its version there, and exit 1 only when one got worse (reading age up by more than the config's reading_age_margin, default 1 year; a new finding at or above the fail level, default warning; a practical detail lost). Writes a Markdown summary to $GITHUB_STEP_SUMMARY when set"),
    p.add_argument("--statistics", action="store_true", help="count findings per rule (after text output; on standard error for other formats)")
    p.add_argument("--config", metavar="FILE", help="use this config file for every file (default: the nearest litcheck.toml, .litcheck.toml or pyproject.toml [tool.litcheck] above each file)")
    p.add_argument("--baseline", metavar="FILE", help="findings recorded in FILE are known: reported, but they do not fail the run")
    p.add_argument("--write-baseline", metavar="FILE", help="record today's findings in FILE (then exit 0)")
    p.add_argument("--report-unused-ignores", action="store_true", help="report 'litcheck: ignore' comments that silence nothing (rule litcheck.unused_ignore)")
    p.add_argument("-j", "--jobs", type=int, metavar="N", help="check files in N processes (default: the CPUs this process may use)")
    p.add_argument("--timeout", type=float, metavar="SECONDS", help="a file that takes longer than this is reported as that file's error and the others go on (default: 60; 0: no limit)")
    p.add_argument("--memory-limit", type=int, metavar="MB", help="each worker process (--jobs) may use at most this much more memory than it needs to start; a file that needs more is that file's error (default: 1024; 0: no limit; Linux and other Unix systems)")
    p.add_argument("--languagetool", metavar="URL", help="check grammar and UK spelling with the LanguageTool server at URL, e.g. http://127.0.0.1:8081 (scripts/languagetool-server; config key: languagetool). Nothing is sent anywhere without it")
    p.add_argument("--allow-remote-languagetool", action="store_true", help="allow a LanguageTool server that is not on this computer: the letters' text is sent to it")
    p.set_defaults(run=run)


def _prefixes(values):
    if not values:
        return None
    return [p.strip() for v in values for p in v.split(",") if p.strip()]


def _check_rule_names(settings, cfg, options) -> None:
    """Exit 2 before any file is read when --select, --ignore or the config name no rule."""
    from ..rulebook import check_selection, load_rules

    rules = load_rules(extra=options.get("rule_dirs", ()), profile_dirs=options.get("profile_dirs", ()))
    check_selection(settings.select, rules, "--select")
    check_selection(settings.ignore, rules, "--ignore")
    where = f"{cfg.path}" if cfg.path else "config"
    check_selection(cfg.get("select"), rules, f"{where}: select")
    check_selection(cfg.get("ignore"), rules, f"{where}: ignore")


def _check_languagetool(settings, cfg) -> None:
    """Exit 2 before any file is read when the LanguageTool address is refused; warn on
    standard error when letters will leave this computer."""
    from ..analysers.languagetool import check_url, is_local
    from ..errors import ConfigError

    url = settings.languagetool or cfg.get("languagetool")
    if not url:
        return
    check_url(url, settings.allow_remote_languagetool)
    if not is_local(url):
        print(f"litcheck: warning: the text of every checked document will be sent to the LanguageTool server at {url}, which is not this computer", file=sys.stderr)
    try:
        import language_tool_python  # noqa: F401
    except ImportError:
        raise ConfigError("--languagetool needs language-tool-python: pip install 'litcheck[grammar]'") from None


def run(args) -> int:
    from ..check import check_document
    from ..errors import ConfigError, InputError
    from ..findings import severity_rank
    from ..readers import read_text
    from ..report import InputProblem, Report
    from ..reporters import render

    from ..batch import Settings, options_for, run_config
    from ..batch import run as run_batch

    settings = Settings(
        profile=args.profile, select=_prefixes(args.select), ignore=_prefixes(args.ignore), config=args.config,
        report_unused_ignores=args.report_unused_ignores, jobs=args.jobs, rule_dirs=args.rule_dirs,
        languagetool=args.languagetool, allow_remote_languagetool=args.allow_remote_languagetool,
        timeout=args.timeout, memory_limit=args.memory_limit, whole_process=True,
    )
    if args.jobs is not None and args.jobs < 1:
        raise ConfigError(f"--jobs must be 1 or more, not {args.jobs}")
    if args.timeout is not None and not args.timeout >= 0:
        raise ConfigError(f"--timeout must be 0 (no limit) or more seconds, not {args.timeout:g}")
    if args.memory_limit is not None and args.memory_limit < 0:
        raise ConfigError(f"--memory-limit must be 0 (no limit) or more MB, not {args.memory_limit}")
    from ..config import clear_cache

    clear_cache()
    cfg = run_config(settings)
    if args.format == "json" and not (args.baseline or cfg.get("baseline")):
        settings.prerender = "json"  # encoded by the workers: nothing changes the reports later
    options = options_for("-", settings, cfg)
    from ..collector import resting

    with resting(keep=True):  # the rules load here: thousands of objects that stay (litcheck.collector)
        _check_rule_names(settings, cfg, options)
    _check_languagetool(settings, cfg)
    files = [p for p in args.paths if p != "-"]
    fail_on = args.fail_on or cfg.get("fail_on") or "error"
    if args.compare_to:
        return _compare(args, settings, cfg, files)
    report = run_batch(files, settings) if files else Report()
    if "-" in args.paths:
        try:
            text = _read_stdin()
            if not text.strip():
                raise InputError("-", "standard input is empty: there is no text to check")
            report.documents.append(check_document(read_text(text, args.stdin_format, "-"), **options))
        except InputError as exc:
            report.errors.append(InputProblem("-", str(exc)))
    for problem in report.errors:
        print(f"litcheck: {problem.message}", file=sys.stderr)
    if args.min_severity:
        _drop_below(report, args.min_severity)
    baseline = None
    if args.write_baseline:
        from ..baseline import Baseline

        recorded = Baseline.from_report(report)
        recorded.write(args.write_baseline)
        print(f"litcheck: recorded {len(recorded.entries)} findings in {args.write_baseline}", file=sys.stderr)
    elif args.baseline or cfg.get("baseline"):
        from ..baseline import Baseline

        baseline = Baseline.load(args.baseline or cfg.resolve_path(cfg.get("baseline"))).apply(report)
        report.baseline = baseline
    out = _Output(args)
    out.write(render(report, args.format, **_render_options(args, out, fail_on)))
    if baseline is not None and args.format != "json" and not args.quiet:
        out.note("\n".join(baseline.text_lines()) + "\n")
    if args.statistics:
        from ..reporters.statistics import render as statistics

        out.note(statistics(report))
    out.close()
    _write_json(args, report)
    if report.errors:
        return EXIT_ERROR
    if args.write_baseline:
        return EXIT_OK
    if fail_on != "never" and report.worst() >= severity_rank(fail_on):
        return EXIT_FINDINGS
    return EXIT_OK


def _read_stdin() -> str:
    """Standard input as a text file is read: bytes decoded as UTF-8 (or Windows-1252), so
    input in another encoding is read or refused in one line, never a decoding crash."""
    from ..readers.decode import decode_text

    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # a text stream with no bytes beneath (tests, embedding)
        return sys.stdin.read()
    data = buffer.read()
    return decode_text(data, "-") if data.strip() else ""


class _Output:
    """Where the report goes: standard output, or ``--output-file`` (written when closed, so a
    run that stops on an error leaves no half-written file). Notes (baseline, statistics,
    comparison) follow a text report and go to standard error after any other format."""

    def __init__(self, args):
        self.args = args
        self.parts: list[str] = []

    @property
    def to_file(self) -> bool:
        return bool(self.args.output_file)

    def write(self, text: str) -> None:
        if self.to_file:
            self.parts.append(text)
        else:
            sys.stdout.write(text)

    def note(self, text: str) -> None:
        if self.args.format in ("text", "concise"):
            self.write(text)
        else:
            sys.stderr.write(text)

    def close(self) -> None:
        if not self.to_file:
            return
        from pathlib import Path

        from ..errors import ConfigError

        target = Path(self.args.output_file)
        try:
            if target.parent != Path(""):
                target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("".join(self.parts), encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"--output-file {target}: cannot be written: {exc.strerror or exc}") from None


def _write_json(args, report) -> None:
    if not args.json_file:
        return
    from ..errors import ConfigError
    from ..reporters import render

    try:
        with open(args.json_file, "w", encoding="utf-8") as out:
            out.write(render(report, "json"))
    except OSError as exc:
        raise ConfigError(f"--json-file {args.json_file}: cannot be written: {exc.strerror or exc}") from None


def _render_options(args, out: _Output, fail_on: str) -> dict:
    import os

    from ..reporters._style import wants_colour

    colour = not out.to_file and args.format in ("text", "concise") and wants_colour(sys.stdout)
    return {"quiet": args.quiet, "colour": colour, "fail_on": fail_on, "rule_docs_url": os.environ.get(RULE_DOCS_ENV) or None}


def _drop_below(report, level: str) -> None:
    """--min-severity: findings below ``level`` leave the report (and so the exit code)."""
    from ..findings import severity_rank

    floor = severity_rank(level)
    for doc in report.documents:
        doc.findings = [f for f in doc.findings if severity_rank(f.severity) >= floor]


def _compare(args, settings, cfg, files) -> int:
    """--compare-to REF: the changed letters against their versions at REF (litcheck.gating)."""
    from .. import gating
    from ..errors import ConfigError
    from ..findings import severity_rank
    from ..report import Report
    from ..reporters import render

    if "-" in args.paths:
        raise ConfigError("--compare-to compares files in a git repository: it cannot read standard input ('-')")
    if args.write_baseline:
        raise ConfigError("--compare-to and --write-baseline do not go together")
    fail_on = args.fail_on or cfg.get("fail_on") or "warning"
    margin = cfg.get("reading_age_margin", gating.DEFAULT_MARGIN)
    gate = gating.run(args.compare_to, files, settings, fail_on=fail_on, margin=margin)
    for problem in gate.errors:
        print(f"litcheck: {problem.message}", file=sys.stderr)
    if args.min_severity:
        floor = severity_rank(args.min_severity)
        for letter in gate.letters:
            letter.new = [f for f in letter.new if severity_rank(f.severity) >= floor]
    report = Report(documents=[g.after for g in gate.letters], errors=list(gate.errors))
    if args.min_severity:
        _drop_below(report, args.min_severity)
    out = _Output(args)
    if args.format == "text" and not args.quiet:
        out.write("\n".join(gate.text_lines()) + "\n")
    elif args.format == "text":  # --quiet: the new findings only, one line each
        from ..reporters.concise import line

        out.write("".join(line(g.after, f) + "\n" for g in gate.letters for f in g.new))
    else:
        out.write(render(report, args.format, **_render_options(args, out, fail_on)))
        if not args.quiet:
            out.note("\n".join(gate.text_lines()) + "\n")
    if args.statistics:
        from ..reporters.statistics import render as statistics

        out.note(statistics(report))
    out.close()
    _write_json(args, report)
    gating.write_step_summary(gate)
    if gate.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if gate.worse else EXIT_OK
