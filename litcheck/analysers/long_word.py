"""long_word: long words (4 or more syllables, or 13 or more letters) in otherwise plain sentences.

A suggestion only. To give at most one finding per word, it leaves alone what other checks
already report:

- words on the jargon lists (``skip_wordlists``: they get a plain alternative there);
- words rarer than ``skip_rare_below`` (words.rare reports them; keep the two thresholds equal);
- words commoner than ``skip_common_above`` (Zipf 5 is about once in every 100,000 words:
  "information", "usually", "available" are everyday words however long they are);
- words in sentences that are hard or very hard (sentences.hard and sentences.very_hard name
  their long words);
- names and abbreviations (anything not all lower case), hyphenated compounds ("self-care"),
  placeholders, web and e-mail addresses;
- words on the allow-lists (``allow_wordlist``: long words readers know, such as "appointment"
  and "information", everyday words and medicine names) and the organisation's accepted words;
- text the word rules do not read (other languages, template fields, copyright lines:
  ``skipped_text``) and image descriptions ("An illustration of ...", "A picture of ...");
- the text's topic word: a word used ``skip_topic_uses`` times or more in the document
  ("vaccinated" in a vaccination letter), which the reader cannot avoid and soon knows.

Each word is reported once per document.
"""

from __future__ import annotations

from typing import Iterator

from ..rule import Rule
import re

from .rare_word import list_words as _terms
from .skipped_text import is_skipped
from .substitution import accepted_words, in_expansion, token_forms

# a picture's description on an Easy Read page: "An illustration of a nurse ...", "Picture: ..."
_IMAGE_LINE = re.compile(r"^[^\w\n]*(an?\s+)?(illustration|picture|image|photo|photograph|drawing|icon)\b(\s+(of|showing)\b|\s*:)", re.I | re.M)


def _known(word: str, words: frozenset[str]) -> bool:
    return any(f in words for f in token_forms(word, word))


class LongWord(Rule):
    kind = "long_word"
    KEYS = {
        "min_syllables": (True, (int,)),  # this many syllables or more is long
        "min_letters": (True, (int,)),  # or this many letters or more
        "allow_wordlist": (False, (str, list)),  # long words readers know
        "skip_topic_uses": (False, (int,)),  # a word used this often is the text's topic
        "skip_wordlists": (False, (list,)),  # words another rule already flags, with alternatives
        "skip_rare_below": (False, (int, float)),  # words.rare's min_zipf: rarer words are its job
        "skip_common_above": (False, (int, float)),  # everyday words, however long
    }
    MESSAGE_FIELDS = frozenset({"actual", "value", "detail"})

    def setup(self, spec) -> None:
        self.min_syllables = int(spec["min_syllables"])
        self.min_letters = int(spec["min_letters"])
        names = spec.get("allow_wordlist") or []
        self.allowed = _terms([names] if isinstance(names, str) else names, self.path.parent)
        self.topic_uses = int(spec.get("skip_topic_uses", 0))
        self.listed = _terms(spec.get("skip_wordlists", ()), self.path.parent)
        self.rare_below = float(spec.get("skip_rare_below", 0))
        self.common_above = float(spec.get("skip_common_above", 99))

    @staticmethod
    def _uses(text: str, low: str) -> int:
        return len(re.findall(r"(?<![^\W\d_])" + re.escape(low) + r"(?![^\W\d_])", text, re.I))

    def _hard_sentences(self, ctx) -> set[tuple[int, int]]:
        from .metric import sentence_rung_of

        return {
            (s.start, s.end)
            for s in ctx.sentences_in(self.scope)
            if sentence_rung_of(ctx, s) in ("hard", "very_hard")
        }

    def check(self, ctx) -> Iterator:
        from ..readability.syllables import count_syllables
        from ..spelling import zipf

        accepted = accepted_words(ctx)
        hard = self._hard_sentences(ctx)
        text = ctx.document.text
        images = [(m.start(), text.find("\n", m.start()) % (len(text) + 1)) for m in _IMAGE_LINE.finditer(text)]
        seen: set[str] = set()
        for sentence in ctx.sentences_in(self.scope):
            if (sentence.start, sentence.end) in hard:
                continue
            for word in ctx.words(sentence):
                w = word.text
                low = w.lower()
                if not w.isalpha() or not w.islower() or low in seen:
                    continue
                syllables = count_syllables(w)
                if syllables < self.min_syllables and len(w) < self.min_letters:
                    continue
                if low in accepted or _known(low, self.allowed) or _known(low, self.listed):
                    continue
                frequency = zipf(low)
                if frequency < self.rare_below or frequency >= self.common_above:
                    continue
                if is_skipped(ctx, word.start, word.end) or in_expansion(text, word.start, word.end) or any(s <= word.start < e for s, e in images):
                    continue
                if self.topic_uses and self._uses(text, low) >= self.topic_uses:
                    continue
                seen.add(low)
                detail = f"{syllables} syllables" if syllables >= self.min_syllables else f"{len(w)} letters"
                yield ctx.finding(self, word.start, word.end, self.format_message(actual=w, value=syllables, detail=detail))
