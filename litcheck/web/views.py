"""The page: a form (upload or paste) and the report. Views call the library only."""

from __future__ import annotations

import logging

from flask import Blueprint, current_app, render_template, request

import litcheck
from litcheck import readers
from litcheck.errors import LitcheckError
from litcheck.priorities import what_to_fix_first

from . import present, worker
from .security import csrf_ok

bp = Blueprint("page", __name__)
log = logging.getLogger(__name__)

#: the kinds of document a user can choose when litcheck has no profiles to offer
FALLBACK_KINDS = [("appointment_letter", "Appointment letter"), ("general", "Something else")]
AUTOMATIC = ("", "Work it out from the text")


def kinds() -> list[tuple[str, str]]:
    """("" for automatic, then each document profile litcheck knows, with its label)."""
    try:
        from litcheck.details.profiles import load_profiles

        found = [(name, p.label[:1].upper() + p.label[1:]) for name, p in sorted(load_profiles().items())]
    except (ImportError, LitcheckError, AttributeError):
        found = []
    return [AUTOMATIC] + (found or FALLBACK_KINDS)


def _form(status: int = 200, error: str | None = None, field: str | None = None, values: dict | None = None):
    # upload.html is index.html with the "upload two versions" form after it
    return render_template(
        "upload.html",
        kinds=kinds(),
        suffixes=[s for s in readers.supported_suffixes()],
        error=error,
        error_field=field,
        values=values or {},
    ), status


@bp.get("/")
def index():
    return _form()


@bp.post("/")
def check():
    if not csrf_ok():  # the pasted text and the kind come back in the form: only a file must be chosen again
        values = {"kind": request.form.get("kind", ""), "text": request.form.get("text", "")}
        if values["text"].strip():
            return _form(400, "This form has expired. Your text is still in the box: press Check again.", "text", values)
        return _form(400, "This form has expired. Please choose your file again, then press Check.", "file", values)
    kind = request.form.get("kind", "")
    labels = dict(kinds())
    if kind not in labels:
        kind = ""
    pasted = request.form.get("text", "")
    uploaded = request.files.get("file")
    values = {"kind": kind, "text": pasted}
    if uploaded is not None and uploaded.filename:
        field = "file"
        name = uploaded.filename.replace("\\", "/").rsplit("/", 1)[-1]
        job = {"kind": "upload", "data": uploaded.read(), "name": name,
               "max_unpacked": int(current_app.config["LITCHECK_MAX_UNPACKED"]), "profile": kind}
    elif pasted.strip():
        field = "text"
        job = {"kind": "paste", "text": pasted, "profile": kind}
    else:
        return _form(400, "Choose a file to upload, or paste the text of your letter or leaflet.", "file", values)

    limit = float(current_app.config["LITCHECK_TIME_LIMIT"])
    job["limit"] = limit
    try:
        result = current_app.extensions["litcheck_pool"].run(job, limit)
    except worker.Timeout:
        log.warning("check took longer than %ss: its worker was stopped", limit)
        return _form(422, f"This document took longer than {limit:g} seconds to check, so litcheck stopped. Try a shorter document, or save it as .txt and upload that.", field, values)
    except worker.Busy:
        log.warning("no worker free for %ss", limit)
        return _form(503, "litcheck is busy checking other documents. Please wait a minute and press Check again.", field, values)
    except (EOFError, OSError) as exc:  # the worker died (a reader's library crashed): it has been replaced
        log.warning("a worker stopped while checking an upload (%s)", type(exc).__name__)
        return _form(422, "litcheck could not read this file: it may be damaged. Save it again and try once more.", field, values)
    if result[0] == "input":
        return _form(422, result[1], field, values)
    if result[0] != "ok":  # a reader's library failed on a broken file; never log its text
        log.warning("could not check an upload (%s)", result[1])
        return _form(422, "litcheck could not read this file: it may be damaged. Save it again and try once more.", field, values)
    _, report, draft, page = result

    rules = {rule.id: rule for rule in litcheck.load_rules()}
    first = what_to_fix_first(report, rules)
    return render_template(
        "report.html",
        report=report,
        readability=report.readability,
        findings=present.in_text(report.findings),
        whole=present.whole_document(report.findings),
        structure=present.structured_text(report.document, report.findings),
        groups=present.rule_groups(report.findings, rules, report.document),
        fix_first=present.fix_first_targets(first, report.findings),
        errors=sum(1 for f in report.findings if f.severity == "error"),
        languages=page["languages"],
        where=present.where,
        mark_severity=present.mark_severity,
        severity_words=present.SEVERITY_WORDS,
        rules=rules,
        sections=present.sections(report),
        east_label=present.east_label,
        json_url=page["json_url"],
        json_name=_download_name(report.path),
        draft=draft,
        draft_url=present.download_url(draft.data, draft.media_type) if draft else None,
        kind_label=labels.get(report.profile, report.profile.replace("_", " ")) + ("" if kind else " (worked out from the text)"),
    )


