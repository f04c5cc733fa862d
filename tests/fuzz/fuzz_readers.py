"""Coverage-guided fuzz targets (atheris), one per reader, run by hand, not in CI.

    pip install atheris
    python -m tests.fuzz.corpus /tmp/litcheck-seeds --count 200     # seeds to start from
    python -m tests.fuzz.fuzz_readers docx /tmp/litcheck-seeds -max_total_time=600 -rss_limit_mb=1024 -timeout=10

The first argument is the reader (txt, md, html, docx, pdf, or ``text`` for the checks on
text without a reader); the rest go to libFuzzer. An input may end in litcheck's own
one-line refusal (an InputError); any other exception, a timeout or running out of memory is
a finding, saved by libFuzzer as ``crash-*``/``timeout-*``/``oom-*`` to reproduce with the
same command and the file's path.
"""

from __future__ import annotations

import sys

READERS = ("txt", "md", "html", "docx", "pdf", "text")


def target(reader: str):
    from litcheck.check import check_document, check_text
    from litcheck.errors import InputError
    from litcheck.readers import read_bytes

    def one_input(data: bytes) -> None:
        try:
            if reader == "text":
                check_text(data.decode("utf-8", "replace"))
            else:
                check_document(read_bytes(data, reader, f"fuzz.{reader}"))
        except InputError:
            pass

    return one_input


def main(argv: list[str]) -> None:
    if len(argv) < 2 or argv[1] not in READERS:
        print(f"usage: python -m tests.fuzz.fuzz_readers {{{','.join(READERS)}}} [SEED_DIR] [libFuzzer options]", file=sys.stderr)
        raise SystemExit(2)
    import importlib

    import atheris

    reader = argv.pop(1)
    # coverage from litcheck's own modules only (instrumenting spaCy and the rest takes many
    # minutes and guides the fuzzer nowhere useful)
    with atheris.instrument_imports(include=["litcheck"]):
        for name in INSTRUMENTED:
            importlib.import_module(name)
    one_input = target(reader)
    one_input(b"Please come to Clinic 4 on Monday at 2pm.")  # load the pipeline before fuzzing
    atheris.Setup(argv, one_input)
    atheris.Fuzz()


#: litcheck's modules on the path of an input (imported under instrumentation)
INSTRUMENTED = (
    "litcheck.readers",
    "litcheck.readers.text",
    "litcheck.readers.markdown",
    "litcheck.readers.html",
    "litcheck.readers.docx",
    "litcheck.readers.pdf",
    "litcheck.readers.pdf_chars",
    "litcheck.readers.pdf_layout",
    "litcheck.readers.assemble",
    "litcheck.placeholders",
    "litcheck.segment",
    "litcheck.check",
)


if __name__ == "__main__":
    main(sys.argv)
