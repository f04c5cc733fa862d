"""Suggested sentences never invent a fact: every specific is a [slot] the writer must fill.

A writer who pastes a suggested sentence into a patient letter must not paste a false phone
number, bus route, car park, price, time or place. So every sentence a rule can suggest (the
``suggest`` of required details, per profile, and of absence, position and existence rules)
gives each specific as a slot: square brackets around lower-case words that say what to fill
in ("[phone number]", "[bus routes]", "[how long]"). Outside the slots there is no digit, no
time, no date, no price and no name other than well-known ones (NHS, GP, British Sign
Language, Easy Read).
"""

from __future__ import annotations

import re

import pytest

import litcheck
from litcheck.details.profiles import load_profiles

RULES = list(litcheck.load_rules())

#: kinds whose ``suggest`` entries are sentences or phrases written in the rule's YAML
#: (substitution and abbreviation alternatives come from the word lists; a metric's "split"
#: is computed from the document itself)
SENTENCE_KINDS = ("required", "absence", "position", "existence")

#: a slot: lower-case words (a comma, "or", "and" allowed) between square brackets
SLOT = re.compile(r"\[[a-z][a-z ,'-]*[a-z]\]")

#: every slot in use, with a realistic value: the slot vocabulary. A new slot belongs here,
#: so that the filled-in sentence is checked against the details detectors below.
FILL = {
    "phone number": "01632 960555",
    "hospital transport phone number": "01632 960777",
    "days and times": "Monday to Friday, 9am to 4pm",
    "day and date": "Thursday 12 March 2026",
    "date": "Thursday 12 March 2026",
    "time": "10:15am",
    "time in words and numbers": "quarter past 10 in the morning (10:15am)",
    "how long": "2 hours",
    "number": "7",
    "place": "the Heart Clinic, Northfield General Hospital",
    "clinic or ward": "the Heart Clinic",
    "clinic or hospital name": "the Heart Clinic",
    "building and floor": "Outpatients Building, Level 2",
    "which floor": "Level 2",
    "which entrance": "the main entrance on Ashby Road",
    "hospital name": "Northfield General Hospital",
    "hospital name and postcode": "Northfield General Hospital, NE6 2XX",
    "address and postcode": "Ashby Road, NE6 2XX",
    "car park name": "the visitor car park on Ashby Road",
    "price, or free": "free",
    "where the blue badge spaces are": "next to the main entrance",
    "bus routes": "12 and 14",
    "bus number": "12",
    "where the bus stop is": "outside the main entrance",
    "access help, such as step-free access or a hearing loop": "step-free access and a hearing loop",
    "what you can eat and drink, and when to stop": "do not eat anything for 6 hours before your scan",
    "what you can eat and drink": "do not eat for 6 hours before",
    "which medicines to keep taking or stop, and when": "keep taking all your usual medicines",
    "which tablets to take or stop": "take your tablets as normal",
    "what to wear": "loose clothes",
    "anything else to bring, such as glasses": "your glasses",
    "anything else to bring": "your glasses",
    "text, phone call or letter": "text",
    "what will happen": "check your heart",
    "what you will get from it": "find out what is causing your chest pain",
}

#: names a suggestion may use: they are the same for every service
KNOWN_NAMES = {"NHS", "GP", "BSL", "British", "Sign", "Language", "Relay", "UK", "Easy", "Read", "I"}

#: the details whose sentence always names a specific (a place, a date, a time, a length of
#: time, a car park, a bus, a phone number): every variant needs a slot
SPECIFIC_DETAILS = {"location", "date", "time", "duration", "parking", "transport", "contact", "digital_alternative"}

#: specifics that must never appear outside a slot
INVENTED = {
    "a digit": r"\d",
    "a time": r"\b(?:am|pm|a\.m\.|p\.m\.|o'clock|noon|midday|midnight)\b|\b(?:half|quarter) (?:past|to)\b",
    "a day or month": r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b",
    "a length of time": r"\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|half an?)\s+(?:minutes?|hours?|days?|weeks?|months?)\b",
    "a price": r"[£$€%]|\b(?:pounds?|pence|p per hour|per hour|an hour)\b|\bpay and display\b",
    "a postcode": r"\b[A-Z]{1,2}\d",
    "a bus route": r"\b[A-Z]\d+\b|\b\d+[A-Z]?\s+bus",
    "a place beside the entrance": r"\b(?:next to|beside|opposite|by) the (?:main )?(?:entrance|door|building)\b",
}

