"""languagetool: grammar and UK spelling from a LanguageTool server the user runs.

LanguageTool (https://languagetool.org, LGPL) is a Java program; litcheck talks to a
LanguageTool HTTP server through language-tool-python's client (``remote_server=``; the
optional extra ``pip install 'litcheck[grammar]'``). Nothing is sent anywhere unless
``check_document(languagetool=URL)`` (``--languagetool URL``, config key ``languagetool``)
names a server, and a server that is not on this machine is refused unless
``allow_remote_languagetool`` is also given: a patient letter must not leave the machine
by accident. ``scripts/languagetool-server`` fetches and runs one on 127.0.0.1.

The rules are data like every other rule: each file under ``rules/grammar/``,
``rules/spelling/`` (and ``rules/style/``) says which of LanguageTool's matches it reports,
by LanguageTool category (``categories``), issue type (``issue_types``) or rule id
(``languagetool_rules``, which win over categories, so each match has one litcheck rule).
A match no litcheck rule claims is not reported (LanguageTool's typography and Oxford
-ize suggestions, say): litcheck ids stay stable whatever LanguageTool adds.

What is sent: the sentences of the kinds the rules look at (``scope``), each as its own
paragraph; template fields, web and e-mail addresses are replaced by a neutral word, and
address blocks, salutations, sign-offs, dates, labels, headers and footers are not sent.
Matches are mapped back onto ``Document.text`` (so onto the right characters of the
original .docx or .pdf through its blocks); a match that touches a replaced field is
dropped. With ``skip_names``, a capitalised unknown word is taken for a name (a person,
a place, a clinic) unless it opens a sentence on its own; the organisation's accepted
words and the rule's ``allow_wordlists`` are never reported. ``defer_to`` names litcheck
rules that already say it (jargon, passive): a finding overlapping one of theirs is left
out by check_document.

The server is asked once per document (``Context.memo``). A server that is down, slow
(``TIME_LIMIT`` seconds) or answers with an error gives one notice in the report
("grammar and spelling not checked: ..."), and the rest of the check goes on.
"""

from __future__ import annotations

import bisect
import ipaddress
import re
import time
import urllib.parse
from dataclasses import dataclass
from typing import Iterator

from ..errors import ConfigError
from ..rule import Rule

#: seconds one document may take LanguageTool (the client tries twice: half each)
TIME_LIMIT = 20.0
#: after a failure, documents in the next this many seconds are not sent (a batch does not
#: wait TIME_LIMIT on every file for a server that is down)
RETRY_AFTER = 30.0
#: the language asked for: British English
LANGUAGE = "en-GB"
#: stands in for a template field, web or e-mail address (a known noun, fine anywhere a name is)
STAND_IN = "London"
#: sentence kinds never sent (names, addresses, dates, references are not prose to correct)
NEVER_SENT = frozenset({"address", "salutation", "signoff", "date", "label", "header", "footer", "placeholder", "caption", "foreign", "staff"})
NOT_CHECKED = "grammar and spelling not checked: "

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


# -- where letters may go ------------------------------------------------------------------------


def is_local(url: str) -> bool:
    """True when ``url``'s host is this machine (localhost or a loopback address)."""
    host = (urllib.parse.urlsplit(url).hostname or "").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str, allow_remote: bool = False) -> None:
    """ConfigError unless ``url`` is an http(s) URL on this machine (or remote is allowed)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"languagetool: '{url}' is not an http:// or https:// address of a LanguageTool server")
    if not allow_remote and not is_local(url):
        raise ConfigError(
            f"languagetool: {parts.hostname} is not this machine, and patient letters must not leave it by accident; "
            "run LanguageTool here (scripts/languagetool-server) or pass --allow-remote-languagetool"
        )


# -- asking the server -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """One LanguageTool match, placed on Document.text."""

    start: int
    end: int
    rule: str  #: LanguageTool's rule id (MORFOLOGIK_RULE_EN_GB)
    category: str  #: LanguageTool's category id (TYPOS, GRAMMAR...)
    issue_type: str  #: misspelling, grammar, style...
    message: str
    replacements: tuple[str, ...]
    sentence: object  #: the litcheck Sentence it is in
    american: bool = False  #: a US spelling of its first replacement (color -> colour)


#: url -> client, one per process
_clients: dict = {}
#: url -> (when it failed, why)
_down: dict = {}


def _client(url: str):
    client = _clients.get(url)
    if client is None:
        from language_tool_python import LanguageTool

        class Client(LanguageTool):
            # the client's own limit is 300 s and it tries twice: give each try half of ours
            @property
            def _TIMEOUT(self):  # noqa: N802 (the client's name)
                return TIME_LIMIT / 2

        client = _clients[url] = Client(LANGUAGE, remote_server=url)
    return client


def _why(exc: BaseException) -> str:
    """Why the server failed, in a few words, never with the server's reply (it may quote the letter)."""
    chain = []
    while exc is not None and len(chain) < 5:
        chain.append(exc)
        exc = exc.__cause__ or exc.__context__
    names = {type(e).__name__ for e in chain}
    if names & {"Timeout", "ReadTimeout", "ConnectTimeout", "TimeoutError"}:
        return f"it did not answer within {TIME_LIMIT:g} seconds"
    if names & {"ConnectionError", "ConnectionRefusedError", "NewConnectionError", "MaxRetryError"}:
        return "it is not answering"
    if "ModuleNotFoundError" in names or "ImportError" in names:
        return "language-tool-python is not installed (pip install 'litcheck[grammar]')"
    return "it answered with an error"


