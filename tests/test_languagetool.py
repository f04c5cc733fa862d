"""Grammar and UK spelling through a LanguageTool server kept on this machine (issue 19).

Tests marked with the ``lt_url`` fixture check real letters against a real LanguageTool server:
LITCHECK_LANGUAGETOOL_URL names it (.ci/run starts one with scripts/languagetool-server and
exports it). On CI (CI=true) a missing server fails them; elsewhere they skip with the reason.
The others need no server: refusing a public address, nothing sent without a URL, and a server
that is down, slow or answers with an error (a tiny HTTP server started here).
"""

from __future__ import annotations

import http.server
import json
import os
import threading
import time

import pytest

import litcheck
from litcheck import config as configmod
from litcheck.analysers import languagetool as lt
from litcheck.errors import ConfigError
from litcheck.findings import Finding
from litcheck.rulebook import load_rules

from . import webfiles

LT_RULES = ("grammar.", "spelling.", "style.redundancy")


def lt_findings(report):
    return [f for f in report.findings if f.rule.startswith(LT_RULES)]


@pytest.fixture
def lt_url():
    url = os.environ.get("LITCHECK_LANGUAGETOOL_URL")
    if url:
        return url
    if os.environ.get("CI") == "true":
        pytest.fail("LITCHECK_LANGUAGETOOL_URL is not set: CI must start LanguageTool (scripts/languagetool-server start)")
    pytest.skip("no LanguageTool server: run scripts/languagetool-server start and set LITCHECK_LANGUAGETOOL_URL=http://127.0.0.1:8081")


@pytest.fixture(autouse=True)
def fresh_clients(monkeypatch):
    """Each test starts with no remembered client and no server remembered as down."""
    monkeypatch.setattr(lt, "_clients", {})
    monkeypatch.setattr(lt, "_down", {})


# -- a stand-in server: records requests, answers as told -----------------------------------------


class FakeServer:
    def __init__(self, status=200, delay=0.0):
        self.requests: list[str] = []
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, body):
                owner.requests.append(self.path)
                if "/check" in self.path:
                    time.sleep(delay)
                    if status != 200:
                        self.send_response(status)
                        self.end_headers()
                        self.wfile.write(b"Internal error: something broke while checking 'the letter text'")
                        return
                    payload = {"matches": []}
                else:
                    payload = [{"name": "English (GB)", "code": "en", "longCode": "en-GB"}]
                data = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                self._answer(None)

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                self._answer(self.rfile.read(length))

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def fake_server():
    servers = []

    def make(**kw):
        servers.append(FakeServer(**kw))
        return servers[-1]

    yield make
    for s in servers:
        s.close()


LETTER = "Dear Mrs Patel,\n\nPlease commence fasting prior to your appointment on Monday.\n\nYours sincerely,\nClinic team\n"


# -- where letters may go (no server needed) -----------------------------------------------------


@pytest.mark.parametrize("url", ["http://127.0.0.1:8081", "http://localhost:8081/", "http://[::1]:8081", "https://127.0.0.2/lt/"])
def test_this_machine_is_allowed(url):
    assert lt.is_local(url)
    lt.check_url(url)


@pytest.mark.parametrize("url", ["https://api.languagetool.org", "http://10.0.0.5:8081", "http://languagetool:8010", "http://127.0.0.1.example.com"])
def test_another_machine_is_refused_unless_allowed(url):
    assert not lt.is_local(url)
    with pytest.raises(ConfigError, match="not this machine"):
        lt.check_url(url)
    with pytest.raises(ConfigError, match="allow-remote-languagetool"):
        litcheck.check_text("Hello there.", languagetool=url)
    lt.check_url(url, allow_remote=True)


def test_not_a_url_is_refused():
    with pytest.raises(ConfigError, match="http"):
        lt.check_url("127.0.0.1:8081")


def test_cli_refuses_a_public_server_before_reading_any_file(run_cli, samples):
    code, out, err = run_cli("check", "--languagetool", "https://api.languagetool.org", str(samples / "good_appointment_letter.txt"))
    assert code == 2 and out == ""
    assert "not this machine" in err and "--allow-remote-languagetool" in err