#: a sentence that says where, when, how long, how much or which number must hold a slot
#: that says what to fill in: (what it names, pattern outside slots, words one slot must use)
CUES = [
    ("a phone number", r"\b(?:call|phone|ring)\s+(?:us|the)\b|\bnumber is\b", r"phone|number"),
    ("a bus route", r"\bbus(?:es)?\s+stops?\b|\b(?:get|take|catch)\s+the\s+(?:bus|train|tram)\b|\b(?:train|railway)\s+station\b|\btram\s+stop\b", r"bus|route|train|tram|station"),
    ("a price", r"\bit costs\b|\bparking (?:is|costs)\b|\b(?:cost|charge|price|fare)s?\s+(?:is|are)\b|\bpay and display\b", r"price|cost|free"),
    ("a car park", r"\bpark (?:in|at)\b|\bcar park\b", r"car park"),
    ("a length of time", r"\btakes?\s+about\b|\blasts?\b|\bhow long\b", r"how long"),
    ("a time", r"\b(?:arrive|come)\s+at\b|\bat\s+\[", r"time|place|clinic|hospital"),
    ("a date", r"\bappointment\s+(?:is\s+)?on\b|\bby\s+\[|\bis\s+open\b", r"date|day|times"),
    ("a place", r"\bappointment is at\b|\b(?:come|go) to\b(?!\s+(?:your|their|the)\s+appointment)|\baddress\b|\bentrance\b|\bfloor\b", r"clinic|ward|hospital|address|place|floor|entrance|building"),
    ("a bus stop", r"\bstops?\b", r"where"),
]


def _suggestions():
    """(rule id, profile or position, text) for every sentence a rule can suggest."""
    for rule in RULES:
        if rule.kind not in SENTENCE_KINDS:
            continue
        if rule.kind == "required":
            for profile, text in rule.suggestions.items():
                yield rule.id, profile, text
        else:
            for i, text in enumerate(rule.suggest):
                if text:  # "" means "delete these words"
                    yield rule.id, str(i), text


SUGGESTIONS = list(_suggestions())
IDS = [f"{rule}:{where}" for rule, where, _ in SUGGESTIONS]


def outside_slots(text: str) -> str:
    return SLOT.sub(" ", text)


def slots(text: str) -> list[str]:
    return [s[1:-1] for s in SLOT.findall(text)]


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def test_every_suggesting_rule_is_covered():
    rules = {rule for rule, _, _ in SUGGESTIONS}
    details = {r.detail for r in RULES if r.kind == "required"}
    assert len(details) >= 14
    assert {f"details.{d}" for d in details} <= rules
    assert {"timely.reminder", "attractive.benefit", "attractive.help_signposted", "easy.one_action", "timely.vague_deadline"} <= rules


@pytest.mark.parametrize("rule,where,text", SUGGESTIONS, ids=IDS)
def test_slots_are_square_brackets_around_lower_case_words(rule, where, text):
    bracketed = re.findall(r"\[[^\]]*\]?", text)
    assert all(SLOT.fullmatch(b) for b in bracketed), f"{rule} ({where}): {bracketed} are not slots like [phone number]"
    assert "[" not in outside_slots(text) and "]" not in outside_slots(text)
    unknown = [s for s in slots(text) if s not in FILL]
    assert not unknown, f"{rule} ({where}): add {unknown} to the slot vocabulary (FILL) with a realistic value"


@pytest.mark.parametrize("rule,where,text", SUGGESTIONS, ids=IDS)
def test_no_invented_specific_outside_a_slot(rule, where, text):
    rest = outside_slots(text)
    for what, pattern in INVENTED.items():
        hit = re.search(pattern, rest, flags=0 if what in ("a postcode", "a bus route", "a day or month") else re.I)
        assert not hit, f"{rule} ({where}) invents {what} ({hit.group()!r}): use a [slot] instead: {text!r}"


@pytest.mark.parametrize("rule,where,text", SUGGESTIONS, ids=IDS)
def test_no_proper_nouns_but_well_known_names(rule, where, text):
    for sentence in sentences(outside_slots(text)):
        words = re.findall(r"[A-Za-z][A-Za-z'-]*", sentence)
        for i, word in enumerate(words):
            after_colon = re.search(rf":\s*{re.escape(word)}\b", sentence)
            if word[0].isupper() and i > 0 and word not in KNOWN_NAMES and not after_colon:
                pytest.fail(f"{rule} ({where}) names '{word}': a place or name the writer has to supply belongs in a [slot]: {text!r}")


@pytest.mark.parametrize("rule,where,text", SUGGESTIONS, ids=IDS)
def test_a_sentence_that_names_a_specific_has_a_slot_for_it(rule, where, text):
    for sentence in sentences(text):
        rest = outside_slots(sentence)
        here = " ".join(slots(sentence))
        for what, cue, slot_words in CUES:
            if not re.search(cue, rest, re.I):
                continue
            # the phone number may follow in the next sentence ("Phone us. Our number is [...]")
            nearby = " ".join(slots(text)) if what == "a phone number" else here
            assert re.search(slot_words, nearby), f"{rule} ({where}) names {what} in {sentence!r} without a slot for it"


