"""The page: a form (upload or paste) and the report. Views call the library only."""

from __future__ import annotations

import logging

from flask import Blueprint, current_app, render_template, request

import litcheck
from litcheck import readers
from litcheck.errors import LitcheckError
from litcheck.report import Report
from litcheck.reporters import render

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
    return render_template(
        "index.html",
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
    if not csrf_ok():
        return _form(400, "This form has expired. Please choose your file or paste your text again, then press Check.", "file")
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
    _, report, draft = result

    rules = {rule.id: rule for rule in litcheck.load_rules()}
    report_json = render(Report(documents=[report]), "json")
    return render_template(
        "report.html",
        report=report,
        readability=report.readability,
        findings=present.in_text(report.findings),
        whole=present.whole_document(report.findings),
        marked=present.marked_text(report.document.text, report.findings),
        rules=rules,
        sections=present.sections(report),
        east_label=present.east_label,
        json_url=present.json_download_url(report_json),
        json_name=_download_name(report.path),
        draft=draft,
        draft_url=present.download_url(draft.data, draft.media_type) if draft else None,
        kind_label=labels.get(report.profile, report.profile.replace("_", " ")) + ("" if kind else " (worked out from the text)"),
    )


def _download_name(path: str) -> str:
    stem = path.rsplit(".", 1)[0] if "." in path else path
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in stem).strip("-") or "document"
    return f"{safe[:60]}.litcheck.json"
