"""``litcheck compare OLD NEW``: before and after, for two versions of one letter or leaflet.

Any two files litcheck reads, of any formats (a .docx and the .txt it became). Exit 0 when
both were compared; 2 with one line naming the file when one cannot be read.
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import EXIT_OK

FORMATS = ("text", "json", "html")


def add_parser(sub) -> None:
    p = sub.add_parser(
        "compare",
        help="compare two versions of a document (before and after)",
        description="Compare two versions of a letter or leaflet: reading age and who can read it, findings resolved and new, "
        "practical details gained or lost, sentences that got harder, and key facts that changed.",
    )
    p.add_argument("old", metavar="OLD", help="the earlier version (any format litcheck reads)")
    p.add_argument("new", metavar="NEW", help="the new version")
    p.add_argument("--format", choices=FORMATS, default="text", help="text, json or html (one self-contained file) (default: text)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--profile", help="the kind of document for both, e.g. appointment_letter (default: worked out from each text)")
    p.add_argument("--config", metavar="FILE", help="use this config file (default: the nearest one above each file)")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..batch import Settings, check_one, config_for, options_for
    from ..compare import compare
    from ..errors import InputError, LitcheckError
    from ..report import InputProblem
    from ..reporters.compare_report import render

    settings = Settings(profile=args.profile, config=args.config)
    reports = []
    for path in (args.old, args.new):
        if not Path(path).exists():
            raise InputError(path, "no such file: check the path")
        cfg = config_for(path, settings)
        result = check_one((path, options_for(path, settings, cfg), dict(cfg.get("severity", {}))))
        if isinstance(result, InputProblem):
            raise LitcheckError(result.message)  # already "PATH: the reason"
        reports.append(result)
    text = render(compare(*reports), args.format)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"litcheck: wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK
