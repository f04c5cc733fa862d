"""The command line: ``litcheck COMMAND ...``.

``main(argv) -> int`` returns the exit code; it never lets a traceback reach the user.
Each command is a module here with ``add_parser(subparsers)`` and ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from contextlib import nullcontext

from ..collector import resting
from ..errors import LitcheckError
from ..version import __version__

EXIT_OK = 0  #: nothing at or above the fail level
EXIT_FINDINGS = 1  #: something at or above the fail level
EXIT_ERROR = 2  #: a usage or input error

#: command modules, in the order `litcheck --help` lists them
COMMANDS = ["check", "rules", "explain", "extract", "serve", "fix", "annotate", "compare", "report"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2 (argparse prints usage too)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="litcheck",
        description="Check patient letters and leaflets for health literacy.",
    )
    parser.add_argument("--version", action="version", version=f"litcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name}").add_parser(sub)
    return parser


def main(argv: list[str] | None = None, *, own_process: bool = False) -> int:
    """``own_process``: the process is litcheck's command alone (``run``): Python's cycle
    collector rests while the parser imports every command's module (and the checks they
    use), which stay until the process ends, so they leave the collector's sight
    (``collector.resting``) before it is on again for the command itself."""
    with resting(keep=True) if own_process else nullcontext():
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # --help, --version and usage errors end here
            return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        return args.run(args)
    except LitcheckError as exc:
        print(f"litcheck: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("litcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # never a traceback for the user; LITCHECK_DEBUG=1 shows it
        if os.environ.get("LITCHECK_DEBUG"):
            raise
        print(f"litcheck: internal error ({type(exc).__name__}); please report it (LITCHECK_DEBUG=1 shows details)", file=sys.stderr)
        return EXIT_ERROR


def run() -> None:
    """Console-script entry point. litcheck's own regular expressions and dataclass methods
    are made from what was compiled for this interpreter at build time (litcheck.prebuilt),
    not compiled again; ``main`` reads the command line with the cycle collector at rest."""
    from ..prebuilt import install

    install()  # this process is litcheck's: what was compiled at build time is used
    leave(main(own_process=True))


def leave(code: int) -> None:
    """End litcheck's own process with ``code`` as ``sys.exit`` would (functions registered
    with ``atexit`` run, standard output and error are flushed), but without Python freeing
    every object one by one first: spaCy's vocabulary, the rules and the tables are hundreds
    of thousands of objects (0.06-0.1 s of CPU after checking one letter), and the system
    takes the memory back at once. With another thread still running, the ordinary exit
    (which waits for it)."""
    import atexit
    import threading

    if threading.active_count() > 1 or not hasattr(atexit, "_run_exitfuncs"):
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a reader that went away (| head): nothing more to say
            pass
    os._exit(code)
