"""``litcheck fix FILE``: write a revised copy with the safe replacements, and say what is left."""

from __future__ import annotations

import textwrap

from . import EXIT_OK


def add_parser(sub) -> None:
    p = sub.add_parser(
        "fix",
        help="write a revised copy with plain words swapped in",
        description="Write a revised copy beside FILE (letter.docx -> letter.litcheck.docx) with the safe "
        "replacements applied, and list what needs a person. The input is never changed.",
    )
    p.add_argument("file", metavar="FILE", help="a .txt, .md or .docx file (a Word copy keeps its formatting)")
    p.add_argument("-o", "--output", help="where to write the revised copy (default: beside FILE)")
    p.add_argument("--force", action="store_true", help="replace an earlier revised copy")
    p.add_argument("--profile", help="the kind of document, e.g. appointment_letter")
    p.add_argument("--no-track", action="store_true", help="a Word copy with the changes made, not tracked (default: each change is a tracked change by 'litcheck' to accept or reject in Word)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json: every change (before, after, rule, reason, location) and what was left and why")
    p.set_defaults(run=run)


def _age(report) -> str:
    r = report.readability
    return "not measured" if r.reading_age is None else f"{r.reading_age:.0f}"


def run(args) -> int:
    from ..batch import Settings, options_for
    from ..fix import fix_file

    # the file's configuration, as `litcheck check` reads it: select, ignore and per-file ignores,
    # accepted words, the organisation's terms, rules and profiles, reading-age targets and the
    # house style for times; grammar and spelling (LanguageTool) are not fixed here
    options = options_for(args.file, Settings(profile=args.profile))
    for key in ("languagetool", "allow_remote_languagetool", "report_unused_ignores"):
        options.pop(key, None)
    revision, target = fix_file(args.file, output=args.output, force=args.force, track=not args.no_track, **options)
    if args.format == "json":
        from .. import jsonout

        print(jsonout.dumps({"input": str(args.file), "output": str(target), **revision.summary()}, indent=2))
        return EXIT_OK
    before, after = revision.original, revision.revised
    out = [
        f"Wrote {target} ({args.file} is unchanged).",
        f"Reading age: {_age(before)} -> {_age(after)}. Findings: {len(before.findings)} -> {len(after.findings)}.",
        "",
        f"Changed ({len(revision.changes)}):",
    ]
    for c in revision.changes:
        after_text = repr(c.replacement) if c.replacement else "(left out)"
        out.append(f"  {c.finding.line}:{c.finding.column:<5} {c.before!r} -> {after_text}  ({c.finding.rule})")
    out += ["", f"Not changed automatically ({len(revision.left)}):"]
    for item in revision.left:
        f = item.finding
        shown = " ".join(f.text.split())
        shown = f" {shown!r}" if shown and len(shown) <= 50 else ""
        out.append(f"  {f.line}:{f.column:<5} {f.rule}{shown}: {item.reason}.")
        if f.suggestions and f.suggestions[0] and not f.rule.startswith(("jargon.", "abbreviations.")):
            lead = "Add (fill in the [ ] parts):" if f.end == f.start == 0 and "[" in f.suggestions[0] else "Try:"
            out.extend(textwrap.wrap(f"{lead} {f.suggestions[0]}", width=88, initial_indent=" " * 10, subsequent_indent=" " * 15))
    print("\n".join(out))
    return EXIT_OK
