"""JUnit XML (``--format junit``) for Azure DevOps, Jenkins and GitLab test reports.

One ``testsuite`` per document; one testcase per finding, which fails when the finding is at
or above the ``--fail-on`` level (``fail_on``; below it the testcase passes and carries the
finding as ``system-out``, so the failure count agrees with the exit code); a single passing
testcase for a clean document; each file that could not be read is an ``error`` testcase.

XML 1.0 cannot hold most control characters (a stray form feed or NUL pasted into a letter):
they are written as U+FFFD so that the report always parses.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ._ci import ci_path, fails

#: characters XML 1.0 does not allow anywhere, even escaped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def _element(parent, tag: str, **attrs: str):
    return ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})


def render(report, *, fail_on: str | None = None, **_options) -> str:
    root = ET.Element("testsuites", name="litcheck")
    total = failures = errors = 0
    for doc in report.documents:
        path = ci_path(doc.path)
        suite = _element(root, "testsuite", name=path)
        cases = failed = 0
        for f in doc.findings:
            case = _element(suite, "testcase", classname=path, name=f"{f.rule} at {f.line}:{f.column}", file=path, line=str(f.line))
            detail = f"{path}:{f.line}:{f.column}: {f.rule} ({f.severity}) \"{f.text}\"" + (f" -> {f.suggestions[0]}" if f.suggestions else "")
            if fails(f, fail_on):
                fail = _element(case, "failure", message=f.message, type=f.severity)
                fail.text = xml_text(detail)
                failed += 1
            else:
                _element(case, "system-out").text = xml_text(f"{f.severity}: {f.message}\n{detail}")
            cases += 1
        if not doc.findings:
            _element(suite, "testcase", classname=path, name="litcheck", file=path)
            cases = 1
        suite.set("tests", str(cases))
        suite.set("failures", str(failed))
        suite.set("errors", "0")
        total += cases
        failures += failed
    if report.errors:
        suite = _element(root, "testsuite", name="unreadable files", tests=str(len(report.errors)), failures="0", errors=str(len(report.errors)))
        for problem in report.errors:
            case = _element(suite, "testcase", classname=ci_path(problem.path), name="read", file=ci_path(problem.path))
            _element(case, "error", message=problem.message, type="unreadable")
            total += 1
            errors += 1
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