def ask(url: str, text: str):
    """LanguageTool's matches for ``text`` (language-tool-python Match objects)."""
    return _client(url).check(text)


@dataclass
class _Sent:
    """The text sent, and how to map its offsets back: verbatim pieces."""

    text: str
    starts: list[int]  #: offset of each piece in the text sent
    pieces: list[tuple[int, int, int, object]]  #: (start sent, end sent, start in Document.text, sentence)


def _to_send(ctx, kinds) -> _Sent:
    """Each sentence of ``kinds`` as its own paragraph, placeholders and links replaced."""
    text = ctx.document.text
    out: list[str] = []
    pieces: list[tuple[int, int, int, object]] = []
    pos = 0

    def put(piece: str, orig: int | None, sentence) -> None:
        nonlocal pos
        if orig is not None:  # verbatim: same length, so offsets map one to one
            piece = piece.replace("\n", " ").replace("\t", " ").replace("\r", " ")
            pieces.append((pos, pos + len(piece), orig, sentence))
        out.append(piece)
        pos += len(piece)

    masks = ctx.masks
    for sentence in ctx.sentences:
        if sentence.kind not in kinds:
            continue
        if out:
            put("\n\n", None, None)
        i = sentence.start
        for s, e in masks:
            if e <= i or s >= sentence.end:
                continue
            if s > i:
                put(text[i:s], i, sentence)
            put(STAND_IN, None, None)
            i = max(i, e)
        if i < sentence.end:
            put(text[i : sentence.end], i, sentence)
    return _Sent("".join(out), [p[0] for p in pieces], pieces)


def matches(ctx) -> list[Match]:
    """Every LanguageTool match in the document (once per document; [] and a notice on failure)."""
    return ctx.memo("languagetool", _matches)


def _matches(ctx) -> list[Match]:
    url = ctx.options.get("languagetool")
    if not url:
        return []
    kinds = set()
    for rule in ctx.rules_run:
        if isinstance(rule, LanguageToolRule):
            kinds.update(k for k in rule.scope if k not in NEVER_SENT)
    sent = _to_send(ctx, kinds)
    if not sent.text.strip():
        return []
    failed = _down.get(url)
    if failed and time.monotonic() - failed[0] < RETRY_AFTER:
        ctx.notices.append(f"{NOT_CHECKED}LanguageTool at {url} did not answer earlier in this run ({failed[1]})")
        return []
    try:
        found = ask(url, sent.text)
    except Exception as exc:  # down, slow, an error page, a broken reply: one notice, and go on
        why = _why(exc)
        _clients.pop(url, None)
        _down[url] = (time.monotonic(), why)
        ctx.notices.append(f"{NOT_CHECKED}LanguageTool at {url}: {why}")
        return []
    _down.pop(url, None)
    out = []
    for m in found:
        start, length = int(m.offset), int(m.error_length)
        i = bisect.bisect_right(sent.starts, start) - 1
        if i < 0 or length <= 0:
            continue
        s0, s1, orig, sentence = sent.pieces[i]
        if start + length > s1:
            continue  # runs into a replaced field or across sentences: not on the letter's own words
        begin = orig + (start - s0)
        replacements = tuple(str(r) for r in m.replacements[:3])
        out.append(Match(begin, begin + length, str(m.rule_id), str(m.category), str(m.rule_issue_type),
                         str(m.message), replacements, sentence, _american(ctx.document.text[begin : begin + length], replacements, str(m.message))))
    return out


def _owner(ctx, match: Match) -> str | None:
    """The id of the litcheck rule that reports ``match``: one naming its LanguageTool rule
    id first, else one naming its category or issue type (None: no litcheck rule does)."""
    rules = ctx.memo("languagetool_rules", lambda c: sorted((r for r in c.ruleset if isinstance(r, LanguageToolRule)), key=lambda r: r.id))
    rules = [r for r in rules if r.american is None or r.american == match.american]
    for rule in rules:
        if match.rule in rule.lt_rules:
            return rule.id
    for rule in rules:
        if match.rule in rule.exclude:
            continue
        if match.category in rule.categories or match.issue_type in rule.issue_types:
            return rule.id
    return None


