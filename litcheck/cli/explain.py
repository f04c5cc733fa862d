"""``litcheck explain RULE``: why a rule matters to a patient and what to write instead.

Also the report's measures that are not rules (``MEASURES``): ``litcheck explain
complex_language`` and ``litcheck explain lexical_density`` give each one's definition.
"""

from __future__ import annotations

import textwrap

from . import EXIT_ERROR, EXIT_OK


def add_parser(sub) -> None:
    p = sub.add_parser("explain", help="explain a rule", description="Say why a rule matters and what to write instead.")
    p.add_argument("rule", metavar="RULE", help="a rule id, e.g. jargon.medical (see 'litcheck rules'), or a measure: complex_language, lexical_density")
    p.add_argument("--format", choices=("text", "markdown"), default="text", help="markdown: the rule's documentation page, as in docs/rules/ (default: text)")
    p.set_defaults(run=run)


#: measures in every report that are not rules: name -> (title, definition, why, instead, sources)
MEASURES = {
    "complex_language": (
        "complex_language_share: the share of words that are complex language (SHeLL-comparable)",
        """The words of the prose (as the reading age scores them; numbers, times and phone numbers
        are not words here) that are medical jargon (a term of litcheck's medical word list, or
        its plural), acronyms (2 to 6 capital letters, such as GP, ECG, NHS; not a word written in
        capitals for emphasis) or uncommon English words (wordfreq Zipf frequency under 3.0, about
        one in a million words, the best of the UK and US spellings; names, everyday words and
        medicine names are not counted), each word once, divided by all the words. In the JSON:
        readability.complex_language_share (0 to 1) and readability.language_counts.""",
        """The SHeLL Health Literacy Editor reports complex language in the same way, so a trust can
        set its leaflets beside published SHeLL results. Every complex word is one a reader with
        limited health literacy may stop at: fewer of them is easier reading, whatever the
        reading age says.""",
        """Use everyday words, spell out or drop acronyms, and explain the medical words you need in
        place ("your colon (large bowel)"). The jargon and abbreviation findings show which words to
        change first. litcheck's word lists and thresholds are its own: compare trends and
        documents checked by litcheck with each other, and treat a comparison with SHeLL's own
        figures as approximate.""",
        ["Ayre J, et al. Multiple automated health literacy assessments of written health information: development of the SHeLL (Sydney Health Literacy Lab) Health Literacy Editor v1. JMIR Formative Research 2023;7:e40645",
         "wordfreq (Robyn Speer): English word frequencies (data CC BY-SA 4.0)"],
    ),
    "lexical_density": (
        "lexical_density: the share of words that are content words (SHeLL-comparable)",
        """Content words divided by all the words of the prose. A content word is one that is not on
        spaCy's English stop list (spacy.lang.en.stop_words: 326 function words such as "the",
        "you", "will", "because", and a few very common verbs such as "get" and "take"); a
        contraction ending "n't" is a function word, "patient's" counts as "patient", and a
        hyphenated word is a content word when one of its parts is. litcheck has no trained
        part-of-speech model (it never downloads one), so it uses this stop list rather than
        nouns, verbs, adjectives and adverbs. In the JSON: readability.lexical_density (0 to 1).""",
        """Dense text packs many information-carrying words into each sentence, and each one is
        something the reader must hold in mind. The SHeLL Health Literacy Editor reports lexical
        density for this reason; lower is usually easier.""",
        """Use shorter sentences that carry one idea each, write to the reader ("you", "we"), and
        turn noun phrases into verbs ("we will assess your mobility" -> "we will see how well you
        can walk"). Compare documents checked by litcheck with each other; a comparison with SHeLL's
        own figures is approximate.""",
        ["Ayre J, et al. JMIR Formative Research 2023;7:e40645 (the SHeLL Health Literacy Editor)",
         "spaCy: English stop words (spacy.lang.en.stop_words, MIT licence)"],
    ),
}
#: other names a user may type for a measure
MEASURE_ALIASES = {"complex_language_share": "complex_language", "complex": "complex_language", "lexical": "lexical_density"}


def _measure(name: str) -> int:
    title, definition, why, instead, sources = MEASURES[name]
    out = [title, ""]
    out += _para("What it counts", definition)
    out += _para("Why it matters", why)
    out += _para("What to write instead", instead)
    out.append("Sources")
    out += [f"  - {s}" for s in sources]
    print("\n".join(out))
    return EXIT_OK


