"""Inflected suggestions for compound and phrase alternatives (a plural goes on the head noun)."""

import pytest

import litcheck
from litcheck.analysers.inflection import inflect_like


@pytest.mark.parametrize(
    "alternative, matched, before, expected",
    [
        # an "-s" word that is a verb and a plural noun: the plural goes on the compound's head
        ("blood test", "tests", "", "blood tests"),
        ("blood test", "tests", "your", "blood tests"),
        ("ultrasound scan of your heart", "echoes", "two", "ultrasound scans of your heart"),
        ("tissue sample", "biopsies", "the", "tissue samples"),
        ("small mesh tube", "stents", "both", "small mesh tubes"),
        # after a subject the "-s" word is a verb: a noun phrase is left as it is
        ("blood test", "tests", "it", "blood test"),
        # a verb phrase still takes the verb's "-s"
        ("take in", "absorbs", "", "takes in"),
        ("see or hear things that are not there", "hallucinates", "", "sees or hears things that are not there"),
        ("see or hear things that are not there", "hallucinated", "", "saw or heard things that are not there"),
        # two nouns joined by "or" are both heads; by "and" one of each is left; joined modifiers are not heads
        ("doctor or nurse", "clinicians", "", "doctors or nurses"),
        ("throat and windpipe", "airways", "your", "throat and windpipe"),
        ("bladder and kidney clinic", "urologies", "", "bladder and kidney clinics"),
        ("disabled person", "invalids", "", "disabled people"),
        ("treatment without an operation", "treatments", "", "treatments without an operation"),
        ("condition where your immune system attacks your body", "autoimmune diseases", "",
         "conditions where your immune system attacks your body"),
        # not a plain noun phrase: left as it is rather than made wrong
        ("something you are allergic to", "allergens", "", "something you are allergic to"),
        ("how often you poo", "bowel habits", "", "how often you poo"),
        ("has epilepsy", "epileptics", "", "has epilepsy"),
        ("with a learning disability", "defectives", "", "with a learning disability"),
        ("removing fluid with a needle", "aspirations", "", "removing fluid with a needle"),
        ("in hospital", "inpatients", "", "in hospital"),
        ("pain relief", "analgesics", "", "pain relief"),
        ("cough, cold or sore throat", "infections", "", "cough, cold or sore throat"),
        ("seizure (fit)", "convulsions", "", "seizure (fit)"),
        # a noun with a relative clause is a noun phrase, never given a verb's form
        ("doctor who asked us to see you", "referring doctors", "", "doctor who asked us to see you"),
    ],
)
def test_a_plural_goes_on_the_head_noun_of_a_compound(alternative, matched, before, expected):
    assert inflect_like(alternative, matched, before) == expected


_SMALL_WORDS = frozenset("or and up down out off in on to of you where when how".split())


def test_every_compound_alternative_in_the_word_lists_keeps_its_noun_phrase_whole():
    """For the plural of every listed noun, no alternative gets its "-s" on the first noun of a
    compound ("bloods test", "ultrasounds scan") or on a word of a clause after the noun
    ("your bodies", "you poos")."""
    from pathlib import Path

    from litcheck.analysers.inflection import form_of
    from litcheck.nlp import lemminflect

    def noun(w):
        return bool(lemminflect.getAllLemmas(w.lower()).get("NOUN"))

    bad, checked = [], 0
    for path in sorted(Path(litcheck.__file__).resolve().parent.parent.joinpath("wordlists").glob("*.tsv")):
        lines = path.read_text(encoding="utf-8").splitlines()
        if not lines or "alternatives" not in lines[0]:
            continue
        for line in lines[1:]:
            if line.startswith("#") or "\t" not in line:
                continue
            term, alternatives = line.split("\t")[:2]
            last = term.split()[-1].lower()
            plural = lemminflect.getInflection(last, tag="NNS")
            if not noun(last) or form_of(last) is not None or not plural or plural[0] == last:
                continue
            matched = " ".join(term.split()[:-1] + [plural[0]])
            for alt in (a.strip() for a in alternatives.split("|")):
                words = alt.split()
                if len(words) < 2:
                    continue
                checked += 1
                out = inflect_like(alt, matched).split()
                changed = [i for i, (a, b) in enumerate(zip(words, out)) if a != b]
                cut = next((i for i, w in enumerate(words)
                            if w.lower() in ("that", "who", "which", "you", "where", "when")), len(words))
                compound = noun(words[0]) and noun(words[1].strip(",")) and words[1].lower() not in _SMALL_WORDS
                if any(i > cut for i in changed) or (compound and 0 in changed):
                    bad.append((matched, alt, " ".join(out)))
    assert checked > 200
    assert not bad, bad[:10]


@pytest.mark.parametrize(
    "text, term, expected",
    [
        ("The biopsies we took last week showed no cancer cells.", "biopsies", "tissue samples"),
        ("Your clinicians will talk to you about the results.", "clinicians", "doctors or nurses"),
    ],
)
def test_a_letter_gets_the_plural_compound_suggestion(text, term, expected):
    found = [f for f in litcheck.check_text(text).findings if f.rule.startswith("jargon") and f.text == term]
    assert found and expected in found[0].suggestions
