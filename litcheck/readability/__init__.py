"""Reading age: counts from a Document's prose sentences, then the formulas."""

from .measure import Readability, measure

__all__ = ["Readability", "measure"]
