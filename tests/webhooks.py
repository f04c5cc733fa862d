"""Stand-ins for check_document that the upload page's worker runs in tests (LITCHECK_CHECK_HOOK)."""

from __future__ import annotations

import time

import litcheck


def slow_check(document, profile=None):
    """Hangs on a document containing SLOW (as a pathological file would); checks any other."""
    if "SLOW" in document.text:
        while True:  # busy, not sleeping: only stopping the process ends it
            time.sleep(0.01)
    return litcheck.check_document(document, profile=profile)


def greedy_check(document, profile=None):
    """Asks for 600 MB on a document containing GREEDY (as a decompression bomb would); checks any other."""
    if "GREEDY" in document.text:
        block = bytearray(600 * 1024 * 1024)
        block[-1] = 1
    return litcheck.check_document(document, profile=profile)
