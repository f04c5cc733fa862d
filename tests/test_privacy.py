"""Personal data (issue 25): found, flagged, and never copied into any output.

Every number here is made up: the NHS numbers are computed to pass (or fail) the modulus 11
check, and belong to no one we know of; the mobile and e-mail are fictional."""

from __future__ import annotations

import glob
import json
import re
from pathlib import Path

import pytest

from litcheck.analysers.privacy import mask_date, mask_nhs, nhs_check_digit_ok
from litcheck.check import check_file, check_text

NHS = "485 777 3457"  # valid check digit
NHS_RAW = "4857773457"
NHS_BAD = "485 777 3456"  # wrong check digit
TEST_NHS = "999 000 0018"  # the published test range
MOBILE = "07123 456789"
EMAIL = "ann.example84@gmail.com"
DOB = "14/03/1984"
HOSPITAL = "RTH 4827716"

LETTER = f"""Mrs Ann Example
12 Acacia Avenue
Leeds LS6 2AB
NHS number: {NHS}
Hospital number: {HOSPITAL}
Date of birth: {DOB}
Mobile: {MOBILE}
Email: {EMAIL}

Dear Mrs Example,

Your appointment is on 14/04/2026. Please ring 0300 123 4567 if you cannot attend.
You must attend in order to facilitate the commencement of treatment {NHS_RAW}.
"""
#: the data as it may appear in an output (also with its spaces folded or JSON-escaped)
SECRETS = [NHS, NHS_RAW, "777 3457", DOB, "14\\/03\\/1984", "456789", "ann.example84", "4827716", "Acacia", "2AB"]


def privacy(report):
    return [f for f in report.findings if f.rule.startswith("privacy.")]


def assert_clean(output: str):
    for secret in SECRETS:
        assert secret not in output, f"{secret!r} leaked"


# -- the check digit -----------------------------------------------------------------------
@pytest.mark.parametrize("number", ["4857773457", "4010232137", "6123456784", "9990000018"])
def test_valid_check_digits(number):
    assert nhs_check_digit_ok(number)


@pytest.mark.parametrize("number", ["4857773456", "4010232138", "123456789", "12345678901", "abcdefghij"])
def test_invalid_check_digits(number):
    assert not nhs_check_digit_ok(number)


@pytest.mark.parametrize("written", ["485 777 3457", "485-777-3457", "4857773457"])
def test_nhs_number_found_in_the_usual_groupings(written):
    found = privacy(check_text(f"Your NHS number is {written}.", select=["privacy"]))
    assert [f.rule for f in found] == ["privacy.nhs_number"]
    assert found[0].severity == "error" and found[0].text.startswith("485") and "3457" not in found[0].text


@pytest.mark.parametrize(
    "text",
    [
        f"Your NHS number is {NHS_BAD}.",  # fails the check
        "Your NHS number is 48 577 73457.",  # not a usual grouping
        "Call 0300 123 4567 or 01632 960123.",
        "Your hospital number is 1234567890.",
        "Reference 4857773457",  # a reference, not said to be an NHS number
        "Your NHS number is [NHS number].",
        "Your NHS number is {{ nhs_number }}.",
        "Your appointment is on 14/04/2026 at 10am.",
    ],
)
def test_no_nhs_number(text):
    assert not privacy(check_text(text, select=["privacy"]))


def test_test_range_is_test_data_at_lower_severity():
    (f,) = privacy(check_text(f"NHS number: {TEST_NHS}", select=["privacy"]))
    assert f.severity == "suggestion" and "test" in f.message and f.text == "999 *** ****"


# -- dates of birth and contacts -------------------------------------------------------------
@pytest.mark.parametrize("text", [f"DOB: {DOB}", "Date of birth: 3 May 1984", "born on 3rd May 1984", "D.O.B. 1984-03-14"])
def test_date_of_birth(text):
    (f,) = privacy(check_text(text, select=["privacy"]))
    assert f.rule == "privacy.date_of_birth" and "1984" in f.text and not re.search(r"\d", f.text.replace("1984", ""))


