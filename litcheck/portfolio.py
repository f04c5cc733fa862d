"""The whole portfolio: one small summary row per document, for a report over many files.

``run(paths, settings) -> Portfolio``. Files are checked as ``litcheck check`` checks them
(each with its own config, in ``--jobs`` worker processes, with a progress bar on a
terminal: ``litcheck.batch``), but each worker turns its report into a ``Row`` at once and
sends only that back: the parent never holds a document's text, blocks or findings, so its
memory grows with the rows (a few hundred bytes each, plus up to ``TOP_FINDINGS`` short
findings), not with the documents. A file that cannot be read becomes a ``Problem`` (its
one-line reason) and the rest go on.

``load_since(path)`` reads an earlier run's JSON (``litcheck report --format json`` or
``litcheck check --format json``) as rows, and ``changes(old, new)`` says, document by
document (matched by path), what improved and what got worse.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from . import batch
from .batch import Settings
from .check import iter_files
from .details.detectors import DETAIL_IDS
from .details.section import LABELS as DETAIL_LABELS
from .errors import InputError
from .findings import severity_rank
from .report import InputProblem

#: findings kept per document for its short report (the most serious first)
TOP_FINDINGS = 8
#: characters kept of a finding's words and suggestion
TEXT_CHARS = 90
#: reading-age target when no rule or config gives one (NHS: 9 to 11 for most content)
DEFAULT_TARGET = 11.0
READING_AGE_RULE = batch.READING_AGE_RULE

#: a detail's status in one document (one letter each in Row.details)
PRESENT, MISSING_REQUIRED, MISSING_RECOMMENDED, NOT_NEEDED = "Y", "R", "r", "-"
STATUS_WORDS = {PRESENT: "present", MISSING_REQUIRED: "missing (required)", MISSING_RECOMMENDED: "missing (recommended)", NOT_NEEDED: "not needed"}
_STATUS_KEYS = {PRESENT: "present", MISSING_REQUIRED: "missing_required", MISSING_RECOMMENDED: "missing_recommended", NOT_NEEDED: "not_needed"}


@dataclass(slots=True)
class Row:
    """One document's summary: what the portfolio report shows of it, and nothing more."""

    path: str
    format: str = ""
    profile: str = ""
    reading_age: float | None = None
    basis: str = ""
    band: str | None = None
    share_who_can_read: float | None = None
    target: float = DEFAULT_TARGET
    complex_language_share: float | None = None
    lexical_density: float | None = None
    sentences: int = 0
    words: int = 0
    errors: int = 0
    warnings: int = 0
    suggestions: int = 0
    #: rule id -> findings of that rule
    rules: dict[str, int] = field(default_factory=dict)
    #: one letter per DETAIL_IDS: PRESENT, MISSING_REQUIRED, MISSING_RECOMMENDED or NOT_NEEDED
    details: str = ""
    #: (line, severity, rule, words, first suggestion) of the most serious findings
    top: tuple = ()

    @property
    def findings(self) -> int:
        return self.errors + self.warnings + self.suggestions

    @property
    def over_target(self) -> bool:
        return self.reading_age is not None and round(self.reading_age) > self.target

    def detail(self, detail_id: str) -> str:
        i = DETAIL_IDS.index(detail_id)
        return self.details[i] if i < len(self.details) else NOT_NEEDED

    def missing(self) -> list[str]:
        """The details this document needs and does not give."""
        return [d for d, s in zip(DETAIL_IDS, self.details) if s in (MISSING_REQUIRED, MISSING_RECOMMENDED)]

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "format": self.format,
            "profile": self.profile,
            "reading_age": None if self.reading_age is None else round(self.reading_age, 1),
            "basis": self.basis,
            "band": self.band,
            "share_who_can_read": self.share_who_can_read,
            "target": self.target,
            "over_target": self.over_target,
            "complex_language_share": None if self.complex_language_share is None else round(self.complex_language_share, 3),
            "lexical_density": None if self.lexical_density is None else round(self.lexical_density, 3),
            "sentences": self.sentences,
            "words": self.words,
            "findings": self.findings,
            "errors": self.errors,
            "warnings": self.warnings,
            "suggestions": self.suggestions,
            "details": {d: _STATUS_KEYS[s] for d, s in zip(DETAIL_IDS, self.details)},
            "rules": dict(sorted(self.rules.items())),
            "top_findings": [dict(zip(("line", "severity", "rule", "text", "suggestion"), t)) for t in self.top],
        }


@dataclass(slots=True)
class Problem:
    """A file that could not be read, and why (one line)."""

    path: str
    message: str

    def to_dict(self) -> dict:
        return {"path": self.path, "message": self.message}


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TEXT_CHARS else text[: TEXT_CHARS - 3].rstrip() + "..."


