"""Practical details: does the document say where, when, for how long, how to get there,
and how to change it? Detectors (``detectors``), document profiles (``profiles``) and the
``details`` report section (``section``)."""

from .detectors import DETAIL_IDS, Evidence, detect

__all__ = ["DETAIL_IDS", "Evidence", "detect"]
