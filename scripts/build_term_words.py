"""Write litcheck/lexicon/term_words.json: the words each term of litcheck's own substitution
word lists is indexed by (spaCy's tokens of the term, lower case, -ize spelt -ise), worked out
once here so that no run tokenises the terms again (issue 20: a tenth of a second of start-up).

    python scripts/build_term_words.py

Run it after changing a substitution rule's word list (wordlists/medical.tsv, wordy.tsv...)
or upgrading spaCy: a term missing from the table is tokenised when its rule is first used,
and a table built with another spaCy version is not used at all (the table only saves time;
tests/test_term_words.py checks that it is current).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def own_terms() -> set[str]:
    """The terms (lower case) of litcheck's own substitution rules."""
    from litcheck.analysers.substitution import Substitution
    from litcheck.rulebook import load_rules

    return {e.term.lower() for rule in load_rules() if isinstance(rule, Substitution) for e in rule.entries}


def table() -> dict:
    """The table's content: spaCy's version and term -> words, for every own term."""
    from spacy import about

    from litcheck.analysers.substitution import index_words
    from litcheck.nlp import english

    tokenizer = english().tokenizer
    return {"spacy": about.__version__, "words": {t: list(index_words(t, tokenizer)) for t in sorted(own_terms())}}


def main() -> None:
    from litcheck.analysers.substitution import TERM_WORDS

    content = table()
    rows = [f"{json.dumps(t, ensure_ascii=False)}: {json.dumps(w, ensure_ascii=False)}" for t, w in content["words"].items()]
    text = '{"spacy": %s, "words": {\n%s\n}}\n' % (json.dumps(content["spacy"]), ",\n".join(rows))  # a line a term
    TERM_WORDS.write_text(text, encoding="utf-8")
    print(f"wrote {TERM_WORDS.relative_to(ROOT)} ({len(content['words'])} terms)")


if __name__ == "__main__":
    main()