def _para(title: str, body: str) -> list[str]:
    return [title, *textwrap.wrap(" ".join(body.split()), width=88, initial_indent="  ", subsequent_indent="  "), ""]


def run(args) -> int:
    import sys

    from ..rulebook import load_rules

    name = MEASURE_ALIASES.get(args.rule, args.rule)
    if name in MEASURES:
        return _measure(name)
    rules = load_rules()
    rule = rules.get(args.rule)
    if rule is None:
        close = [r.id for r in rules if args.rule in r.id or r.id.startswith(args.rule)]
        hint = f" (did you mean {', '.join(close[:3])}?)" if close else " (see 'litcheck rules')"
        print(f"litcheck: no rule called '{args.rule}'{hint}", file=sys.stderr)
        return EXIT_ERROR
    if getattr(args, "format", "text") == "markdown":
        print(rule_markdown(rule), end="")
        return EXIT_OK
    e = rule.explanation
    out = [f"{rule.id}: {rule.description}", f"Severity: {rule.severity}. EAST: {rule.east or 'none'}.", ""]
    out += _para("Why it matters", e.why)
    out += _para("What to write instead", e.instead)
    out.append("Example to avoid")
    out += [_example_line(ex) for ex in rule.examples_bad] + [""]
    out.append("Better")
    out += [_example_line(ex) for ex in rule.examples_good] + [""]
    out.append("Sources")
    out += [f"  - {s}" for s in e.sources]
    print("\n".join(out))
    return EXIT_OK


def _flow(text: str) -> str:
    """A YAML block's text as Markdown paragraphs (its own line breaks joined)."""
    return "\n\n".join(" ".join(part.split()) for part in text.strip().split("\n\n"))


def _example_line(ex) -> str:
    """An example, with how its file looks when that is the point (a layout rule's example)."""
    note = getattr(ex, "note", "")
    return f"  {ex.text}" + (f"  [{note}]" if note else "")


def _fenced(examples) -> list[str]:
    out = []
    for ex in examples:
        fence = "~~~~" if "```" in ex.text else "```"
        label = f"checked as {ex.profile.replace('_', ' ')}" if ex.profile else ""
        note = getattr(ex, "note", "")  # how a layout example's file looks ("a Word file in 10 pt")
        if label or note:
            out.append(f"*{'; '.join(x for x in (label, note) if x)}:*")
            out.append("")
        out += [fence + "text", ex.text.rstrip("\n"), fence, ""]
    return out


def rule_markdown(rule, source: str | None = None) -> str:
    """The rule's documentation page (docs/rules/RULE.md), under ruff's headings: what it does,
    why it matters, example, use instead; made from its rule file only."""
    e = rule.explanation
    switch = "on by default" if rule.enabled else "off by default: select it with `--select " + rule.id + "` or the config's `select`"
    where = source or f"rules/{rule.id.replace('.', '/')}.yml"
    out = [
        f"# {rule.id}",
        "",
        f"**Severity:** {rule.severity} · **EAST:** {rule.east or 'none'} · {switch}",
        "",
        "## What it does",
        "",
        _flow(rule.description),
        "",
        "## Why it matters",
        "",
        _flow(e.why),
        "",
        "## Example",
        "",
        *_fenced(rule.examples_bad),
        "## Use instead",
        "",
        _flow(e.instead),
        "",
        *_fenced(rule.examples_good),
    ]
    if rule.profiles:
        out += ["## Documents it checks", "", ", ".join(p.replace("_", " ") for p in rule.profiles) + ".", ""]
    if e.sources:
        out += ["## Sources", "", *[f"- {_flow(s)}" for s in e.sources], ""]
    out += [
        "## Switching it off",
        "",
        f"In a letter: a comment `litcheck: ignore {rule.id}` before the paragraph. For a folder:",
        f"`ignore = [\"{rule.id}\"]` or `[per_file_ignores]` in `litcheck.toml`. See the README.",
        "",
        f"<!-- Generated from {where} by scripts/generate_rule_docs.py: edit the rule file, not this page. -->",
        "",
    ]
    return "\n".join(out)
