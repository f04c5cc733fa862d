"""``litcheck check PATH...``: check files, folders, or ``-`` for standard input."""

from __future__ import annotations

import sys

from . import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK

FAIL_ON = ("error", "warning", "suggestion", "never")


def add_parser(sub) -> None:
    p = sub.add_parser("check", help="check documents and report problems", description="Check documents (files, folders, or '-' for standard input) and report problems.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to check; '-' reads standard input")
    p.add_argument("--format", choices=("text", "json", "sarif", "github", "gitlab", "junit"), default="text", help="output format: text, json, sarif (GitHub code scanning), github (workflow annotations), gitlab (Code Quality), junit (default: text)")
    p.add_argument("--fail-on", choices=FAIL_ON, default="error", help="exit 1 when a finding is at or above this severity (default: error)")
    p.add_argument("--profile", help="the kind of document, e.g. appointment_letter (default: worked out from the text)")
    p.add_argument("--select", action="append", metavar="PREFIX", help="only rules whose id starts with PREFIX (repeatable, comma-separated)")
    p.add_argument("--ignore", action="append", metavar="PREFIX", help="skip rules whose id starts with PREFIX (repeatable, comma-separated)")
    p.add_argument("--stdin-format", choices=("txt", "md"), default="txt", help="format of text read from '-' (default: txt)")
    p.add_argument("-q", "--quiet", action="store_true", help="print only documents with findings, and errors")
    p.add_argument("--statistics", action="store_true", help="count findings per rule (after text output; on standard error for other formats)")
    p.set_defaults(run=run)


def _prefixes(values):
    if not values:
        return None
    return [p.strip() for v in values for p in v.split(",") if p.strip()]


def run(args) -> int:
    from ..check import check_document, check_paths
    from ..errors import InputError
    from ..findings import severity_rank
    from ..readers import read_text
    from ..report import InputProblem, Report
    from ..reporters import render

    options = {"profile": args.profile, "select": _prefixes(args.select), "ignore": _prefixes(args.ignore)}
    files = [p for p in args.paths if p != "-"]
    report = check_paths(files, **options) if files else Report()
    if "-" in args.paths:
        try:
            text = sys.stdin.read()
            if not text.strip():
                raise InputError("-", "standard input is empty: there is no text to check")
            report.documents.append(check_document(read_text(text, args.stdin_format, "-"), **options))
        except InputError as exc:
            report.errors.append(InputProblem("-", str(exc)))
    for problem in report.errors:
        print(f"litcheck: {problem.message}", file=sys.stderr)
    sys.stdout.write(render(report, args.format, quiet=args.quiet))
    if args.statistics:
        from ..reporters.statistics import render as statistics

        print(statistics(report), end="", file=sys.stdout if args.format == "text" else sys.stderr)
    if report.errors:
        return EXIT_ERROR
    if args.fail_on != "never" and report.worst() >= severity_rank(args.fail_on):
        return EXIT_FINDINGS
    return EXIT_OK
