"""Errors a user can act on.

Every error litcheck raises on purpose is a :class:`LitcheckError`. Its ``str()`` is one
line that says what is wrong and what to do, so the CLI and the web page can show it as
it is (exit code 2 on the command line, never a traceback).
"""

from __future__ import annotations


class LitcheckError(Exception):
    """Something the user can fix: bad input, a bad rule file, a bad configuration."""


class InputError(LitcheckError):
    """A document could not be read. ``path`` names it (or ``"-"`` for standard input)."""

    def __init__(self, path: str | None, problem: str) -> None:
        self.path = path or "<text>"
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class RuleError(LitcheckError):
    """A rule file or word list is malformed. The message names the file (and line)."""


class ConfigError(LitcheckError):
    """A configuration file or option is wrong. The message names the file and key."""
