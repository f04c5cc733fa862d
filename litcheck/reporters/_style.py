"""Colour for a person at a terminal (text and concise formats), plain ANSI escape codes.

Whether to colour is decided once, by the command line (``wants_colour``), as the
no-color.org and force-color.org conventions say: ``NO_COLOR`` set and not empty turns
colour off; otherwise ``FORCE_COLOR`` set and not empty turns it on (CI logs that show
colour); otherwise colour only on a terminal whose TERM is not ``dumb``. A report written
to a file (``--output-file``) is never coloured.
"""

from __future__ import annotations

import os
from typing import Mapping, TextIO

RESET = "\x1b[0m"
#: what each part of a finding is drawn in
STYLES = {
    "path": "\x1b[1m",  # bold
    "position": "\x1b[2m",  # dim
    "error": "\x1b[1;31m",  # bold red
    "warning": "\x1b[33m",  # yellow
    "suggestion": "\x1b[36m",  # cyan
    "rule": "\x1b[35m",  # magenta
}


def wants_colour(stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    if env.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def paint(text: str, style: str, colour: bool) -> str:
    """``text`` in the named style when colouring, else as it is."""
    code = STYLES.get(style)
    return f"{code}{text}{RESET}" if colour and code else text
