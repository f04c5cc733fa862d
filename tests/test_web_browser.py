"""The upload page in a real browser: Debian's headless Chromium, driven by Selenium.

It uploads a letter, reads the report, and runs axe-core (installed from npm by .ci/run into
.ci/axe/, never fetched here) for serious or critical accessibility problems. Off CI it skips
when the browser, its driver or axe-core are missing; with CI=true it fails instead.

``LITCHECK_SCREENSHOT=docs/report-page.png python -m pytest tests/test_web_browser.py`` also
saves a screenshot of the report page for samples/poor_appointment_letter.txt.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AXE = Path(os.environ.get("LITCHECK_AXE_JS", ROOT / ".ci" / "axe" / "node_modules" / "axe-core" / "axe.min.js"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
IN_CI = os.environ.get("CI", "").lower() == "true"


def _missing() -> str | None:
    try:
        import flask  # noqa: F401
        import selenium  # noqa: F401
    except ImportError as exc:
        return f"{exc.name} is not installed (pip install -e '.[test]')"
    if not CHROMIUM or not CHROMEDRIVER:
        return "Chromium or its driver is missing (apt-get install chromium chromium-driver)"
    if not AXE.is_file():
        return f"axe-core is missing at {AXE} (.ci/run installs it from npm)"
    return None


MISSING = _missing()
if MISSING and IN_CI:
    raise RuntimeError(f"the browser test must run in CI: {MISSING}")
pytestmark = pytest.mark.skipif(MISSING is not None, reason=MISSING or "")

LETTER = [
    "Dear Mr Smith,",
    "You have been referred to the cardiology clinic for further investigation of your hypertension.",
    "Please commence fasting prior to your appointment.",
    "Failure to attend will result in you being discharged back to your GP.",
    "Yours sincerely,",
    "Outpatients team",
]


def _has_docx_reader() -> bool:
    from litcheck import readers

    try:
        import importlib

        importlib.import_module(f"litcheck.readers.{readers.READERS['.docx']}")
        return True
    except (KeyError, ImportError):
        return False


@pytest.fixture(scope="module")
def server():
    from litcheck.web import create_app, make_server

    srv = make_server(create_app(), "127.0.0.1", 0, threads=2)
    stop = threading.Event()

    def serve():  # waitress's loop in short turns, so it can stop before its socket closes
        while not stop.is_set():
            srv.asyncore.loop(timeout=0.1, count=1, map=srv._map)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.effective_port}/"
    stop.set()
    thread.join(5)
    srv.close()


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="litcheck-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}", "--window-size=1280,2000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _upload(browser, server, path: Path):
    from selenium.webdriver.common.by import By

    browser.get(server)
    browser.find_element(By.ID, "file").send_keys(str(path))
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 30).until(lambda b: b.find_elements(By.ID, "reading-age-title") or b.find_elements(By.ID, "error-summary-title"))
    assert not browser.find_elements(By.ID, "error-summary-title"), browser.find_element(By.TAG_NAME, "main").text
    return ready


TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']


def _axe_violations(browser, experimental: bool = False) -> list[dict]:
    """axe-core's violations on the page (with ``experimental``, its experimental rules too)."""
    import json

    tags = TAGS + (["experimental"] if experimental else [])
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    return browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: " + json.dumps(tags) + "}})"
        ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,"
        " targets: v.nodes.slice(0, 3).map(n => String(n.target))}))))"
        ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: 0}]));"
    )