def summarise(doc, target: float | None = None) -> Row:
    """The Row of a checked document (a DocumentReport)."""
    r = doc.readability  # always measured with the SHeLL measures (readability.measure)
    counts = Counter(f.severity for f in doc.findings)
    section = doc.sections.get("details")
    checklist = section.to_dict() if hasattr(section, "to_dict") else (section or {})
    letters = []
    for d in DETAIL_IDS:
        item = checklist.get(d) or {}
        need = item.get("need", "not_applicable")
        if item.get("present"):
            letters.append(PRESENT)
        elif need == "required":
            letters.append(MISSING_REQUIRED)
        elif need == "recommended":
            letters.append(MISSING_RECOMMENDED)
        else:
            letters.append(NOT_NEEDED)
    worst = sorted(doc.findings, key=lambda f: (-severity_rank(f.severity), f.start))[:TOP_FINDINGS]
    return Row(
        path=doc.path,
        format=doc.format,
        profile=doc.profile,
        reading_age=r.reading_age,
        basis=r.basis,
        band=r.band,
        share_who_can_read=r.share_who_can_read,
        target=float(target if target is not None else default_target(doc.profile)),
        complex_language_share=r.complex_language_share,
        lexical_density=r.lexical_density,
        sentences=r.sentences,
        words=r.words,
        errors=counts["error"],
        warnings=counts["warning"],
        suggestions=counts["suggestion"],
        rules=dict(Counter(f.rule for f in doc.findings)),
        details="".join(letters),
        top=tuple(
            (f.line, f.severity, f.rule, _short(f.text or f.message), _short(f.suggestions[0]) if f.suggestions else "")
            for f in worst
        ),
    )


def default_target(profile: str | None) -> float:
    """The reading-age target of litcheck's rule for this kind of document."""
    from .rulebook import load_rules

    rule = load_rules().get(READING_AGE_RULE)
    try:
        return float(rule.limit_for(profile)) if rule is not None else DEFAULT_TARGET
    except (AttributeError, KeyError):
        return DEFAULT_TARGET


def summarise_path(path: str, settings: Settings | None = None):
    """Check one file of the walk and return its Row, a Problem, or None if its config excludes it."""
    settings = settings or batch._settings or Settings()
    try:
        return _summary(path, batch.check_path(path, settings), settings)
    except InputError as exc:  # a config error that names this file
        return Problem(path, str(exc))


def _summary(path: str, result, settings: Settings):
    """A checked file's Row (a Problem if it could not be read, None if excluded)."""
    if result is None:
        return None
    if isinstance(result, InputProblem):
        return Problem(result.path, result.message)
    options = batch.options_for(path, settings, batch.config_for(path, settings))
    return summarise(result, options.get("limits", {}).get(READING_AGE_RULE))


def _summaries(files: list[str], settings: Settings, workers: int):
    """Each file's summary, in order, checked as ``litcheck check`` checks it: in worker
    processes with the same time and memory limits (a file that hangs or needs too much memory
    is that file's problem, and the report goes on)."""
    for path, result in zip(files, batch.results(files, settings, workers)):
        yield _summary(path, result, settings)


@dataclass
class Portfolio:
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: with --since: each document's change (see ``changes``); None otherwise
    since: list | None = None
    since_path: str | None = None

    # --- what the report shows ---------------------------------------------------------
    def measured(self) -> list[Row]:
        return [r for r in self.rows if r.reading_age is not None]

    def distribution(self, low: int = 9, high: int = 19) -> list[tuple[str, int, int]]:
        """(reading-age label, documents at or under their target, documents over it), by whole year."""
        bins: dict[int, list[int]] = {age: [0, 0] for age in range(low, high + 1)}
        for r in self.measured():
            age = min(max(round(r.reading_age), low), high)
            bins[age][1 if r.over_target else 0] += 1
        out = []
        for age, (ok, over) in bins.items():
            label = f"{age} or under" if age == low else f"{age} or over" if age == high else str(age)
            out.append((label, ok, over))
        return out

    def coverage(self) -> list[tuple[str, str, int, int]]:
        """(detail id, label, documents that need it, of those, documents that give it)."""
        out = []
        for i, d in enumerate(DETAIL_IDS):
            need = have = 0
            for r in self.rows:
                s = r.details[i] if i < len(r.details) else NOT_NEEDED
                if s in (MISSING_REQUIRED, MISSING_RECOMMENDED):
                    need += 1
                elif s == PRESENT:
                    need += 1
                    have += 1
            out.append((d, DETAIL_LABELS.get(d, d), need, have))
        return out

    def top_rules(self, n: int = 10) -> list[tuple[str, int, int]]:
        """(rule, findings, documents with one or more), the most widespread first."""
        findings: Counter = Counter()
        docs: Counter = Counter()
        for r in self.rows:
            for rule, k in r.rules.items():
                findings[rule] += k
                docs[rule] += 1
        ranked = sorted(docs, key=lambda rule: (-docs[rule], -findings[rule], rule))
        return [(rule, findings[rule], docs[rule]) for rule in ranked[:n]]

    def hardest(self) -> list[tuple[int, Row]]:
        """(index in rows, row), the highest reading age first (not measured last)."""
        return sorted(enumerate(self.rows), key=lambda ir: (ir[1].reading_age is None, -(ir[1].reading_age or 0), -ir[1].findings, ir[1].path))

    def summary(self) -> dict:
        measured = sorted(r.reading_age for r in self.measured())
        median = None
        if measured:
            mid = len(measured) // 2
            median = measured[mid] if len(measured) % 2 else (measured[mid - 1] + measured[mid]) / 2
        at_target = sum(1 for r in self.measured() if not r.over_target)
        complex_shares = [r.complex_language_share for r in self.rows if r.complex_language_share is not None]
        return {
            "documents": len(self.rows),
            "could_not_be_read": len(self.problems),
            "measured": len(measured),
            "median_reading_age": None if median is None else round(median, 1),
            "at_or_under_target": at_target,
            "over_target": len(measured) - at_target,
            "mean_complex_language_share": round(sum(complex_shares) / len(complex_shares), 3) if complex_shares else None,
            "findings": sum(r.findings for r in self.rows),
        }

    def to_dict(self) -> dict:
        from .version import __version__

        d = {
            "portfolio": 1,
            "litcheck_version": __version__,
            "summary": self.summary(),
            "documents": [r.to_dict() for r in self.rows],
            "errors": [p.to_dict() for p in self.problems],
        }
        if self.since is not None:
            d["since"] = {"path": self.since_path, "changes": [c.to_dict() for c in self.since]}
        return d


