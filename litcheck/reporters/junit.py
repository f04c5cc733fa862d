"""JUnit XML (``--format junit``) for Azure DevOps, Jenkins and GitLab test reports.

One ``testsuite`` per document; one failing ``testcase`` per finding, or a single passing
testcase for a clean document; files that could not be read are ``error`` testcases.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ._ci import ci_path


def render(report, **_options) -> str:
    root = ET.Element("testsuites", name="litcheck")
    total = failures = errors = 0
    for doc in report.documents:
        path = ci_path(doc.path)
        suite = ET.SubElement(root, "testsuite", name=path)
        cases = 0
        for f in doc.findings:
            case = ET.SubElement(suite, "testcase", classname=path, name=f"{f.rule} at {f.line}:{f.column}", file=path, line=str(f.line))
            fail = ET.SubElement(case, "failure", message=f.message, type=f.severity)
            fail.text = f"{path}:{f.line}:{f.column}: {f.rule} ({f.severity}) \"{f.text}\"" + (f" -> {f.suggestions[0]}" if f.suggestions else "")
            cases += 1
        if not doc.findings:
            ET.SubElement(suite, "testcase", classname=path, name="litcheck", file=path)
            cases = 1
        suite.set("tests", str(cases))
        suite.set("failures", str(len(doc.findings)))
        suite.set("errors", "0")
        total += cases
        failures += len(doc.findings)
    if report.errors:
        suite = ET.SubElement(root, "testsuite", name="unreadable files", tests=str(len(report.errors)), failures="0", errors=str(len(report.errors)))
        for problem in report.errors:
            case = ET.SubElement(suite, "testcase", classname=ci_path(problem.path), name="read")
            ET.SubElement(case, "error", message=problem.message)
            total += 1
            errors += 1
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
