"""wordfreq's English frequencies and lemminflect's tables, shipped in litcheck/lexicon/, give
exactly what the two packages gave (issue 20: start-up and install size).

wordfreq is in the test extra only, for these comparisons: litcheck.spelling answers
``zipf_frequency(word, "en")`` and ``top_n_list("en", n)`` from its own copy of wordfreq's
English list and its own reading of wordfreq's English tokenising, so every value a rule
sees must be the same, for the words of the list, the words of real letters and odd strings.
lemminflect stays a run-time dependency (its rules answer words that are not in its tables);
litcheck only reads its tables faster.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from litcheck import spelling
from litcheck.nlp import _LemminflectTable, english
from litcheck.prose import WORD_RE

wordfreq = pytest.importorskip("wordfreq", reason="wordfreq is in the test extra: pip install -e '.[test]'")

ROOT = Path(__file__).resolve().parent.parent


def _same(words):
    wrong = [(w, spelling.zipf_frequency(w, "en"), wordfreq.zipf_frequency(w, "en")) for w in words]
    wrong = [row for row in wrong if row[1] != row[2]]
    assert not wrong, wrong[:20]


def test_every_frequency_band_and_the_common_words_give_wordfreqs_value():
    words = list(wordfreq.iter_wordlist("en"))
    assert len(words) > 300_000
    # the 30,000 most frequent words, then every 25th: every band of the list is met
    _same(words[:30_000] + words[30_000::25])


def test_the_top_lists_are_wordfreqs():
    for n in (1, 20_000, 50_000):
        assert spelling.top_n_list("en", n) == wordfreq.top_n_list("en", n)
    with pytest.raises(ValueError):
        spelling.top_n_list("en", 50_001)
    with pytest.raises(ValueError):
        spelling.zipf_frequency("chat", "fr")


def _texts():
    for path in sorted((ROOT / "samples").glob("*.*")):
        if path.suffix in (".txt", ".md", ".html"):
            yield path.read_text(encoding="utf-8")
    for tsv in sorted((ROOT / "wordlists").glob("*.tsv")):
        yield tsv.read_text(encoding="utf-8")
    data = ROOT.parent / "shared" / "data" / "real-texts" / "docs"
    if not data.is_dir():
        data = Path("/work/shared/data/real-texts/docs")
    for path in sorted(data.glob("*.txt")) if data.is_dir() else ():
        yield path.read_text(encoding="utf-8", errors="replace")


def test_every_word_of_the_samples_word_lists_and_real_texts_gives_wordfreqs_value():
    words = set()
    for text in _texts():
        for m in WORD_RE.finditer(text):
            words.update((m.group(), m.group().lower()))
        words.update(text.split())  # with the punctuation and symbols around them
    assert len(words) > 5_000
    _same(sorted(words))


@pytest.mark.parametrize(
    "word",
    [
        "don't", "d'you", "l'heure", "qu'il", "o'clock", "patients'", "consultant’s", "well-being",
        "e.g", "i.e.", "3.5", "1,000", "2pm", "covid-19", "1999", "2031", "0800", "naïve", "Ölçü",
        "straße", "ﬁle", "e\u0301", "co\u00adordinate", "日本語", "aら", "ไทยครับ", "مرحبا", "שָׁלוֹם",
        "a:b", "x_y", "@s", "hello@s", "🇬🇧", "👍🏽", "🤷\u200d♀️", "", " ", "'", "--",
    ],
)
def test_odd_words_give_wordfreqs_value(word):
    assert spelling.zipf_frequency(word, "en") == wordfreq.zipf_frequency(word, "en")


def test_random_strings_give_wordfreqs_value():
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies
    alphabet = "abcdehlsyAEIZ0123456789'’‘-.,:;_ @éüßİıÖœ\u0301\u00ad\u200dαβΩабвЖمرحباשלוםक\u093e日本ひらカタไทย²½Ⅻ©😀🏽🇬🇧\t\n/&+"

    @hypothesis.settings(max_examples=3000, deadline=None, derandomize=True)
    @hypothesis.given(st.text(alphabet=alphabet, max_size=10))
    def check(word):
        assert spelling.zipf_frequency(word, "en") == wordfreq.zipf_frequency(word, "en")

    check()


def test_frequency_table_is_wordfreqs_english_list_entry_for_entry():
    lines = spelling.SortedLines("en_zipf.tsv.blocks").lines()
    assert lines == sorted(lines)
    ours = dict(line.split("\t") for line in lines)
    theirs = {w: str(cb) for cb, words in enumerate(wordfreq.get_frequency_list("en")) for w in words}
    assert ours == theirs


def test_a_blocks_table_finds_every_line_and_nothing_else():
    table = spelling.SortedLines("en_lemminflect.tsv.blocks")
    lines = table.lines()
    assert len(lines) > 100_000 and lines == sorted(lines)
    for line in lines[::97] + lines[:3] + lines[-3:] + lines[255:258] + lines[511:514]:
        key = line.split("\t")[0] + "\t" + line.split("\t")[1] + "\t"
        assert table.starting(key) == line
    for missing in ("", "\t", "zzzzzz\t", "a\tX\t", "\U0010ffff"):
        found = table.starting(missing)
        assert found is None or (missing == "" and found == lines[0])


def _lemminflect_loaded():
    """lemminflect's two tables as its own code loads them (its codecs, not litcheck's copy)."""
    from lemminflect import config
    from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec
    from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec

    return LemmaLUCodec.load(config.lemma_lu_fn), InflectionLUCodec.load(config.inflection_lu_fn)


def test_lemminflect_tables_are_lemminflects_entry_for_entry_in_its_order():
    lemmas, inflections = _lemminflect_loaded()
    for kind, table in (("L", lemmas), ("I", inflections)):
        ours = _LemminflectTable(kind)
        wrong = [w for w, entry in table.items() if list(ours.get(w, {}).items()) != list(entry.items())]
        assert not wrong, (kind, wrong[:10])
        assert ours.get("zzzz-not-a-word") is None and ours.get("zzzz-not-a-word", {}) == {}


def test_lemminflect_answers_as_it_did_with_its_own_tables():
    """In a fresh process, plain lemminflect (its own loading) against litcheck.nlp.lemminflect."""
    words = ["took", "tablets", "were", "bled", "referred", "booked", "rebooked", "Took", "NHS", "fasting", "analyses"]
    probe = (
        "import json, sys\n"
        "from litcheck.nlp import lemminflect as lm\n"
        "import lemminflect as plain\n"
        "words = json.loads(sys.argv[1])\n"
        "def answers(m):\n"
        "    return [[sorted(m.getAllLemmas(w).items()), m.getInflection(w.lower(), tag='VBN'), m.getInflection(w.lower(), tag='NNS'),"
        " sorted(m.getAllLemmasOOV(w, upos='VERB').items())] for w in words]\n"
        "print(json.dumps(answers(lm if sys.argv[2] == 'ours' else plain)))\n"
    )
    import json

    runs = [
        subprocess.run([sys.executable, "-c", probe, json.dumps(words), which], capture_output=True, text=True, check=True).stdout
        for which in ("ours", "plain")
    ]
    assert runs[0] == runs[1]
    assert json.loads(runs[0])[0][0] == [["VERB", ["take"]]]


def test_english_refuses_what_spacy_refuses():
    with pytest.raises(ValueError, match="E088"):
        english()("a" * (english().max_length + 1))


def test_checking_a_letter_needs_neither_wordfreq_nor_lemminflects_own_loading():
    probe = (
        "import sys, litcheck\n"
        "litcheck.check_text('Dear patient, please bring your tablets. You were referred by your GP. "
        "Your haemoglobin was low and you took the medicines.')\n"
        "from lemminflect import Lemmatizer, Inflections\n"
        "print(sorted({'wordfreq', 'langcodes', 'ftfy', 'regex', 'msgpack'} & set(sys.modules)),"
        " type(Lemmatizer().__dict__.get('lemma_dict')).__name__, type(Inflections().__dict__.get('infl_dict')).__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["[]", "_LemminflectTable", "_LemminflectTable"]