@pytest.mark.parametrize("text", ["Date of birth: [date of birth]", "Date of birth: {{ dob }}", "Please bring proof of your date of birth.", "Your appointment is on 14/03/2026."])
def test_no_date_of_birth(text):
    assert not privacy(check_text(text, select=["privacy"]))


@pytest.mark.parametrize("text", [f"Mrs Ann Example, mobile {MOBILE}", f"Patient: Ann Example ({EMAIL})", "Mr J Example\n+44 7123 456789"])
def test_contact_next_to_a_name(text):
    (f,) = privacy(check_text(text, select=["privacy"]))
    assert f.rule == "privacy.contact" and "456789" not in f.text and "ann.example" not in f.text


@pytest.mark.parametrize(
    "text",
    [
        "Mrs Ann Example, mobile 07700 900123",  # Ofcom drama range
        "Mrs Ann Example, mobile 07700900999",
        "Mrs Ann Example, email ann@clinic.example",
        "Mrs Ann Example, mobile [mobile number]",
        "Mrs Ann Example, email {{ email }}",
        f"Text us on {MOBILE} to change your appointment.",  # no name: the service's number
        "Call 01632 960123 or 020 7946 0123.",
    ],
)
def test_no_contact(text):
    assert not privacy(check_text(text, select=["privacy"]))


@pytest.mark.parametrize(
    "text",
    [
        "Patient: Ann Example (ann.example84@ntlworld.com)",  # a UK ISP's mail, from the package list
        "Mrs Ann Example, email a.example@btinternet.com",
        "Mr Tom Example: tom.example@blueyonder.co.uk",
    ],
)
def test_personal_mail_providers_beyond_the_big_ones(text):
    (f,) = privacy(check_text(text, select=["privacy"]))
    assert f.rule == "privacy.contact" and f.text.startswith("*") and "example" not in f.text.split("@")[0]


@pytest.mark.parametrize(
    "text",
    [
        "Mrs Ann Example, Patient Services Manager, ann.example@nhs.net",  # a work address
        "Dr Example's secretary: cardiology.secretaries@example-trust.nhs.uk",
        "Mrs Ann Example, practice manager, reception.example@btconnect.com",  # a GP practice's business mail
    ],
)
def test_work_addresses_are_not_personal(text):
    assert not privacy(check_text(text, select=["privacy"]))


# -- hospital and case-note numbers ---------------------------------------------------------
@pytest.mark.parametrize(
    "text, masked",
    [
        (f"Hospital number: {HOSPITAL}", "RTH *******"),
        ("Your case note number is K3920475.", "K*******"),
        ("MRN 50183726", "********"),
        ("Hosp no. A 604 1937", "A *** ****"),
        ("CHI number: 1403841234", "**********"),
    ],
)
def test_hospital_number(text, masked):
    (f,) = privacy(check_text(text, select=["privacy"]))
    assert f.rule == "privacy.hospital_number" and f.severity == "error" and f.text == masked


@pytest.mark.parametrize(
    "text",
    [
        "Hospital number: [hospital number]",
        "Hospital number: {{ mrn }}",
        "Please bring your hospital number with you.",
        "Your hospital number is 1234567890.",  # plainly made up
        "Your booking reference is 50183726.",  # not labelled as a patient's number
        "Ward 4, Hospital Road, call 0113 243 3144",
    ],
)
def test_no_hospital_number(text):
    assert not privacy(check_text(text, select=["privacy"]))


# -- a date of birth next to a name, with no label ---------------------------------------------
@pytest.mark.parametrize("text", ["Mrs Ann Example, 14/03/1984", "Patient: Ann Example (3 May 1984)", "Mr J Example - 1984-03-14", "Mrs Ann Example, 14/03/1984, Noonan Court"])  # "Noon..." is no time
def test_date_of_birth_next_to_a_name(text):
    (f,) = privacy(check_text(text, select=["privacy"]))
    assert f.rule == "privacy.date_of_birth" and "1984" in f.text and not re.search(r"\d", f.text.replace("1984", ""))


