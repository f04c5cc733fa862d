"""``litcheck report --format csv``: one row per document, for a spreadsheet (the csv module).

The columns are the Row's figures (``Row.to_dict``), the details it misses, one column per
practical detail (present, missing required, missing recommended, not needed) and ``error``:
a file that could not be read is a row with only its path and the one-line reason.
"""

from __future__ import annotations

import csv
import io

from ..details.detectors import DETAIL_IDS

COLUMNS = [
    "path", "format", "profile", "reading_age", "band", "share_who_can_read", "target", "over_target",
    "complex_language_share", "lexical_density", "sentences", "words", "findings", "errors", "warnings",
    "suggestions", "details_missing",
]


def header() -> list[str]:
    return [*COLUMNS, *[f"detail_{d}" for d in DETAIL_IDS], "error"]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def rows(portfolio):
    """The CSV's rows as lists of strings, header first."""
    yield header()
    for row in portfolio.rows:
        d = row.to_dict()
        missing = [k for k, v in d["details"].items() if v.startswith("missing")]
        cells = [_cell(d[c]) for c in COLUMNS[:-1]] + ["; ".join(missing)]
        cells += [d["details"].get(k, "not_needed").replace("_", " ") for k in DETAIL_IDS]
        yield cells + [""]
    width = len(header())
    for p in portfolio.problems:
        yield [p.path] + [""] * (width - 2) + [p.message]


def write(portfolio, stream) -> None:
    w = csv.writer(stream, lineterminator="\n")
    for cells in rows(portfolio):
        w.writerow(cells)


def render(portfolio, **_options) -> str:
    out = io.StringIO()
    write(portfolio, out)
    return out.getvalue()
