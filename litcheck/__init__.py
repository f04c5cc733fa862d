"""litcheck: check patient letters and leaflets for health literacy.

    >>> import litcheck
    >>> report = litcheck.check_text("Please commence fasting prior to your procedure.")
    >>> report.readability.reading_age, [f.rule for f in report.findings]

The pipeline runs one way: a reader turns a file into a :class:`Document`; analysers
(rule kinds, with rules as data under rules/) yield :class:`Finding` values; reporters
render a :class:`Report` as text or JSON.
"""

from .version import __version__
from .errors import ConfigError, InputError, LitcheckError, RuleError

#: the public names, each imported from its module when first asked for (PEP 562), so that
#: ``import litcheck`` (and the command line, which starts from it) loads no check before one
#: is needed; the command line can then set up its process first (litcheck.cli.run)
_LAZY = {
    "check_document": "check",
    "check_file": "check",
    "check_text": "check",
    "check_paths": "batch",  # each file with its config, as the command line checks it
    "Block": "document",
    "Document": "document",
    "Placeholder": "document",
    "EAST_CATEGORIES": "findings",
    "SEVERITIES": "findings",
    "Finding": "findings",
    "read_file": "readers",
    "read_text": "readers",
    "SCHEMA": "report",
    "DocumentReport": "report",
    "Report": "report",
    "load_rules": "rulebook",
}


def __getattr__(name: str):
    """A public name (imported from its module now and kept), or a submodule not imported yet
    (``litcheck.nlp``), as an eager ``__init__`` would have had it."""
    import importlib

    module = _LAZY.get(name)
    if module is not None:
        value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
        globals()[name] = value
        return value
    if not name.startswith("_"):
        try:
            return importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


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
