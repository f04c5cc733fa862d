"""Regression gating (``litcheck check --compare-to REF``): fail only when a letter gets worse.

A fixed threshold punishes whoever edits a letter next for problems that were already there.
Here each letter a change touches is checked twice, as it is now and as it was at REF, with
the same options (its config file, the command line), and the run fails only when a letter
got worse:

- its reading age rose by more than a margin (config key ``reading_age_margin``, default
  ``DEFAULT_MARGIN`` years);
- it has a finding at or above the fail level (``--fail-on``, else the config's ``fail_on``,
  else ``warning``) that the old version did not have; findings are matched by rule and
  matched words (and their occurrence), as the baseline matches them, so moving a sentence
  is not a new finding;
- a practical detail (date, place, parking...) that the old version gave is gone.

Which letters: ``git diff --name-status -M BASE`` (the working tree against BASE, renames
followed) plus untracked files, limited to the paths given; BASE is the merge base of REF
and HEAD when there is one (the same three-dot comparison as a pull request's "Files
changed"), else REF itself. A letter added since BASE has no old version: all its findings
at or above the fail level are new. Deleted letters are not checked.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .baseline import fingerprints
from .batch import Settings, check_one, config_for, options_for, sort_out
from .check import OWN_OUTPUT
from .errors import ConfigError
from .findings import severity_rank
from .paths import ci_path
from .readers import format_for
from .report import DocumentReport, InputProblem

#: reading-age rise (years) allowed before a letter counts as harder
DEFAULT_MARGIN = 1.0
#: new findings listed per letter in the text and Markdown summaries
LISTED = 20


@dataclass(frozen=True)
class Change:
    path: str  #: the file now (relative to the working folder)
    old_path: str | None  #: the file at BASE (relative to the repository root), None if added


@dataclass
class LetterGate:
    """One changed letter: before and after."""

    path: str
    before: DocumentReport | None
    after: DocumentReport
    new: list = field(default_factory=list)  #: findings at or above the fail level not in the old version
    resolved: list = field(default_factory=list)  #: findings of the old version gone now (any severity)
    details_lost: list[str] = field(default_factory=list)
    margin: float = DEFAULT_MARGIN

    @property
    def reading_age_before(self) -> float | None:
        return self.before.readability.reading_age if self.before else None

    @property
    def reading_age_after(self) -> float | None:
        return self.after.readability.reading_age

    @property
    def harder(self) -> bool:
        a, b = self.reading_age_before, self.reading_age_after
        return a is not None and b is not None and b - a > self.margin + 1e-9

    @property
    def worse(self) -> bool:
        return bool(self.harder or self.new or self.details_lost)

    def reasons(self) -> list[str]:
        out = []
        if self.harder:
            out.append(f"reading age up {self.reading_age_after - self.reading_age_before:.1f} years (more than {self.margin:g})")
        if self.new:
            counts = Counter(f.severity for f in self.new)
            out.append(", ".join(f"{n} new {sev}{'s' if n != 1 else ''}" for sev, n in sorted(counts.items(), key=lambda kv: -severity_rank(kv[0]))))
        if self.details_lost:
            out.append("lost: " + ", ".join(d.replace("_", " ") for d in self.details_lost))
        return out


@dataclass
class Gate:
    base: str  #: the revision compared with (a commit id)
    ref: str  #: as the user named it
    letters: list[LetterGate] = field(default_factory=list)
    errors: list[InputProblem] = field(default_factory=list)
    fail_on: str = "warning"
    margin: float = DEFAULT_MARGIN

    @property
    def worse(self) -> list[LetterGate]:
        return [g for g in self.letters if g.worse]

    def text_lines(self) -> list[str]:
        lines = [f"Compared with {self.ref} ({self.base[:12]}): {len(self.letters)} changed letter{'s' if len(self.letters) != 1 else ''}."]
        for g in self.letters:
            lines.append("")
            lines.append(f"{ci_path(g.path)}  {'WORSE: ' + '; '.join(g.reasons()) if g.worse else 'not worse'}")
            lines.append(f"  Reading age: {_age(g.reading_age_before)} -> {_age(g.reading_age_after)}")
            lines.append(f"  Findings: {len(g.resolved)} resolved, {len(g.new)} new")
            for f in g.new[:LISTED]:
                lines.append(f"    + {f.line}:{f.column} {f.severity} {f.rule} {_shown(f)}")
            if len(g.new) > LISTED:
                lines.append(f"    ... and {len(g.new) - LISTED} more")
            for f in g.resolved[:LISTED]:
                lines.append(f"    - {f.rule} {_shown(f)}")
            if len(g.resolved) > LISTED:
                lines.append(f"    ... and {len(g.resolved) - LISTED} more resolved")
            for d in g.details_lost:
                lines.append(f"  Practical detail lost: {d.replace('_', ' ')}")
        lines.append("")
        worse = self.worse
        if worse:
            lines.append(f"{len(worse)} letter{'s' if len(worse) != 1 else ''} got worse.")
        else:
            lines.append("No letter got worse.")
        return lines

    def markdown(self) -> str:
        worse = self.worse
        out = [
            "## litcheck: letters changed since " + _md(self.ref),
            "",
            (f"**{len(worse)} of {len(self.letters)} letters got worse.**" if worse else f"No letter got worse ({len(self.letters)} changed)."),
            "",
        ]
        if self.letters:
            out += ["| Letter | Reading age | Findings resolved | New | Verdict |", "|---|---|---|---|---|"]
            for g in self.letters:
                verdict = "worse: " + "; ".join(g.reasons()) if g.worse else "not worse"
                out.append(f"| `{_md(ci_path(g.path))}` | {_age(g.reading_age_before)} → {_age(g.reading_age_after)} | {len(g.resolved)} | {len(g.new)} | {_md(verdict)} |")
        for g in worse:
            out += ["", f"### `{_md(ci_path(g.path))}`", ""]
            out += [f"- line {f.line}: **{f.severity}** `{f.rule}`: {_md(f.message)}" for f in g.new[:LISTED]]
            if len(g.new) > LISTED:
                out.append(f"- ... and {len(g.new) - LISTED} more")
            out += [f"- practical detail lost: {d.replace('_', ' ')}" for d in g.details_lost]
            if g.harder:
                out.append(f"- reading age {_age(g.reading_age_before)} → {_age(g.reading_age_after)} (margin {g.margin:g})")
        for problem in self.errors:
            out.append(f"\n> could not be read: {_md(problem.message)}")
        out.append(f"\n<sub>Compared with {_md(self.ref)} at {self.base[:12]}; margin {self.margin:g} years; new findings counted at {self.fail_on} and above.</sub>\n")
        return "\n".join(out)


def _age(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _shown(f) -> str:
    text = " ".join((f.text or "").split())
    return f'"{text[:60]}"' if text else ""


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell (no pipes, no new lines, no HTML)."""
    return " ".join(str(text).split()).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def git(*args: str, cwd: str | os.PathLike | None = None, binary: bool = False):
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=not binary, timeout=120)
    except FileNotFoundError:
        raise ConfigError("--compare-to needs git, which is not installed") from None
    return result


