"""litcheck: check patient letters and leaflets for health literacy.

    >>> import litcheck
    >>> report = litcheck.check_text("Please commence fasting prior to your procedure.")
    >>> report.readability.reading_age, [f.rule for f in report.findings]

The pipeline runs one way: a reader turns a file into a :class:`Document`; analysers
(rule kinds, with rules as data under rules/) yield :class:`Finding` values; reporters
render a :class:`Report` as text or JSON.
"""

from .version import __version__
from .check import check_document, check_file, check_text
from .batch import check_paths  # each file with its config, as the command line checks it
from .document import Block, Document, Placeholder
from .errors import ConfigError, InputError, LitcheckError, RuleError
from .findings import EAST_CATEGORIES, SEVERITIES, Finding
from .readers import read_file, read_text
from .report import SCHEMA, DocumentReport, Report
from .rulebook import load_rules



def annotate_docx(source, report=None, **options) -> bytes:
    """A .docx (path or bytes) with every finding as a Word comment by "litcheck", in memory
    (see litcheck.fix.review). ``report``: the document already checked."""
    from .fix.review import annotate_docx as annotate

    return annotate(source, report, **options)


__all__ = [
    "__version__",
    "SCHEMA",
    "SEVERITIES",
    "EAST_CATEGORIES",
    "check_text",
    "check_file",
    "check_paths",
    "check_document",
    "annotate_docx",
    "read_file",
    "read_text",
    "load_rules",
    "Document",
    "Block",
    "Placeholder",
    "Finding",
    "Report",
    "DocumentReport",
    "LitcheckError",
    "InputError",
    "RuleError",
    "ConfigError",
]
