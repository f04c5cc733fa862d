"""Run inputs through the library in worker processes, each with a time limit.

A worker (a forked process, so the pipeline loads once) reads the bytes with the reader the
input names, checks the document and renders its JSON, exactly as ``litcheck check --format
json`` would, and reports one of: ``ok``, ``input_error`` (litcheck's own one-line refusal),
``crash`` (any other exception: a bug), with the seconds it took and how far the worker's
peak memory has grown above what it used before the first input. A worker that takes longer
than the time limit is killed and replaced, and the input is a ``timeout``.
"""

from __future__ import annotations

import multiprocessing
import time
from multiprocessing.connection import wait
from typing import Iterable, NamedTuple

from .corpus import Input


class Outcome(NamedTuple):
    name: str
    reader: str
    size: int
    status: str  #: ok, input_error, crash or timeout
    detail: str  #: the input error's message, or the crash's type, message and place
    seconds: float
    growth_mb: float  #: the worker's peak memory above its baseline after this input


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _one(inp: Input) -> tuple[str, str]:
    from litcheck import jsonout
    from litcheck.check import check_document
    from litcheck.errors import InputError
    from litcheck.readers import read_bytes

    try:
        report = check_document(read_bytes(inp.data, inp.reader, f"{inp.name}.{inp.reader}"))
        jsonout.dumps(report.to_dict())
        return "ok", ""
    except InputError as exc:
        return "input_error", str(exc)
    except Exception as exc:  # the fuzz is looking for exactly these
        import traceback

        frame = traceback.extract_tb(exc.__traceback__)[-1]
        return "crash", f"{type(exc).__name__}: {str(exc)[:200]} ({frame.filename.rsplit('/', 1)[-1]}:{frame.lineno})"


def _serve(conn) -> None:
    _one(Input("warm-up", "txt", b"Please come to Clinic 4 on Monday 3 March at 2pm."))
    base = _peak_mb()
    while True:
        inp = conn.recv()
        if inp is None:
            return
        started = time.perf_counter()
        status, detail = _one(inp)
        conn.send((status, detail, time.perf_counter() - started, max(0.0, _peak_mb() - base)))


class _Worker:
    def __init__(self, ctx) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child,), daemon=True)
        self.process.start()
        child.close()
        self.job: Input | None = None
        self.started = 0.0

    def give(self, inp: Input) -> None:
        self.job, self.started = inp, time.perf_counter()
        self.conn.send(inp)

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()


def run(inputs: Iterable[Input], workers: int = 2, time_limit: float = 5.0) -> list[Outcome]:
    """Every input's outcome, in the order they finished."""
    ctx = multiprocessing.get_context("fork")
    pool = [_Worker(ctx) for _ in range(workers)]
    todo = iter(inputs)
    out: list[Outcome] = []
    for w in pool:
        nxt = next(todo, None)
        if nxt is not None:
            w.give(nxt)
    try:
        while any(w.job is not None for w in pool):
            busy = [w for w in pool if w.job is not None]
            ready = wait([w.conn for w in busy], timeout=0.2)
            now = time.perf_counter()
            for i, w in enumerate(pool):
                if w.job is None:
                    continue
                inp = w.job
                if w.conn in ready:
                    try:
                        status, detail, seconds, growth = w.conn.recv()
                    except EOFError:  # the worker died (a crash in C code, or memory)
                        status, detail, seconds, growth = "crash", f"worker died (exit code {w.process.exitcode})", now - w.started, 0.0
                        w.process.join(1)
                        pool[i] = w = _Worker(ctx)
                    out.append(Outcome(inp.name, inp.reader, len(inp.data), status, detail, seconds, growth))
                elif now - w.started > time_limit:
                    w.process.kill()
                    w.process.join(5)
                    out.append(Outcome(inp.name, inp.reader, len(inp.data), "timeout", f"more than {time_limit:g} s", now - w.started, 0.0))
                    pool[i] = w = _Worker(ctx)
                else:
                    continue
                w.job = None
                nxt = next(todo, None)
                if nxt is not None:
                    w.give(nxt)
    finally:
        for w in pool:
            w.stop()
    return out