def base_revision(ref: str) -> str:
    """The commit to compare with: the merge base of REF and HEAD, else REF itself."""
    found = git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if found.returncode != 0:
        inside = git("rev-parse", "--is-inside-work-tree")
        if inside.returncode != 0:
            raise ConfigError("--compare-to needs a git repository: run litcheck inside one")
        raise ConfigError(f"--compare-to: no such git revision '{ref}' (in CI, fetch it: actions/checkout with fetch-depth: 0)")
    commit = found.stdout.strip()
    merge_base = git("merge-base", commit, "HEAD")
    return merge_base.stdout.strip() if merge_base.returncode == 0 and merge_base.stdout.strip() else commit


def changed_files(base: str, paths) -> list[Change]:
    """Letters changed since ``base`` in the working tree (and untracked ones), within ``paths``."""
    limit = ["--", *[str(p) for p in paths]] if paths else []
    top = git("rev-parse", "--show-toplevel").stdout.strip()
    diff = git("diff", "--name-status", "-M", "-z", base, *limit)
    if diff.returncode != 0:
        raise ConfigError(f"--compare-to: git diff failed: {diff.stderr.strip()}")
    fields = diff.stdout.split("\0")
    changes: list[Change] = []
    i = 0
    while i < len(fields) - 1:
        status = fields[i]
        if status.startswith(("R", "C")):
            old, new = fields[i + 1], fields[i + 2]
            i += 3
        else:
            old = new = fields[i + 1]
            i += 2
        if status.startswith("D"):
            continue
        changes.append(Change(_from_top(top, new), None if status.startswith(("A", "C")) else old))
    untracked = git("ls-files", "--others", "--exclude-standard", "-z", *limit)
    for name in untracked.stdout.split("\0"):
        if name:
            changes.append(Change(name, None))
    seen, out = set(), []
    for c in changes:
        if c.path not in seen and _is_letter(c.path):
            seen.add(c.path)
            out.append(c)
    return sorted(out, key=lambda c: c.path)


