"""Passive sentences: the active form only when the actor is named and the clause is plain;
otherwise advice with no rewrite (a guessed actor in running text reads as a fact)."""

import litcheck


def _passive(text):
    return [f for f in litcheck.check_text(text).findings if f.rule == "voice.passive"]


def test_unknown_actor_gets_advice_and_no_rewrite():
    (f,) = _passive("You have been referred to the heart clinic.")
    assert f.suggestions == ()
    assert "[Who?]" not in f.message and "Say who" in f.message


def test_no_rewrite_reverses_who_does_what():
    # "if you are hurt" must never become "if [Who?] hurts you"
    for f in _passive("If you are hurt in a fall, call us. Your results will be sent to your GP."):
        assert not f.suggestions


def test_named_actor_gets_the_full_active_sentence():
    (f,) = _passive("You have been referred to the heart clinic by your GP.")
    assert f.suggestions == ("Your GP has referred you to the heart clinic.",)


def test_an_actor_the_tokenizer_splits_gets_no_rewrite():
    # "pre-assessment" is three tokens: moving them would garble the name
    (f,) = _passive("You will be contacted by the pre-assessment team.")
    assert f.suggestions == ()


def test_natural_passives_are_not_reported():
    assert _passive("You will be seen by a nurse. You must be registered with a GP. Children can be vaccinated at school.") == []


def test_a_by_after_another_participle_is_not_this_verbs_actor():
    """"made ... as requested by your doctor": the doctor asked, the hospital made it. No
    active sentence that says the doctor made the appointment."""
    import litcheck

    text = "This appointment has been made to assess and treat your condition as requested by your referring doctor."
    [f] = [f for f in litcheck.check_text(text, select=["voice"]).findings]
    assert f.text == "has been made" and f.suggestions == () and "doctor has made" not in f.message
