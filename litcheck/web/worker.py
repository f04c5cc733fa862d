"""Reading and checking uploads in worker processes, so the time limit really stops the work.

A thread that runs past its limit cannot be stopped; a process can. Each app has a small pool
of worker processes (``LITCHECK_WORKERS``, made once when the app is made). A request borrows
one idle worker, sends it the upload through a pipe and waits up to ``LITCHECK_TIME_LIMIT``
seconds. A worker that is still busy then (or that died) is killed and replaced by a fresh
one, so one bad file cannot hang a worker; the other workers carry on.

Workers are forked from multiprocessing's fork server, which has loaded the rules and the
language model once (``litcheck.web.warm``): a new worker starts warm in milliseconds. The
upload travels through pipes only; nothing is written to disk and nothing is logged but the
kind of failure.
"""

from __future__ import annotations

import importlib
import multiprocessing
import queue
import threading
import time

from .. import suppressions
from ..check import check_document
from ..errors import LitcheckError
from . import draft, upload

#: a finished job: ("ok", DocumentReport, draft or None, page) | ("input", message) | ("failed", exception type);
#: page: what the report page shows that takes work (``page_data``), made here in parallel
#: rather than in the one server process that renders every page
Result = tuple


class Timeout(Exception):
    """The worker did not finish in time (it has been stopped)."""


class Busy(Exception):
    """Every worker stayed busy for the whole time limit."""


def _context():
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        # Only takes effect if this process has not started its fork server yet.
        ctx.set_forkserver_preload(["litcheck.web.warm"])
        return ctx
    return multiprocessing.get_context("spawn")


class Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, ctx, hook: str | None, options: dict | None = None, memory_mb: int | None = None):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=serve, args=(child, hook, options or {}, memory_mb), name="litcheck-worker", daemon=True)
        self.process.start()
        child.close()

    def run(self, job: dict, timeout: float) -> Result:
        self.conn.send(job)
        if not self.conn.poll(timeout):
            raise Timeout
        return self.conn.recv()  # EOFError if the worker died

    def stop(self, wait: float = 1.0) -> None:
        """Ask the worker to finish (or kill it after ``wait`` seconds)."""
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(wait)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    def __init__(self, size: int, hook: str | None = None, options: dict | None = None, memory_mb: int | None = None):
        self._ctx = _context()
        self._hook = hook
        #: MB each worker's address space may grow past its warm size (RLIMIT_AS; None: no cap)
        self._memory_mb = memory_mb
        #: check_document options the service set for every upload (its LanguageTool server)
        self._options = dict(options or {})
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._all: set[Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(max(1, int(size))):
            self._idle.put(self._start())

    def _start(self) -> Worker:
        worker = Worker(self._ctx, self._hook, self._options, self._memory_mb)
        with self._lock:
            self._all.add(worker)
        return worker

    def _forget(self, worker: Worker) -> None:
        with self._lock:
            self._all.discard(worker)

    def pids(self) -> list[int]:
        with self._lock:
            return sorted(w.process.pid for w in self._all)

    def run(self, job: dict, timeout: float) -> Result:
        """The worker's answer to ``job``; Timeout (worker replaced) or Busy otherwise."""
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise Busy from None
        try:
            return worker.run(job, timeout)
        except BaseException:
            # Stuck, dead or interrupted: its state is unknown, so it is never reused.
            self._forget(worker)
            worker.kill()
            worker = self._start()
            raise
        finally:
            if self._closed:
                worker.stop()
            else:
                self._idle.put(worker)

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                break
            self._forget(worker)
            worker.stop()


# --- in the worker process ------------------------------------------------------------------


def serve(conn, hook: str | None, options: dict | None = None, memory_mb: int | None = None) -> None:
    """The worker's loop: a job in, a Result out, until the pipe closes or None arrives.
    Warm, the worker caps its own memory (``LITCHECK_MEMORY_LIMIT``): an upload that needs
    more is refused with a MemoryError, not the server's memory."""
    from ..batch import limit_memory
    from . import warm  # noqa: F401  (warm already when forked from the fork server)

    limit_memory(memory_mb)
    check = _resolve(hook) if hook else check_document
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        conn.send(_run(job, check, options or {}))


def _resolve(hook: str):
    """'package.module:function' -> the function (a test's stand-in for check_document)."""
    module, _, name = hook.partition(":")
    return getattr(importlib.import_module(module), name)


def _run(job: dict, check, options: dict | None = None) -> Result:
    try:
        if job["kind"] == "upload":
            document = upload.read_upload(job["data"], job["name"], job["max_unpacked"])
            raw = job["data"]
        else:
            document = upload.read_paste(job["text"])
            raw = job["text"].encode("utf-8")
        started = time.monotonic()
        # Suppression comments come from the upload itself: never from a file on this server
        # that happens to have the upload's name.
        with suppressions.source(raw):
            report = check(document, profile=job.get("profile") or None, **(options or {}))
            # The draft checks the text again: make it only when that fits in the time limit.
            revised = None
            if time.monotonic() - started < job.get("limit", float("inf")) / 3:
                revised = draft.revised_draft(job, report)
        page = page_data(report) if job.get("page", True) else None
    except LitcheckError as exc:
        return ("input", str(exc))
    except MemoryError:
        return ("input", "This document needs more memory to check than litcheck allows. Try a shorter document, or save it as .txt and upload that.")
    except Exception as exc:  # a reader's library failed on a broken file; never pass its text on
        return ("failed", type(exc).__name__)
    return ("ok", report, revised, page)


def page_data(report) -> dict:
    """The report page's costly parts: the JSON download (encoded and quoted as a data: URL)
    and what it says about other languages (which splits the text into sentences again)."""
    from ..report import Report
    from ..reporters import render
    from . import languages, present

    return {"json_url": present.json_download_url(render(Report(documents=[report]), "json")),
            "languages": languages.found(report.document)}
