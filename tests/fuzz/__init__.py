"""Fuzzing litcheck's readers and text pipeline (issue 24).

- ``corpus.py``: a generator of hostile and malformed inputs, grown at run time from seeds
  built from our own sample letters (nothing third-party, nothing large kept in git).
- ``harness.py``: runs inputs through the library in worker processes, each with a time
  limit, and records what happened (a result, a one-line input error, a crash, a timeout,
  memory growth).
- ``fuzz_readers.py``: coverage-guided fuzz targets (atheris), one per reader, run by hand:
  ``pip install atheris && python -m tests.fuzz.fuzz_readers docx -max_total_time=600``.

tests/test_fuzz.py runs a few hundred generated inputs in every test run; bench/bench_hostile.py
runs the full corpus and prints the figures.
"""
