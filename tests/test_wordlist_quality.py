"""Word-list quality: every plain alternative is UK English and fits in place of the term.

The sentences below were written for these tests. Each is checked with litcheck itself
(check_text, then fix.revise), so they test the swap `litcheck fix` really makes: the first
alternative, inflected by the analyser, with the article fixed.

A row whose plain wording depends on the sentence has a note starting ``noswap:`` and the
reason: the finding stays as advice, and `fix` must leave the words alone.
"""

import re
from pathlib import Path

import pytest

import litcheck
from litcheck import wordlists

ROOT = Path(__file__).resolve().parent.parent / "wordlists"
TERM_LISTS = ["medical.tsv", "wordy.tsv", "inclusive.tsv"]

# US-only spellings and words that must never be offered to a UK reader
US_ONLY = re.compile(
    r"\b(gotten|color\w*|center\w*|pediatric\w*|anemi\w*|diarrhea|an?esthesi\w*|hemorrhag\w*|"
    r"esophag\w*|edema|estrogen|tumor\w*|behavior\w*|favor\w*|labor|gynecolog\w*|orthoped\w*|"
    r"utiliz\w*|minimiz\w*|organiz\w*|hospitaliz\w*|program|fiber|liter|diaper|pacifier|"
    r"emergency room|cell phone|zip code|vacation|shot|refill\w*|drugstore)\b",
    re.I,
)

# known-bad first alternatives: (term, first alternative that must not come back)
KNOWN_BAD = [
    ("receive", "gotten"),
    ("alternative", "different"),
    ("for a period of", "for time"),
    ("side room", "single room"),
    ("perform", "do"),
    ("hospital setting", "in hospital"),
    ("in the event of", "if"),
    ("for the purpose of", "to"),
    ("benign", "not cancer"),
    ("additional", "more"),
    ("exceed", "more than"),
    ("request", "ask"),
    ("equivalent", "equal to"),
]

# rows that must never be swapped automatically (noswap), and why they were reported
MUST_BE_NOSWAP = [
    "non-invasive",  # "a non-invasive procedure" -> "a without cuts or needles procedure"
    "cardiology",  # "Cardiology Clinic 4" -> "Heart department Clinic 4"
    "oncology", "radiology", "urology", "dermatology",
    "colonoscopy", "cystoscopy",  # "What is a colonoscopy?" must keep the name
    "impact", "alternative", "investigation", "pre-operative", "post-operative", "oral",
    "over the counter", "side room", "duodenum",
]


def entries(name):
    return wordlists.load(ROOT / name)


def all_entries():
    return [(name, e) for name in TERM_LISTS for e in entries(name)]


def by_term(term):
    found = [e for _, e in all_entries() if e.term.lower() == term.lower()]
    assert found, f"{term!r} is not in any word list"
    return found[0]


def test_no_alternative_is_us_only():
    bad = [(name, e.term, a) for name, e in all_entries() for a in e.alternatives if US_ONLY.search(a)]
    assert not bad


def test_known_bad_alternatives_do_not_come_back():
    for term, bad in KNOWN_BAD:
        entry = by_term(term)
        assert entry.alternatives[0].lower() != bad, (term, entry.alternatives)
    assert "differents" not in {a for _, e in all_entries() for a in e.alternatives}


def test_every_alternative_is_non_empty_and_not_the_term_itself():
    for name, e in all_entries():
        assert e.alternatives, (name, e.term)
        for a in e.alternatives:
            assert a.strip(), (name, e.term)
            assert a.strip().lower() != e.term.lower(), (name, e.term)


def test_noswap_notes_are_well_formed():
    count = 0
    for name, e in all_entries():
        if "noswap" in e.note.lower():
            assert e.note.startswith("noswap: "), (name, e.term, e.note)
            assert len(e.note) > len("noswap: ") + 10, (name, e.term, "give the reason")
            assert e.alternatives, (name, e.term, "a noswap row still gives advice")
            count += 1
    assert count >= 100


@pytest.mark.parametrize("term", MUST_BE_NOSWAP)
def test_context_dependent_rows_are_noswap(term):
    assert by_term(term).note.startswith("noswap: ")


def test_skip_when_patterns_compile_for_new_rows():
    for name, e in all_entries():
        if e.skip_when is not None:
            assert e.skip_when.pattern


def revise(text):
    from litcheck.fix import revise as _revise

    return _revise(litcheck.check_text(text), recheck=False).text


