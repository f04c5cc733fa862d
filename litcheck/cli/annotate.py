"""``litcheck annotate FILE.docx``: the same Word document with every finding as a comment."""

from __future__ import annotations

import sys

from . import EXIT_OK


def add_parser(sub) -> None:
    p = sub.add_parser(
        "annotate",
        help="write a copy of a Word file with every finding as a comment",
        description="Write FILE.litcheck-review.docx beside FILE.docx: the same document, formatting intact, "
        "with every finding as a Word comment by 'litcheck' on the words it is about. The input is never changed.",
    )
    p.add_argument("file", metavar="FILE", help="a Word (.docx) file")
    p.add_argument("-o", "--output", help="where to write the reviewed copy (default: beside FILE)")
    p.add_argument("--force", action="store_true", help="replace an earlier reviewed copy")
    p.add_argument("--profile", help="the kind of document, e.g. appointment_letter (default: worked out from the text)")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..fix import annotate_file

    report, target = annotate_file(args.file, output=args.output, force=args.force, profile=args.profile)
    n = len(report.findings)
    print(f"Wrote {target} ({args.file} is unchanged): {n} comment{'s' if n != 1 else ''} by litcheck.", file=sys.stderr)
    return EXIT_OK
