"""The ``details`` report section: the practical-details checklist with its evidence."""

from __future__ import annotations

from .detectors import DETAIL_IDS, applies, detect
from .profiles import FALLBACK, profiles_for, written_to_one_person

#: what each detail is, in the checklist's words
LABELS = {
    "location": "where to go",
    "date": "the date",
    "time": "the time",
    "duration": "how long it takes",
    "parking": "parking",
    "transport": "public or hospital transport",
    "contact": "a phone number to ask or to change it",
    "what_to_bring": "what to bring",
    "interpreter": "an interpreter or BSL",
    "accessibility": "access and adjustments",
    "companion": "who can come with them",
    "preparation": "how to get ready",
    "alternative_formats": "other formats and languages",
    "communication_needs": "how to ask for another format or communication support",
    "digital_alternative": "a phone or paper route beside online",
}
_EVIDENCE_CHARS = 160


class DetailsSection:
    def __init__(self, ctx) -> None:
        self.document = ctx.document
        profiles = profiles_for(ctx)
        self.profile = profiles.get(ctx.profile) or profiles[FALLBACK]
        self.profile_name = ctx.profile
        self.confidence = ctx.options.get("profile_confidence")
        self.source = ctx.options.get("profile_source", "given")
        self.found = detect(ctx)
        self.applies = {d: applies(ctx, d) for d in DETAIL_IDS}
        self.letter = written_to_one_person(ctx)

    def item(self, detail: str) -> dict:
        ev = self.found[detail]
        need = self.profile.need(detail, self.letter) if self.applies[detail] else "not_applicable"
        out = {"present": ev is not None, "need": need}
        if ev is None:
            out.update(evidence=None, start=None, end=None, line=None, location=None, via=None)
            return out
        doc = self.document
        sentence = " ".join(doc.text[ev.sentence_start : ev.sentence_end].split())
        if len(sentence) > _EVIDENCE_CHARS:
            sentence = sentence[: _EVIDENCE_CHARS - 3].rstrip() + "..."
        block = doc.block_at(ev.start)
        out.update(
            evidence=sentence,
            match=doc.text[ev.start : ev.end],
            start=ev.start,
            end=ev.end,
            line=doc.line_column(ev.start)[0],
            location=dict(block.location) if block else {},
            via=ev.via,
        )
        return out

    def to_dict(self) -> dict:
        return {detail: self.item(detail) for detail in DETAIL_IDS}

    def text_lines(self) -> list[str]:
        how = "given" if self.source == "given" else f"worked out from the text, confidence {self.confidence:.0%}"
        lines = [f"Practical details for {self.profile.label} ({how}):"]
        for detail in DETAIL_IDS:
            item = self.item(detail)
            need = item["need"]
            if need == "not_applicable" and not item["present"]:
                continue
            mark = "[x]" if item["present"] else "[ ]"
            tag = {"required": "required", "recommended": "recommended", "not_applicable": "not needed"}[need]
            head = f"  {mark} {LABELS[detail]} ({tag})"
            if item["present"]:
                lines.append(f"{head}, line {item['line']}: \"{item['evidence']}\"")
            else:
                lines.append(f"{head}: missing")
        return lines


def build(ctx, findings) -> DetailsSection:
    return DetailsSection(ctx)


class ProfileConfidence(float):
    """The document-level ``profile_confidence``: a number in JSON, nothing in text."""

    def to_dict(self):
        return float(self)


def build_confidence(ctx, findings):
    value = ctx.options.get("profile_confidence")
    return None if value is None else ProfileConfidence(value)


class ProfileReason(str):
    """The document-level ``profile_reason``: the kind of document and what in the text shows
    it, one sentence ("a letter with no appointment: it says ..."). A string in JSON; the text
    report shows it in the document's header, so it gives no section lines of its own."""

    def to_dict(self):
        return str(self)


def build_reason(ctx, findings):
    value = ctx.options.get("profile_reason")
    return None if not value else ProfileReason(value)