def _american(word: str, replacements: tuple[str, ...], message: str) -> bool:
    """The word is the US spelling of LanguageTool's first replacement (color -> colour)."""
    from ..spelling import uk_to_us

    if "American English" in message:
        return True
    return bool(replacements) and word.lower() in uk_to_us(replacements[0].lower())


class LanguageToolRule(Rule):
    kind = "languagetool"
    KEYS = {
        "categories": (False, (list,)),  # LanguageTool category ids (TYPOS, GRAMMAR, ...)
        "issue_types": (False, (list,)),  # LanguageTool issue types (misspelling, grammar, ...)
        "languagetool_rules": (False, (list,)),  # LanguageTool rule ids; win over categories
        "exclude": (False, (list,)),  # LanguageTool rule ids this rule never reports
        "skip_names": (False, (bool,)),  # a capitalised word mid-sentence is a name, not a typo
        "allow_wordlists": (False, (list,)),  # word lists (wordlists/) whose words are never reported
        "defer_to": (False, (list,)),  # litcheck rule prefixes that already report these words
        "american_spelling": (False, (bool,)),  # true: only US spellings; false: all but them
    }
    MESSAGE_FIELDS = frozenset({"actual", "languagetool"})
    #: the check_document option this kind needs; its examples run only when it is given
    NEEDS_OPTION = "languagetool"

    def setup(self, spec) -> None:
        self.categories = frozenset(str(c) for c in spec.get("categories", ()))
        self.issue_types = frozenset(str(c) for c in spec.get("issue_types", ()))
        self.lt_rules = frozenset(str(c) for c in spec.get("languagetool_rules", ()))
        self.exclude = frozenset(str(c) for c in spec.get("exclude", ()))
        if not (self.categories or self.issue_types or self.lt_rules):
            self.fail(None, "a languagetool rule needs 'categories', 'issue_types' or 'languagetool_rules'")
        self.skip_names = spec.get("skip_names", False)
        self.american: bool | None = spec.get("american_spelling")
        self.allowed = _list_words(spec.get("allow_wordlists", ()), self.path.parent)
        #: rule-id prefixes whose findings this rule's findings give way to (check_document)
        self.defer_to = tuple(str(p) for p in spec.get("defer_to", ()))

    def check(self, ctx) -> Iterator:
        found = matches(ctx)
        if not found:
            return
        text = ctx.document.text
        accepted = {w.lower() for w in ctx.options.get("accepted_words", ())}
        for m in found:
            if m.sentence.kind not in self.scope or _owner(ctx, m) != self.id:
                continue
            if ctx.is_masked(m.start, m.end) or ctx.document.placeholder_at(m.start, m.end):
                continue
            actual = text[m.start : m.end]
            words = [w.lower() for w in _WORD.findall(actual)]
            if any(w in accepted or w in self.allowed for w in words):
                continue
            if accepted and any(a in actual.lower() for a in accepted if " " in a):
                continue
            if self.skip_names and (_name(text, m, actual) or _not_a_typo(text, m, actual)):
                continue
            message = self.format_message(actual=actual, languagetool=_plain(m.message))
            yield ctx.finding(self, m.start, m.end, message, [r for r in m.replacements if r.strip()])


def _plain(message: str) -> str:
    """LanguageTool's message as one tidy sentence."""
    message = " ".join(message.split())
    return message if message.endswith((".", "?", "!")) else message + "."


def _name(text: str, m: Match, actual: str) -> bool:
    """A capitalised word is a name (Okonkwo, Westgate, Dr Adeyemi) unless it opens its
    sentence with ordinary words after it ("Recieve your letter")."""
    if not any(c.isupper() for c in actual):
        return False
    if actual.isupper() or any(c.isdigit() for c in actual):
        return True  # an abbreviation or a code
    at_start = not text[m.sentence.start : m.start].strip(" \t\n\"'‘“(-•*")
    if not at_start:
        return True
    after = text[m.end : m.sentence.end].split()
    return bool(after) and after[0][:1].isupper()  # "Westgate Clinic is ...": a name


def _not_a_typo(text: str, m: Match, actual: str) -> bool:
    """A word cut by text extraction ("appointme" at the end of a PDF line, "di ff erent"), or
    a hyphenated spelling of the suggestion (co-ordinator, coordinator): not the writer's typo."""
    from .rare_word import broken

    if broken(text, m.start, m.end):
        return True
    return "-" in actual and any(r.replace("-", "").lower() == actual.replace("-", "").lower() for r in m.replacements)


def _list_words(names, base) -> frozenset[str]:
    from .. import wordlists

    out: set[str] = set()
    for name in names:
        for e in wordlists.load(wordlists.resolve(str(name), base)):
            out.update(e.term.lower().split())
    return frozenset(out)