def test_cli_warns_when_a_remote_server_is_allowed(run_cli, samples, monkeypatch):
    monkeypatch.setattr(lt, "TIME_LIMIT", 1.0)
    # TEST-NET-1: never answers, so the check goes on with a notice
    code, out, err = run_cli("check", "--languagetool", "http://192.0.2.1:9", "--allow-remote-languagetool", str(samples / "good_appointment_letter.txt"))
    assert "warning" in err and "not this computer" in err
    assert code == 0
    assert "grammar and spelling not checked" in out


def test_a_config_file_cannot_allow_a_remote_server(tmp_path, run_cli):
    (tmp_path / "litcheck.toml").write_text('languagetool = "https://api.languagetool.org"\n')
    (tmp_path / "letter.txt").write_text(LETTER)
    code, _, err = run_cli("check", str(tmp_path / "letter.txt"))
    assert code == 2 and "not this machine" in err


def test_the_config_key_is_checked(tmp_path):
    (tmp_path / "litcheck.toml").write_text("languagetool = 8081\n")
    with pytest.raises(ConfigError, match="languagetool"):
        configmod.load(tmp_path / "litcheck.toml")
    (tmp_path / "litcheck.toml").write_text('languagetool = "http://127.0.0.1:8081"\n')
    assert configmod.load(tmp_path / "litcheck.toml").get("languagetool") == "http://127.0.0.1:8081"


def test_the_config_key_reaches_check_options(tmp_path):
    from litcheck.batch import Settings, options_for

    (tmp_path / "litcheck.toml").write_text('languagetool = "http://127.0.0.1:8081"\n')
    (tmp_path / "letter.txt").write_text(LETTER)
    configmod.clear_cache()
    options = options_for(tmp_path / "letter.txt", Settings())
    assert options["languagetool"] == "http://127.0.0.1:8081" and options["allow_remote_languagetool"] is False
    assert options_for(tmp_path / "letter.txt", Settings(languagetool="http://localhost:9000"))["languagetool"] == "http://localhost:9000"
    configmod.clear_cache()


# -- nothing sent unless asked; a failing server is one notice -------------------------------------


def test_nothing_is_sent_without_a_url(fake_server):
    server = fake_server()
    report = litcheck.check_text(LETTER)
    assert server.requests == [] and report.notices == []
    assert not lt_findings(report)


def test_only_prose_is_sent_with_fields_replaced(fake_server, monkeypatch):
    server = fake_server()
    sent = []
    real = lt.ask
    monkeypatch.setattr(lt, "ask", lambda url, text: sent.append(text) or real(url, text))
    text = "Dear Mrs Patel,\n\n14 Acacia Road\nLeeds\nLS1 4AB\n\nYour appointment is on [DATE] at {{ time }}. See www.example.nhs.uk for a map.\n"
    report = litcheck.check_text(text, languagetool=server.url)
    assert report.notices == []
    assert any("/check" in r for r in server.requests)
    assert sent and "[DATE]" not in sent[0] and "{{" not in sent[0] and "example.nhs.uk" not in sent[0]
    assert "Acacia" not in sent[0] and "Patel" not in sent[0]  # the address block and salutation stay here
    assert "Your appointment is on" in sent[0]


def test_a_server_that_is_down_gives_one_notice_and_the_rest_goes_on(run_cli, tmp_path):
    (tmp_path / "letter.txt").write_text(LETTER)
    code_without, out_without, _ = run_cli("check", str(tmp_path / "letter.txt"))
    code, out, err = run_cli("check", "--languagetool", "http://127.0.0.1:9", str(tmp_path / "letter.txt"))
    assert code == code_without
    assert out.count("grammar and spelling not checked") == 1 and "not answering" in out
    assert "jargon" in out  # litcheck's own checks still ran
    report = litcheck.check_text(LETTER, languagetool="http://127.0.0.1:9")
    assert len(report.notices) == 1 and report.notices[0].startswith(lt.NOT_CHECKED)
    assert {f.rule for f in report.findings} == {f.rule for f in litcheck.check_text(LETTER).findings}