@pytest.mark.parametrize(
    "text",
    [
        "Clinic with Mr Example, 14 March 2023 at 10:30am",  # an appointment: a time follows
        "Clinic with Mr Example, 14 March 2023 at noon",
        "Mr Example, 14 March 2026",  # this year: a letter's date, not a birth
        "Mr Example\n14 March 1984",  # not on the same line
        "Mr Example will see you on 14 March 2023.",
    ],
)
def test_no_date_of_birth_next_to_a_name(text):
    assert not privacy(check_text(text, select=["privacy"]))


# -- a home address with a name -----------------------------------------------------------------
def test_home_address_is_found_and_masked():
    text = "Mrs Ann Example\nFlat 3, 27a Hill Street\nHebden Bridge\nHX7 8AB\n\nDear Mrs Example,"
    (f,) = privacy(check_text(text, select=["privacy"]))
    assert f.rule == "privacy.home_address" and text[f.start : f.end].startswith("Flat 3")
    assert f.text == "**** *, *** **** ******\n****** ******\nHX7 ***"
    assert "Hill" not in f.message and "8AB" not in f.message


@pytest.mark.parametrize(
    "text",
    [
        "Mrs Ann Example\n[address line 1]\n[postcode]",
        "Outpatients Department\nSt Example's Hospital\n1 Hospital Road\nLeeds LS1 3EX",
        "Our clinic is at 12 Park Road, Leeds LS6 2AB.",  # no name: a place
        "Mr Example's clinic, Example Medical Centre, 4 Mill Lane, Leeds LS6 2AB",  # a service
        "Mrs Ann Example\n12 Acacia Avenue\n\nThe clinic is in Leeds LS6 2AB.",  # the postcode is another block's
    ],
)
def test_no_home_address(text):
    assert not privacy(check_text(text, select=["privacy"]))


# -- masking -----------------------------------------------------------------------------------
def test_masks():
    assert mask_nhs("943 476 5919") == "943 *** ****"
    assert mask_nhs("9434765919") == "943*******"
    assert mask_date("14/03/1984") == "**/**/1984"


def test_findings_carry_no_data_but_point_at_it():
    report = check_text(LETTER)
    found = privacy(report)
    assert {f.rule for f in found} == {
        "privacy.nhs_number",
        "privacy.hospital_number",
        "privacy.date_of_birth",
        "privacy.contact",
        "privacy.home_address",
    }
    for f in found:
        assert f.suggestions == () and len(f.text) == f.end - f.start
        assert not any(s in f.message for s in SECRETS)
    nhs = next(f for f in found if f.rule == "privacy.nhs_number")
    assert LETTER[nhs.start : nhs.end] == NHS and nhs.text == "485 *** ****"
    assert_clean(json.dumps(report.to_dict()))


def test_other_findings_overlapping_the_data_are_masked():
    from litcheck.analysers.privacy import mask_findings
    from litcheck.findings import Finding

    text = f"Please quote {NHS} when you call."
    report = check_text(text, select=["privacy"])
    (nhs,) = privacy(report)
    words = text[: nhs.end]
    other = Finding("sentences.long", "warning", None, f"'{words}' is long.", words, 0, nhs.end, 1, 1, (words.lower(),))
    apart = Finding("jargon.wordy", "suggestion", None, "'quote' is wordy.", "quote", 7, 12, 1, 8, ("give",))
    masked, kept, _ = mask_findings([other, apart, nhs], report.document)
    assert masked.text == "Please quote 485 *** ****" and masked.suggestions == ()
    assert NHS not in masked.message and "485 *** ****" in masked.message
    assert (masked.start, masked.end) == (0, nhs.end)
    assert kept == apart


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "gitlab", "junit", "concise"])
def test_every_output_format_is_free_of_the_data(run_cli, tmp_path, fmt):
    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER, encoding="utf-8")
    code, out, err = run_cli("check", str(letter), "--format", fmt)
    assert code == 1 and out
    assert_clean(out + err)
    if fmt != "json":
        return
    assert "485 *** ****" in out


