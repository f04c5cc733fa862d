"""The prefilter's decision tree (issue 20) answers as trying each set of words in turn does."""

from __future__ import annotations

import random

from litcheck import prefilter
from litcheck.prefilter import Lowered, Prefilter


def _by_sets(clauses, present) -> bool:
    return any(all(present[w] for w in c) for c in clauses)


def test_the_tree_answers_as_the_sets_for_every_shipped_pattern():
    rng = random.Random(20)
    checked = 0
    for clauses in prefilter._shipped().values():
        if not clauses:
            continue
        clauses = tuple(dict.fromkeys(clauses))
        words = sorted(set().union(*clauses))
        node = prefilter._node(clauses)
        for trial in range(60):
            share = (0.05, 0.5, 0.9, 0.98)[trial % 4]
            present = {w: rng.random() < share for w in words}
            if trial % 3 == 0:  # one set all there, the others by chance
                present.update(dict.fromkeys(rng.choice(clauses), True))
            known = dict(present)  # every word's answer given: the text is never read
            assert prefilter._holds(node, known, "") is _by_sets(clauses, present)
            checked += 1
    assert checked > 5000


def test_the_tree_asks_about_a_missing_common_word_first():
    # every set holds " be asked to ": a text without it is answered by that one look
    p = Prefilter(r"(will|may) be asked to (register|enrol) (elsewhere|with another (practice|surgery))")
    assert len(p.clauses) == 12
    low = Lowered("You will be told to register with another practice.")
    assert p.could_match(low) is False
    assert low._present == {" be asked to ": False}
    assert p.could_match(Lowered("You may be asked to enrol with another surgery.")) is True
    assert p.could_match(Lowered("You may be asked to enrol with another GP.")) is False
