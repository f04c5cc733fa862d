"""JSON text for people's terminals and other programs: UTF-8 kept readable, but the
characters that can act on a terminal or break a line in JavaScript escaped.

``json.dumps(..., ensure_ascii=False)`` escapes only the C0 controls (below U+0020). A
letter's text can hold C1 controls (U+0080 to U+009F: U+009B starts a terminal escape
sequence on some terminals) and the line and paragraph separators U+2028 and U+2029 (a line
break inside a JavaScript string). They can appear only inside JSON strings, so writing them
as ``\\u0085``-style escapes gives the same JSON value.
"""

from __future__ import annotations

import json
import re
from typing import Any

_UNSAFE = re.compile("[\u007f-\u009f\u2028\u2029]")


def _escape(m: re.Match) -> str:
    return f"\\u{ord(m.group()):04x}"


def dumps(data: Any, **options: Any) -> str:
    """``json.dumps`` with ``ensure_ascii=False`` and the unsafe characters escaped."""
    options.setdefault("ensure_ascii", False)
    return _UNSAFE.sub(_escape, json.dumps(data, **options))
