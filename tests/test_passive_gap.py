"""Passive sentences: the active form when the actor is named, a template with the gap marked when not."""

import litcheck
from litcheck.analysers.passive import GAP


def _passive(text):
    return [f for f in litcheck.check_text(text).findings if f.rule == "voice.passive"]


def test_unknown_actor_gets_a_template_with_the_gap_marked():
    (f,) = _passive("You have been referred to the heart clinic.")
    assert f.suggestions == (f"{GAP} has referred you to the heart clinic.",)


def test_gap_template_keeps_modals_and_the_object():
    (f,) = _passive("Your results will be sent to your GP.")
    assert f.suggestions == ("[Who?] will send your results to your GP.",)


def test_gap_template_keeps_the_words_before_the_clause():
    (f,) = _passive("If you are asked to fast, do not eat after midnight.")
    assert f.suggestions == ("If [Who?] asks you to fast, do not eat after midnight.",)


def test_named_actor_still_gets_the_full_active_sentence():
    (f,) = _passive("You have been referred to the heart clinic by your GP.")
    assert f.suggestions == ("Your GP has referred you to the heart clinic.",)
    assert GAP not in f.suggestions[0]
