"""A proposed split is offered only when each half has a verb of its own (issue 21, a defect
seen on real letters: ", and any other ..." cut off the last item of a list). Our own text."""

from litcheck.analysers.split_proposal import has_own_verb, propose_split


def test_the_last_item_of_a_list_is_not_cut_off_as_a_sentence():
    s = ("Please send us a copy of your referral letter, a list of the medicines you take, "
         "and any other relevant information that may assist the team in planning your care.")
    assert propose_split(s) is None


def test_a_verb_inside_a_that_clause_is_not_the_halfs_own():
    assert not has_own_verb("Any other relevant information that may assist the team")
    assert has_own_verb("Any information that you have will help the team")
    assert has_own_verb("Anyone who needs help can call us on the number above")


def test_instructions_and_statements_have_their_own_verb():
    assert has_own_verb("Bring a list of your medicines")  # 'bring' is not an -ing form
    assert has_own_verb("That letter will come soon")  # 'that' opening a half is not a relative
    assert not has_own_verb("A copy of your referral and the names of your medicines")


def test_a_split_whose_halves_are_both_sentences_is_still_offered():
    s = ("Please arrive at the main reception desk fifteen minutes early, "
         "and a member of the nursing team will take you through to the clinic room.")
    assert propose_split(s) == (
        "Please arrive at the main reception desk fifteen minutes early. "
        "A member of the nursing team will take you through to the clinic room."
    )
