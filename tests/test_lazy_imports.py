"""Heavy libraries load only when needed: checking a .txt never imports Flask or PDF code."""

import subprocess
import sys

PROBE = """
import sys
import litcheck
litcheck.check_text("Please commence fasting prior to your appointment.")
heavy = ("flask", "waitress", "pdfplumber", "pdfminer", "docx", "bs4", "lxml", "selenium")
print(",".join(sorted({m.split(".")[0] for m in sys.modules} & set(heavy))))
"""


def test_checking_text_imports_no_web_word_or_pdf_library():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""


def test_importing_litcheck_does_not_load_spacy():
    probe = "import sys, litcheck; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
