"""UK spellings to US ones, for look-ups in US-made data (the CMU pronouncing dictionary,
word frequencies): haemoglobin -> hemoglobin, colour -> color, organise -> organize."""

from __future__ import annotations

import re
from functools import lru_cache

UK_TO_US = [
    (re.compile(r"ae"), "e"),  # haemoglobin, anaemia, orthopaedic
    (re.compile(r"oe(?=[^s]|$)"), "e"),  # oesophagus, oedema, diarrhoea (not "shoes")
    (re.compile(r"our(?=s?$|ed$|ing$|ite|able|er)"), "or"),  # colour, favourite, humour
    (re.compile(r"tre(?=s?$|d$)"), "ter"),  # centre, litre, metres
    (re.compile(r"(?<=[bv])re(?=s?$|d$)"), "er"),  # fibre, calibre, manoeuvre
    (re.compile(r"is(?=e$|es$|ed$|ing$|ation)"), "iz"),  # organise, organisation
    (re.compile(r"ys(?=e$|es$|ed$|ing$)"), "yz"),  # analyse, paralysed
    (re.compile(r"ogue$"), "og"),  # catalogue
    (re.compile(r"(?<=[aeiou][lp])l(?=ed$|ing$|er$)"), ""),  # travelled, cancelled
    (re.compile(r"ence$"), "ense"),  # licence, defence
]


def uk_to_us(word: str) -> list[str]:
    """US spellings worth trying for a UK word, most likely first."""
    out = []
    cur = word
    for pattern, repl in UK_TO_US:
        new = pattern.sub(repl, cur)
        if new != cur:
            cur = new
            out.append(cur)
    return out


@lru_cache(maxsize=100_000)
def zipf(word: str) -> float:
    """The Zipf frequency of ``word`` in English (wordfreq), the best of its UK and US
    spellings: "haemoglobin" is as common as "hemoglobin"."""
    from wordfreq import zipf_frequency

    w = word.lower()
    best = zipf_frequency(w, "en")
    for us in uk_to_us(w):
        best = max(best, zipf_frequency(us, "en"))
    return best
