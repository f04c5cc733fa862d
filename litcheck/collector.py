"""Python's cycle collector at rest while objects that stay are made (issue 20).

The rules, the word lists, the language data, litcheck's modules and a batch's reports are
hundreds of thousands of objects that live as long as the process. Made with the collector
on, they set off collections that walk all of them again and again (about a tenth of the
command's start-up, a fifth of a batch parent's collecting); made while it rests, they leave
little garbage (some two thousand objects), which is left for later.

One helper for every place litcheck does this: the command line reading its arguments, the
rules and language data loading, a worker warming up, and a batch's parent collecting reports.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def resting(keep: bool = False):
    """The collector off for the block, then on again. Yields True, or False when the caller
    had switched it off: then it stays off and nothing is frozen.

    ``keep``: what the block made lives as long as the process (litcheck's own command, a
    worker), so it leaves the collector's sight (``gc.freeze``) before the collector is on
    again. Switched on first, its next collection would walk every object made while it
    rested, all of them still in the youngest generation (0.06 s of CPU after the rules and
    spaCy load), and in a forked worker it would write to every object's header, copying the
    parent's memory page by page."""
    if not gc.isenabled():
        yield False
        return
    gc.disable()
    try:
        yield True
        if keep:
            gc.freeze()
    finally:
        gc.enable()