@pytest.mark.parametrize("rule", [r for r in RULES if r.kind == "required" and r.detail in SPECIFIC_DETAILS], ids=lambda r: r.id)
def test_every_variant_of_a_specific_detail_has_a_slot(rule):
    for profile, text in rule.suggestions.items():
        assert slots(text), f"{rule.id} ({profile}) gives a specific with no slot to fill: {text!r}"


@pytest.mark.parametrize("rule,where,text", SUGGESTIONS, ids=IDS)
def test_suggestions_are_plain_and_speak_to_the_reader(rule, where, text):
    # a whole sentence (not a replacement phrase such as "by [day and date]") speaks to the
    # reader: "you" and "we", or an instruction ("Please come at ..."); the social norm is the
    # one sentence about other people
    if len(text.split()) > 4 and rule != "social.negative_norm":
        personal = re.search(r"\b(?:you|your|we|us)\b", text, re.I) or re.match(r"(?:Please|Come|Bring|Tell|Call|Phone)\b", text)
        assert personal, f"{rule} ({where}): write to the reader as 'you': {text!r}"
    filled = SLOT.sub("it", text)  # a short word for the slot, so the score is the sentence's own
    age = litcheck.check_text(filled, profile="general").readability.reading_age
    assert age is None or age <= 11, f"{rule} ({where}) has reading age {age:.1f}: {text!r}"


def test_easy_read_variants_stay_easy_read():
    easy = load_profiles()["easy_read"]
    asked = set(easy.required) | set(easy.recommended)
    for rule in RULES:
        if rule.kind != "required" or rule.detail not in asked:
            continue
        assert "easy_read" in rule.suggestions, f"{rule.id} has no Easy Read sentence"
        text = rule.suggestions["easy_read"]
        for sentence in sentences(SLOT.sub("SLOT", text)):
            assert len(sentence.split()) <= 10, f"{rule.id}: Easy Read sentences are short: {sentence!r}"
            assert sentence.count(",") <= 1, f"{rule.id}: one idea a sentence in Easy Read: {sentence!r}"


LETTER = """\
Dear Mrs Ahmed

Your appointment at the Heart Clinic

Your appointment is on Thursday 12 March 2026 at 10:15am.
Please come to the Heart Clinic, Level 2, Outpatients Building, Northfield General Hospital, Ashby Road, NE6 2XX. Use the main entrance.

The doctor will check your heart and talk to you about your chest pain. Your visit will take about 2 hours.

Please bring this letter and a list of the medicines you take. You can eat and drink as normal.

The 12 bus stops outside the main entrance. You can bring a friend, relative or carer with you.

If you need an interpreter, including British Sign Language, tell us and we will book one for free. There is step-free access to the clinic. You can ask for this letter in large print, Easy Read or another language.

To change your appointment, call us on 01632 960555, Monday to Friday, 9am to 4pm.

Yours sincerely

Outpatient Bookings Team
"""


def test_a_letter_without_parking_is_offered_a_sentence_with_slots():
    report = litcheck.check_text(LETTER)
    assert report.profile == "appointment_letter"
    (parking,) = [f for f in report.findings if f.rule == "details.parking"]
    (suggestion,) = parking.suggestions
    assert "[car park name]" in suggestion and "[price, or free]" in suggestion
    assert not re.search(r"\d", suggestion)
    # the letter's own facts are not copied into, or contradicted by, the suggestion
    assert "Northfield" not in suggestion and "main entrance" not in suggestion


def test_an_easy_read_letter_gets_easy_read_slots():
    text = "Your health check\n\nYou are going to see the nurse.\n\nThe nurse will check your weight.\n"
    found = {f.rule: f.suggestions[0] for f in litcheck.check_text(text, profile="easy_read").findings if f.rule.startswith("details.")}
    assert found["details.contact"] == litcheck.load_rules().get("details.contact").suggestions["easy_read"]
    assert "[phone number]" in found["details.contact"]
    assert "[time in words and numbers]" in found["details.time"]


BASE = "Dear Mr Lee\n\nYou can book online at www.clinic.example/book. Please come along.\n\nYours sincerely\n"


@pytest.mark.parametrize("rule", [r for r in RULES if r.kind == "required"], ids=lambda r: r.id)
def test_a_filled_in_suggestion_gives_the_detail(rule):
    """Once the writer fills the slots, the sentence is one the details check recognises."""
    for profile, text in rule.suggestions.items():
        filled = SLOT.sub(lambda m: FILL[m.group()[1:-1]], text)
        report = litcheck.check_text(BASE.replace("Please come along.", f"Please come along. {filled}"), profile=profile if profile != "default" else "appointment_letter")
        detail = report.sections["details"].to_dict()[rule.detail]
        assert detail["present"], f"{rule.id} ({profile}): {filled!r} is not recognised as {rule.detail}"
