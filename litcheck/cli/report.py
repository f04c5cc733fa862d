"""``litcheck report PATH... -o report.html``: one report on a whole portfolio of letters.

HTML (one self-contained file: charts as inline SVG, no scripts, nothing fetched), CSV (one
row per document) or JSON (the rows; give it to a later run's ``--since``). A file that
cannot be read is listed in the report with its one-line reason and the rest go on; the
exit code is 0 once the report is written (2 for a usage error, or a --since file that is
not a litcheck JSON report).
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import EXIT_OK

FORMATS = ("html", "csv", "json")
#: how to install the chart library when it is missing (it is a dependency; a trimmed install may lack it)
INSTALL_HINT = "the HTML report needs pygal for its charts: pip install 'pygal>=3.0' (or pip install litcheck again)"


def add_parser(sub) -> None:
    p = sub.add_parser(
        "report",
        help="one report on many documents (HTML, CSV or JSON)",
        description="Check every document under PATH and write one report: the reading-age distribution against the target, "
        "practical details per document, the rules that fire most, the hardest documents first; with --since, what improved.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to check")
    p.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE (default: standard output)")
    p.add_argument("--format", choices=FORMATS, default=None, help="html, csv or json (default: from the -o suffix, else html)")
    p.add_argument("--since", metavar="OLD.json", help="an earlier run's JSON (litcheck report --format json, or litcheck check --format json): show what improved and what got worse")
    p.add_argument("--title", default="Patient letters and leaflets: health literacy report", help="the HTML report's title")
    p.add_argument("--profile", help="the kind of every document (default: worked out from each text)")
    p.add_argument("--config", metavar="FILE", help="use this config file for every file (default: the nearest one above each file)")
    p.add_argument("-j", "--jobs", type=int, metavar="N", help="check files in N processes (default: the number of cores)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar (by default shown on a terminal for 50 files or more)")
    p.set_defaults(run=run)


def _format(args) -> str:
    if args.format:
        return args.format
    suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
    return {"htm": "html", "html": "html", "csv": "csv", "json": "json"}.get(suffix, "html")


def run(args) -> int:
    from .. import jsonout
    from ..batch import Settings
    from ..errors import LitcheckError
    from ..portfolio import run as run_portfolio

    fmt = _format(args)
    if fmt == "html":
        try:
            import pygal  # noqa: F401
        except ImportError:
            raise LitcheckError(INSTALL_HINT) from None
    settings = Settings(profile=args.profile, config=args.config, jobs=args.jobs, progress=False if args.no_progress else None, whole_process=True)
    portfolio = run_portfolio(args.paths, settings, since=args.since)
    if fmt == "html":
        from ..reporters.portfolio_html import render

        text = render(portfolio, title=args.title)
    elif fmt == "csv":
        from ..reporters.portfolio_csv import render

        text = render(portfolio)
    else:
        text = jsonout.dumps(portfolio.to_dict(), indent=2) + "\n"
    for prob in portfolio.problems:
        print(f"litcheck: {prob.message}", file=sys.stderr)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8", newline="" if fmt == "csv" else None)
        n, bad = len(portfolio.rows), len(portfolio.problems)
        note = f", {bad} could not be read (listed in the report)" if bad else ""
        print(f"litcheck: wrote {args.output}: {n} document{'s' if n != 1 else ''}{note}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK
