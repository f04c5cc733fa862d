"""Output for ``litcheck compare``: a Comparison (litcheck.compare) as text, JSON or HTML.

``render(comparison, fmt)``; the HTML is one self-contained file (``_html``), the same
section the upload page shows (web/templates/_comparison.html).
"""

from __future__ import annotations

import textwrap

from .. import jsonout
from ..version import __version__

FORMATS = ("text", "json", "html")

#: what each key-fact status means, in the reader's words
FACT_STATUS = {"lost": "gone", "changed": "changed", "added": "new"}


def render(comparison, fmt: str = "text") -> str:
    if fmt == "json":
        return jsonout.dumps({"litcheck_version": __version__, "comparison": comparison.to_dict()}, indent=2) + "\n"
    if fmt == "html":
        from . import _html

        return _html.render("compare_report.html", c=comparison, fact_status=FACT_STATUS, version=__version__)
    return _text(comparison)


def _share(value) -> str:
    return "-" if value is None else f"{value:.0%}"


def _age(value) -> str:
    return "not measured" if value is None else f"{value:.0f}"


def _wrap(text: str, indent: str = "    ") -> list[str]:
    return textwrap.wrap(text, width=88, initial_indent=indent, subsequent_indent=indent + "  ")


def _text(c) -> str:
    b, a = c.before, c.after
    out = [f"Before: {b.path}  ({b.format}, {b.profile.replace('_', ' ')})", f"After:  {a.path}  ({a.format}, {a.profile.replace('_', ' ')})", ""]
    out.append(c.headline())
    out.append(f"  {'':26}{'before':>14}{'after':>14}")
    rows = [
        ("reading age", _age(b.reading_age), _age(a.reading_age)),
        ("band (SMOG level)", b.band or "-", a.band or "-"),
        ("UK adults who can read it", _share(b.share_who_can_read), _share(a.share_who_can_read)),
        ("complex language", _share(b.complex_language_share), _share(a.complex_language_share)),
        ("lexical density", _share(b.lexical_density), _share(a.lexical_density)),
        ("sentences / words", f"{b.sentences} / {b.words}", f"{a.sentences} / {a.words}"),
        ("findings", str(b.findings), str(a.findings)),
    ]
    out += [f"  {name:26}{x:>14}{y:>14}" for name, x, y in rows]
    n = c.counts()
    out += ["", f"Findings: {n['resolved']} resolved, {n['new']} new, {n['still']} still there."]
    for r in c.rules:
        parts = [f"{len(r.resolved)} resolved" if r.resolved else "", f"{len(r.new)} new" if r.new else "", f"{len(r.still)} still there" if r.still else ""]
        out.append(f"  {r.rule:32} {', '.join(p for p in parts if p)}")
        for label, items in (("new", r.new), ("resolved", r.resolved)):
            for text in items[:3]:
                out += _wrap(f"{label}: \"{text}\"", "      ")
    out.append("")
    if c.details:
        out.append("Practical details:")
        for d in c.details:
            line = f"  {d.status:7} {d.label} ({d.need.replace('_', ' ')})"
            out.append(line + (f": \"{d.evidence}\"" if d.evidence else ""))
    else:
        out.append("Practical details: none gained or lost.")
    out.append("")
    if c.harder:
        out.append("Sentences that got harder:")
        for h in c.harder:
            if h.before is None:
                out += _wrap(f"line {h.line}, new, reading age {h.grade_after + 5:.0f} ({h.words_after} words): \"{h.after}\"", "  ")
            else:
                out += _wrap(
                    f"line {h.line}, reading age {h.grade_before + 5:.0f} -> {h.grade_after + 5:.0f} "
                    f"({h.words_before} -> {h.words_after} words): \"{h.after}\" (was \"{h.before}\")",
                    "  ",
                )
    else:
        out.append("Sentences that got harder: none.")
    out.append("")
    if c.facts:
        out.append("Key facts changed (check each one):")
        for f in c.facts:
            if f.status == "changed":
                out.append(f"  changed {f.kind}: \"{f.before}\" -> \"{f.after}\"")
            elif f.status == "lost":
                out.append(f"  gone    {f.kind}: \"{f.before}\"")
            else:
                out.append(f"  new     {f.kind}: \"{f.after}\"")
    else:
        out.append("Key facts: all the same (dates, times, phone numbers, places, doses, names).")
    return "\n".join(out) + "\n"
