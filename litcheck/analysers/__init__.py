"""Analysers: read a Document, yield findings.

Each rule kind is a small class here; the rules themselves are YAML files under rules/.
Adding a kind is a new module with a Rule subclass and one line in KINDS.
"""

from __future__ import annotations

from .context import Context
from .absence import Absence
from .abbreviation import Abbreviation
from .existence import Existence
from .metric import Metric
from .required import Required
from .passive import Passive
from .rare_word import RareWord
from .long_word import LongWord
from .position import Position
from .substitution import Substitution
from .languagetool import LanguageToolRule
from .privacy import Privacy
from .sms_length import SmsLength
from .link_host import LinkHost
from .call_to_action import CallToAction
from .duplicate import Duplicate
from .layout import LayoutRule
from .dates_times import DateTime
from .numbers import NumberStyle

#: ``kind:`` in a rule file -> the class that runs it
KINDS = {cls.kind: cls for cls in (Substitution, Existence, Metric, Absence, Position, Abbreviation, Passive, RareWord, Required, LongWord, LanguageToolRule, Privacy, SmsLength, LinkHost, CallToAction, Duplicate, LayoutRule, DateTime, NumberStyle)}

__all__ = ["Context", "KINDS"]
