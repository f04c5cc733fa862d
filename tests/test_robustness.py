"""Issue 24: every hostile or broken file answered quickly and clearly (a result or a
one-line input error, exit 2), never an internal error. One minimal reproducer per failure."""

from __future__ import annotations

import io

import pytest

from litcheck.check import check_text
from litcheck.errors import InputError
from litcheck.readers import read_bytes


# 1. Crashes --------------------------------------------------------------------------------


def test_superscript_digits_do_not_recurse():
    # "²" passes str.isdigit() but not \d: the two syllable functions called each other for ever
    from litcheck.readability.syllables import count_syllables, spoken_syllables

    report = check_text("Your BMI should be under 30 kg/m².")
    assert report is not None
    for word in ("m²", "²", "30²", "x²2", "²³", "٣٤", "①"):
        assert count_syllables(word) >= 1 and all(n >= 1 for n in spoken_syllables(word))


@pytest.mark.parametrize("charset", ["utf-16", "utf-32", "utf-16-le", "punycode", "undefined", "idna", "rot13", "hex", "no-such-charset"])
def test_html_with_a_charset_that_cannot_be_its_encoding(charset):
    page = f'<html><head><meta charset="{charset}"></head><body><p>Please come to the café.</p></body></html>'
    doc = read_bytes(page.encode("utf-8"), "html", "page.html")
    assert "Please come to the café." in doc.text


def test_html_charset_utf16_checks_end_to_end(run_cli, tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-16"></head><body><p>Please come to the clinic.</p></body></html>')
    code, _, err = run_cli("check", str(page))
    assert code in (0, 1) and "internal error" not in err


class _BytesStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)

    def read(self):  # pragma: no cover - the CLI reads the bytes beneath
        raise UnicodeDecodeError("utf-8", b"\xe9", 0, 1, "invalid continuation byte")


def test_non_utf8_standard_input_is_read(run_cli, monkeypatch):
    monkeypatch.setattr("sys.stdin", _BytesStdin("Please come to the café at 10am.".encode("cp1252")))
    code, out, err = run_cli("check", "-")
    assert code in (0, 1) and "internal error" not in err and "café" in out


def test_binary_standard_input_is_one_line_error(run_cli, monkeypatch):
    monkeypatch.setattr("sys.stdin", _BytesStdin(b"\x00\x01\x02\x03\x04binary"))
    code, _, err = run_cli("check", "-")
    assert code == 2 and "internal error" not in err
    assert len([line for line in err.splitlines() if line.startswith("litcheck:")]) == 1


# 2. One bad file never stops a batch -------------------------------------------------------


def _explode_on(name: str, monkeypatch):
    import litcheck.batch as batch

    real = batch.check_file

    def check_file(path, **options):
        if str(path).endswith(name):
            raise RecursionError("maximum recursion depth exceeded")
        return real(path, **options)

    monkeypatch.setattr(batch, "check_file", check_file)


def test_an_unexpected_error_is_that_files_error_and_the_batch_goes_on(tmp_path, monkeypatch):
    from litcheck.batch import check_paths

    (tmp_path / "a.txt").write_text("Please come to the clinic on Monday.")
    (tmp_path / "bad.txt").write_text("Please come to the clinic on Tuesday.")
    (tmp_path / "c.txt").write_text("Please bring your tablets.")
    _explode_on("bad.txt", monkeypatch)
    report = check_paths([tmp_path])
    assert len(report.documents) == 2
    [problem] = report.errors
    assert problem.path.endswith("bad.txt")
    assert "could not be checked (RecursionError): please report it" in problem.message


def test_batch_cli_lists_the_bad_file_and_exits_2(tmp_path, monkeypatch, run_cli):
    (tmp_path / "a.txt").write_text("Please come to the clinic on Monday.")
    (tmp_path / "bad.txt").write_text("Please come to the clinic on Tuesday.")
    _explode_on("bad.txt", monkeypatch)
    code, out, err = run_cli("check", "--format", "json", "--jobs", "1", str(tmp_path))
    assert code == 2 and "internal error" not in err
    assert "bad.txt: could not be checked (RecursionError): please report it" in err
    import json

    data = json.loads(out)
    assert len(data["documents"]) == 1 and len(data["errors"]) == 1


# 4. Terminal escape sequences never reach the terminal -------------------------------------

_HOSTILE = "Please come to the clinic.\x1b[2J\x1b]0;pwned\x07 Bring your \x9b31mtablets.\x1b]52;c;ZWNobyBoaQ==\x07"


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_reporters_show_control_characters_escaped(tmp_path, run_cli, fmt):
    letter = tmp_path / "letter\x1b[31m.txt"
    letter.write_text("Failure to attend will result in discharge. " + _HOSTILE)
    code, out, err = run_cli("check", "--format", fmt, "--select", "tone", str(letter))
    assert code in (0, 1), err
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "\\x1b" in out


