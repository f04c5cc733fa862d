"""Readability formulas as pure functions of counts.

Each takes counts, never text, so the arithmetic is tested apart from the counting.
UK reading age is the US school grade plus 5 (a US grade 1 child is about 6 years old).
"""

from __future__ import annotations

import math


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    """Flesch (1948): 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words).

    Higher is easier: 60 to 70 is plain English; below 30 is very hard.
    """
    if not words or not sentences:
        return 0.0
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    """Kincaid et al. (1975): 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59."""
    if not words or not sentences:
        return 0.0
    return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59


def smog_grade(polysyllables: int, sentences: int) -> float:
    """McLaughlin (1969): 1.0430 * sqrt(polysyllables * 30 / sentences) + 3.1291.

    Polysyllables are words of three or more syllables. SMOG predicts the grade at which a
    reader understands the text fully, which is why health writers prefer it.
    """
    if not sentences:
        return 0.0
    return 1.0430 * math.sqrt(polysyllables * 30 / sentences) + 3.1291


def reading_age(us_grade: float) -> float:
    """UK reading age in years: US grade + 5."""
    return us_grade + 5


#: Share of UK adults who can read text at a SMOG level, from the NHS digital service
#: manual's content guide. (lowest SMOG, highest SMOG, share of adults)
WHO_CAN_READ = ((7, 9, 0.93), (10, 11, 0.76), (12, 13, 0.51), (14, 16, 0.22))
WHO_CAN_READ_SOURCE = (
    "NHS digital service manual, content guide (health literacy): share of UK adults who can "
    "read text at each SMOG level: 7-9, 93%; 10-11, 76%; 12-13, 51%; 14-16, 22%"
)


def who_can_read(smog: float) -> tuple[str, float | None, str]:
    """(SMOG band, share of UK adults who can read it, a sentence saying so).

    Outside the bands the source gives, the share is None and the sentence says
    "more than" or "fewer than".
    """
    grade = round(smog)
    for low, high, share in WHO_CAN_READ:
        if low <= grade <= high:
            return f"{low}-{high}", share, f"about {share:.0%} of UK adults can read text at this level"
    if grade < WHO_CAN_READ[0][0]:
        first = WHO_CAN_READ[0][2]
        return "under 7", None, f"more than {first:.0%} of UK adults can read text at this level"
    last = WHO_CAN_READ[-1][2]
    return "17 or more", None, f"fewer than {last:.0%} of UK adults can read text at this level"
