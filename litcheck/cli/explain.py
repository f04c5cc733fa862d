"""``litcheck explain RULE``: why a rule matters to a patient and what to write instead."""

from __future__ import annotations

import textwrap

from . import EXIT_ERROR, EXIT_OK


def add_parser(sub) -> None:
    p = sub.add_parser("explain", help="explain a rule", description="Say why a rule matters and what to write instead.")
    p.add_argument("rule", metavar="RULE", help="a rule id, e.g. jargon.medical (see 'litcheck rules')")
    p.set_defaults(run=run)


def _para(title: str, body: str) -> list[str]:
    return [title, *textwrap.wrap(" ".join(body.split()), width=88, initial_indent="  ", subsequent_indent="  "), ""]


def run(args) -> int:
    import sys

    from ..rulebook import load_rules

    rules = load_rules()
    rule = rules.get(args.rule)
    if rule is None:
        close = [r.id for r in rules if args.rule in r.id or r.id.startswith(args.rule)]
        hint = f" (did you mean {', '.join(close[:3])}?)" if close else " (see 'litcheck rules')"
        print(f"litcheck: no rule called '{args.rule}'{hint}", file=sys.stderr)
        return EXIT_ERROR
    e = rule.explanation
    out = [f"{rule.id}: {rule.description}", f"Severity: {rule.severity}. EAST: {rule.east or 'none'}.", ""]
    out += _para("Why it matters", e.why)
    out += _para("What to write instead", e.instead)
    out.append("Example to avoid")
    out += [f"  {ex.text}" for ex in rule.examples_bad] + [""]
    out.append("Better")
    out += [f"  {ex.text}" for ex in rule.examples_good] + [""]
    out.append("Sources")
    out += [f"  - {s}" for s in e.sources]
    print("\n".join(out))
    return EXIT_OK
