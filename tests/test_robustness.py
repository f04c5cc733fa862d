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
