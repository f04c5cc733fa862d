"""The upload page under load: a two-page .docx uploaded by 4 clients at once, through the real server.

    python bench/bench_web.py [--clients 4] [--requests 10] [--workers 2]

Starts `litcheck serve` (waitress, its worker processes) on a free loopback port, waits until
it answers, then each client (a thread with its own session: it gets the form and its CSRF
token, then uploads) sends --requests uploads of a two-page clinic letter generated here
(bench/bench_startup.py's, about 900 words) one after another. Printed: the time from sending
the upload to the whole report page, as the median and the 95th percentile over all uploads
(target: under 1 s at the 95th percentile with 4 clients), against the references in the same
run: one client alone, and check_document on the same file in this process (the checking
without the web). Also the CPU time the server (with its fork server and workers) spent per
upload, which other work on a shared machine inflates far less than wall time, as a ratio to
the check alone. Every answer must be the report page (200 with a reading age).
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_startup import two_page_docx  # noqa: E402


class Client:
    """One browser: a connection, its session cookie and the form's CSRF token."""

    def __init__(self, port: int):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.conn.request("GET", "/")
        page = self.conn.getresponse()
        body = page.read().decode("utf-8")
        self.cookie = (page.getheader("Set-Cookie") or "").split(";")[0]
        self.token = re.search(r'name="csrf_token" value="([^"]+)"', body).group(1)

    def upload(self, data: bytes, name: str) -> float:
        boundary = uuid.uuid4().hex
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{self.token}\r\n'.encode(),
            f'--{boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n\r\n'.encode(),
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n".encode(),
            data, f"\r\n--{boundary}--\r\n".encode(),
        ]
        body = b"".join(parts)
        start = time.perf_counter()
        self.conn.request("POST", "/", body=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}", "Cookie": self.cookie})
        answer = self.conn.getresponse()
        page = answer.read()
        elapsed = time.perf_counter() - start
        if answer.status != 200 or b"Reading age" not in page:
            raise SystemExit(f"upload answered {answer.status}: {page[:300]!r}")
        return elapsed


def load(port: int, clients: int, requests: int, data: bytes) -> list[float]:
    times: list[float] = []
    lock = threading.Lock()
    errors: list[BaseException] = []
    sessions = [Client(port) for _ in range(clients)]
    barrier = threading.Barrier(clients)

    def work(client: Client) -> None:
        try:
            barrier.wait()
            for _ in range(requests):
                t = client.upload(data, "clinic_letter.docx")
                with lock:
                    times.append(t)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(c,)) for c in sessions]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise SystemExit(f"a client failed: {errors[0]}")
    return times


def tree_cpu(pid: int) -> float | None:
    """CPU seconds (user and system) used so far by process ``pid`` and every process under it
    (the server, its fork server and its workers), from /proc; None where there is no /proc."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    parents: dict[int, int] = {}
    used: dict[int, float] = {}
    try:
        names = os.listdir("/proc")
    except OSError:
        return None
    for name in names:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(name)] = int(fields[1])
        used[int(name)] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, [pid]
    while todo:
        one = todo.pop()
        total += used.get(one, 0.0)
        todo.extend(child for child, parent in parents.items() if parent == one)
    return total


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--requests", type=int, default=10, help="uploads per client")
    ap.add_argument("--workers", type=int, default=2, help="the server's worker processes (litcheck serve --workers)")
    args = ap.parse_args()
    exe = str(Path(sys.executable).parent / "litcheck")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "clinic_letter.docx"
        two_page_docx(path)
        data = path.read_bytes()
        server = subprocess.Popen([exe, "serve", "--port", "0", "--workers", str(args.workers), "--threads", str(max(4, args.clients))],
                                  stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        try:
            line = server.stderr.readline()
            match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if not match:
                raise SystemExit(f"the server did not start: {line}{server.stderr.read() if server.poll() is not None else ''}")
            port = int(match.group(1))
            print(f"{os.cpu_count()} cores; server with {args.workers} workers on port {port}; {len(data):,}-byte .docx; load average before: {os.getloadavg()[0]:.2f}")
            load(port, 1, 2, data)  # warm: the first answers of each worker
            cpu0 = tree_cpu(server.pid)
            alone = load(port, 1, args.requests, data)
            cpu1 = tree_cpu(server.pid)
            busy = load(port, args.clients, args.requests, data)
            cpu2 = tree_cpu(server.pid)
        finally:
            server.terminate()
            server.wait(30)
        import litcheck
        from litcheck.readers import read_file

        litcheck.check_text("Dear patient, please bring your tablets.")  # warm
        checks, check_cpu = [], []
        for _ in range(5):
            start, cpu = time.perf_counter(), time.process_time()
            litcheck.check_document(read_file(path))
            checks.append(time.perf_counter() - start)
            check_cpu.append(time.process_time() - cpu)
    print(f"check_document on the file, in this process (reference): median {statistics.median(checks):.2f} s, CPU {statistics.median(check_cpu):.3f} s")
    if cpu0 is not None:
        print(f"server CPU per upload (the server, its fork server and workers): 1 client {(cpu1 - cpu0) / len(alone):.3f} s, "
              f"{args.clients} clients {(cpu2 - cpu1) / len(busy):.3f} s ({(cpu2 - cpu1) / len(busy) / statistics.median(check_cpu):.2f}x the check alone)")
    print(f"1 client:  median {statistics.median(alone):.2f} s  95th percentile {p95(alone):.2f} s  ({len(alone)} uploads)")
    print(f"{args.clients} clients: median {statistics.median(busy):.2f} s  95th percentile {p95(busy):.2f} s  ({len(busy)} uploads; target under 1 s)")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
