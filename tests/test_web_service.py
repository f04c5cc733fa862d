"""The upload page as a service: it reads only what was uploaded, refuses lying zips with
bounded memory, answers any oversized body with its own 413 page, times out slow and idle
clients, and keeps answering under 50 concurrent uploads. Most tests run a real waitress
server on a free port."""

from __future__ import annotations

import http.client
import re
import socket
import threading
import time
import tracemalloc
from pathlib import Path

import pytest

pytest.importorskip("flask", reason="the upload page needs Flask (pip install -e '.[test]')")
pytest.importorskip("waitress", reason="the upload page is served by waitress")

from litcheck import suppressions  # noqa: E402
from litcheck.errors import InputError  # noqa: E402
from litcheck.web import create_app, make_server, upload, worker  # noqa: E402

from . import webfiles  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
THREAT_PAGE = (
    "<!doctype html><html><body><p>Dear Mr Smith,</p>"
    "<p>Failure to attend will result in you being discharged back to your GP.</p></body></html>"
)


# --- suppression comments come from the upload only ------------------------------------------


def test_a_same_named_file_in_the_servers_folder_cannot_hide_findings(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "letter.html").write_text("<!-- litcheck: ignore-file tone jargon -->", encoding="utf-8")
    job = {"kind": "upload", "data": THREAT_PAGE.encode(), "name": "letter.html", "max_unpacked": 50 << 20, "profile": "", "limit": 30}
    status, report, *_ = worker._run(job, worker.check_document)
    assert status == "ok"
    assert any(f.rule == "tone.threat" for f in report.findings)


def test_suppression_comments_in_the_upload_itself_still_work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    page = THREAT_PAGE.replace("<body>", "<body><!-- litcheck: ignore-file tone -->")
    job = {"kind": "upload", "data": page.encode(), "name": "letter.html", "max_unpacked": 50 << 20, "profile": "", "limit": 30}
    status, report, *_ = worker._run(job, worker.check_document)
    assert status == "ok" and not any(f.rule.startswith("tone") for f in report.findings)


def test_raw_text_reads_the_given_source_not_the_disk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.html").write_text("<!-- on disk -->", encoding="utf-8")
    document = upload.read_upload(THREAT_PAGE.encode(), "a.html", 1 << 20)
    assert suppressions.raw_text(document) == "<!-- on disk -->"  # the command line reads the file
    with suppressions.source(THREAT_PAGE.encode()):
        assert suppressions.raw_text(document) == THREAT_PAGE


# --- a zip whose index lies ----------------------------------------------------------------


@pytest.mark.parametrize("part", ["word/document.xml", "word/media/padding.bin"])
def test_a_docx_whose_zip_index_lies_is_refused_with_memory_bounded(part):
    data = webfiles.lying_zip_docx(64, part=part)  # 64 MB that says it is 1,000 bytes
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="unpacks to more than its index says"):
            upload.read_upload(data, "letter.docx", 50 << 20)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 << 20, f"peak {peak / 2**20:.1f} MB"


def test_a_docx_with_a_truncated_part_is_refused():
    data = bytearray(webfiles.docx(["Dear Mr Smith,", "Please come to the clinic."]))
    # claim a larger size than the part holds, in the local header and the central directory
    import struct

    name = b"word/document.xml"
    for sig, size_at, name_at, len_at in ((b"PK\x03\x04", 22, 30, 26), (b"PK\x01\x02", 24, 46, 28)):
        pos = 0
        while (at := data.find(sig, pos)) >= 0:
            n, = struct.unpack_from("<H", data, at + len_at)
            if bytes(data[at + name_at : at + name_at + n]) == name:
                struct.pack_into("<I", data, at + size_at, 5000)
            pos = at + 4
    with pytest.raises(InputError, match="damaged"):
        upload.read_upload(bytes(data), "letter.docx", 50 << 20)


def test_an_honest_docx_still_reads():
    document = upload.read_upload(webfiles.docx(["Dear Mr Smith,", "Please come to the clinic."]), "letter.docx", 50 << 20)
    assert "Please come to the clinic." in document.text


