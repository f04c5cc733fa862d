"""Imported once by the fork server of the upload page's workers (see worker.py).

Importing it loads the rules, the word lists and the language model, and takes a short Word
file down the whole path of an upload (reading it, checking it, the reviewed Word copy, the
report page's parts), so that every worker forked from the server starts warm instead of
spending its first upload loading them. A worker started some other way imports it itself.

Its patterns and dataclass methods are made from what was compiled at build time
(``litcheck.prebuilt``), as in the command line. The loaded objects then leave the cycle
collector's sight (``gc.freeze``): they live as long as the process, and otherwise a worker's
collections walk them all again and write to every object's header, which copies the fork
server's memory into each worker page by page.
"""

from __future__ import annotations

import io

from .. import prebuilt

prebuilt.install()  # the page's own worker processes: what was compiled at build time is used

from ..check import check_document, check_text  # noqa: E402
from ..collector import resting  # noqa: E402

#: a short letter that takes the checks down most of their paths (details, profile, EAST)
LETTER = """Dear Mr Smith,

Your appointment

You have been referred to the cardiology clinic on Monday 3 June at 10am for an assessment of
your hypertension. Please commence fasting prior to your appointment. Failure to attend will
result in you being discharged.

If you need to change your appointment, call us on 01632 960123.

Yours sincerely,

Outpatients team
"""


def _word_file() -> bytes:
    """LETTER as a .docx, made in memory."""
    import docx

    document = docx.Document()
    for paragraph in LETTER.split("\n\n"):
        document.add_paragraph(paragraph.replace("\n", " "))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _warm() -> None:
    check_text(LETTER)
    check_text("# Your procedure\n\n- Please do not eat for 6 hours before.\n", format="md")
    try:  # an upload's whole path: the Word reader, the reviewed copy, the page's parts
        from .worker import _run

        _run({"kind": "upload", "data": _word_file(), "name": "letter.docx", "max_unpacked": 10 * 1024 * 1024, "profile": ""}, check_document)
    except Exception:  # noqa: BLE001 - warming is a head start, never a reason not to serve
        pass


with resting(keep=True):  # loading makes objects that live as long as the process: no collections meanwhile
    _warm()