def test_baseline_holds_no_data(run_cli, tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    run_cli("check", str(letter), "--write-baseline", str(baseline))
    assert_clean(baseline.read_text(encoding="utf-8"))
    code, out, err = run_cli("check", str(letter), "--baseline", str(baseline))
    assert_clean(out + err)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_fix_change_list_is_free_of_the_data(run_cli, tmp_path, fmt):
    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER, encoding="utf-8")
    code, out, err = run_cli("fix", str(letter), "--format", fmt)
    assert code == 0
    assert_clean(out + err)


def test_annotate_is_free_of_the_data_in_its_list_and_comments(run_cli, tmp_path):
    docx = pytest.importorskip("docx")
    word = docx.Document()
    for line in LETTER.splitlines():
        word.add_paragraph(line)
    path = tmp_path / "letter.docx"
    word.save(path)
    code, out, err = run_cli("annotate", str(path))
    assert code == 0
    assert_clean(out + err)
    import zipfile

    with zipfile.ZipFile(tmp_path / "letter.litcheck-review.docx") as z:
        if "word/comments.xml" in z.namelist():
            assert_clean(z.read("word/comments.xml").decode("utf-8"))


def test_upload_page_says_personal_data_was_found():
    pytest.importorskip("flask")
    from litcheck.web import create_app

    client = create_app({"TESTING": True}).test_client()
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").text).group(1)
    page = client.post("/", data={"csrf_token": token, "kind": "", "text": LETTER})
    assert "This letter holds personal data (an NHS number" in page.text
    assert "Nothing was stored or sent" in page.text
    from urllib.parse import unquote

    download = re.search(r'href="data:application/json;charset=utf-8,([^"]+)"', page.text)
    if download:
        assert_clean(unquote(download.group(1)))
    clean = client.post("/", data={"csrf_token": token, "kind": "", "text": "Please commence fasting."})
    assert "holds personal data" not in clean.text


# -- precision on the real texts ---------------------------------------------------------------
REAL = Path("/work/shared/data")
SYNTHETIC = [
    "Please call 0300 123 4567 or text 07700 900123. Your reference is 1234567890.",
    "Your appointment is on Tuesday 14 March 2026 at 10.30am. Your hospital number is RX1234567.",
    "Dear [patient name], your NHS number is [NHS number] and your date of birth is [DOB].",
    "Email us at clinic@trust.example or call 01632 960000.",
]


def _real_paths() -> list[str]:
    docs = sorted(glob.glob(str(REAL / "real-texts/docs/*.txt")))
    files = sorted(p for p in glob.glob(str(REAL / "real-files/docs/*")) if Path(p).is_file())
    return docs + files


def test_no_personal_data_found_in_the_real_texts():
    """The real texts hold no real personal data: any finding there is a false alarm (phone
    numbers, reference numbers, appointment dates). Read by path, never copied. In a clone
    without the shared data, only the synthetic cases are checked."""
    from litcheck.errors import InputError

    checked, alarms = 0, []
    for path in _real_paths():
        try:
            report = check_file(path, select=["privacy"])
        except InputError:
            continue  # password-protected or not a letter: nothing to read
        checked += 1
        alarms += [(Path(path).name, f.rule, f.line) for f in report.findings]
    for text in SYNTHETIC:
        checked += 1
        alarms += [("synthetic", f.rule, f.line) for f in check_text(text, select=["privacy"]).findings]
    assert checked >= len(SYNTHETIC)
    assert alarms == []
