"""The one way through: file -> Document -> findings -> report.

The CLI and the web page call only these functions.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Sequence

from . import readers
from .analysers import Context
from .document import Document
from .errors import InputError
from .report import DocumentReport, InputProblem, Report
from .rulebook import Ruleset, check_selection, load_rules, matches, unknown_rule
from . import suppressions
from .details.profiles import apply_profile
from .report_sections import build_sections


def _selected(rule, select: Sequence[str] | None, ignore: Sequence[str] | None) -> bool:
    """Selected and not ignored; a rule that is off by default (``enabled: false``) runs only
    when a --select prefix names it."""
    if select and not any(matches(rule.id, p) for p in select):
        return False
    if not rule.enabled and not select:
        return False
    return not (ignore and any(matches(rule.id, p) for p in ignore))


def check_document(
    document: Document,
    *,
    profile: str | None = None,
    rules: Ruleset | None = None,
    limits: Mapping[str, float] | None = None,
    report_unused_ignores: bool = False,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    accepted_words: Sequence[str] | None = None,
    extra_terms: Sequence[str | os.PathLike] | None = None,
    profile_dirs: Sequence[str | os.PathLike] | None = None,
    rule_dirs: Sequence[str | os.PathLike] | None = None,
) -> DocumentReport:
    """Run every selected rule over a Document.

    ``accepted_words``: an organisation's own words never flagged as jargon, abbreviations or
    rare words (local place names, drug names). ``extra_terms``: paths of its own term lists
    (TSV: term, alternatives, ...), checked by the ``jargon.medical`` rule. ``profile_dirs``:
    folders of the service's own document profiles (YAML, as ``rules/_profiles/``), known
    beside litcheck's for ``profile`` and for detection. ``rule_dirs``: folders of the
    organisation's own rule files, loaded beside litcheck's (a rule with the same id
    replaces litcheck's).
    """
    rules = rules if rules is not None else load_rules(extra=rule_dirs or (), profile_dirs=profile_dirs or ())
    check_selection(select, rules, "select")
    check_selection(ignore, rules, "ignore")
    ctx = Context(document, profile, {"accepted_words": tuple(accepted_words or ()), "extra_terms": tuple(extra_terms or ()), "profile_dirs": tuple(str(d) for d in profile_dirs or ())})
    profile = apply_profile(ctx, profile)  # the profile given, or the one the text fits best
    ctx.options["limits"] = dict(limits or {})  # rule id -> limit for this call (config targets)
    ctx.ruleset = rules
    ctx.rules_run = [r for r in rules if r.applies_to(profile) and _selected(r, select, ignore)]
    findings = []
    for rule in ctx.rules_run:
        findings.extend(rule.check(ctx))
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    findings = suppressions.apply(document, findings, report_unused=report_unused_ignores, unknown=lambda p: unknown_rule(p, rules))
    sections = build_sections(ctx, findings)
    return DocumentReport(
        path=document.path or "<text>",
        format=document.format,
        profile=profile,
        readability=ctx.readability,
        findings=findings,
        document=document,
        notices=list(document.notices),
        sections=sections,
    )


def check_text(text: str, *, format: str = "txt", path: str | None = None, **options) -> DocumentReport:
    """Check text held in memory (``format``: txt or md)."""
    return check_document(readers.read_text(text, format, path), **options)


def check_file(path: str | os.PathLike, **options) -> DocumentReport:
    """Check one file. Raises InputError (one line) if it cannot be read."""
    return check_document(readers.read_file(path), **options)


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Files named, and the readable files inside folders named (hidden folders skipped)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and readers.format_for(name):
                        yield Path(root) / name
        else:
            yield path


def check_paths(paths: Iterable[str | os.PathLike], **options) -> Report:
    """Check files and folders; a file that cannot be read is reported, the rest go on."""
    report = Report()
    for path in iter_files(paths):
        try:
            report.documents.append(check_file(path, **options))
        except InputError as exc:
            report.errors.append(InputProblem(str(path), str(exc)))
    return report