# --- a running server ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server():
    app = create_app({"MAX_CONTENT_LENGTH": 2 << 20, "LITCHECK_REQUEST_TIMEOUT": 3.0, "LITCHECK_WORKERS": 2})
    srv = make_server(app, "127.0.0.1", 0, threads=8, channel_timeout=3)
    stop = threading.Event()

    def serve():
        while not stop.is_set():
            srv.asyncore.loop(timeout=0.1, count=1, map=srv._map, use_poll=True)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield srv.effective_port
    stop.set()
    thread.join(5)
    srv.close()


def _post_declared(port: int, size: int, send: int = 65536):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.putrequest("POST", "/")
    conn.putheader("Content-Type", "multipart/form-data; boundary=x")
    conn.putheader("Content-Length", str(size))
    conn.endheaders()
    try:
        conn.send(b"x" * send)
    except OSError:
        pass  # the server may answer and close before the body is sent
    response = conn.getresponse()
    return response.status, response.read().decode("utf-8", "replace"), response


@pytest.mark.parametrize("size", [3 << 20, 41 << 20, 500 << 20])
def test_any_body_over_the_limit_gets_litchecks_own_413_page(server, size):
    status, body, response = _post_declared(server, size)
    assert status == 413
    assert "This file is too large" in body and "2 MB" in body
    assert response.getheader("Content-Security-Policy") and response.getheader("Cache-Control") == "no-store"


def test_a_connection_that_trickles_its_request_is_closed(server):
    sock = socket.create_connection(("127.0.0.1", server))
    sock.settimeout(0.5)
    sock.sendall(b"POST / HTTP/1.1\r\nHost: x\r\n")
    started, closed = time.monotonic(), None
    while time.monotonic() - started < 15:
        try:
            sock.sendall(b"X-Slow: 1\r\n")  # never idle, never finished
            if sock.recv(100) == b"":
                closed = time.monotonic() - started
                break
        except socket.timeout:
            continue
        except OSError:
            closed = time.monotonic() - started
            break
    sock.close()
    assert closed is not None and closed < 10


def test_an_idle_connection_is_closed(server):
    sock = socket.create_connection(("127.0.0.1", server))
    sock.settimeout(12)
    started = time.monotonic()
    assert sock.recv(100) == b""  # closed by the server, having said nothing
    assert time.monotonic() - started < 10
    sock.close()


def test_200_slow_clients_do_not_lock_out_a_real_user(server):
    slow = []
    for _ in range(200):
        s = socket.create_connection(("127.0.0.1", server))
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")  # and never the end of the headers
        slow.append(s)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", server, timeout=10)
        conn.request("GET", "/")
        assert conn.getresponse().status == 200
    finally:
        for s in slow:
            s.close()


def _form_token(port: int) -> tuple[str, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/")
    response = conn.getresponse()
    page = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";", 1)[0]
    return cookie, re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def _multipart(fields: dict, file: tuple[str, bytes]) -> tuple[bytes, str]:
    boundary = "litcheck-test-boundary"
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    filename, data = file
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def test_50_concurrent_uploads_of_a_real_letter_all_get_their_report():
    """50 users upload the poor sample letter (about 2,000 words' worth of findings) at once."""
    app = create_app({"LITCHECK_WORKERS": 2, "LITCHECK_TIME_LIMIT": 60.0})
    srv = make_server(app, "127.0.0.1", 0, threads=8)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    port = srv.effective_port
    letter = (ROOT / "samples" / "poor_appointment_letter.txt").read_bytes()
    results: list = [None] * 50

    def one(i: int):
        try:
            cookie, csrf = _form_token(port)
            body, content_type = _multipart({"csrf_token": csrf, "kind": ""}, ("letter.txt", letter))
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            conn.request("POST", "/", body=body, headers={"Content-Type": content_type, "Cookie": cookie})
            response = conn.getresponse()
            page = response.read().decode()
            results[i] = (response.status, "Reading age" in page and "What to fix first" in page)
        except Exception as exc:  # noqa: BLE001 - recorded and asserted below
            results[i] = (type(exc).__name__, False)

    started = time.monotonic()
    try:
        threads = [threading.Thread(target=one, args=(i,)) for i in range(50)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(300)
    finally:
        srv.close()
    elapsed = time.monotonic() - started
    assert results == [(200, True)] * 50, (results, elapsed)