def test_extract_shows_control_characters_escaped(tmp_path, run_cli):
    letter = tmp_path / "letter.txt"
    letter.write_text(_HOSTILE + "\n\tIndented line.")
    code, out, _ = run_cli("extract", str(letter))
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "\\x1b[2J" in out and "\tIndented" in out


@pytest.mark.parametrize(
    "args",
    [("extract", "--format", "json"), ("check", "--format", "json", "--select", "tone"), ("check", "--format", "gitlab", "--select", "tone"), ("check", "--format", "sarif", "--select", "tone")],
)
def test_json_outputs_escape_c1_controls_and_line_separators(tmp_path, run_cli, args):
    """json.dumps escapes only C0 controls; a C1 control (U+009B starts a terminal escape on
    some terminals) or U+2028 (a line break in JavaScript) is written as a \\u escape: the
    same JSON value, nothing that acts on a terminal."""
    import json

    letter = tmp_path / "letter.txt"
    letter.write_text("Failure to attend will result in discharge. Bring your \x9b31mtablets\u2028and \x85this letter.")
    code, out, err = run_cli(*args[:1], *args[1:], str(letter))
    assert code in (0, 1), err
    assert not any(ch in out for ch in "\x9b\x85\u2028\x1b")
    if "json" in args:  # the letter's text is in these; GitLab and SARIF quote none of it
        assert "\\u009b" in out
    json.loads(out)


def test_a_file_name_with_a_newline_stays_on_one_line(tmp_path, run_cli):
    bad = tmp_path / "two\nlines.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    code, _, err = run_cli("check", str(bad))
    assert code == 2
    assert "two\\x0alines.txt" in err
    assert len([line for line in err.splitlines() if line.strip()]) == 1
    code, _, err = run_cli("extract", str(bad))
    assert code == 2 and "two\\x0alines.txt" in err and len(err.strip().splitlines()) == 1


# 3. UTF-16 and UTF-32 with a byte order mark are text ---------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_utf16_and_utf32_with_a_bom_are_read(encoding, fmt):
    text = "Please come to the café.\r\nBring your tablets."
    if fmt == "html":
        text = f"<html><body><p>{text}</p></body></html>"
    doc = read_bytes(("\ufeff" + text).encode(encoding), fmt, f"letter.{fmt}")
    assert "Please come to the café." in doc.text and "\ufeff" not in doc.text


def test_utf16_file_checks_from_the_command_line(tmp_path, run_cli):
    letter = tmp_path / "letter.txt"
    letter.write_bytes("Failure to attend will result in discharge.".encode("utf-16"))
    code, out, err = run_cli("check", "--select", "tone", str(letter))
    assert code == 1 and "tone.threat" in out, err


def test_damaged_utf16_is_one_line_error():
    with pytest.raises(InputError, match="damaged"):
        read_bytes(b"\xff\xfeP\x00\x00\xd8", "txt", "x.txt")


# 5. A text-size limit with a clear message --------------------------------------------------

_TOO_MUCH = "more than 500,000 characters of text: litcheck checks letters and leaflets up to 500,000"


def test_too_much_text_is_one_line_error(tmp_path, run_cli):
    from litcheck.readers import read_text
    from litcheck.readers.base import DEFAULT_LIMITS

    assert DEFAULT_LIMITS.max_chars == 500_000
    with pytest.raises(InputError, match=_TOO_MUCH):
        check_text("word " * 100_001)
    with pytest.raises(InputError, match=_TOO_MUCH):
        read_text("word " * 100_001, "md")
    for fmt in ("txt", "md"):
        with pytest.raises(InputError, match=_TOO_MUCH):
            read_bytes(b"word " * 100_001, fmt, f"big.{fmt}")
    with pytest.raises(InputError, match=_TOO_MUCH):  # the text, not the bytes, counts
        read_bytes(b"<html><body><p>" + b"word " * 100_001 + b"</p></body></html>", "html", "big.html")
    big = tmp_path / "big.txt"
    big.write_bytes(b"Please come. " * 40_000)
    code, _, err = run_cli("check", str(big))
    assert code == 2 and _TOO_MUCH in err and len(err.strip().splitlines()) == 1


def test_text_just_within_the_limit_is_read():
    assert len(read_bytes(b"word " * 99_999, "txt", "a.txt").text) <= 500_000


