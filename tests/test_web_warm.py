"""The upload page's workers start warm: the fork server has taken a Word file down an
upload's whole path, and what it loaded is out of the cycle collector's sight."""

from __future__ import annotations

import io
import subprocess
import sys

import docx

from litcheck.readers.docx import WordReader

from .test_fix_one_pass import _wordy_letter


def test_the_fork_servers_warm_up_freezes_what_it_loaded_and_leaves_the_collector_on():
    code = (
        "import gc, sys\n"
        "import litcheck.web.warm\n"
        "print(gc.isenabled(), gc.get_freeze_count(), 'docx' in sys.modules, 'litcheck.fix.review' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == "True"  # collections go on as usual for each upload's own objects
    assert int(out[1]) > 50_000  # the rules, word lists and language model are frozen
    assert out[2:] == ["True", "True"]  # the Word reader and the reviewed copy are loaded


def test_a_word_file_read_for_its_text_alone_has_the_same_text_and_blocks():
    data = _wordy_letter()
    whole = WordReader(docx.Document(io.BytesIO(data)), "letter.docx").read()
    text_only = WordReader(docx.Document(io.BytesIO(data)), "letter.docx").read(layout=False)
    assert whole.layout is not None and text_only.layout is None
    assert text_only.text == whole.text
    assert text_only.blocks == whole.blocks
    assert text_only.placeholders == whole.placeholders
