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
    p.add_argument("--languagetool", metavar="URL", help="a LanguageTool server on this machine, to test the grammar and spelling rules' examples too (without it they are not run)")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..rulebook import load_rules

    extra = [*args.dirs, *args.rule_dirs]
    rules = load_rules(extra=extra)
    if args.test:
        from ..analysers.languagetool import check_url
        from ..examples import needs, run_examples

        options = {}
        if args.languagetool:
            check_url(args.languagetool)
            options["languagetool"] = args.languagetool
        failed = 0
        not_run = [r.id for r in rules if needs(r) and not options.get(needs(r))]
        for rule in rules:
            if rule.id in not_run:
                continue
            failures = run_examples(rule, rules, options)
            failed += bool(failures)
            for failure in failures:
                print(f"FAIL {failure}")
        if not_run:
            print(f"not run ({len(not_run)}, they need a LanguageTool server: --languagetool URL): {', '.join(not_run)}", file=sys.stderr)
        tested = len(rules) - len(not_run)
        print(f"{tested - failed} of {tested} rules pass their examples", file=sys.stderr)
        return EXIT_FINDINGS if failed else EXIT_OK
    width = max((len(r.id) for r in rules), default=10)
    for r in rules:
        off = "" if r.enabled else "  (off unless selected)"
        print(f"{r.id:<{width}}  {r.severity:<10}  {(r.east or '-'):<10}  {r.description}{off}")
    return EXIT_OK