def test_a_server_error_gives_a_notice_without_its_reply(fake_server):
    server = fake_server(status=500)
    report = litcheck.check_text(LETTER, languagetool=server.url)
    assert len(report.notices) == 1
    assert "answered with an error" in report.notices[0] and "letter text" not in report.notices[0]
    assert report.findings  # litcheck's own findings are all there


def test_a_slow_server_is_given_up_on_after_the_time_limit(fake_server, monkeypatch):
    monkeypatch.setattr(lt, "TIME_LIMIT", 1.0)
    server = fake_server(delay=3.0)
    started = time.monotonic()
    report = litcheck.check_text(LETTER, languagetool=server.url)
    assert time.monotonic() - started < 2.5
    assert len(report.notices) == 1 and "did not answer within 1 seconds" in report.notices[0]
    # the next document in the run does not wait again
    started = time.monotonic()
    again = litcheck.check_text(LETTER, languagetool=server.url)
    assert time.monotonic() - started < 0.5 and "earlier in this run" in again.notices[0]


def test_the_page_shows_the_notice(fake_server):
    pytest.importorskip("flask")
    import re

    from litcheck.web import create_app

    server = fake_server(status=500)
    app = create_app({"TESTING": True, "LITCHECK_WORKERS": 1, "LITCHECK_LANGUAGETOOL": server.url})
    client = app.test_client()
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").text).group(1)
    page = client.post("/", data={"csrf_token": token, "kind": "", "text": LETTER})
    assert page.status_code == 200
    assert "Grammar and spelling not checked" in page.text


def test_findings_give_way_to_litchecks_own_jargon_and_passive():
    from litcheck.check import _without_deferred

    rules = {r.id: r for r in load_rules()}

    def finding(rule, start, end):
        return Finding(rule=rule, severity="suggestion", east=None, message="", text="", start=start, end=end, line=1, column=1)

    own = finding("jargon.wordy", 10, 20)
    theirs = finding("style.redundancy", 12, 18)
    elsewhere = finding("style.redundancy", 30, 40)
    kept = _without_deferred([own, theirs, elsewhere], [rules["jargon.wordy"], rules["style.redundancy"]])
    assert kept == [own, elsewhere]


def test_grammar_rules_load_without_a_server_and_find_nothing_without_one():
    ids = {r.id for r in load_rules() if r.kind == "languagetool"}
    assert {"spelling.typo", "spelling.american", "grammar.general", "grammar.confused_words", "grammar.repeated_word", "style.redundancy"} <= ids
    assert not lt_findings(litcheck.check_text("Please recieve the leter. You will removed from the list."))


# -- against a real LanguageTool server ------------------------------------------------------------


def test_spelling_is_found_on_the_right_characters(lt_url):
    text = "Dear Mrs Patel,\n\nPlease bring the letter you recieve from us to the clinic.\n"
    report = litcheck.check_text(text, languagetool=lt_url)
    assert report.notices == []
    [f] = [f for f in report.findings if f.rule == "spelling.typo"]
    assert text[f.start : f.end] == f.text == "recieve"
    assert f.suggestions[0] == "receive" and (f.line, f.column) == (3, 29)


def test_american_spelling_is_its_own_rule(lt_url):
    report = litcheck.check_text("Please wait in the center and bring your color chart.", languagetool=lt_url)
    assert sorted((f.rule, f.text, f.suggestions[0]) for f in lt_findings(report)) == [
        ("spelling.american", "center", "centre"), ("spelling.american", "color", "colour")]


def test_agreement_and_a_missing_word(lt_url):
    report = litcheck.check_text("The results was sent to your GP. If you miss it, you will removed from the list.", languagetool=lt_url)
    found = {(f.rule, f.text, f.suggestions[0]) for f in lt_findings(report)}
    assert ("grammar.general", "was", "were") in found
    assert ("grammar.general", "removed", "be removed") in found


