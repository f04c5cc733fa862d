"""substitution: a word or phrase with a plainer alternative (jargon, wordy words).

Matching is case-insensitive and inflection-aware: each document token is compared by its
surface form, its lookup lemma and simple stems, so "haemorrhages", "commenced" and
"utilising" match the entries "haemorrhage", "commence" and "utilise"; -ize spellings
match -ise entries. Multi-word entries ("nil by mouth", "in order to") match token by token.
A term explained in place ("high blood pressure (hypertension)") is not flagged, nor is
anything inside a placeholder, web address or e-mail address.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from .. import wordlists
from ..rule import Rule
from .inflection import inflect_like

_IZE = re.compile(r"iz(e|es|ed|ing|er|ers|ation|ations)$")


@lru_cache(maxsize=200_000)
def token_forms(lower: str, lemma: str) -> frozenset[str]:
    """Every form a document token may match an entry by."""
    forms = {lower, lemma}
    w = lower
    if len(w) > 4:
        if w.endswith("ies"):
            forms.add(w[:-3] + "y")
        if w.endswith("es"):
            forms.update((w[:-2], w[:-1]))
        elif w.endswith("s") and not w.endswith("ss"):
            forms.add(w[:-1])
        if w.endswith("ied"):
            forms.add(w[:-3] + "y")
        elif w.endswith("ed"):
            forms.update((w[:-2], w[:-1]))
            if len(w) > 5 and w[-3] == w[-4]:
                forms.add(w[:-3])  # referred -> refer
        if w.endswith("ing") and len(w) > 5:
            forms.update((w[:-3], w[:-3] + "e"))
            if w[-4] == w[-5]:
                forms.add(w[:-4])
    forms |= {_IZE.sub(r"is\1", f) for f in forms}
    return frozenset(forms)


# A term explained in place: "hypertension (high blood pressure)", "(hypertension)"
# after the plain words, or "hypertension, which means ...".
_EXPLAINED_AFTER = re.compile(
    r"\s*(\(|[,:\-–—]?\s*(which|this|that)\s+means\b|,?\s*meaning\b|,?\s*also\s+called\b|"
    r"\s(is|are)\s+(a|an)\s+(test|scan|check|way|procedure|operation|medicine|word|type|kind)\b)",
    re.I,
)
_EXPLAINED_BEFORE = re.compile(r"(\(|\b(also\s+called|known\s+as|called|the\s+medical\s+(word|term|name)\s+(for\s+this\s+)?is)\s*)$", re.I)


class Substitution(Rule):
    kind = "substitution"
    KEYS = {
        "wordlist": (False, (str, list)),  # file(s) under wordlists/
        "swap": (False, (dict,)),  # inline: term -> alternative or [alternatives]
        # the message when the best alternative is to delete the words ("(omit)")
        "message_omit": (False, (str,)),
        # also check the organisation's own terms (Context option ``extra_terms``)
        "organisation_terms": (False, (bool,)),
    }
    MESSAGE_FIELDS = frozenset({"actual", "expected", "alternatives"})
    CAN_EDIT = True

    def setup(self, spec) -> None:
        self.organisation_terms = bool(spec.get("organisation_terms", False))
        if "wordlist" not in spec and "swap" not in spec and not self.organisation_terms:
            self.fail(None, "a substitution rule needs 'wordlist', 'swap' or 'organisation_terms'")
        self.message_omit = str(spec.get("message_omit", _OMIT_MESSAGE)).strip()
        try:
            self.message_omit.format_map({f: "" for f in self.MESSAGE_FIELDS})
        except (KeyError, ValueError, IndexError) as exc:
            self.fail("message_omit", f"message_omit is not a valid template: {exc}")
        entries: list[wordlists.Entry] = []
        names = spec.get("wordlist", [])
        for name in [names] if isinstance(names, str) else names:
            entries.extend(wordlists.load(wordlists.resolve(name, self.path.parent)))
        for term, alts in (spec.get("swap") or {}).items():
            alts = [alts] if isinstance(alts, str) else list(alts)
            entries.append(wordlists.Entry(str(term), tuple(str(a) for a in alts)))
        self.entries = entries
        self._index: dict[str, list] | None = None

    @property
    def index(self) -> dict[str, list]:
        """First word of each entry -> [(entry, words)], longest entries first."""
        if self._index is None:
            self._index = _build_index(self.entries)
        return self._index

    def index_for(self, ctx) -> dict[str, list]:
        """This rule's index, plus the organisation's own terms when the rule takes them."""
        paths = tuple(str(p) for p in ctx.options.get("extra_terms") or ()) if self.organisation_terms else ()
        if not paths:
            return self.index
        extra = [e for p in paths for e in wordlists.load(wordlists.resolve(p))]
        return _index_with(tuple(self.entries), tuple(extra))

    def entry_for(self, words: str, ctx=None):
        """The word-list entry that matches ``words`` (a finding's text) as a whole, or None."""
        from ..nlp import tokens

        doc = tokens(words)
        index = self.index_for(ctx) if ctx is not None else self.index
        match = self._match_at(doc, 0, len(doc), index) if len(doc) else None
        return match[0] if match and match[1] == len(doc) else None

    def check(self, ctx) -> Iterator:
        index = self.index_for(ctx)
        if not index:
            return
        accepted = accepted_words(ctx)
        doc = ctx.tokens
        text = ctx.document.text
        for sentence, span in ctx.token_spans(self.scope):
            sentence_text = text[sentence.start : sentence.end]
            i, stop = span.start, span.end
            while i < stop:
                match = self._match_at(doc, i, stop, index)
                if match is None:
                    i += 1
                    continue
                entry, n = match
                start, end = doc[i].idx, doc[i + n - 1].idx + len(doc[i + n - 1])
                i += n
                if ctx.is_masked(start, end) or _explained(text, start, end):
                    continue
                if entry.skip_when is not None and entry.skip_when.search(sentence_text):
                    continue
                actual = text[start:end]
                if actual.lower() in accepted or entry.term.lower() in accepted:
                    continue
                before = doc[i - n - 1].lower_ if i - n - 1 >= span.start else ""
                if actual.lower() == entry.term.lower():  # the listed form: its alternatives fit as they are
                    alts = [_match_case(a, actual) for a in entry.alternatives]
                else:
                    alts = [_match_case(inflect_like(a, actual, before), actual) for a in entry.alternatives]
                yield self._finding(ctx, start, end, actual, alts)

    def _finding(self, ctx, start: int, end: int, actual: str, alts: list[str]):
        """One finding; "(omit)" as the best alternative means: delete the words."""
        if alts and _is_omit(alts[0]):
            others = [a for a in alts[1:] if not _is_omit(a)]
            text = ctx.document.text
            # take one neighbouring space with the words, so deleting leaves clean text
            if end < len(text) and text[end] == " ":
                end += 1
            elif start > 0 and text[start - 1] == " ":
                start -= 1
            msg = self.message_omit.format_map(
                {"actual": actual, "expected": "", "alternatives": " or ".join(f"'{a}'" for a in others)}
            )
            if others:
                msg += " Or try " + " or ".join(f"'{a}'" for a in others) + "."
            return ctx.finding(self, start, end, msg, ["", *others])
        msg = self.format_message(
            actual=actual,
            expected=alts[0] if alts else "",
            alternatives=" or ".join(f"'{a}'" for a in alts),
        )
        return ctx.finding(self, start, end, msg, alts)

    @staticmethod
    def _match_at(doc, i: int, stop: int, index) -> tuple | None:
        """The longest entry that matches at token ``i`` (ties: the list's order)."""
        tok = doc[i]
        best = None
        for form in sorted(token_forms(tok.lower_, tok.lemma_.lower())):
            for entry, words in index.get(form, ()):
                n = len(words)
                if i + n > stop or (best is not None and n <= best[1]):
                    continue
                if all(words[k] in token_forms(doc[i + k].lower_, doc[i + k].lemma_.lower()) for k in range(1, n)):
                    best = (entry, n)
        return best


_OMIT_MESSAGE = "'{actual}' adds words without adding meaning. Leave it out."
_OMIT = re.compile(r"^\(?\s*(omit|delete|leave (it )?out|remove)( it)?\s*\)?$", re.I)


def _is_omit(alternative: str) -> bool:
    return bool(_OMIT.match(alternative.strip()))


def accepted_words(ctx) -> frozenset[str]:
    """The organisation's own accepted words (Context option ``accepted_words``), lower-cased."""
    words = ctx.options.get("accepted_words") or ()
    return frozenset(str(w).strip().lower() for w in words if str(w).strip())


def _build_index(entries) -> dict[str, list]:
    from ..nlp import english

    tokenizer = english().tokenizer
    index: dict[str, list] = {}
    for entry in entries:
        words = tuple(t.lower_ for t in tokenizer(entry.term.lower()))
        words = tuple(_IZE.sub(r"is\1", w) for w in words)
        if words:
            index.setdefault(words[0], []).append((entry, words))
    for candidates in index.values():
        candidates.sort(key=lambda c: -len(c[1]))
    return index


@lru_cache(maxsize=16)
def _index_with(entries: tuple, extra: tuple) -> dict[str, list]:
    return _build_index((*entries, *extra))


def _explained(text: str, start: int, end: int) -> bool:
    after = text[end : end + 40]
    before = text[max(0, start - 40) : start]
    if re.search(r"\((an?\s+|the\s+)?$", before) and after.startswith(")"):
        return True  # "high blood pressure (hypertension)"
    return bool(_EXPLAINED_AFTER.match(after)) or bool(_EXPLAINED_BEFORE.search(before))


def _match_case(alternative: str, actual: str) -> str:
    if actual.isupper() and len(actual) > 1:
        return alternative.upper()
    if actual[:1].isupper():
        return alternative[:1].upper() + alternative[1:]
    return alternative
