"""Configuration files: ``[tool.litcheck]`` in pyproject.toml, or litcheck.toml / .litcheck.toml.

The file is found by walking up from each checked file (the nearest wins; in one folder
.litcheck.toml, then litcheck.toml, then a pyproject.toml that has a [tool.litcheck] table),
or named with ``--config FILE``. Globs (``exclude``, ``[profiles]``, ``[per_file_ignores]``)
are relative to the folder holding the file; ``**`` matches any number of folders and a
pattern without a ``/`` matches the file name anywhere. Command-line flags beat the file.

Unknown or misspelt keys are a ConfigError naming the file and key: a typo must never
switch a check off silently.
"""

from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from .errors import ConfigError
from .findings import SEVERITIES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FILE_NAMES = (".litcheck.toml", "litcheck.toml", "pyproject.toml")
FAIL_ON = ("error", "warning", "suggestion", "never")

#: key -> (description of the expected type, check)
_STR_LIST = ("a list of strings", lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v))
_STR_TABLE = ("a table of strings", lambda v: isinstance(v, dict) and all(isinstance(x, str) for x in v.values()))
KEYS: dict[str, tuple[str, Any]] = {
    "fail_on": ("one of " + ", ".join(FAIL_ON), lambda v: v in FAIL_ON),
    "select": _STR_LIST,
    "ignore": _STR_LIST,
    "exclude": _STR_LIST,
    "profiles": _STR_TABLE,
    "severity": ("a table of rule prefix = severity", lambda v: isinstance(v, dict) and all(x in SEVERITIES for x in v.values())),
    "reading_age": ("a table of profile = number", lambda v: isinstance(v, dict) and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in v.values())),
    "per_file_ignores": ("a table of glob = list of rule prefixes", lambda v: isinstance(v, dict) and all(_STR_LIST[1](x) for x in v.values())),
    "baseline": ("a file path", lambda v: isinstance(v, str)),
    "accepted_words": _STR_LIST,
    "extra_terms": _STR_LIST,
    "profiles_dir": ("a folder path", lambda v: isinstance(v, str)),
    "rules": ("a list of folder paths (the organisation's own rule files)", _STR_LIST[1]),
    # --compare-to: how many years a letter's reading age may rise before it counts as worse
    "reading_age_margin": ("a number of years, 0 or more", lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0),
    # a LanguageTool server for the grammar and spelling rules (a remote one also needs
    # --allow-remote-languagetool on the command line: a config file cannot allow it)
    # how times are written (dates.time_format): the NHS manual's "5:30pm" or a house style's "5.30pm"
    "time_format": ('"5:30pm" or "5.30pm"', lambda v: v in ("5:30pm", "5.30pm")),
    "languagetool": ("a LanguageTool server's address, such as \"http://127.0.0.1:8081\"", lambda v: isinstance(v, str) and v.startswith(("http://", "https://"))),
}


@dataclass
class Config:
    path: Path | None = None  #: the file it came from (None: defaults)
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def get(self, key: str, default=None):
        return self.values.get(key, default)

    def relative(self, file: str | Path) -> str | None:
        """The file's path relative to the config folder (posix), or None if outside it."""
        try:
            return Path(file).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return None

    def is_excluded(self, file: str | Path) -> bool:
        rel = self.relative(file)
        return rel is not None and any(glob_match(g, rel) for g in self.get("exclude", ()))

    def profile_for(self, file: str | Path) -> str | None:
        rel = self.relative(file)
        if rel is None:
            return None
        return next((p for g, p in self.get("profiles", {}).items() if glob_match(g, rel)), None)

    def ignores_for(self, file: str | Path) -> list[str]:
        rel = self.relative(file)
        if rel is None:
            return []
        return [r for g, rules in self.get("per_file_ignores", {}).items() if glob_match(g, rel) for r in rules]

    def resolve_path(self, value: str) -> str:
        return str((self.root / value)) if not Path(value).is_absolute() else value


@lru_cache(maxsize=512)
def _glob_regex(pattern: str) -> re.Pattern:
    pattern = pattern.strip().lstrip("./") if pattern.startswith("./") else pattern.strip()
    if "/" not in pattern.rstrip("/"):
        pattern = "**/" + pattern
    if pattern.endswith("/"):
        pattern += "**"
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"(?:/.*)?\Z")


def glob_match(pattern: str, rel_path: str) -> bool:
    """gitignore-like matching of a posix path relative to the config folder."""
    return bool(_glob_regex(pattern).match(PurePosixPath(rel_path).as_posix()))


def load(path: str | Path) -> Config:
    """Read and validate one config file."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    where = ""
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("litcheck", {})
        where = "tool.litcheck."
    return Config(path, validate(data, path, where))


def validate(data: dict, path: Path, where: str = "") -> dict:
    for key, value in data.items():
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(KEYS)})"
            raise ConfigError(f"{path}: unknown key '{where}{key}'{hint}")
        expected, ok = KEYS[key]
        if not ok(value):
            raise ConfigError(f"{path}: '{where}{key}' must be {expected}")
    return dict(data)


def _has_table(pyproject: Path) -> bool:
    try:
        return "litcheck" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


@lru_cache(maxsize=1024)
def _find_in(folder: Path) -> Path | None:
    for name in FILE_NAMES:
        candidate = folder / name
        if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
            return candidate
    return None if folder.parent == folder else _find_in(folder.parent)


@lru_cache(maxsize=64)
def _load_cached(path: Path) -> Config:
    return load(path)


def find(start: str | Path) -> Config:
    """The nearest config above a file or folder (defaults when there is none)."""
    p = Path(start).resolve()
    folder = p if p.is_dir() else p.parent
    found = _find_in(folder)
    return _load_cached(found) if found else Config()


def clear_cache() -> None:
    """Forget found and loaded files (each command-line run starts afresh)."""
    _find_in.cache_clear()
    _load_cached.cache_clear()
