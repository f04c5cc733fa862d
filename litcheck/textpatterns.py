"""Regular expressions for things letters are full of, shared by segmentation and the
practical-details checks so that both read a month or a postcode the same way."""

from __future__ import annotations

import re

#: a month, in full or short ("Sept", "Sep"), lower case: compile with re.IGNORECASE
MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"

#: a UK postcode in capitals ("NE1 4XX", "SW1A 1AA"), with or without its space
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")
