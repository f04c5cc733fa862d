"""voice.passive when the sentence names who acts (issue 21, second judge: "the actor is already
named; the message wrongly says the sentence does not say who")."""

from litcheck import check_text


def _passives(text: str):
    return [f for f in check_text(text, select=["voice.passive"]).findings if f.rule == "voice.passive"]


def test_one_of_a_group_is_a_named_actor_and_takes_a_singular_verb():
    (f,) = _passives("A small sample of cells is taken by one of our practice nurses at the surgery.")
    assert f.text == "is taken by one of our practice nurses"
    assert list(f.suggestions) == ["One of our practice nurses takes a small sample of cells at the surgery."]


def test_a_named_actor_without_a_safe_rewrite_is_not_called_missing():
    (f,) = _passives("The results of the blood test you had at the clinic last week will be checked by your GP.")
    assert "does not say who" not in f.message
    assert "'your GP' first" in f.message
    assert not f.suggestions


def test_a_passive_with_no_actor_still_says_so():
    (f,) = _passives("Your results will be sent in the post.")
    assert "does not say who" in f.message