def test_upload_shows_reading_age_highlight_and_checklist_with_no_serious_accessibility_problems(browser, server, tmp_path):
    from selenium.webdriver.common.by import By

    from tests import webfiles

    if _has_docx_reader():
        letter = tmp_path / "letter.docx"
        letter.write_bytes(webfiles.docx(LETTER))
    else:  # until litcheck reads Word files, the same letter as text
        letter = tmp_path / "letter.txt"
        letter.write_text("\n\n".join(LETTER), encoding="utf-8")
    _upload(browser, server, letter)

    assert browser.find_element(By.CSS_SELECTOR, ".reading-age .big-number").text.strip()
    assert "UK adults can read" in browser.find_element(By.CSS_SELECTOR, ".reading-age .who").text
    marks = browser.find_elements(By.CSS_SELECTOR, "mark.finding")
    assert any("hypertension" in m.text for m in marks)
    tag = browser.find_element(By.CSS_SELECTOR, "mark.finding .tag")  # errors and warnings carry their number
    assert tag.text.split()[-1].isdigit() and tag.get_attribute("href").split("#")[1].startswith("finding-")
    sections = [h.text for h in browser.find_elements(By.CSS_SELECTOR, ".report-section h2")]
    if "details" in _report_sections(browser):
        assert "Practical details checklist" in sections

    serious = [v for v in _axe_violations(browser) if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_form_page_has_no_serious_accessibility_problems(browser, server):
    browser.get(server)
    serious = [v for v in _axe_violations(browser) if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_report_page_for_the_poor_sample(browser, server):
    from selenium.webdriver.common.by import By

    _upload(browser, server, ROOT / "samples" / "poor_appointment_letter.txt")
    assert browser.find_elements(By.CSS_SELECTOR, "mark.finding")
    whole = browser.find_elements(By.CSS_SELECTOR, ".whole-letter li.whole-item")  # never marked in the text
    assert whole and "About the whole letter" in browser.find_element(By.ID, "whole-title").text
    draft = browser.find_element(By.CSS_SELECTOR, ".downloads a.button[download]")
    assert "Download a revised draft" in draft.text
    assert draft.get_attribute("download") == "poor_appointment_letter.litcheck.txt"
    serious = [v for v in _axe_violations(browser) if v["impact"] in ("serious", "critical")]
    assert serious == []
    target = os.environ.get("LITCHECK_SCREENSHOT")
    if target:
        browser.set_window_size(1280, 1400)  # the first screen and a little more: what to fix first
        browser.save_screenshot(target)
        browser.set_window_size(1280, 2000)


def _report_sections(browser) -> set[str]:
    import json
    from urllib.parse import unquote

    from selenium.webdriver.common.by import By

    href = browser.find_element(By.CSS_SELECTOR, "a.json-link[download]").get_attribute("href")
    data = json.loads(unquote(href.split(",", 1)[1]))["documents"][0]
    return set(data)


def test_compare_two_versions_page_has_no_serious_accessibility_problems(browser, server, tmp_path):
    """Upload two versions (issue 18): the before-and-after page, checked by axe-core."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    old = tmp_path / "old.txt"
    old.write_text("\n\n".join(LETTER), encoding="utf-8")
    new = tmp_path / "new.txt"
    new.write_text("\n\n".join(["Dear Mr Smith,", "We would like to see you in the heart clinic to check your blood pressure.",
                                "Please do not eat for 6 hours before you come.", "Yours sincerely,", "Outpatients team"]), encoding="utf-8")
    browser.get(server)
    browser.find_element(By.ID, "before").send_keys(str(old))
    browser.find_element(By.ID, "after").send_keys(str(new))
    browser.find_element(By.CSS_SELECTOR, "form[action$='/compare'] button[type=submit]").click()
    WebDriverWait(browser, 60).until(lambda b: b.find_elements(By.ID, "cmp-reading-age") or b.find_elements(By.ID, "error-summary-title"))
    assert not browser.find_elements(By.ID, "error-summary-title"), browser.find_element(By.TAG_NAME, "main").text
    assert "UK adults can read it" in browser.find_element(By.CSS_SELECTOR, ".compare-headline .who").text
    serious = [v for v in _axe_violations(browser) if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_portfolio_report_file_has_no_serious_accessibility_problems(browser, tmp_path):
    """The self-contained `litcheck report` file, opened from disk as from a shared drive."""
    from litcheck.cli import main

    out = tmp_path / "report.html"
    assert main(["report", str(ROOT / "samples"), "-o", str(out), "--jobs", "1"]) == 0
    browser.get(out.as_uri())
    serious = [v for v in _axe_violations(browser) if v["impact"] in ("serious", "critical")]
    assert serious == []


# --- every page state, at 1280 and 320 px: no axe violations (experimental rules too) --------

WIDTHS = (1280, 320)
WELSH = (
    "Annwyl Mr Jones,\n\nRydym wedi trefnu apwyntiad i chi yn y clinig. Os na allwch ddod, ffoniwch ni ar 01632 960123 os gwelwch yn dda.\n\n"
    "Dear Mr Jones,\n\nYou have an appointment at the clinic on Monday 3 June at 10am. If you cannot come, please call us on 01632 960123.\n\n"
    "Byddwn yn anfon neges destun atoch y diwrnod cyn eich apwyntiad.\n\nWe will send you a text message the day before your appointment.\n"
)


def _state(browser, server, tmp_path, name: str) -> None:
    """Bring the browser to one page state."""
    from selenium.webdriver.common.by import By

    from tests import webfiles

    if name == "form":
        browser.get(server)
    elif name == "form-error":
        browser.get(server)
        browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        from selenium.webdriver.support.ui import WebDriverWait

        WebDriverWait(browser, 30).until(lambda b: b.find_elements(By.ID, "error-summary-title"))
    elif name == "not-found":
        browser.get(server + "no-such-page")
    elif name == "report-poor":
        _upload(browser, server, ROOT / "samples" / "poor_appointment_letter.txt")
    elif name == "report-poor-filtered":
        _upload(browser, server, ROOT / "samples" / "poor_appointment_letter.txt")
        for box in ("show-suggestion", "show-marks"):
            browser.find_element(By.CSS_SELECTOR, f"label[for={box}]").click()
        for details in browser.find_elements(By.CSS_SELECTOR, "details:not([open]) > summary")[:3]:
            details.click()
    elif name == "report-leaflet":
        _upload(browser, server, ROOT / "samples" / "procedure_leaflet.md")
    elif name == "report-word":
        letter = tmp_path / "a-letter-with-a-very-long-file-name-that-used-to-make-the-page-too-wide-on-a-phone.docx"
        letter.write_bytes(webfiles.docx(LETTER))
        _upload(browser, server, letter)
    elif name == "report-welsh":
        letter = tmp_path / "dwyieithog.txt"
        letter.write_text(WELSH, encoding="utf-8")
        _upload(browser, server, letter)
    else:  # pragma: no cover
        raise AssertionError(name)


STATES = ["form", "form-error", "not-found", "report-poor", "report-poor-filtered", "report-leaflet", "report-word", "report-welsh"]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("state", STATES)
def test_no_accessibility_violations_and_no_sideways_scrolling(browser, server, tmp_path, state, width):
    browser.set_window_size(width, 1000)
    try:
        _state(browser, server, tmp_path, state)
        violations = _axe_violations(browser, experimental=True)
        assert violations == [], "\n".join(map(str, violations))
        scroll, client = browser.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert scroll <= client, f"{state} at {width} px is {scroll} px wide"
    finally:
        browser.set_window_size(1280, 2000)


def test_the_413_page_has_no_accessibility_violations(browser, tmp_path):
    """litcheck's own page for a body over the limit, from a running server with a small limit."""
    from litcheck.web import create_app, make_server

    srv = make_server(create_app({"MAX_CONTENT_LENGTH": 64 * 1024, "LITCHECK_WORKERS": 1}), "127.0.0.1", 0, threads=2)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    try:
        from selenium.webdriver.common.by import By

        big = tmp_path / "big.txt"
        big.write_text("word " * 40000, encoding="utf-8")
        for width in WIDTHS:
            browser.set_window_size(width, 1000)
            browser.get(f"http://127.0.0.1:{srv.effective_port}/")
            browser.find_element(By.ID, "file").send_keys(str(big))
            browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            from selenium.common.exceptions import StaleElementReferenceException
            from selenium.webdriver.support.ui import WebDriverWait

            # the page arrives once the rest of the upload has been read and dropped
            WebDriverWait(browser, 20, ignored_exceptions=(StaleElementReferenceException,)).until(lambda b: any("This file is too large" in h.text for h in b.find_elements(By.TAG_NAME, "h1")))
            assert _axe_violations(browser, experimental=True) == []
    finally:
        browser.set_window_size(1280, 2000)
        srv.close()


def test_tab_from_the_top_of_a_report_to_its_first_fix_first_item_in_at_most_10_presses(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    _upload(browser, server, ROOT / "samples" / "poor_appointment_letter.txt")
    from selenium.webdriver.common.action_chains import ActionChains

    first = browser.find_element(By.CSS_SELECTOR, ".fix-list li a")
    # the report has just loaded: focus is at the top of the document, as for a keyboard user
    assert browser.execute_script("return document.activeElement === document.body")
    for presses in range(1, 11):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if browser.switch_to.active_element == first:
            break
    else:
        pytest.fail("the first 'fix first' item was not reached in 10 Tab presses")
    assert presses <= 10
    first.send_keys(Keys.ENTER)  # and it takes the user to the words in the text
    target = browser.execute_script("return location.hash")
    assert target.startswith("#mark-") or target.startswith("#finding-")


def test_the_first_screen_says_what_to_fix_first(browser, server):
    from selenium.webdriver.common.by import By

    _upload(browser, server, ROOT / "samples" / "poor_appointment_letter.txt")
    items = browser.find_elements(By.CSS_SELECTOR, ".fix-list > li")
    assert 1 <= len(items) <= 5
    assert "Error" in items[0].text
    top = items[0].location["y"]
    assert top < 1000, f"the first change to make starts {top} px down"
    reading_age = browser.find_element(By.CSS_SELECTOR, ".reading-age .big-number")
    assert reading_age.location["y"] < 900


@pytest.mark.parametrize("width", [1280, 375])
def test_page_height_of_the_one_page_poor_sample(browser, server, width, record_property):
    _upload(browser, server, ROOT / "samples" / "poor_appointment_letter.txt")
    browser.set_window_size(width, 1000)
    try:
        height = browser.execute_script("return document.documentElement.scrollHeight")
        record_property(f"height_{width}", height)
        print(f"poor sample report: {height} px tall at {width} px")
        assert height < {1280: 15000, 375: 26000}[width]
    finally:
        browser.set_window_size(1280, 2000)
