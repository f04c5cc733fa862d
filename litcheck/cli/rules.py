"""``litcheck rules``: list the rules, their severity and EAST category."""

from __future__ import annotations

from . import EXIT_OK


def add_parser(sub) -> None:
    p = sub.add_parser("rules", help="list the rules", description="List every rule litcheck runs.")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..rulebook import load_rules

    rules = load_rules()
    width = max((len(r.id) for r in rules), default=10)
    for r in rules:
        print(f"{r.id:<{width}}  {r.severity:<10}  {(r.east or '-'):<10}  {r.description}")
    return EXIT_OK
