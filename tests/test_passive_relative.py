"""Issue 21 (session 5, P4): a "who" clause between the subject and a passive verb is not read as
the subject. "Patients who miss two appointments are sent a warning letter": the subject is
"Patients", people picked out by what they do, and the practice that sends the letter is hidden;
read as "miss two appointments" the number made it look like a statistic, and it went unreported.
Texts are our own, modelled on missed-appointment policies and vaccination pages."""

import pytest

import litcheck


def _passive(text):
    return [f.text for f in litcheck.check_text(text).findings if f.rule == "voice.passive"]


@pytest.mark.parametrize(
    ("text", "passive"),
    [
        ("Patients who miss two appointments are sent a warning letter.", "are sent"),
        ("Patients who miss two appointments and do not contact us are sent a warning letter.", "are sent"),
        ("Anyone who misses three appointments in a year is removed from the practice list.", "is removed"),
        ("Parents who return the form after 5 March are contacted by phone.", "are contacted"),
    ],
)
def test_a_passive_after_a_who_clause_is_reported(text, passive):
    assert _passive(text) == [passive]


@pytest.mark.parametrize(
    "text",
    [
        # who a programme is for, with a "who" clause: still natural
        "Women aged 25 to 64 who are registered with a GP are invited for screening.",
        "People who are 75 or over are offered the vaccine.",
        # a number in the subject itself is still a statistic
        "Last year 420 appointments were missed.",
    ],
)
def test_no_new_findings_for_programmes_questions_or_statistics(text):
    assert _passive(text) == []


def test_a_who_clause_is_not_rewritten_as_the_subject_of_an_active_verb():
    findings = [f for f in litcheck.check_text("Patients who miss two appointments are sent a letter by the practice manager.").findings
                if f.rule == "voice.passive"]
    assert len(findings) == 1
    # reported, but no rewrite that would put "miss two appointments" where the patients were
    assert not any("sends miss" in s for s in findings[0].suggestions)