def _download_name(path: str) -> str:
    stem = path.rsplit(".", 1)[0] if "." in path else path
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in stem).strip("-") or "document"
    return f"{safe[:60]}.litcheck.json"


# --- before and after: upload two versions ---------------------------------------------------

#: the compare form's file fields, with what each is called in messages
VERSIONS = (("before", "the earlier version"), ("after", "the new version"))


def _percent(value, places: int = 0) -> str:
    return "not measured" if value is None else f"{value * 100:.{places}f}%"


def _years(value) -> str:
    return "not measured" if value is None else f"{value:.0f}"


bp.add_app_template_filter(_percent, "percent")
bp.add_app_template_filter(_years, "years")


@bp.post("/compare")
def compare():
    """Check two uploaded versions in the worker processes (as one upload is checked), then
    say what changed (litcheck.compare). Nothing is kept: both files stay in memory."""
    if not csrf_ok():
        return _form(400, "This form has expired. Please choose both versions again, then press Compare.", "before")
    jobs = []
    for field, what in VERSIONS:
        uploaded = request.files.get(field)
        if uploaded is None or not uploaded.filename:
            return _form(400, f"Choose {what} of the letter or leaflet to compare.", field)
        name = uploaded.filename.replace("\\", "/").rsplit("/", 1)[-1]
        # limit 0: the worker makes no revised draft (a comparison shows none), nor the report page's parts
        jobs.append((field, {"kind": "upload", "data": uploaded.read(), "name": name,
                             "max_unpacked": int(current_app.config["LITCHECK_MAX_UNPACKED"]), "profile": "", "limit": 0, "page": False}))
    limit = float(current_app.config["LITCHECK_TIME_LIMIT"])
    reports = []
    for field, job in jobs:
        try:
            result = current_app.extensions["litcheck_pool"].run(job, limit)
        except worker.Timeout:
            log.warning("check took longer than %ss: its worker was stopped", limit)
            return _form(422, f"{job['name']} took longer than {limit:g} seconds to check, so litcheck stopped. Try a shorter document, or save it as .txt and upload that.", field)
        except worker.Busy:
            log.warning("no worker free for %ss", limit)
            return _form(503, "litcheck is busy checking other documents. Please wait a minute and press Compare again.", field)
        except (EOFError, OSError) as exc:
            log.warning("a worker stopped while checking an upload (%s)", type(exc).__name__)
            return _form(422, f"litcheck could not read {job['name']}: it may be damaged. Save it again and try once more.", field)
        if result[0] == "input":
            return _form(422, result[1], field)
        if result[0] != "ok":
            log.warning("could not check an upload (%s)", result[1])
            return _form(422, f"litcheck could not read {job['name']}: it may be damaged. Save it again and try once more.", field)
        reports.append(result[1])

    from litcheck.compare import compare as compare_reports
    from litcheck.reporters.compare_report import FACT_STATUS
    from litcheck.reporters.compare_report import render as render_comparison

    comparison = compare_reports(*reports)
    return render_template(
        "compare.html",
        c=comparison,
        fact_status=FACT_STATUS,
        json_url=present.download_url(render_comparison(comparison, "json").encode("utf-8"), "application/json"),
        html_url=present.download_url(render_comparison(comparison, "html").encode("utf-8"), "text/html"),
        download_stem=_download_name(reports[1].path).rsplit(".litcheck.json", 1)[0] + ".compare",
    )