def _from_top(top: str, name: str) -> str:
    """A path git gave relative to the repository's top, made relative to the working folder."""
    return os.path.relpath(os.path.join(top, name)) if top else name


def _is_letter(path: str) -> bool:
    name = os.path.basename(path)
    return bool(format_for(name)) and not OWN_OUTPUT.search(name) and not name.startswith(".") and os.path.isfile(path)


def compare_letter(change: Change, base: str, settings: Settings, fail_on: str, margin: float) -> LetterGate | InputProblem | None:
    cfg = config_for(change.path, settings)
    if cfg.is_excluded(change.path):
        return None
    options = options_for(change.path, settings, cfg)
    overrides = dict(cfg.get("severity", {}))
    after = check_one((change.path, options, overrides))
    if isinstance(after, InputProblem):
        return after
    before = None
    if change.old_path is not None:
        old = git("show", f"{base}:{change.old_path}", binary=True)
        if old.returncode == 0:
            with tempfile.TemporaryDirectory(prefix="litcheck-gate-") as tmp:
                copy = Path(tmp) / os.path.basename(change.path)  # the same name: the same reader
                copy.write_bytes(old.stdout)
                result = check_one((str(copy), options, overrides))
            before = None if isinstance(result, InputProblem) else result
    gate = LetterGate(change.path, before, after, margin=margin)
    old_findings = before.findings if before else []
    old_prints = Counter(fingerprints(old_findings, ""))
    new_prints = Counter(fingerprints(after.findings, ""))
    level = severity_rank(fail_on) if fail_on != "never" else 99
    for f, fp in zip(after.findings, fingerprints(after.findings, "")):
        if fp not in old_prints and severity_rank(f.severity) >= level:
            gate.new.append(f)
    gate.resolved = [f for f, fp in zip(old_findings, fingerprints(old_findings, "")) if fp not in new_prints]
    if before is not None:
        was, now = _details_present(before), _details_present(after)
        gate.details_lost = [d for d in was if d not in now]
    if fail_on == "never":
        gate.new, gate.details_lost = [], []
        gate.margin = float("inf")
    return gate


def _details_present(doc: DocumentReport) -> list[str]:
    section = doc.sections.get("details")
    checklist = section.to_dict() if hasattr(section, "to_dict") else (section or {})
    return [d for d, v in checklist.items() if isinstance(v, dict) and v.get("present")]


def run(ref: str, paths, settings: Settings, *, fail_on: str = "warning", margin: float = DEFAULT_MARGIN) -> Gate:
    base = base_revision(ref)
    letters, errors = sort_out(compare_letter(change, base, settings, fail_on, margin) for change in changed_files(base, paths))
    return Gate(base=base, ref=ref, fail_on=fail_on, margin=margin, letters=letters, errors=errors)


def write_step_summary(gate: Gate, environ=None) -> bool:
    """Append the Markdown summary to ``$GITHUB_STEP_SUMMARY`` when it is set."""
    target = (environ if environ is not None else os.environ).get("GITHUB_STEP_SUMMARY")
    if not target:
        return False
    with open(target, "a", encoding="utf-8") as out:
        out.write(gate.markdown() + "\n")
    return True
