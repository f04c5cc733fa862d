"""Word lists: tab-separated data files under wordlists/, read once per process.

A list's first line names its columns. ``#`` lines are comments. Alternatives are
separated by `` | ``, best first. See wordlists/SOURCES.md for where each entry came from.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .data import data_dir
from .errors import RuleError
from .textpatterns import PatternOnUse


@dataclass(frozen=True)
class Entry:
    term: str
    alternatives: tuple[str, ...]
    source: str = ""
    #: compiled skip_when pattern (for litcheck's own lists, compiled on first use): where it
    #: matches the sentence, the term is fine there
    skip_when: re.Pattern | PatternOnUse | None = None
    note: str = ""

    @property
    def noswap(self) -> str | None:
        """Why ``litcheck fix`` must not swap this term by itself (the note starts
        ``noswap:``: the right plain words depend on the sentence), or None."""
        if self.note.startswith("noswap:"):
            return self.note[len("noswap:") :].strip() or "the plain words depend on the sentence"
        return None


def resolve(name: str, base: Path | None = None) -> Path:
    """A word list named in a rule or config: absolute, relative to ``base``, or litcheck's own."""
    path = Path(name)
    if path.is_absolute():
        return path
    if base is not None and (base / path).exists():
        return base / path
    return data_dir("wordlists") / path


@lru_cache(maxsize=64)
def load(path: Path) -> tuple[Entry, ...]:
    """Read a term list (term, alternatives[, source, skip_when, note])."""
    rows = _rows(path)
    own = path.parent == data_dir("wordlists")  # litcheck's own lists, whose patterns the tests compile
    entries = []
    for lineno, row in rows:
        term = row.get("term") or row.get("abbreviation") or ""
        alts = row.get("alternatives") or row.get("expansion") or ""
        if not term:
            raise RuleError(f"{path}:{lineno}: the term is empty")
        skip = None
        if row.get("skip_when") and own:  # compiled when first used (tests/test_wordlists.py compiles each)
            skip = PatternOnUse(row["skip_when"], re.IGNORECASE)
        elif row.get("skip_when"):
            try:
                skip = re.compile(row["skip_when"], re.IGNORECASE)
            except re.error as exc:
                raise RuleError(f"{path}:{lineno}: skip_when is not a valid pattern: {exc}") from None
        entries.append(
            Entry(
                term=term.strip(),
                alternatives=tuple(a.strip() for a in alts.split("|") if a.strip()),
                source=(row.get("source") or "").strip(),
                skip_when=skip,
                note=(row.get("note") or "").strip(),
            )
        )
    return tuple(entries)


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleError(f"{path}: word list not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read word list: {exc}") from None
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return []
    # one reader for every line: without quoting each line is read on its own, as before
    rows = csv.reader([line for _, line in lines], delimiter="\t", quoting=csv.QUOTE_NONE)
    header = [h.strip() for h in next(rows)]
    out = []
    for (n, _line), cells in zip(lines[1:], rows):
        if len(cells) > len(header):
            raise RuleError(f"{path}:{n}: {len(cells)} columns, but the header names {len(header)}")
        out.append((n, dict(zip(header, cells))))
    return out
