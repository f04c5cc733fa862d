"""The safety policy of litcheck fix: each guard on realistic letter text, the key-facts
guard on every revised copy, and the safe mechanical changes (Please note, capitals, first use)."""

from __future__ import annotations

import json

import pytest

import litcheck
from litcheck.cli import main
from litcheck.facts import compare_facts
from litcheck.findings import Finding
from litcheck.fix import policy, revise
from litcheck.rulebook import load_rules


def _fix(text: str):
    return revise(litcheck.check_text(text))


def _left(revision, words: str) -> str:
    return next(item.reason for item in revision.left if item.finding.text.lower() == words.lower())


def _swap(text: str, words: str, new: str, rule_id: str = "jargon.medical") -> policy.Swap:
    """The swap of ``words`` (their first use in ``text``) for ``new``, as fix would offer it:
    the policy is judged on its own, whatever the analysers find today."""
    rules = {r.id: r for r in load_rules()}
    doc = litcheck.read_text(text)
    start = text.index(words)
    line, column = doc.line_column(start)
    f = Finding(rule_id, "warning", "easy", "test", words, start, start + len(words), line, column, (new,))
    return policy.Swap(f, new, rules[rule_id], doc, [f], rules)


@pytest.mark.parametrize(
    "guard, text, words, new, why",
    [
        (policy.name, "Please go to Cardiology Clinic 4 on the second floor.", "Cardiology", "Heart department", "name"),
        (policy.name, "Your scan is in the radiology department on level 2.", "radiology", "X-ray", "part of the name of a place"),
        (policy.name, "Please ring the Renal Outpatients desk.", "Renal", "Kidney", "name"),
        (policy.template_field, "Your consultant in [specialty] will write to you.", "specialty", "area of medicine", "template field"),
        (policy.template_field, "We will see you at ==clinic location== soon.", "clinic", "place", "template field"),
        (policy.quotation, "The form says 'fit to proceed' at the bottom.", "proceed", "go ahead", "quotation"),
        (policy.definition, "What is a colonoscopy? It is a test to look inside your bowel.", "colonoscopy", "bowel test", "explains this term"),
        (policy.definition, "The first part of the small bowel, called the duodenum, is checked.", "duodenum", "first part of the small bowel", "explains this term"),
        (policy.modifier, "This is a non-invasive procedure and you will be awake.", "non-invasive", "without cuts or needles", "describes the next word"),
        (policy.agreement, "We will arrange further investigation of your symptoms.", "investigation", "tests", "number"),
        (policy.agreement, "You can have an alternative appointment.", "alternative", "other", "an other"),
        (policy.complement, "The gel is applied to the skin over your tummy.", "applied", "used", "may not become"),
        (policy.part_of_speech, "This scan looks at your abdominal aorta.", "abdominal", "tummy", "not a describing word"),
        (policy.compound, "You will have been pre assessed by then.", "assessed", "checked", "compound"),
        (policy.compound, "Please see the pre-assessment nurse.", "assessment", "check", "compound"),
        (policy.repetition, "Use the nebuliser to breathe in the medicine.", "nebuliser", "machine to breathe in", "repeat"),
        (policy.language, "Gwnewch apwyntiad gyda'ch meddyg teulu os gwelwch commence.", "commence", "start", "English"),
        (policy.heading, "Analgesia\n\nTake it with food.", "Analgesia", "Pain relief medicine", "heading"),
    ],
)
def test_each_guard_refuses_what_it_is_for(guard, text, words, new, why):
    reason = guard(_swap(text, words, new))
    assert reason is not None and why in reason, reason


@pytest.mark.parametrize(
    "text, words, new",
    [
        ("Please commence fasting at midnight.", "commence", "start"),
        ("Your analgesia is in the bag.", "analgesia", "pain relief"),
        ("Our nurses will assist you on the day.", "assist", "help"),
        ("We will check your hypertension today.", "hypertension", "high blood pressure"),
    ],
)
def test_swaps_that_fit_pass_every_guard(text, words, new):
    assert policy.why_not(_swap(text, words, new)) is None


def test_a_swap_that_fits_is_made_and_listed():
    revision = _fix("Please commence fasting at midnight. We will utilise the results to plan your care.")
    assert revision.text == "Please start fasting at midnight. We will use the results to plan your care."
    summary = revision.summary()
    assert [(c["before"], c["after"], c["rule"]) for c in summary["changed"]] == [("commence", "start", "jargon.wordy"), ("utilise", "use", "jargon.wordy")]
    assert all(c["reason"] and c["line"] == 1 and c["column"] > 0 for c in summary["changed"])


def test_every_revision_keeps_every_key_fact():
    letter = (
        "Dear Mrs Khan,\n\nYour appointment at Renal Outpatients, Ward 12, St Mary's Hospital, is on "
        "Tuesday 4 March 2025 at 2.30pm. Please commence fasting 6 hours prior to your appointment. "
        "Take 2 tablets of 500mg paracetamol. If you need to change it, call 0113 496 0000 or email "
        "renal.bookings@example.nhs.uk. We will utilise the results. Your reference is «RefNo».\n"
    )
    revision = _fix(letter)
    assert revision.changes, "some words should still be swapped"
    assert compare_facts(letter, revision.text) == []


def test_a_swap_that_would_change_a_fact_is_undone():
    # "biannual" -> "twice-yearly" would add a frequency the letter did not state in numbers
    revision = _fix("You may have a biannual review.")
    assert revision.text == "You may have a biannual review."
    assert "key fact" in _left(revision, "biannual")


def test_please_note_is_left_out_at_the_start_of_a_sentence():
    revision = _fix("Please note that your appointment is on Monday. We will see you, please note, at 10am.")
    assert revision.text == "Your appointment is on Monday. We will see you, please note, at 10am."
    (change,) = revision.changes
    assert change.before == "Please note that" and change.replacement == ""


def test_block_capitals_become_sentence_case_keeping_abbreviations_and_names():
    revision = _fix("CALL YOUR GP IF YOU FEEL UNWELL.\n\nST MARY'S HOSPITAL\n")
    assert revision.text.startswith("Call your GP if you feel unwell.")
    assert "ST MARY'S HOSPITAL" in revision.text


def test_an_abbreviation_is_spelt_out_at_its_first_use_only():
    revision = _fix("Your OPD appointment is on Monday. The OPD is on the ground floor.")
    assert revision.text == "Your outpatient department (OPD) appointment is on Monday. The OPD is on the ground floor."


def test_fix_format_json_lists_every_change(tmp_path, capsys):
    letter = tmp_path / "letter.txt"
    letter.write_text("Please commence fasting prior to your appointment.\n", encoding="utf-8")
    assert main(["fix", "--format", "json", str(letter)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["output"].endswith("letter.litcheck.txt")
    assert {(c["before"], c["after"]) for c in data["changed"]} == {("commence", "start"), ("prior to", "before")}
    assert letter.read_text(encoding="utf-8") == "Please commence fasting prior to your appointment.\n"
