"""Imported once by the fork server of the upload page's workers (see worker.py).

Importing it loads the rules, the word lists and the language model, so
that every worker forked from the server starts warm instead of spending seconds loading
them on its first upload. A worker started some other way imports it itself.
"""

from __future__ import annotations

from ..check import check_text

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

check_text(LETTER)
check_text("# Your procedure\n\n- Please do not eat for 6 hours before.\n", format="md")