def test_confused_and_repeated_words(lt_url):
    report = litcheck.check_text("Please come to the the clinic. We will call you if their is a problem.", languagetool=lt_url)
    assert {(f.rule, f.text) for f in lt_findings(report)} == {("grammar.repeated_word", "the the"), ("grammar.confused_words", "their")}


def test_a_letter_with_no_errors_gets_no_grammar_or_spelling_findings(lt_url, samples):
    for name in ("good_appointment_letter.txt", "poor_appointment_letter.txt"):
        report = litcheck.check_file(samples / name, languagetool=lt_url)
        assert report.notices == []
        if name.startswith("good"):
            assert lt_findings(report) == [], [(f.rule, f.text) for f in lt_findings(report)]


def test_fields_names_addresses_and_accepted_words_are_left_alone(lt_url):
    text = (
        "Dear Mrs Okonkwo-Adeyemi,\n\nFlat 3, Brackenridge Clos\nLeeds LS1 4AB\n\n"
        "Your appointment with Dr Nwachukwu is on [APPT DATE] at {{ clinc_time }} in Westgait Clinic. "
        "Please bring your Bloggsford card.\n"
    )
    report = litcheck.check_text(text, languagetool=lt_url, accepted_words=["Bloggsford"])
    assert report.notices == []
    assert lt_findings(report) == [], [(f.rule, f.text) for f in lt_findings(report)]


def test_docx_findings_point_into_the_word_paragraph(lt_url):
    doc = litcheck.readers.read_bytes(webfiles.docx(["Dear Mr Smith,", "Please bring the leter we sent you.", "You will removed from the list if you do not reply."]), "docx", "letter.docx")
    report = litcheck.check_document(doc, languagetool=lt_url)
    found = {f.text: f for f in lt_findings(report)}
    assert set(found) >= {"leter", "removed"}
    assert doc.text[found["leter"].start : found["leter"].end] == "leter"
    assert found["leter"].location.get("paragraph") == 2 and found["removed"].location.get("paragraph") == 3


def test_pdf_findings_point_into_the_page(lt_url):
    doc = litcheck.readers.read_bytes(webfiles.pdf(["Dear Mr Smith,", "Please bring the leter we sent you."]), "pdf", "letter.pdf")
    report = litcheck.check_document(doc, languagetool=lt_url)
    [f] = [f for f in lt_findings(report) if f.text == "leter"]
    assert doc.text[f.start : f.end] == "leter" and f.location.get("page") == 1


def test_cli_reports_grammar_with_the_flag_only(run_cli, tmp_path, lt_url):
    (tmp_path / "letter.txt").write_text("Dear Mrs Patel,\n\nPlease bring the letter you recieve from us.\n")
    _, out, _ = run_cli("check", str(tmp_path / "letter.txt"))
    assert "spelling.typo" not in out
    _, out, err = run_cli("check", "--languagetool", lt_url, str(tmp_path / "letter.txt"))
    assert "spelling.typo" in out and "recieve" in out and err == ""


def test_the_page_shows_grammar_and_spelling_when_the_service_configured_a_server(lt_url):
    pytest.importorskip("flask")
    import re

    from litcheck.web import create_app

    app = create_app({"TESTING": True, "LITCHECK_WORKERS": 1, "LITCHECK_LANGUAGETOOL": lt_url})
    client = app.test_client()
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").text).group(1)
    page = client.post("/", data={"csrf_token": token, "kind": "", "text": "Dear Mrs Patel,\n\nPlease bring the letter you recieve from us.\n"})
    assert page.status_code == 200
    assert "spelling.typo" in page.text and "recieve" in page.text


def test_rules_test_runs_the_grammar_examples_with_a_server(run_cli, lt_url):
    _, out, err = run_cli("rules", "--test", "--languagetool", lt_url)
    assert "not run" not in err
    assert not [line for line in out.splitlines() if line.startswith("FAIL") and any(r in line for r in LT_RULES)], out


def test_rules_test_says_which_examples_it_did_not_run_without_a_server(run_cli):
    _, out, err = run_cli("rules", "--test")
    assert "not run (6, they need a LanguageTool server" in err and "spelling.typo" in err
    assert "spelling.typo" not in out