SWAPS = [
    # (sentence, expected revised sentence)
    ("We have received your referral letter.", "We have had your referral letter."),
    ("You will receive a text message the day before.", "You will get a text message the day before."),
    ("We will perform a short breathing test.", "We will carry out a short breathing test."),
    ("Keep the dressing on for a period of time after you get home.", "Keep the dressing on for a while after you get home."),
    ("Rest at home for a period of 2 days.", "Rest at home for 2 days."),
    ("In an emergency, dial 999.", "In an emergency, call 999."),
    ("Please commence the tablets on Monday.", "Please start the tablets on Monday."),
    ("We will utilise the results in order to plan your care.", "We will use the results to plan your care."),
    ("Prior to your visit, drink plenty of water.", "Before your visit, drink plenty of water."),
    ("An additional appointment may be needed.", "An extra appointment may be needed."),
    ("The lump is benign.", "The lump is non-cancerous."),
    ("The doctor found a benign lump.", "The doctor found a non-cancerous lump."),
    ("The nurse will watch for signs of anaphylaxis.", "The nurse will watch for signs of a severe allergic reaction."),
    ("Please request a copy of your letter.", "Please ask for a copy of your letter."),
    ("We will reimburse your travel costs.", "We will refund your travel costs."),
    ("Do not exceed the stated dose.", "Do not go over the stated dose."),
    ("In the event of a fire, leave by the nearest exit.", "In case of a fire, leave by the nearest exit."),
    ("We collaborate closely with your GP.", "We work together closely with your GP."),
    ("She has a superficial wound on her arm.", "She has a shallow wound on her arm."),
    ("Book a smear test with your practice nurse.", "Book a cervical screening test with your practice nurse."),
    ("You can contact us via email.", "You can contact us by email."),
    ("In addition to your tablets, use the cream twice a day.", "As well as your tablets, use the cream twice a day."),
    ("Most people recover in a hospital setting within a week.", "Most people recover in a hospital within a week."),
    ("Please do not hesitate to ask the nurse.", "Please ask the nurse."),
    # numbers.numerals writes the numeral too
    ("This dose, equivalent to two tablets, lasts a day.", "This dose, the same as 2 tablets, lasts a day."),
    ("This data is used for the purpose of planning services.", "This data is used for planning services."),
    ("The scan showed metastatic cancer in the liver.", "The scan showed secondary cancer in the liver."),
    ("Your child had recurrent ear infections.", "Your child had repeated ear infections."),
    ("Staff will dispense your medicines before you leave.", "Staff will give out your medicines before you leave."),
]


@pytest.mark.parametrize("text, expected", SWAPS)
def test_swap_reads_correctly_in_a_sentence(text, expected):
    assert revise(text) == expected


UNCHANGED = [
    # a swap here would break the sentence, change its meaning or a fact
    "To use Relay UK, dial 18001 and then our number.",  # the Relay UK prefix stays as written
    "Your referral was received by the clinic on Monday.",  # 'got' / 'gotten' would be wrong
    "The image is obtained from a small probe on your skin.",  # 'is gotten from' would be wrong
    "Please arrive at the time indicated on your letter.",  # 'showed' would be wrong
    "The appointment allocated to you is on Monday.",  # 'gave' would be wrong
    "If you have a request, please call us.",  # a noun: 'a ask for' would be wrong
    "Therefore, please call us today.",  # 'So,' with a comma is wrong
    "You are therefore asked to call us.",  # 'are so asked' is wrong
    "Please read our Frequently Asked Questions.",  # a heading people search for
    "Ask a friend or relative to drive you home.",  # 'relative to' is a person here
    "We will keep you informed about your results.",  # 'keep you told' is wrong
    "You will get a self management plan.",  # 'a self plan' is wrong
    "Please write your initials on the form.",  # 'firsts' is wrong
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_unsafe_swaps_are_not_made(text):
    revised = revise(text)
    assert revised == text
    assert not re.search(r"\b(gotten|did by|showed on)\b", revised)




NOSWAP_SENTENCES = [
    "You will have a non-invasive procedure.",
    "Please go to the cardiology clinic on the first floor.",
    "What is a colonoscopy?",
    "You can choose an alternative date.",
    "Poor sleep can impact your mood.",
    "You will stay in a side room on the ward.",
    "Please follow the pre-operative instructions.",
    "You need further investigation of your symptoms.",
    "You can buy over the counter medicines at a pharmacy.",
    "Take the oral antibiotics with food.",
]


@pytest.mark.parametrize("text", NOSWAP_SENTENCES)
def test_noswap_rows_are_flagged_but_left_for_a_person(text):
    report = litcheck.check_text(text)
    assert any(f.rule.startswith("jargon") for f in report.findings), "the advice must still be given"
    assert revise(text) == text
