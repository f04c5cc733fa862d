"""``litcheck extract PATH``: the text litcheck read, block by block, with kinds and positions.

A user who doubts a score can see exactly what was scored: each block's kind (heading,
paragraph, list item, table cell, header, footer), where it came from (line, paragraph,
table cell or page) and its text; then the template placeholders found and any notice
from the reader (a scanned page, say).
"""

from __future__ import annotations

from .. import jsonout
from . import EXIT_OK


def add_parser(sub) -> None:
    p = sub.add_parser(
        "extract",
        help="show the text litcheck reads from a file",
        description="Print the text litcheck reads from a file, block by block, with each block's kind and position.",
    )
    p.add_argument("path", metavar="PATH", help="a .txt, .md, .docx, .pdf or .html file")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.set_defaults(run=run)


def format_location(location) -> str:
    """{"table": 1, "row": 2, "cell": 3} -> "table 1, row 2, cell 3"."""
    return ", ".join(f"{k} {v}" for k, v in location.items())


def to_dict(document) -> dict:
    return {
        "path": document.path,
        "format": document.format,
        "blocks": [
            {
                "kind": b.kind,
                "text": document.block_text(b),
                "start": b.start,
                "end": b.end,
                "location": dict(b.location),
                "level": b.level,
            }
            for b in document.blocks
        ],
        "placeholders": [
            {"name": p.name, "syntax": p.syntax, "text": document.text[p.start : p.end], "start": p.start, "end": p.end}
            for p in document.placeholders
        ],
        "notices": list(document.notices),
    }


def to_text(document) -> str:
    out = []
    for notice in document.notices:
        out.append(f"Notice: {notice}")
    if out:
        out.append("")
    for b in document.blocks:
        label = b.kind.replace("_", " ")
        if b.kind == "heading":
            label += f" {b.level}"
        elif b.kind == "list_item" and b.level:
            label += f" (depth {b.level})"
        where = format_location(b.location)
        out.append(f"[{label}{' · ' + where if where else ''}]")
        out.extend("  " + line for line in document.block_text(b).split("\n"))
        out.append("")
    if document.placeholders:
        names = ", ".join(document.text[p.start : p.end] for p in document.placeholders)
        out.append(f"Placeholders: {names}")
    return "\n".join(out).rstrip("\n")


def run(args) -> int:
    from ..errors import InputError
    from ..readers import read_file
    from ..reporters.text import visible

    try:
        document = read_file(args.path)
    except InputError as exc:  # one line, even for a file name with a newline in it
        exc.args = (visible(str(exc), ""),)
        raise
    if args.format == "json":
        print(jsonout.dumps(to_dict(document), indent=2))
    else:
        print(visible(to_text(document)))  # a document's escape sequences never reach the terminal
    return EXIT_OK
