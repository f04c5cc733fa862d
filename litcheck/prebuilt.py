"""Work Python does at every start, done once at build time instead (issue 20: start-up).

Two kinds of work, each a fifth or so of ``litcheck check``'s start-up beyond ``import spacy``:

- **Regular expressions.** Python compiles a pattern in three steps: reading it (``re._parser``,
  Python code), writing its program for the matching engine (``re._compiler``, Python code), and
  handing that program to the engine (``_sre.compile``, C). For litcheck's own patterns, and the
  spaCy tokenizer patterns litcheck builds (some 550), the first two steps took 0.15-0.25 s of CPU.
- **Dataclasses.** ``@dataclass`` writes each class's ``__init__``, ``__repr__``, ``__eq__``...
  as source text and compiles it (some 230 compilations for litcheck's 44 dataclasses a check
  imports: 0.04 s).

scripts/build_prebuilt.py records what litcheck compiles while it starts and checks the samples,
and ships the results in ``litcheck/prebuilt/``: each pattern's program, and each generated
method's compiled code. ``install()`` makes ``re`` build a pattern found there straight from its
program, and ``dataclasses`` run a method's shipped code instead of compiling its text again;
anything else is compiled as before.

A table serves one interpreter exactly (implementation, version, the regex engine's MAGIC and
sizes, byte order): programs and code objects are the interpreter's own and may change with any
release, so on any other Python no table is found and everything compiles as usual. What the
table gives is what compiling gives (the same program, flags and groups; the same code object:
tests/test_prebuilt.py), so no finding can change; a pattern or a class edited since the table
was built is simply not in it.

``install()`` is for a process that is litcheck's alone (the command line, its workers): it
changes how this process's ``re`` and ``dataclasses`` compile, for every caller, which a library
imported into someone else's program should not do unasked.
"""

from __future__ import annotations

import builtins
import marshal
import os
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
TABLES = Path(__file__).resolve().parent / "prebuilt"

#: the array type code of one word of the regex engine's programs
_WORD = next(code for code in "IL" if array(code).itemsize == _sre.CODESIZE)

_patterns: dict | None = None  #: (pattern, flags) -> its entry, once installed
_code: dict = {}  #: a generated method's source -> its marshalled code, once installed
_compile_as_before = _compiler.compile


def interpreter_tag() -> str:
    """What a table depends on: 'cpython-3.11.7.final-20220615-4-1073741823-little'."""
    v = sys.version_info
    return (
        f"{sys.implementation.name}-{v.major}.{v.minor}.{v.micro}.{v.releaselevel}{v.serial if v.releaselevel != 'final' else ''}"
        f"-{_sre.MAGIC}-{_sre.CODESIZE}-{_sre.MAXGROUPS}-{sys.byteorder}"
    )


def table_path(tag: str | None = None) -> Path:
    return TABLES / f"{tag or interpreter_tag()}.marshal"


def load(path: Path | None = None) -> dict:
    """This interpreter's table, {"patterns": {(pattern, flags): entry}, "code": {source:
    marshalled code}}; empty ones when none was built for it."""
    try:
        data = (path or table_path()).read_bytes()
    except OSError:
        return {"patterns": {}, "code": {}}
    return marshal.loads(data)


# --- regular expressions ------------------------------------------------------------------------


def pattern_entry(pattern: str, flags: int) -> tuple:
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
    """The compiled pattern, from its table entry (``pattern_entry``)."""
    flags, program, groups, groupindex, indexgroup = found
    return _sre.compile(pattern, flags, array(_WORD, program).tolist(), groups, groupindex, indexgroup)


def _compile(pattern, flags=0):
    found = _patterns.get((pattern, flags)) if type(pattern) is str else None
    if found is not None:
        try:
            return from_entry(pattern, found)
        except (RuntimeError, TypeError, ValueError):  # a damaged table: compiled as before
            pass
    return _compile_as_before(pattern, flags)


# --- dataclasses' generated methods -------------------------------------------------------------


def code_entry(source: str) -> bytes:
    """The compiled code of a method's source text, as ``exec`` compiles it, marshalled."""
    return marshal.dumps(compile(source, "<string>", "exec", dont_inherit=True))


def _exec(source, globals=None, locals=None):
    """``exec`` for the dataclasses module: a source in the table runs its shipped code."""
    if globals is None:  # as exec called from dataclasses would take its globals
        import dataclasses

        globals = vars(dataclasses)
    found = _code.get(source) if type(source) is str else None
    if found is not None:
        try:
            source = marshal.loads(found)
        except (EOFError, TypeError, ValueError):  # a damaged table: compiled as before
            pass
    return builtins.exec(source, globals, locals)


# --- the process --------------------------------------------------------------------------------


def install() -> bool:
    """Make ``re`` build the patterns in this interpreter's table from their programs, and
    ``dataclasses`` run the methods' shipped code (once per process). False when there is no
    table for this interpreter, or when the environment sets ``LITCHECK_PREBUILT=0`` (to rule the
    table out while looking into a problem): both are left as they were."""
    global _patterns, _code
    if _patterns is not None:
        return bool(_patterns or _code)
    if os.environ.get("LITCHECK_PREBUILT", "1") == "0":  # compile everything as Python does
        _patterns, _code = {}, {}
        return False
    table = load()
    _patterns, _code = table["patterns"], table["code"]
    if _patterns and _compiler.compile is _compile_as_before:
        _compiler.compile = _compile
    if _code:
        import dataclasses

        if "exec" not in vars(dataclasses):  # nobody else's in its place
            dataclasses.exec = _exec
    return bool(_patterns or _code)


def installed() -> bool:
    import dataclasses

    return _compiler.compile is _compile and vars(dataclasses).get("exec") is _exec
