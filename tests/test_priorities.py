"""What to fix first (litcheck.priorities): at most five changes, errors first, then missing
required details, the hardest sentences and the commonest word problem, each with what to
write instead."""

from __future__ import annotations

from types import SimpleNamespace


from litcheck.findings import Finding
from litcheck.priorities import LIMIT, rules_by_id, what_to_fix_first


def finding(rule, severity="warning", text="word", start=0, end=None, suggestions=(), message="m"):
    end = start + len(text) if end is None else end
    return Finding(rule=rule, severity=severity, east="easy", message=message, text=text, start=start, end=end,
                   line=1, column=start + 1, suggestions=tuple(suggestions))


def report(findings, details=None):
    return SimpleNamespace(findings=findings, sections={"details": details} if details else {})


def test_errors_come_first_and_one_rules_errors_are_one_change():
    findings = [
        finding("jargon.medical", text="hypertension", start=0, suggestions=["high blood pressure"]),
        finding("tone.threat", "error", text="Failure to attend", start=20),
        finding("social.negative_norm", "error", text="5,000 appointments were wasted", start=60),
        finding("tone.threat", "error", text="will not be offered", start=100),
    ]
    first = what_to_fix_first(report(findings))
    assert [p.rule for p in first[:2]] == ["tone.threat", "social.negative_norm"]
    assert len(first[0].findings) == 2 and [t[0] for t in first[0].terms] == ["Failure to attend", "will not be offered"]


def test_missing_required_details_before_sentences_and_recommended_ones_only_to_fill():
    details = {"contact": {"present": False, "need": "required"}, "parking": {"present": False, "need": "recommended"}}
    findings = [
        finding("sentences.long", "suggestion", text="a " * 22, start=0),
        finding("details.parking", "suggestion", text="", start=0, end=0, suggestions=["Parking is ..."]),
        finding("details.contact", "warning", text="", start=0, end=0, suggestions=["Call us on ..."]),
    ]
    first = what_to_fix_first(report(findings, details))
    assert [p.rule for p in first] == ["details.contact", "sentences.long", "details.parking"]
    assert first[0].suggestion == "Call us on ..." and first[0].whole_document


def test_hardest_sentences_first_and_at_most_two():
    findings = [
        finding("sentences.long", "suggestion", text="w " * 30, start=0),
        finding("sentences.very_hard", "warning", text="w " * 40, start=100, suggestions=["split"]),
        finding("sentences.very_hard", "warning", text="w " * 50, start=200),
        finding("sentences.hard", "suggestion", text="w " * 60, start=300),
    ]
    first = what_to_fix_first(report(findings))
    sentences = [p for p in first if p.kind == "sentence"]
    assert [(p.rule, p.finding.start) for p in sentences] == [("sentences.very_hard", 200), ("sentences.very_hard", 100)]
    assert sentences[1].suggestion == "split"


def test_the_commonest_word_problem_is_one_change_with_its_terms_and_swaps():
    findings = [finding("jargon.medical", text=t, start=i * 20, suggestions=[s])
                for i, (t, s) in enumerate([("hypertension", "high blood pressure"), ("cardiac", "heart"),
                                            ("Hypertension", "high blood pressure"), ("analgesia", "painkillers")])]
    findings.append(finding("abbreviations.first_use", text="ECG", start=200))
    [words, other] = what_to_fix_first(report(findings))
    assert words.kind == "words" and words.rule == "jargon.medical" and len(words.findings) == 4
    assert words.terms[0] == ("hypertension", 2, "high blood pressure")
    assert "hypertension \u2192 high blood pressure" in words.suggestion
    assert other.rule == "abbreviations.first_use"


def test_never_more_than_five():
    findings = [finding(f"rule.r{i}", "error", text=f"t{i}", start=i * 10) for i in range(9)]
    assert len(what_to_fix_first(report(findings))) == LIMIT


def test_a_finding_without_a_suggestion_gets_its_rules_what_to_write_instead():
    rule = SimpleNamespace(id="tone.threat", explanation=SimpleNamespace(instead="Say how to change the time."))
    first = what_to_fix_first(report([finding("tone.threat", "error")]), rules_by_id([rule]))
    assert first[0].suggestion == "Say how to change the time."
    assert first[0].to_dict()["suggestion"] == "Say how to change the time."


def test_no_findings_nothing_to_fix():
    assert what_to_fix_first(report([])) == []


def test_the_poor_sample_letter(samples):
    import litcheck
    from litcheck.check import check_text

    checked = check_text((samples / "poor_appointment_letter.txt").read_text(encoding="utf-8"))
    first = what_to_fix_first(checked, rules_by_id(litcheck.load_rules()))
    assert 1 <= len(first) <= LIMIT
    # the sample's hospital number is personal data: that comes first, then the threat
    assert first[0].severity == "error" and first[0].rule == "privacy.hospital_number"
    assert first[1].severity == "error" and first[1].rule == "tone.threat"
    assert all(p.suggestion for p in first)
    kinds = [p.kind for p in first]
    assert "detail" in kinds and "sentence" in kinds
