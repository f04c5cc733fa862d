"""Regular expressions read at build time, so that a process does not read them again (issue 20).

Python compiles a pattern in three steps: reading it (``re._parser``, Python code), writing its
program for the matching engine (``re._compiler``, Python code), and handing that program to the
engine (``_sre.compile``, C). For litcheck's own patterns, and spaCy's tokenizer patterns that
litcheck builds, the first two steps take about a fifth of ``litcheck check``'s start-up beyond
``import spacy`` (0.15-0.25 s of CPU for some 550 patterns). scripts/build_regex_table.py does
them once and ships each program in ``litcheck/regex_tables/``; ``install()`` lets ``re`` make
a pattern found there straight from its program, and compiles any other as before.

A table is kept for one interpreter exactly (implementation, version, the engine's MAGIC and code
size, byte order): the programs are the interpreter's own and may change with any release, so on
any other Python no table is found and every pattern is compiled as usual. A pattern made from the
table is the very pattern ``re.compile`` makes (same program, flags and groups:
tests/test_regex_table.py), so no finding can change; a pattern edited since the table was built
is simply not in it.

``install()`` is for a process that is litcheck's alone (the command line, its workers): it
changes how this process's ``re`` compiles, for every caller, which a library imported into
someone else's program should not do unasked.
"""

from __future__ import annotations

import marshal
import sys
from array import array
from pathlib import Path

import _sre

try:  # Python 3.11 and later
    from re import _compiler, _parser
except ImportError:  # Python 3.10
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

#: where the tables are, one file per interpreter
TABLES = Path(__file__).resolve().parent / "regex_tables"

#: the array type code of one word of the engine's programs
_WORD = next(code for code in "IL" if array(code).itemsize == _sre.CODESIZE)

_installed: dict | None = None
_compile_as_before = _compiler.compile


def interpreter_tag() -> str:
    """What a table's programs depend on: 'cpython-3.11.7.final-20220615-4-4294967295-little'."""
    v = sys.version_info
    return (
        f"{sys.implementation.name}-{v.major}.{v.minor}.{v.micro}.{v.releaselevel}{v.serial if v.releaselevel != 'final' else ''}"
        f"-{_sre.MAGIC}-{_sre.CODESIZE}-{_sre.MAXGROUPS}-{sys.byteorder}"
    )


def table_path(tag: str | None = None) -> Path:
    return TABLES / f"{tag or interpreter_tag()}.marshal"


def entry(pattern: str, flags: int) -> tuple:
    """What ``re`` works out for ``pattern`` with ``flags`` before the engine takes it (the
    reading and writing steps of ``re._compiler.compile``): (flags, program as bytes, groups,
    group index, index group)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, array(_WORD, code).tobytes(), parsed.state.groups - 1, groupindex, tuple(indexgroup))


def from_entry(pattern: str, found: tuple):
    """The compiled pattern, from its table entry (``entry``)."""
    flags, program, groups, groupindex, indexgroup = found
    return _sre.compile(pattern, flags, array(_WORD, program).tolist(), groups, groupindex, indexgroup)


def load(path: Path | None = None) -> dict:
    """(pattern, flags) -> its entry, for this interpreter; empty when none was built for it."""
    try:
        data = (path or table_path()).read_bytes()
    except OSError:
        return {}
    return marshal.loads(data)


def _compile(pattern, flags=0):
    found = _installed.get((pattern, flags)) if type(pattern) is str else None
    if found is not None:
        try:
            return from_entry(pattern, found)
        except (RuntimeError, TypeError, ValueError):  # a damaged table: compiled as before
            pass
    return _compile_as_before(pattern, flags)


def install() -> bool:
    """Make ``re`` build the patterns in this interpreter's table from their programs (once per
    process). False when there is no table for this interpreter: ``re`` is left as it was."""
    global _installed
    if _installed is not None:
        return bool(_installed)
    _installed = load()
    if _installed and _compiler.compile is _compile_as_before:
        _compiler.compile = _compile
    return bool(_installed)


def installed() -> bool:
    return _compiler.compile is _compile
