"""The document kinds' detect patterns (rules/_profiles/*.yml) run on every text litcheck
checks, before any rule, so one that backtracks makes a whole check hang.

A line-start prefix that can cross lines (``^\\W*(?:dear|hi)`` or ``^\\s*(?:subject|re)``,
compiled MULTILINE) runs from every line start across all the blank lines that follow: a 20 KB
letter with 20,000 newlines spliced in took 304 s in kind detection. The prefixes now stop at
the end of their line (``^[^\\w\\n]*``, ``^[^\\S\\n]*``)."""

import re
import time

import pytest

from litcheck import readers
from litcheck.analysers import Context
from litcheck.details.profiles import detect_profile, load_profiles


def _detect_patterns():
    for name, profile in sorted(load_profiles().items()):
        for i, sig in enumerate(profile.signals):
            if sig.kind == "pattern":
                yield f"{name}.detect[{i}]", sig.value


def test_every_profile_has_detect_patterns_to_time():
    # the test below would pass vacuously if the patterns were not where it looks
    assert len(list(_detect_patterns())) > 40


@pytest.mark.parametrize("unit", ["\n", "\n\n ", "a.", "1.", "{% ", "( ", " \n", "\t\n", ".\n", "- \n", "dear\n"])
def test_every_detect_pattern_scans_a_long_run_in_linear_time(unit):
    """Each detect pattern of each profile gets 20,000 characters of a run that has hurt: a
    linear pattern takes milliseconds even on a busy machine; a quadratic one took 5 to 15 s
    on 4,000 characters of newlines and minutes on 20,000."""
    text = unit * (20_000 // len(unit))
    slow = []
    for name, pattern in _detect_patterns():
        started = time.perf_counter()
        for _ in pattern.finditer(text):
            pass
        took = time.perf_counter() - started
        if took > 2:
            slow.append(f"{name}: {took:.1f} s")
    assert not slow, f"quadratic on {unit!r} * {20_000 // len(unit):,}: {slow}"


def test_no_line_start_prefix_runs_across_lines():
    """The cause, named: ``^`` followed by an unbounded run of a class that holds the newline
    (``\\W*``, ``\\s*``, ``\\s+``). The first lines of a text (``\\A\\s*``) are looked at once, so
    they may skip blank lines."""
    crossing = re.compile(r"(?<!\\)\^(?:\\[Ws]|\[\^\\w\])[*+]")
    bad = [name for name, pattern in _detect_patterns() if crossing.search(pattern.pattern)]
    assert not bad, f"line-start prefixes that cross lines: {bad}"


LETTER = (
    "Dear Ms Example\n\n"
    "Your appointment is on Tuesday 3 March at 10:30am at the Eye Clinic, Westgate Hospital.\n\n"
    "Please bring your glasses and a list of your medicines. If you cannot come, phone "
    "01632 960111 so that we can offer the time to someone else.\n\n"
    "Yours sincerely\n\nOutpatient Bookings Team\n"
)


def test_a_letter_with_thousands_of_blank_lines_is_still_a_letter_and_quick():
    """The 304-second case in small: the same letter with blank lines spliced between its
    lines is recognised as before (the prefixes still find 'Dear' and 'Yours sincerely' at
    their line starts), and kind detection stays well under the time it took before."""
    spliced = LETTER.replace("\n\n", "\n" * 5000)
    plain = detect_profile(Context(readers.read_text(LETTER, "txt", None)))
    started = time.perf_counter()
    found = detect_profile(Context(readers.read_text(spliced, "txt", None)))
    took = time.perf_counter() - started
    assert plain.profile == found.profile == "appointment_letter"
    assert "Dear Ms Example" in found.reason
    assert took < 20, f"kind detection took {took:.1f} s on 20,000 blank lines"


@pytest.mark.parametrize("line, kind, signal", [
    ("  Dear Sam,", "appointment_letter", 2),
    ("** Yours sincerely", "appointment_letter", 3),
    ("\tSubject: Your scan", "appointment_letter", 2),
    ("- Diagnosis: asthma", "clinic_letter", 1),
    ("  Where:", "easy_read", 6),
    ("## What is a colonoscopy?", "procedure_leaflet", 2),
])
def test_line_start_prefixes_still_allow_spaces_and_marks_before_the_words(line, kind, signal):
    pattern = load_profiles()[kind].signals[signal].value
    assert pattern.search("Some words first.\n" + line + "\nMore words.")
    # ... but not words before them on the same line
    assert not pattern.search("Some words first. Then " + line.strip() + "\nMore words.")
