"""``litcheck rules``: list the rules, their severity and EAST category; ``--test`` runs
every rule's examples (litcheck's own, and those in each ``--rules DIR``)."""

from __future__ import annotations

import sys

from . import EXIT_FINDINGS, EXIT_OK


def add_parser(sub) -> None:
    p = sub.add_parser("rules", help="list the rules, or test their examples", description="List every rule litcheck runs. With --test, check every rule's bad and good examples.")
    p.add_argument("dirs", nargs="*", metavar="DIR", help="folders of your own rule files, loaded beside litcheck's")
    p.add_argument("--rules", action="append", metavar="DIR", dest="rule_dirs", default=[], help="the same as DIR (repeatable)")
    p.add_argument("--test", action="store_true", help="run every rule's examples; exit 1 if one fails")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..rulebook import load_rules

    extra = [*args.dirs, *args.rule_dirs]
    rules = load_rules(extra=extra)
    if args.test:
        from ..examples import run_examples

        failed = 0
        for rule in rules:
            failures = run_examples(rule, rules)
            failed += bool(failures)
            for failure in failures:
                print(f"FAIL {failure}")
        print(f"{len(rules) - failed} of {len(rules)} rules pass their examples", file=sys.stderr)
        return EXIT_FINDINGS if failed else EXIT_OK
    width = max((len(r.id) for r in rules), default=10)
    for r in rules:
        off = "" if r.enabled else "  (off unless selected)"
        print(f"{r.id:<{width}}  {r.severity:<10}  {(r.east or '-'):<10}  {r.description}{off}")
    return EXIT_OK