def run(paths, settings: Settings | None = None, since: str | None = None) -> Portfolio:
    """Check every file under ``paths`` and keep one Row each (see the module docstring)."""
    settings = settings or Settings()
    files = [str(p) for p in iter_files(paths)]
    workers = batch.workers_for(len(files), settings.jobs)
    old = load_since(since) if since else None  # read first: a bad file stops the run before the work
    summaries = batch.with_progress(_summaries(files, settings, workers), len(files), settings, "litcheck report")
    rows, problems = batch.sort_out(summaries, Problem)
    portfolio = Portfolio(rows=rows, problems=problems)
    if old is not None:
        portfolio.since = changes(old, portfolio.rows)
        portfolio.since_path = since
    return portfolio


# --- since an earlier run ----------------------------------------------------------------


@dataclass(slots=True)
class OldRow:
    path: str
    reading_age: float | None
    findings: int
    present: frozenset


def load_since(path: str) -> dict[str, OldRow]:
    """An earlier run's JSON (``litcheck report --format json`` or ``litcheck check --format
    json``) as path -> OldRow. InputError (one line) when it is not such a file."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise InputError(path, "no such file: check the path given to --since") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(path, f"not a litcheck JSON report ({type(exc).__name__}): give --since the JSON of an earlier run") from None
    docs = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(docs, list):
        raise InputError(path, "not a litcheck JSON report (no 'documents'): give --since the output of 'litcheck report --format json' or 'litcheck check --format json'")
    out = {}
    for d in docs:
        if not isinstance(d, dict) or "path" not in d:
            continue
        if isinstance(d.get("readability"), dict):  # litcheck check --format json
            age = d["readability"].get("reading_age")
        else:
            age = d.get("reading_age")
        findings = d.get("findings")
        n = len(findings) if isinstance(findings, list) else int(findings or 0)
        details = d.get("details") or {}
        present = frozenset(k for k, v in details.items() if (v.get("present") if isinstance(v, dict) else v == "present"))
        out[str(d["path"])] = OldRow(str(d["path"]), age, n, present)
    return out


@dataclass(slots=True)
class Change:
    path: str
    status: str  #: improved, worse, same, new (no earlier row)
    reading_age_before: float | None
    reading_age_after: float | None
    findings_before: int | None
    findings_after: int
    gained: tuple = ()  #: details given now and not before
    lost: tuple = ()

    def to_dict(self) -> dict:
        r = lambda v: None if v is None else round(v, 1)  # noqa: E731
        return {
            "path": self.path,
            "status": self.status,
            "reading_age_before": r(self.reading_age_before),
            "reading_age_after": r(self.reading_age_after),
            "findings_before": self.findings_before,
            "findings_after": self.findings_after,
            "details_gained": list(self.gained),
            "details_lost": list(self.lost),
        }


def changes(old: dict[str, OldRow], rows: list[Row]) -> list[Change]:
    """Each document's change since the earlier run: improved when its reading age went down
    by a whole year or more (or, with the same whole-year reading age, it has fewer findings
    or gives more practical details than it loses), worse the other way round."""
    out = []
    for row in rows:
        before = old.get(row.path)
        if before is None:
            out.append(Change(row.path, "new", None, row.reading_age, None, row.findings))
            continue
        now = frozenset(d for d, s in zip(DETAIL_IDS, row.details) if s == PRESENT)
        gained, lost = tuple(sorted(now - before.present)), tuple(sorted(before.present - now))
        score = 0
        if before.reading_age is not None and row.reading_age is not None:
            score = round(before.reading_age) - round(row.reading_age)
        if score == 0:
            score = (before.findings - row.findings) + 3 * (len(gained) - len(lost))
        status = "improved" if score > 0 else "worse" if score < 0 else "same"
        out.append(Change(row.path, status, before.reading_age, row.reading_age, before.findings, row.findings, gained, lost))
    return out