@pytest.mark.parametrize("unit", ["(", "[", ".", "{{", "{%", "1.", "1,"])
def test_100000_brackets_dots_or_template_markers_complete(unit):
    """Linear time on long runs with no space (1 to 5 s each here; the quadratic version took
    minutes): spaCy gets runs cut into pieces (litcheck/nlp.py), and the sentence-boundary,
    e-mail and template-field patterns give up on a run in one pass. "1.1.1..." and "1,1,..."
    took minutes in social.negative_norm, whose number patterns now have a bounded length."""
    import time

    started = time.perf_counter()
    report = check_text(unit * 100_000)
    took = time.perf_counter() - started
    print(f"{unit!r} x 100,000: {took:.1f} s")
    assert report is not None and took < 60


def test_a_page_with_no_full_stop_is_cut_into_sentences_of_bounded_length():
    """A list or a page with no full stops was one 'sentence' of 100,000 characters, and
    checks that look at a sentence once per word took minutes (462 s for 106 KB). No sentence
    is longer than MAX_SENTENCE_CHARS; pieces are cut at line breaks or spaces."""
    from litcheck.segment import MAX_SENTENCE_CHARS, split_sentences

    line = "please bring your medicines and a list of the tablets you take with you"
    text = "\n".join([line] * 3000)
    doc = read_bytes(text.encode(), "md", "list.md")
    sentences = split_sentences(doc)
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in sentences)
    assert sum(len(text[s.start : s.end].split()) for s in sentences) == len(text.split())
    assert all(not text[s.start].isspace() and not text[s.end - 1].isspace() for s in sentences)


def test_no_line_start_pattern_runs_across_blank_lines():
    """A MULTILINE pattern that opens "^\\W*" or "^\\s*" runs from every line start across
    all the blank lines below it: a page of newlines took minutes (document kinds, long words).
    Line-start prefixes must stop at their line: "^[^\\w\\n]*", "^[^\\S\\n]*"."""
    import importlib
    import pkgutil
    import re

    import litcheck

    bad = []
    for info in pkgutil.walk_packages(litcheck.__path__, "litcheck."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and value.flags & re.MULTILINE:
                if re.search(r"\^\\[Ws][*+]", value.pattern):
                    bad.append(f"{info.name}.{name}")
    assert not bad, bad


def _rule_patterns():
    """Every compiled pattern a rule holds (its tokens, unless, unless_document...)."""
    import re

    from litcheck.rulebook import load_rules
    from litcheck.textpatterns import PatternOnUse

    for rule in load_rules():
        for name, value in vars(rule).items():
            values = value if isinstance(value, (list, tuple)) else [value]
            for i, v in enumerate(values):
                if isinstance(v, PatternOnUse):  # litcheck's own rules: compiled when first used
                    v = v.compiled()
                if isinstance(v, re.Pattern):
                    yield f"{rule.id}.{name}[{i}]", v


@pytest.mark.parametrize("unit", ["1.", "1,", "£1", "a.", "A.", "a-", "((", "1 ", "a "])
def test_every_rule_pattern_scans_a_long_run_in_linear_time(unit):
    """A rule file's pattern with an unbounded run before a required character ("\\d[\\d,.]* ")
    backtracks over a long run with no space and takes minutes on a page of "1.1.1...". Each
    pattern of each rule gets 20,000 characters of such runs: a linear pattern takes well under
    0.3 s here even with the machine busy; a quadratic one takes tens of seconds."""
    import time

    text = unit * (20_000 // len(unit))
    slow = []
    for name, pattern in _rule_patterns():
        started = time.perf_counter()
        for _ in pattern.finditer(text):
            pass
        took = time.perf_counter() - started
        if took > 3:
            slow.append(f"{name}: {took:.1f} s")
    assert not slow, f"quadratic on {unit!r} * 10,000: {slow}"


# 6. Property: any Unicode text gives a report or a one-line input error ----------------------

hypothesis = pytest.importorskip("hypothesis")
st = hypothesis.strategies

_PIECES = st.sampled_from([
    "Please come to the clinic on Monday 3 March at 9.30am. ", "kg/m²", "{{ name }}", "{% if %}", "[DATE]",
    "«Clinic»", "<<Name>>", "$tcitime", "(", "[", ".", "\n\n", "\t", "- ", "# ", "\x1b[2J", "٣٤", "①", "\u200b",
])


@hypothesis.settings(max_examples=50, deadline=None, database=None, suppress_health_check=list(hypothesis.HealthCheck))
@hypothesis.given(st.lists(st.one_of(st.text(max_size=40), _PIECES), max_size=12).map("".join), st.sampled_from(["txt", "md", "html"]))
def test_check_text_on_random_unicode(text, fmt):
    try:
        report = check_text(text, format=fmt)
    except InputError as exc:
        assert "\n" not in str(exc).strip()
        return
    assert report.readability is not None
