"""required: a practical detail the document should give (where, when, how to change it).

Whether a detail is required, recommended or not applicable comes from the document's
profile (``rules/_profiles/``). A missing required detail is a finding at the rule's
severity; a missing recommended one is a suggestion; otherwise there is no finding.

    kind: required
    detail: duration
    suggest: "Your appointment will take about 1 hour."

``suggest`` can differ by profile, as a metric's limit can, so that an Easy Read letter is
offered an Easy Read sentence:

    suggest:
      default: "Your appointment will take about 1 hour."
      easy_read: "It will take about 1 hour."
"""

from __future__ import annotations

from typing import Iterator

from ..details import DETAIL_IDS, detect
from ..details.detectors import applies
from ..details.profiles import FALLBACK, profiles_for, written_to_one_person
from ..rule import Rule


class Required(Rule):
    kind = "required"
    KEYS = {
        "detail": (True, (str,)),  # a detail id from litcheck.details.DETAIL_IDS
        "suggest": (True, (str, dict)),  # a sentence the writer could add, or one per profile
    }
    MESSAGE_FIELDS = frozenset({"profile", "need"})

    def setup(self, spec) -> None:
        if spec["detail"] not in DETAIL_IDS:
            self.fail("detail", f"unknown detail '{spec['detail']}' (known: {', '.join(DETAIL_IDS)})")
        self.detail = spec["detail"]
        suggest = self.by_profile("suggest", spec["suggest"], (str,))
        if not all(v.strip() for v in suggest.values()):
            self.fail("suggest", "each 'suggest' entry is a sentence")
        self.suggestions = {profile: text.strip() for profile, text in suggest.items()}

    def suggestion_for(self, profile: str | None) -> str:
        return self.suggestions.get(profile or "default", self.suggestions["default"])

    def check(self, ctx) -> Iterator:
        profiles = profiles_for(ctx)
        profile = profiles.get(ctx.profile) or profiles[FALLBACK]
        need = profile.need(self.detail, written_to_one_person(ctx))
        if need == "not_applicable" or not applies(ctx, self.detail):
            return
        if detect(ctx)[self.detail] is not None:
            return
        severity = self.severity if need == "required" else "suggestion"
        message = self.format_message(profile=profile.label, need=need)
        yield ctx.finding(self, 0, 0, message, (self.suggestion_for(ctx.profile),), severity=severity)
