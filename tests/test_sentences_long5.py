"""Issue 21, session 5: sentences.long is on by default, and one plain idea of 21-25 words is
left alone: a reason in one run with no comma, a contrast that qualifies the idea, one more
list item after ", and", and a dosing step whose range of numbers is one amount. Two ideas
joined on are still reported. Texts are our own, modelled on NHS letters and leaflets."""

import pytest

import litcheck
from litcheck.analysers.metric import joins_ideas


def _long(text):
    return [f for f in litcheck.check_text(text).findings if f.rule == "sentences.long"]


def _words(text):
    return len(text.split())


def test_long_is_on_by_default():
    text = ("Your nurse will call you a week before the test, and she will tell you what to eat "
            "and drink on the day before it.")
    assert 21 <= _words(text) <= 25
    assert len(_long(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        # a statement and its reason in one run, with no comma
        "You can have a free flu jab at your GP surgery this winter because you will be aged 65 or over by the spring.",
        # a contrast that qualifies the one idea
        "Most children with eczema get better as they grow up, although some of them still have dry skin when they are adults.",
        # one more person in a list after ", and"
        "After your operation you will be looked after by a team of nurses and a physio, and sometimes a doctor from the pain team.",
        # another way to do the same thing after ", or"
        "Call the ward, or go to your nearest A&E, if you have heavy bleeding, bad pain in your tummy or a high temperature.",
        # a dosing step: "4 to 6 hours" is one amount, not three words (27 counted, 25 read)
        "If your child still has a high temperature, give them 1 spoon of the medicine every 4 to 6 hours, up to 4 times in one day.",
    ],
)
def test_one_plain_idea_of_21_to_25_words_is_not_long(text):
    # each is over 20 words and not hard: on the long rung, only the one-idea test leaves it alone
    assert _words(text) > 20
    rules = [f.rule for f in litcheck.check_text(text).findings if f.rule.startswith("sentences.")]
    assert rules == [], (text, rules)


@pytest.mark.parametrize(
    "text",
    [
        # a reason after a comma is a second idea
        "Please do not bring more than one person with you to the clinic, because the waiting room is small and often very busy.",
        # ", and" that starts a clause with a helping verb
        "Your results may take a few weeks to come back, and some people may need a second test before we can tell them more.",
        # ", or" with a clause of its own
        "If there is time we will do the test on the same day, or you may be asked to come back another day.",
        # ", and" with a command after it
        "Bring a list of the medicines you take and your glasses, and tell the nurse at the desk if you need help to get about.",
    ],
)
def test_two_ideas_joined_are_still_long(text):
    assert 21 <= _words(text) <= 25, _words(text)
    assert len(_long(text)) == 1, text


def test_joins_ideas_reads_list_items_and_clauses():
    assert not joins_ideas("You will see a nurse or a doctor, and sometimes a pharmacist as well.")
    assert joins_ideas("You will see a nurse, and the nurse will check your blood pressure.")
    assert joins_ideas("You will see a nurse, and many people needed more than one visit.")
    assert not joins_ideas("We cannot book you in today because the clinic is full.")
    assert joins_ideas("We cannot book you in today, because the clinic is full.")
