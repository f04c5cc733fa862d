"""The one way through: file -> Document -> findings -> report.

The CLI and the web page call only these functions.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
import sys
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping, Sequence, TypedDict

from . import readers
from .analysers import Context
from .analysers.languagetool import check_url
from .analysers.privacy import mask_findings, mask_sections
from .document import Document
from .errors import InputError
from .report import DocumentReport, InputProblem, Report
from .rulebook import Ruleset, check_selection, load_rules, matches, unknown_rule
from . import suppressions
from .details.profiles import apply_profile
from .report_sections import build_sections

if TYPE_CHECKING:  # PEP 692: typed **options (typing.Unpack from Python 3.11)
    if sys.version_info >= (3, 11):
        from typing import Unpack
    else:
        from typing_extensions import Unpack


class CheckOptions(TypedDict, total=False):
    """The keyword options of check_document, check_text, check_file and check_paths."""

    profile: str | None
    rules: Ruleset | None
    limits: Mapping[str, float] | None
    report_unused_ignores: bool
    select: Sequence[str] | None
    ignore: Sequence[str] | None
    accepted_words: Sequence[str] | None
    extra_terms: Sequence[str | os.PathLike] | None
    profile_dirs: Sequence[str | os.PathLike] | None
    rule_dirs: Sequence[str | os.PathLike] | None
    languagetool: str | None
    allow_remote_languagetool: bool
    time_format: str | None


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
    languagetool: str | None = None,
    allow_remote_languagetool: bool = False,
    every_use: bool = False,
    time_format: str | None = None,
    summary: bool = True,
) -> DocumentReport:
    """Run every selected rule over a Document.

    ``every_use``: a finding for every use of a term, not one per term (``litcheck fix``
    changes every use).

    ``accepted_words``: an organisation's own words never flagged as jargon, abbreviations or
    rare words (local place names, drug names). ``extra_terms``: paths of its own term lists
    (TSV: term, alternatives, ...), checked by the ``jargon.medical`` rule. ``profile_dirs``:
    folders of the service's own document profiles (YAML, as ``rules/_profiles/``), known
    beside litcheck's for ``profile`` and for detection. ``rule_dirs``: folders of the
    organisation's own rule files, loaded beside litcheck's (a rule with the same id
    replaces litcheck's). ``languagetool``: the URL of a LanguageTool server for the grammar
    and spelling rules (``grammar.*``, ``spelling.*``); nothing is sent anywhere without it,
    and a server not on this machine is a ConfigError unless ``allow_remote_languagetool``.
    ``summary=False``: the findings only, for a caller that reads nothing else (litcheck
    fix's every-use pass): readability is not measured (None) and there are no report sections.
    ``time_format``: how ``dates.time_format`` writes times, "5:30pm" (the NHS manual's, the
    default) or "5.30pm" (a house style with a full stop).
    """
    rules = rules if rules is not None else load_rules(extra=rule_dirs or (), profile_dirs=profile_dirs or ())
    check_selection(select, rules, "select")
    check_selection(ignore, rules, "ignore")
    if languagetool:
        check_url(languagetool, allow_remote_languagetool)
    ctx = Context(document, profile, {"accepted_words": tuple(accepted_words or ()), "extra_terms": tuple(extra_terms or ()), "profile_dirs": tuple(str(d) for d in profile_dirs or ()), "languagetool": languagetool})
    profile = apply_profile(ctx, profile)  # the profile given, or the one the text fits best
    ctx.options["every_use"] = every_use
    ctx.options["limits"] = dict(limits or {})  # rule id -> limit for this call (config targets)
    ctx.options["time_format"] = time_format  # "5:30pm" (NHS, the default) or "5.30pm": dates.time_format
    ctx.ruleset = rules
    ctx.rules_run = [r for r in rules if r.applies_to(profile) and _selected(r, select, ignore)]
    findings = []
    for rule in ctx.rules_run:
        findings.extend(rule.check(ctx))
    findings = _without_deferred(findings, ctx.rules_run)
    findings = mask_findings(findings, document)  # personal data never leaves in a finding
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    findings = suppressions.apply(document, findings, report_unused=report_unused_ignores, unknown=lambda p: unknown_rule(p, rules))
    sections = mask_sections(build_sections(ctx, findings), findings, document) if summary else {}  # and in quoted evidence
    if summary:
        _note_staff_sections(ctx)
    return DocumentReport(
        path=document.path or "<text>",
        format=document.format,
        profile=profile,
        readability=ctx.readability if summary else None,
        findings=findings,
        document=document,
        notices=list(document.notices) + ctx.notices,
        sections=sections,
    )


def _without_deferred(findings: list, rules_run) -> list:
    """Leave out a finding whose rule defers to others (``defer_to``: LanguageTool's wordiness
    gives way to jargon.*, its passive to voice.passive) where one of theirs covers its words."""
    deferring = {r.id: r.defer_to for r in rules_run if getattr(r, "defer_to", ())}
    if not deferring:
        return findings
    others = [f for f in findings if f.rule not in deferring]

    def covered(f) -> bool:
        return any(o.start < f.end and f.start < o.end and any(matches(o.rule, p) for p in deferring[f.rule]) for o in others)

    return [f for f in findings if f.rule not in deferring or not covered(f)]


def check_text(text: str, *, format: str = "txt", path: str | None = None, **options: Unpack[CheckOptions]) -> DocumentReport:
    """Check text held in memory (``format``: txt or md)."""
    return check_document(readers.read_text(text, format, path), **options)


def check_file(path: str | os.PathLike, **options: Unpack[CheckOptions]) -> DocumentReport:
    """Check one file. Raises InputError (one line) if it cannot be read."""
    return check_document(readers.read_file(path), **options)


#: litcheck's own outputs: revised copies (letter.litcheck.txt) and reviewed Word files
#: (letter.litcheck-review.docx); a folder walk never checks them again
OWN_OUTPUT = re.compile(r"\.litcheck(?:-review)?\.[^/\\]+\Z")


def iter_files(paths: Iterable[str | os.PathLike], *, respect_gitignore: bool = True) -> Iterator[Path]:
    """Files named, and the readable files inside folders named.

    A folder walk skips hidden files and folders, what git ignores (``.gitignore`` files,
    see litcheck.gitignore) and litcheck's own outputs (``OWN_OUTPUT``). A file named on
    its own is always checked.
    """
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            yield path
            continue
        from .gitignore import Ignored  # pathspec (50 ms) only for a folder walk

        top = os.fspath(path)
        ignored_in = {top: Ignored.above(path) if respect_gitignore else Ignored()}
        for root, dirs, files in os.walk(top):
            ignored = ignored_in.pop(root, Ignored())
            kept = []
            for d in sorted(dirs):
                sub = os.path.join(root, d)
                if d.startswith(".") or ignored(sub, is_dir=True):
                    continue
                kept.append(d)
                ignored_in[sub] = ignored.child(sub) if respect_gitignore else ignored
            dirs[:] = kept
            for name in sorted(files):
                if name.startswith(".") or OWN_OUTPUT.search(name) or not readers.format_for(name):
                    continue
                file = os.path.join(root, name)
                if not ignored(file):
                    yield Path(file)


def check_paths(paths: Iterable[str | os.PathLike], **options: Unpack[CheckOptions]) -> Report:
    """Check files and folders with these options only, reading no config file; a file that
    cannot be read is reported, the rest go on. ``litcheck.check_paths`` (the public one,
    litcheck.batch.check_paths) also honours each file's config, as the command line does."""
    report = Report()
    for path in iter_files(paths):
        try:
            report.documents.append(check_file(path, **options))
        except InputError as exc:
            report.errors.append(InputProblem(str(path), str(exc)))
    return report


def _note_staff_sections(ctx: Context) -> None:
    """Say so when a template's notes for staff ("GUIDANCE NOTE:") were left out of the checks."""
    staff = [s for s in ctx.sentences if s.kind == "staff"]
    if staff:
        heading = ctx.document.text[staff[0].start : staff[0].end].strip()
        ctx.notices.append(
            f"{len(staff)} lines under '{heading[:60]}' are notes for the staff who send this template, not for the patient: they were not checked"
        )

