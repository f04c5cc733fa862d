"""substitution: a word or phrase with a plainer alternative (jargon, wordy words).

Matching is case-insensitive and inflection-aware: each document token is compared by its
surface form, its lookup lemma and simple stems, so "haemorrhages", "commenced" and
"utilising" match the entries "haemorrhage", "commence" and "utilise"; -ize spellings
match -ise entries. Multi-word entries ("nil by mouth", "in order to") match token by token.
A term explained in place ("high blood pressure (hypertension)") is not flagged, nor is
anything inside a placeholder, web address or e-mail address, text in another language, a
copyright line (``skipped_text``), or a name, sign or job title ("Renal Outpatients", "The
Patient Services Officer", "Magnetic Resonance Imaging (MRI)": capitalised words run together
inside an ordinary sentence). A capitalised item of a list ("Asthma, COPD, Fibromyalgia and
Heart failure") is not a name, and a term that is a whole name on its own ("the Learning
Disability Register") is still reported. An abbreviation in brackets spells out letters, not a
meaning: "computerised tomography (CT)" is reported.

A term counts as explained when the text explains it where the reader first meets it: a gloss
in brackets either way round, "called X" / "known as X", "X, which is/means ...", "X is a ...",
"X - a ...", a definition in the next two sentences ("Colonoscopy" as a heading, then "A
colonoscopy is a test ..."), or a question heading anywhere ("What is a colonoscopy?"), which
the text then answers. The same sentence may also explain it: who the person is ("a radiologist,
who is a doctor ..."), what they do ("a sonographer performs the scan"), plain examples ("soft
tissues such as muscles"), what it means for the reader ("a teaching hospital, so students may
be there"), or a short bracket of plain
words round it ("(anticoagulants or antiplatelets)"). A term named first in a title or heading and explained at its first use
in the text below is explained. With ``repeats: first`` (the jargon rules) each term gives one finding,
at its first use, and the message says how many more times it is used; a term explained at its
first use is fine everywhere. ``repeats: every`` reports every unexplained use.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from .. import wordlists
from ..nlp import token_range
from ..prefilter import lower_is_exact
from ..textpatterns import offsets
from ..rule import Rule
from .inflection import inflect_like
from .skipped_text import is_skipped

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
    r"s?\s*(\(|[,:\-–—]?\s*(which|this|that)\s+(means|is|are)\b|,?\s*meaning\b|,?\s*(also\s+)?(called|known\s+as)\b|"
    r"\s+(is|are)\s+(a|an|the|when|where|how|used\s+to|like|made\s+of)\b|\s+means\b|\s+[–—-]\s+(a|an|the)\s|"
    r"\s+(or|and)\s+[\w-]+\s*\((?!\s*[A-Z]{2,}s?\s*\)))",
    re.I,
)
_EXPLAINED_BEFORE = re.compile(
    r"(\(|\b(also\s+called|known\s+as|called|named|(sometimes\s+|also\s+)?referred\s+to\s+as|the\s+medical\s+(word|term|name)\s+(for\s+(this|it)\s+)?is)\s*(the\s+|an?\s+)?)$", re.I
)
# "What is a colonoscopy?", "What are biopsies?": a question the text then answers
_QUESTION_BEFORE = re.compile(r"\bwhat\s+(is|are)\s+(an?\s+|the\s+)?$", re.I)
# small words that may sit inside a name ("Department of Health and Social Care")
_NAME_JOINERS = frozenset({"of", "and", "for", "the", "&", "on", "in"})


class Substitution(Rule):
    kind = "substitution"
    KEYS = {
        "wordlist": (False, (str, list)),  # file(s) under wordlists/
        "swap": (False, (dict,)),  # inline: term -> alternative or [alternatives]
        # the message when the best alternative is to delete the words ("(omit)")
        "message_omit": (False, (str,)),
        # also check the organisation's own terms (Context option ``extra_terms``)
        "organisation_terms": (False, (bool,)),
        # first: one finding per term, at its first unexplained use, with a count of repeats;
        # every: a finding at every unexplained use
        "repeats": (False, (str,)),
    }
    #: {word}: "word" for one word, "phrase" for several ("'in order to' is an official-sounding phrase")
    MESSAGE_FIELDS = frozenset({"actual", "expected", "alternatives", "word"})
    CAN_EDIT = True

    def setup(self, spec) -> None:
        self.organisation_terms = bool(spec.get("organisation_terms", False))
        if "wordlist" not in spec and "swap" not in spec and not self.organisation_terms:
            self.fail(None, "a substitution rule needs 'wordlist', 'swap' or 'organisation_terms'")
        self.repeats = str(spec.get("repeats", "every"))
        if self.repeats not in ("first", "every"):
            self.fail("repeats", "repeats must be 'first' or 'every'")
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
        uses = list(self._uses(ctx, index))
        if self.repeats == "every" or ctx.options.get("every_use"):  # every_use: for litcheck fix
            for u in uses:
                if not u.explained:
                    yield self._finding(ctx, u.start, u.end, u.actual, u.alts)
            return
        if not uses:
            return
        by_term: dict[str, list] = {}
        for u in uses:
            by_term.setdefault(u.key, []).append(u)
        silenced = self._silenced(ctx, uses)
        for key, group in by_term.items():
            # whether a use is explained is worked out only for the uses asked about here: the
            # first, and the first below a title or heading
            first = group[0]
            if first.explained or any(_same_term(first.actual, q) or _same_term(key, q) for q in questions_asked(ctx)):
                continue
            # a title or heading names the term; the text explains it at its first use below
            below = next((u for u in group if not u.heading), None)
            if below is not None and below.explained and all(u.heading for u in group[: group.index(below)]):
                continue
            # a use a suppression comment silences is given as it is (the comment then counts as
            # used) and the term is reported at its first use that is not silenced
            for k, u in enumerate(group):
                if k in silenced.get(key, ()):
                    yield self._finding(ctx, u.start, u.end, u.actual, u.alts)
                    continue
                yield self._finding(ctx, u.start, u.end, u.actual, u.alts, len(group) - k - 1)
                break

    def _silenced(self, ctx, uses) -> dict[str, set[int]]:
        """term -> indexes (within the term's uses) of the uses a suppression comment silences."""
        from .. import suppressions

        if not ctx.memo("suppressions.may_silence", lambda c: suppressions.may_silence(c.document)):
            return {}  # no suppression comment in the document: nothing is silenced
        findings = [self._finding(ctx, u.start, u.end, u.actual, u.alts) for u in uses]
        kept = {id(f) for f in suppressions.apply(ctx.document, findings)}
        out: dict[str, set[int]] = {}
        count: dict[str, int] = {}
        for u, f in zip(uses, findings):
            k = count[u.key] = count.get(u.key, -1) + 1
            if id(f) not in kept:
                out.setdefault(u.key, set()).add(k)
        return out

    def _uses(self, ctx, index) -> Iterator["Use"]:
        """Every use of a listed term the rule reads, in text order (whether it is explained
        there, and its alternatives, are worked out when asked for: ``Use``)."""
        accepted = accepted_words(ctx)
        doc = ctx.tokens
        forms = document_forms(ctx)
        # the tokens some entry may start at, in order (one set test a token, in one pass)
        firsts = _first_words(index)
        candidates = forms.tokens_with(firsts)
        if not candidates:
            return
        sets = forms.sets
        # no entry of one word starts at a candidate, nor does the next token hold any entry's
        # second word: no entry matches there (``_match_forms`` would give None)
        singles, seconds = getattr(index, "singles", None), getattr(index, "seconds", None)
        text = ctx.document.text
        where = (text, ctx.sentences, firsts, doc)
        # a sentence's start -> (its end, name_words), for every term rule
        named = ctx.memo("substitution.name_words", lambda c: {})
        marks = expansion_marks(ctx)
        for sentence, first, stop in forms.sentence_tokens(ctx, self.scope):
            sentence_text = sentence_words = None
            i = first
            k = bisect_left(candidates, i)
            while k < len(candidates):
                c = candidates[k]
                k += 1
                if c >= stop:
                    break
                if c < i:
                    continue  # inside the entry matched before
                if singles is not None and singles.isdisjoint(sets[c]) and (c + 1 >= stop or seconds.isdisjoint(sets[c + 1])):
                    continue
                match = _match_forms(forms, c, stop, index)
                if match is None:
                    continue
                i = c
                entry, n = match
                start, end = forms.starts[i], forms.ends[i + n - 1]
                i += n
                if is_skipped(ctx, start, end):
                    continue
                if not _lower_word_at(text, start, sentence.start, sentence.end):
                    if sentence_words is None:
                        sentence_words = named.get(sentence.start)
                        if sentence_words is None or sentence_words[0] != sentence.end:
                            sentence_words = named[sentence.start] = (sentence.end, name_words(text, sentence.start, sentence.end))
                        sentence_words = sentence_words[1]
                    if in_name(text, start, end, sentence.start, sentence.end, sentence_words):
                        continue
                if in_expansion(text, start, end, marks):
                    continue
                if entry.skip_when is not None:
                    if sentence_text is None:
                        sentence_text = text[sentence.start : sentence.end]
                    if entry.skip_when.search(sentence_text):
                        continue
                actual = text[start:end]
                if actual.lower() in accepted or entry.term.lower() in accepted:
                    continue
                yield Use(entry, start, end, actual, sentence, i - n - 1 if i - n - 1 >= first else -1, where)

    def repeats_of(self, finding, ctx) -> list[tuple[int, int]]:
        """(start, end) of the later uses of the term a ``repeats: first`` finding reports (for a
        tool that changes every use, as ``litcheck fix`` may)."""
        entry = self.entry_for(finding.text, ctx)
        if entry is None:
            return []
        key = entry.term.lower()
        return [(u.start, u.end) for u in self._uses(ctx, self.index_for(ctx))
                if u.key == key and u.start > finding.start]

    def _finding(self, ctx, start: int, end: int, actual: str, alts: list[str], more: int = 0):
        """One finding; "(omit)" as the best alternative means: delete the words. ``more``: how
        many more times the term is used (said in the message)."""
        tail = "" if more <= 0 else (" It is used once more in this text." if more == 1 else f" It is used {more} more times in this text.")
        if alts and _is_omit(alts[0]):
            others = [a for a in alts[1:] if not _is_omit(a)]
            text = ctx.document.text
            # take one neighbouring space with the words, so deleting leaves clean text
            if end < len(text) and text[end] == " ":
                end += 1
            elif start > 0 and text[start - 1] == " ":
                start -= 1
            msg = self.message_omit.format_map(
                {"actual": actual, "expected": "", "alternatives": " or ".join(f"'{a}'" for a in others),
                 "word": _word_or_phrase(actual)}
            )
            if others:
                msg += " Or try " + " or ".join(f"'{a}'" for a in others) + "."
            return ctx.finding(self, start, end, msg + tail, ["", *others])
        msg = self.format_message(
            actual=actual,
            expected=alts[0] if alts else "",
            alternatives=" or ".join(f"'{a}'" for a in alts),
            word=_word_or_phrase(actual),
        )
        return ctx.finding(self, start, end, msg + tail, alts)

    @staticmethod
    def _match_at(doc, i: int, stop: int, index) -> tuple | None:
        """The longest entry that matches at token ``i`` of the spaCy ``doc`` (ties: the list's order)."""
        return _match_forms(DocumentForms.of(doc), i, stop, index)


class Use:
    """One use of a listed term: where it is, its words, and, worked out when first asked for
    (a ``repeats: first`` rule asks about few of a term's uses), whether the text explains it
    there and the alternatives inflected as it is."""

    __slots__ = ("entry", "key", "start", "end", "actual", "sentence", "heading", "_before", "_where", "_explained", "_alts")

    def __init__(self, entry, start: int, end: int, actual: str, sentence, before: int, where: tuple) -> None:
        self.entry = entry
        self.key = entry.term.lower()
        self.start, self.end, self.actual = start, end, actual
        self.sentence = sentence
        self.heading = sentence.kind != "prose"
        self._before = before  #: the token before it in its sentence (-1: none)
        self._where = where  #: (the text, its sentences, the first words of the rule's entries, its tokens)
        self._explained: bool | None = None
        self._alts: list[str] | None = None

    @property
    def alts(self) -> list[str]:
        """The entry's alternatives, in the form and case of the words used, each once (two
        alternatives may inflect alike: 'tests | test' for "investigations" is "tests" twice)."""
        if self._alts is None:
            actual, entry = self.actual, self.entry
            case = actual
            if entry.term[:1].isupper() and not actual.isupper() and not self._opens_sentence():
                # the list writes the term with its capital ("GUM clinic", "GP partner"): that
                # capital is the word's own, not a sentence's, so the alternative keeps its case
                case = actual[:1].lower() + actual[1:]
            if actual.lower() == entry.term.lower():  # the listed form: its alternatives fit as they are
                alts = [_match_case(a, case) for a in entry.alternatives]
            else:
                before = self._where[3][self._before].lower_ if self._before >= 0 else ""
                alts = [_match_case(inflect_like(a, actual, before), case) for a in entry.alternatives]
            self._alts = list(dict.fromkeys(alts))
        return self._alts

    def _opens_sentence(self) -> bool:
        """Whether the use is the first word of its sentence (a bullet or a quote mark before it)."""
        return not self._where[0][self.sentence.start : self.start].strip(" \t\n\"'‘“(•*-–")

    @property
    def explained(self) -> bool:
        """Whether the text explains the term where it is used (see the module's notes)."""
        if self._explained is None:
            text, sentences, firsts, _doc = self._where
            start, end, sentence = self.start, self.end, self.sentence
            examples = EXAMPLES_AFTER.match(text, end, min(len(text), end + 40))
            self._explained = bool(
                _explained(text, start, end)
                or (examples is not None and _plain_example(examples.group(4), firsts)
                    and not _PRONOUN_BEFORE.search(text, max(0, start - 12), start))
                or (bool(_QUESTION_BEFORE.search(text[max(sentence.start, start - 20) : start])) and _answered(text, end))
                or defined_next(text, sentences, sentence, self.actual)
            )
        return self._explained


def questions_asked(ctx) -> frozenset[str]:
    """The things the text asks "What is ...?" about and then answers (lower case), found once
    per document for every term rule."""

    def find(c) -> frozenset[str]:
        text = c.document.text
        lowered = c.lowered()
        if lowered.exact and "what" not in lowered.text:
            return frozenset()  # every question holds "what", case aside
        return frozenset(m.group(2).lower() for m in _QUESTION.finditer(text) if _answered(text, m.end()))

    return ctx.memo("substitution.questions_asked", find)


class DocumentForms:
    """Each token's forms (``token_forms``) and character offsets, worked out once per
    document and shared by every substitution rule (``document_forms``)."""

    __slots__ = ("sets", "_ordered", "starts", "ends", "reach", "_sentences")

    def __init__(self, sets: list, starts: list, ends: list, reach: list | None = None) -> None:
        self.sets = sets  #: token -> frozenset of its forms
        self.starts = starts  #: token -> its first character's offset
        self.ends = ends  #: token -> the offset after its last character
        #: token -> the offset after its last character and the space after it, if any
        self.reach = ends if reach is None else reach
        self._ordered: list | None = None
        self._sentences: dict = {}

    def sentence_tokens(self, ctx, scope) -> list[tuple]:
        """(sentence, first token, token after the last) for each sentence whose kind is in
        ``scope``: the tokens ``ctx.tokens.char_span(start, end, alignment_mode="expand")``
        gives (a sentence it gives none for is left out), found from the token offsets once
        per document for each scope, not by a spaCy Span for each sentence and rule."""
        found = self._sentences.get(scope)
        if found is None:
            found = self._sentences[scope] = []
            for sentence in ctx.sentences_in(scope):
                tokens = token_range(self.starts, self.ends, self.reach, sentence.start, sentence.end)
                if tokens is not None:
                    found.append((sentence, *tokens))
        return found

    @property
    def ordered(self) -> list:
        """Each token's forms sorted: the order entries are tried in."""
        if self._ordered is None:
            self._ordered = [_sorted_forms(found) for found in self.sets]
        return self._ordered

    def tokens_with(self, words: frozenset) -> list[int]:
        """The tokens (indexes, in order) that have one of ``words`` among their forms: the
        only places an entry whose first word is in ``words`` may start."""
        isdisjoint = words.isdisjoint
        return [i for i, found in enumerate(self.sets) if not isdisjoint(found)]

    @classmethod
    def of(cls, doc) -> "DocumentForms":
        from spacy.attrs import IDX, LEMMA, LENGTH, LOWER, SPACY

        if not len(doc):
            return cls([], [], [])
        array = doc.to_array([LOWER, LEMMA, IDX, LENGTH, SPACY])
        strings = doc.vocab.strings
        known = _FORMS.get
        sets = []
        add = sets.append
        for pair in zip(array[:, 0].tolist(), array[:, 1].tolist()):
            found = known(pair)
            if found is None:
                if len(_FORMS) >= 200_000:
                    _FORMS.clear()
                found = _FORMS[pair] = token_forms(strings[pair[0]], strings[pair[1]].lower())
            add(found)
        starts = array[:, 2]
        ends = starts + array[:, 3]
        return cls(sets, starts.tolist(), ends.tolist(), (ends + array[:, 4]).tolist())


@lru_cache(maxsize=65536)
def _sorted_forms(found: frozenset) -> tuple:
    return tuple(sorted(found))


#: (hash of lower-case form, hash of lemma) -> token_forms
_FORMS: dict[tuple[int, int], frozenset] = {}


def document_forms(ctx) -> DocumentForms:
    """The forms of every token of the document, once per check."""
    return ctx.memo("substitution.forms", lambda c: DocumentForms.of(c.tokens))


def _match_forms(forms: DocumentForms, i: int, stop: int, index) -> tuple | None:
    """The longest entry that matches at token ``i`` (ties: the list's order): its first word
    is one of the token's forms, each next word one of the next token's.

    A ``TermIndex`` is walked as a tree of words (``TermIndex.trie``): from each form of the
    token that starts an entry, down through the forms of the tokens after it, so an entry is
    looked at only while its words match. The entry chosen is the one ``_match_forms_plain``
    (every entry of the first word, in turn) chooses: the longest, and of those the first in
    the order entries are tried (the token's forms sorted, then the list's order)."""
    trie = getattr(index, "trie", None)
    if trie is None:
        return _match_forms_plain(forms, i, stop, index)
    sets = forms.sets
    best_n = 0
    best_key = best_entry = None
    for form in sets[i]:
        node = trie.get(form)
        if node is None:
            continue
        stack = [(node, 1)]
        while stack:
            (children, ending), depth = stack.pop()
            if ending is not None and (depth > best_n or (depth == best_n and (form, ending[0]) < best_key)):
                best_n, best_key, best_entry = depth, (form, ending[0]), ending[1]
            if children and i + depth < stop:
                for nxt in sets[i + depth]:
                    child = children.get(nxt)
                    if child is not None:
                        stack.append((child, depth + 1))
    return None if best_entry is None else (best_entry, best_n)


def _match_forms_plain(forms: DocumentForms, i: int, stop: int, index) -> tuple | None:
    """``_match_forms`` for an index without a tree: each entry of each first word, in turn."""
    sets = forms.sets
    best = None
    firsts = _first_words(index)
    for form in forms.ordered[i]:
        if form not in firsts:
            continue
        for entry, words in index[form]:
            n = len(words)
            if i + n > stop or (best is not None and n <= best[1]):
                continue
            if all(words[k] in sets[i + k] for k in range(1, n)):
                best = (entry, n)
    return best


class TermIndex(dict):
    """First word of each entry -> [(entry, words)], longest entries first; ``firsts``: its keys.

    ``trie``: the same entries as a tree of words, for ``_match_forms``: word -> node, a node
    being [children (word -> node), ending] where ending is (k, entry) for the entry whose words
    end there, k its place in its first word's list (the first such entry, when a list repeats
    a term), or None."""

    firsts: frozenset = frozenset()
    trie: dict | None = None
    #: the words of the entries of one word, and the second words of the longer entries: an
    #: entry can start at a token only if the token has one of ``singles`` among its forms or
    #: the next token one of ``seconds``
    singles: frozenset = frozenset()
    seconds: frozenset = frozenset()


def _first_words(index: dict) -> frozenset:
    """The first words of an index's entries."""
    return index.firsts if isinstance(index, TermIndex) else frozenset(index)


_OMIT_MESSAGE = "'{actual}' adds words without adding meaning. Leave it out."
# only in brackets, as the word lists write it ("(omit)"): 'remove' and 'leave out' are also plain
# words offered for 'deduct', 'eliminate', 'excise' and 'omit', which are not to be deleted
_OMIT = re.compile(r"^\(\s*(omit|delete|leave (it )?out|remove)( it)?\s*\)$", re.I)


def _is_omit(alternative: str) -> bool:
    return bool(_OMIT.match(alternative.strip()))


def accepted_words(ctx) -> frozenset[str]:
    """The organisation's own accepted words (Context option ``accepted_words``), lower-cased."""
    words = ctx.options.get("accepted_words") or ()
    return frozenset(str(w).strip().lower() for w in words if str(w).strip())


#: the words litcheck's own word-list terms split into, worked out at build time
#: (scripts/build_term_words.py) so that no run tokenises the 1,300 terms again
TERM_WORDS = Path(__file__).resolve().parent.parent / "lexicon" / "term_words.json"


def index_words(lower: str, tokenizer) -> tuple[str, ...]:
    """The words a term (lower case) is indexed by: its spaCy tokens, -ize spelt -ise."""
    return tuple(_IZE.sub(r"is\1", t.lower_) for t in tokenizer(lower))


@lru_cache(maxsize=1)
def shipped_term_words() -> dict[str, tuple[str, ...]]:
    """Term (lower case) -> ``index_words``, from litcheck/lexicon/term_words.json; empty when
    the table was built with another spaCy (whose tokenizer may split a term otherwise).
    tests/test_term_words.py proves each entry is what the tokenizer gives."""
    import json

    from spacy import about

    try:
        data = json.loads(TERM_WORDS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if data.get("spacy") != about.__version__:
        return {}
    return {term: tuple(words) for term, words in data["words"].items()}


def _build_index(entries) -> dict[str, list]:
    table = shipped_term_words()
    tokenizer = None
    index: TermIndex = TermIndex()
    for entry in entries:
        lower = entry.term.lower()
        words = table.get(lower)
        if words is None:  # a term not in the shipped table (an organisation's own list)
            if tokenizer is None:
                from ..nlp import english

                tokenizer = english().tokenizer
            words = index_words(lower, tokenizer)
        if words:
            index.setdefault(words[0], []).append((entry, words))
    for candidates in index.values():
        candidates.sort(key=lambda c: -len(c[1]))
    index.firsts = frozenset(index)
    index.singles = frozenset(words[0] for candidates in index.values() for _, words in candidates if len(words) == 1)
    index.seconds = frozenset(words[1] for candidates in index.values() for _, words in candidates if len(words) > 1)
    trie: dict = {}
    for first, candidates in index.items():
        for k, (entry, words) in enumerate(candidates):
            level = trie
            node = None
            for word in words:
                node = level.get(word)
                if node is None:
                    node = level[word] = [{}, None]
                level = node[0]
            if node[1] is None:
                node[1] = (k, entry)
    index.trie = trie
    return index


@lru_cache(maxsize=16)
def _index_with(entries: tuple, extra: tuple) -> dict[str, list]:
    return _build_index((*entries, *extra))


def explained_at(text: str, start: int, end: int) -> bool:
    """True when the words at [start, end) are explained where they stand: a gloss in brackets
    either way round, "called X", "X, which means ...", "X is a ..."."""
    return _explained(text, start, end)


def _explained(text: str, start: int, end: int) -> bool:
    after = text[end : end + 40]
    before = text[max(0, start - 40) : start]
    if after.startswith(")") and _OPEN_BEFORE.search(before):
        return True  # "high blood pressure (hypertension)"
    if _ABBR_NEXT.match(after):
        after = after[_ABBR_NEXT.match(after).end() :]  # "(MI)" gives letters, not a meaning
    if (_EXPLAINED_AFTER.match(after) or _EXPLAINED_AFTER_SENTENCE.match(after) or _explained_before(before)
            or _in_gloss(text, start, end) or (_SO_AFTER.match(after) and _NAMED_BEFORE.search(before))):
        return True
    # a person named by what they do: "A sonographer performs the scan and writes a report" (not
    # "a doctor or clinical endoscopist puts ...": named beside someone else, it is not defined)
    return bool(_PERSON.search(text[start:end]) and _ROLE_AFTER.match(after) and _NAMED_BEFORE.search(before))


_OPEN_BEFORE = re.compile(r"\((an?\s+|the\s+)?$")
#: one of these is in every match of _EXPLAINED_BEFORE (case aside)
_EXPLAINED_BEFORE_WORDS = ("(", "called", "known", "named", "referred", "medical")


def _explained_before(before: str) -> bool:
    """``_EXPLAINED_BEFORE`` searched in ``before``, only where one of its words is there."""
    return _may_hold(before, _EXPLAINED_BEFORE_WORDS) and _EXPLAINED_BEFORE.search(before) is not None


def _may_hold(window: str, words: tuple[str, ...]) -> bool:
    """False only when none of ``words`` (lower case) is in ``window``, case aside: a pattern
    every match of which holds one of them cannot match there, and its search is spared. A
    window with a character that matches an ASCII letter when case is ignored (the Kelvin sign,
    the long s, the dotless i and a few others: ``prefilter.lower_is_exact``) is always
    searched; a pound sign or a curly quote spares nothing."""
    if not lower_is_exact(window):
        return True
    low = window.lower()
    return any(w in low for w in words)


# the same sentence explains the term (issue 21, judged wrong on real leaflets): by who the
# person is ("a Radiologist, who is a doctor trained in ..."), by examples ("soft tissues such
# as muscles"), by what it means for the reader ("a teaching hospital, so medical students may
# be there", "an outpatient procedure so you can go home the same day"). What a medicine is for
# ("statin tablets to lower your cholesterol") does not say what it is: still reported
_EXPLAINED_AFTER_SENTENCE = re.compile(r"s?,?\s*who\s+(is|are|will\s+be)\b", re.I)
# a thing named with "a", "the" or "our", then what it means for the reader
_SO_AFTER = re.compile(r"s?,?\s+so\s+(that\s+)?(you|your|patients?|people|we|they|medical|students|the|it)\b", re.I)
_NAMED_BEFORE = re.compile(r"\b(an?|the|our|your)\s+$", re.I)
# examples: "soft tissues such as muscles, organs ..." (only when the examples are plain words:
# "complications, such as sepsis" is not explained; see _uses)
EXAMPLES_AFTER = re.compile(r"s?,?\s*(such\s+as|for\s+example|e\.\s?g\.?)\s+((an?|the|your|our|any|all|some|other)\s+)?([^\W\d_][\w-]*)", re.I)
_PERSON = re.compile(r"(ist|grapher|ician|ologist)s?$", re.I)
_ROLE_AFTER = re.compile(
    r"^s?\s+(will\s+)?(performs?|carr(y|ies)\s+out|does|do|takes?|reads?|interprets?|looks?\s+after|gives?|puts?|"
    r"checks?|examines?|treats?|specialises?\s+in)\b",
    re.I,
)
# words in brackets after other words are a gloss, whichever way round: "medicines to thin your
# blood (anticoagulants or antiplatelets)", "your urethra (from where you pass urine)"; a
# bracket of examples or conditions ("(such as warfarin)", "(if you have a pacemaker)") is not
_GLOSS_NOT = re.compile(r"^\s*(e\.?\s?g\b|eg\b|i\.?\s?e\b|such\s+as|including|for\s+example|like|if|unless|see|when)\b", re.I)


# examples explain a thing named, not what someone does ("if you develop symptoms such as ...")
_PRONOUN_BEFORE = re.compile(r"\b(you|we|they|i|he|she|it)\s+$", re.I)


def _plain_example(word: str, firsts) -> bool:
    """An example that explains: an everyday word no term list starts with ("muscles", not
    "sepsis" or "a colonoscopy")."""
    from ..spelling import zipf

    return word.lower() not in firsts and zipf(word) >= 4.0


def _in_gloss(text: str, start: int, end: int) -> bool:
    """True when [start, end) sits in a short bracket that follows other words on its line."""
    open_at = text.rfind("(", max(0, start - 80), start)
    if open_at < 0 or ")" in text[open_at:start] or "\n" in text[open_at:start]:
        return False
    close_at = text.find(")", end, end + 80)
    if close_at < 0 or "\n" in text[end:close_at]:
        return False
    inside = text[open_at + 1 : close_at]
    if len(inside.split()) > 8 or _GLOSS_NOT.match(inside):
        return False
    return bool(re.search(r"[^\W\d_]\s*$", text[max(0, open_at - 3) : open_at]))


def _word_or_phrase(actual: str) -> str:
    """What to call the matched words in a message: a "word", or a "phrase" when there are several."""
    return "phrase" if len(actual.split()) > 1 else "word"


def _match_case(alternative: str, actual: str) -> str:
    if actual.isupper() and len(actual) > 1:
        return alternative.upper()
    if actual[:1].isupper():
        return alternative[:1].upper() + alternative[1:]
    return alternative


_QUESTION = re.compile(r"\bwhat\s+(is|are)\s+(?:an?\s+|the\s+)?([a-z][a-z -]{2,40}?)\s*\?", re.I)


def _answered(text: str, end: int) -> bool:
    """A question the text goes on to answer: at least a few words follow it."""
    rest = text[end : end + 300]
    q = rest.find("?")
    return len(re.findall(r"[^\W\d_]+", rest[q + 1 :] if q != -1 and q < 80 else rest)) >= 3


def _same_term(a: str, b: str) -> bool:
    """The same word or phrase, give or take a plural ending."""
    a, b = " ".join(a.lower().split()), " ".join(b.lower().split())
    if not a or not b:
        return False
    if " " in a or " " in b:
        # "What is a flexible cystoscopy?" explains "cystoscopy" too
        long, short = (a, b) if len(a) >= len(b) else (b, a)
        return long.rstrip("s") == short.rstrip("s") or long.rstrip("s").endswith(" " + short.rstrip("s"))
    return bool(token_forms(a, a) & token_forms(b, b))


def defined_next(text: str, sentences, sentence, actual: str) -> bool:
    """True when one of the next two sentences defines ``actual``: "A colonoscopy is a test ...",
    "The cystoscope is a thin tube ...", "Biopsies are small samples ..."."""
    k = bisect_right(sentences, sentence.start, key=_start_of)
    following = text[sentence.end : sentences[min(k + 1, len(sentences) - 1)].end if k < len(sentences) else sentence.end]
    if not following.strip():
        return False
    lower = actual.lower()
    words = lower.split()
    # every definition holds the term's first word (the last one without its plural ending)
    needed = words[0] if len(words) > 1 else (words[0].rstrip("s") if words else "")
    following = following[:400]
    if needed.isascii() and not _may_hold(following, (needed,)):
        return False
    return bool(_definition(lower).search(following))


def _start_of(sentence) -> int:
    return sentence.start


@lru_cache(maxsize=4096)
def _definition(actual: str) -> re.Pattern:
    """A sentence that defines ``actual`` (lower case), for ``defined_next``."""
    words = [re.escape(w) for w in actual.split()]
    term = r"\s+".join(words[:-1] + [words[-1].rstrip("s") + r"(?:e?s)?"]) if words else ""
    return re.compile(
        r"(?:^|[.!?:\n]\s*)(?:(?:a|an|the)\s+(?:[a-z-]+\s+)?)?" + term
        + r"\s+(?:(?:is|are)\s+(?:a|an|the|when|where|how|used\s+to|like|made\s+of)\b|means\b|refers\s+to\b)",
        re.I,
    )


_ABBR_AFTER = re.compile(r"^[\w\s'’-]{0,60}?\(\s*[A-Z][A-Za-z]*[A-Z]s?\s*\)")
_ABBR_BEFORE = re.compile(r"(\b[A-Z][A-Za-z]*[A-Z]s?\s*\(\s*[\w\s'’-]*|\b[A-Z]{2,}s?\s+(stands\s+for|is\s+short\s+for|means)\s+[\w\s'’-]*)$")


def in_expansion(text: str, start: int, end: int, marks: "ExpansionMarks | None" = None) -> bool:
    """True when [start, end) is part of an abbreviation written out: "human papillomavirus
    (HPV)", "CT (computed tomography)", "MRI stands for Magnetic Resonance Imaging". The
    words are there to explain the abbreviation. A term that is the whole expansion before
    its abbreviation is not (``_whole_expansion``). ``marks``: the text's ``ExpansionMarks``,
    when at hand (one look for many terms)."""
    # an expansion sits within a few words of its abbreviation: look no further than that
    # (a page that is one line would otherwise be scanned once for each term on it)
    line_start = max(text.rfind("\n", max(0, start - _EXPANSION_REACH), start) + 1, start - _EXPANSION_REACH)
    if marks is not None and not marks.near(line_start, min(len(text), end + 61)):
        return False  # no bracket, "stands", "short" or "means" near: no expansion
    line_end = text.find("\n", end, end + _EXPANSION_REACH)
    line_end = min(len(text), end + _EXPANSION_REACH) if line_end == -1 else line_end
    if _whole_expansion(text, start, end):
        return False
    # an expansion with its abbreviation after it has the bracket within 61 characters;
    # one before it, a bracket or "stands for", "is short for", "means"
    if _may_hold(text[start : min(line_end, start + 61)], ("(",)) and _ABBR_AFTER.match(text[start:line_end]):
        return True
    before = text[line_start:end]
    return _may_hold(before, _ABBR_BEFORE_WORDS) and bool(_ABBR_BEFORE.search(before))


class ExpansionMarks:
    """Where a text holds a bracket or one of ``_ABBR_BEFORE_WORDS`` (case aside), for
    ``in_expansion``: a term with none of them from its line's start (at most
    ``_EXPANSION_REACH`` characters before it) to 61 characters after it is in no expansion.
    Every match of ``_ABBR_AFTER`` holds a bracket within 61 characters of the term's start,
    every match of ``_ABBR_BEFORE`` a bracket or one of those words before the term's end, and
    ``_whole_expansion`` needs a bracket right after the term. A text with a character that
    matches an ASCII letter when case is ignored is always looked at in full (``_may_hold``)."""

    __slots__ = ("places",)

    def __init__(self, text: str) -> None:
        #: sorted starts of every mark; None: a character of the text matches an ASCII letter
        #: when case is ignored (lower case is then no guide, nor has it the text's length)
        self.places: list[int] | None = None
        if lower_is_exact(text):
            low = text.lower()
            self.places = sorted(p for mark in _ABBR_BEFORE_WORDS for p in offsets(low, mark))  # "(" is one of them

    def near(self, start: int, end: int) -> bool:
        """False only when no mark starts in [start, end)."""
        places = self.places
        if places is None:
            return True
        k = bisect_left(places, start)
        return k < len(places) and places[k] < end


def expansion_marks(ctx) -> ExpansionMarks:
    """The document's ``ExpansionMarks``, found once per check."""
    return ctx.memo("substitution.expansion_marks", lambda c: ExpansionMarks(c.document.text))


#: one of these is in every match of _ABBR_BEFORE
_ABBR_BEFORE_WORDS = ("(", "stands", "short", "means")


_ABBR_NEXT = re.compile(r"\s*\(\s*([A-Z]{2,6})s?\s*\)")


def _whole_expansion(text: str, start: int, end: int) -> bool:
    """True when [start, end) is all of an abbreviation's expansion, its words giving every
    letter: "computerised tomography (CT)", "implantable cardioverter defibrillator (ICD)". The
    long name explains the letters, not what the thing is, so the term is still reported (a word
    inside the name, "Imaging" in "Magnetic Resonance Imaging (MRI)", is not)."""
    m = _ABBR_NEXT.match(text, end, min(len(text), end + 12))
    if m is None:
        return False
    initials = "".join(w[0] for w in re.findall(r"[^\W\d_]+", text[start:end]) if w.lower() not in _NAME_JOINERS)
    return initials.upper() == m.group(1)


#: how far (characters) from a term its abbreviation's expansion may start or end
_EXPANSION_REACH = 160


# a place's name on signs: "the Endoscopy unit", "Urology Outpatients", "Preoperative Assessment Clinic"
_PLACE_AFTER = re.compile(r"^\s+(unit|department|clinic|ward|suite|centre|center|service|team|outpatients?)\b", re.I)
# the value of a label: "Departments: Radiology"
_LABEL_BEFORE = re.compile(r"(^|[•|\n]\s*)[A-Z][a-z]+(\s[a-z]+)?:\s*$")
_LIST_BREAK = re.compile(r"[,;:()\[\]/|•]")
_NAMED_PLACE_AFTER = re.compile(r"^(\s+[A-Z][a-z-]+){0,3}\s+(Unit|Department|Clinic|Ward|Suite|Centre|Service|Team|Outpatients?)\b")


_NAME_WORD = re.compile(r"[^\W\d_][\w'’&-]*|&")


def _lower_word_at(text: str, start: int, s_start: int, s_end: int) -> bool:
    """True when one of ``name_words`` of the sentence at [s_start, s_end) starts at ``start``
    and its first character is not a capital: ``in_name`` is then False for a term starting
    there (the first word it overlaps is not capitalised), and the sentence's words need not be
    found. A word starts there when ``_NAME_WORD`` matches there and the character before (if
    in the sentence) is none a word goes on through (a word character, ' ’ & or -)."""
    if text[start].isupper():
        return False
    if start > s_start:
        before = text[start - 1]
        if before.isalnum() or before in "_'’&-":
            return False
    return start < s_end and _NAME_WORD.match(text, start, s_end) is not None


def name_words(text: str, s_start: int, s_end: int) -> tuple:
    """The words of the sentence at [s_start, s_end) of ``text``, for ``in_name``: (their
    matches in the sentence's text, and where each ends in ``text``). Found once a sentence for
    all its terms (``_uses`` keeps them for the document's check)."""
    words = tuple(_NAME_WORD.finditer(text[s_start:s_end]))
    return words, [s_start + w.end() for w in words]


def in_name(text: str, start: int, end: int, s_start: int, s_end: int, words: tuple | None = None) -> bool:
    """True when [start, end) is part of a name, sign or title written in capitals inside an
    ordinary sentence: "Renal Outpatients", "the Patient Services Officer", "Magnetic Resonance
    Imaging". A heading in title case ("Your Colonoscopy") is not an ordinary sentence.
    ``words``: ``name_words`` of the sentence, when already found."""
    words, ends = words if words is not None else name_words(text, s_start, s_end)
    if not words:
        return False
    # the words [start, end) overlaps: those that end after start and begin before end
    k = bisect_right(ends, start)
    idx = []
    while k < len(words) and s_start + words[k].start() < end:
        idx.append(k)
        k += 1
    if not idx or not all(words[k].group()[0].isupper() for k in idx):
        return False
    if (idx[0] > 0 and _PLACE_AFTER.match(text[end:s_end])) or _NAMED_PLACE_AFTER.match(text[end:s_end]):
        return True  # "ring the Endoscopy unit", "Preoperative Assessment Clinic"
    if _LABEL_BEFORE.search(text[max(s_start, start - 30) : start]):
        return True  # "Departments: Radiology", "Clinic: Urology"
    lower = sum(1 for w in words if w.group()[0].islower() and w.group().lower() not in _NAME_JOINERS)
    caps = sum(1 for w in words if w.group()[0].isupper())
    if lower < 3 or lower * 2 < caps:
        return False  # a heading, a label or a title-case line

    def capital(k: int) -> bool:
        return 0 <= k < len(words) and words[k].group()[0].isupper() and not words[k].group().isupper()

    sentence = text[s_start:s_end]

    def joined(a: int, b: int) -> bool:
        # a name has no comma or bracket inside: "Diabetes, COPD, Fibromyalgia and Heart failure"
        # is a list of conditions, not one name
        return not _LIST_BREAK.search(sentence, words[a].end(), words[b].start())

    run = set(idx)
    k = idx[0] - 1
    while k >= 0 and joined(k, k + 1) and (capital(k) or (words[k].group().lower() in _NAME_JOINERS and capital(k - 1))):
        run.add(k)
        k -= 1
    k = idx[-1] + 1
    while k < len(words) and joined(k - 1, k) and (capital(k) or (words[k].group().lower() in _NAME_JOINERS and capital(k + 1))):
        run.add(k)
        k += 1
    first, last = min(run), max(run)
    def upper_first(k: int) -> bool:
        return words[k].group()[0].isupper()

    if (first > 0 and upper_first(first - 1) and not joined(first - 1, first)) or (
            last + 1 < len(words) and upper_first(last + 1) and not joined(last, last + 1)):
        return False  # one item of a list of capitalised words
    if run == set(idx) and min(idx) > 0:
        return False  # the listed term is the whole name: "on the Learning Disability Register"
    capitals = [k for k in run if capital(k)]
    # two or more capitalised words, not just the sentence's first word and one more
    return len(capitals) >= 2 and (min(capitals) > 0 or len(capitals) >= 3)
