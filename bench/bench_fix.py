"""Benchmark the word swaps `litcheck fix` makes on real UK patient texts against labels.

    python bench/bench_fix.py [--unlabelled] [--all] [--json] [--data DIR]

Runs the revision on every real text in ``../shared/data/real-texts/docs/*.txt``, every Word
file in ``../shared/data/real-files/docs/`` (``revise_data``, as ``litcheck fix`` does) and every
PDF there read as text (``check_file`` then ``revise`` on the report). Each swap is listed as
(doc, rule, before, after, occurrence), where occurrence is the nth time that before -> after
pair is made in that document, and matched to the labels in ``tests/data/swaps/labels.tsv``
by (doc, before, after, occurrence).

Prints the swaps made, how many are labelled, the share judged right (strict: right / judged;
lenient: debatable counted as right), the same per rule, and the number of key facts changed
over every document when ``litcheck.facts.compare_facts`` exists.

The third-party texts are read by path and never copied: the sentence around each swap
(before and after the swap) is printed with ``--unlabelled`` / ``--all`` and never stored.
Always exits 0: it measures, it does not gate.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
LABELS = ROOT / "tests" / "data" / "swaps" / "labels.tsv"
DATA = ROOT.parent / "shared" / "data"
COLUMNS = ["doc", "rule", "before", "after", "occurrence", "verdict", "reason"]
VERDICTS = ("right", "wrong", "debatable")


@dataclass
class Swap:
    doc: str
    rule: str
    before: str
    after: str
    occurrence: int
    start: int
    end: int
    sentence_before: str = ""
    sentence_after: str = ""

    @property
    def key(self) -> tuple[str, str, str, int]:
        return (self.doc, self.before, self.after, self.occurrence)


def load_labels(path: Path = LABELS) -> dict[tuple[str, str, str, int], dict]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return {(r["doc"], r["before"], r["after"], int(r["occurrence"])): r for r in rows}


#: a sentence ends at . ! ? and a space, at a blank line, or at a line break unless the next line
#: carries on in lower case (text wrapped at a fixed width)
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'’”)\]]*\s+|\n[ \t]*\n\s*|\n(?![ \t]*[a-z(])")


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around text[start:end], found by punctuation and line breaks."""
    s = 0
    for m in _BOUNDARY.finditer(text, 0, start):
        s = m.end()
    m = _BOUNDARY.search(text, end)
    e = m.start() if m else len(text)
    return s, e


def _edits(text: str, changes) -> list[list[tuple[int, int, str]]]:
    """Per change, its edits in the original text (the article a/an follows the new word)."""
    import importlib

    for module, name in (("litcheck.fix", "edit_groups"), ("litcheck.fix.revise", "edit_groups"), ("litcheck.fix", "_edit_groups")):
        try:
            groups = getattr(importlib.import_module(module), name)  # the edits fix itself makes
            return groups(text, list(changes))
        except Exception:
            continue
    return [[(c.finding.start, c.finding.end, c.replacement)] for c in changes]


def _swaps(doc: str, text: str, changes) -> list[Swap]:
    seen: Counter = Counter()
    groups = _edits(text, changes)
    out = []
    order = sorted(range(len(changes)), key=lambda i: (changes[i].finding.start, changes[i].finding.end))
    for i in order:
        c = changes[i]
        f = c.finding
        before, after = " ".join((text[f.start : f.end] or f.text).split()), " ".join(c.replacement.split())
        seen[(before, after)] += 1
        sw = Swap(doc, f.rule, before, after, seen[(before, after)], f.start, f.end)
        s, e = _sentence_span(text, f.start, f.end)
        # the sentence as fix leaves it: every edit inside it applied
        inside = sorted(ed for g in groups for ed in g if s <= ed[0] and ed[1] <= e)
        new, pos = [], s
        for a, b, rep in inside:
            if a < pos:
                continue
            new += [text[pos:a], rep]
            pos = b
        new.append(text[pos:e])
        sw.sentence_before = text[s:f.start] + "[[" + text[f.start : f.end] + "]]" + text[f.end : e]
        sw.sentence_after = " ".join("".join(new).split())
        sw.sentence_before = " ".join(sw.sentence_before.split())
        out.append(sw)
    return out


def run(data: Path = DATA) -> tuple[list[Swap], dict, list[str]]:
    """Every swap fix makes on the real texts and files; key facts changed; notes."""
    import litcheck
    from litcheck.fix import revise, revise_data

    try:
        from litcheck.facts import compare_facts
    except Exception:
        compare_facts = None
    swaps: list[Swap] = []
    notes: list[str] = []
    facts = {"available": compare_facts is not None, "changed": 0, "by_doc": {}, "documents": 0}
    paths = [("real-texts", p) for p in sorted((data / "real-texts" / "docs").glob("*.txt"))]
    paths += [("real-files", p) for p in sorted((data / "real-files" / "docs").glob("*")) if p.suffix.lower() in (".docx", ".pdf")]
    for group, path in paths:
        doc = f"{group}/{path.name}"
        try:
            if path.suffix.lower() == ".docx":
                revision, _ = revise_data(path.read_bytes(), "docx", path.name)
            else:
                report = litcheck.check_file(path)
                try:
                    revision = revise(report, recheck=False)
                except TypeError:
                    revision = revise(report)
        except Exception as exc:  # an encrypted file: nothing to revise
            notes.append(f"{doc}: not revised ({str(exc).splitlines()[0][:120]})")
            continue
        facts["documents"] += 1
        original = revision.original.document.text
        swaps += _swaps(doc, original, revision.changes)
        if compare_facts is not None:
            try:
                lost = list(compare_facts(original, revision.text))
            except Exception as exc:
                notes.append(f"{doc}: compare_facts failed ({exc})")
                continue
            if lost:
                facts["by_doc"][doc] = [_fact(x) for x in lost]
            facts["changed"] += len(lost)
    return swaps, facts, notes


def _fact(change) -> str:
    """One FactChange as 'kind status: before -> after' (the words only)."""
    before, after = getattr(change, "before", None), getattr(change, "after", None)
    if before is None and after is None:
        return str(change)
    text = lambda f: "(none)" if f is None else repr(getattr(f, "text", f))
    return f"{getattr(change, 'kind', '?')} {getattr(change, 'status', '?')}: {text(before)} -> {text(after)}"


def score(swaps: list[Swap], labels: dict) -> dict:
    def block(items):
        verdicts = Counter(labels[s.key]["verdict"] for s in items if s.key in labels)
        judged = sum(verdicts[v] for v in VERDICTS)
        return {
            "swaps": len(items),
            "labelled": judged,
            "right": verdicts["right"],
            "debatable": verdicts["debatable"],
            "wrong": verdicts["wrong"],
            "strict": round(verdicts["right"] / judged, 3) if judged else None,
            "lenient": round((verdicts["right"] + verdicts["debatable"]) / judged, 3) if judged else None,
        }

    by_rule = defaultdict(list)
    for s in swaps:
        by_rule[s.rule].append(s)
    made = {s.key for s in swaps}
    return {
        "all": block(swaps),
        "rules": {r: block(items) for r, items in sorted(by_rule.items())},
        "stale_labels": sorted("\t".join(map(str, k)) for k in labels if k not in made),
        "shifted": _shifted(swaps, labels),
    }


def _shifted(swaps: list[Swap], labels: dict) -> list[str]:
    """Pairs fix now makes fewer times in a document than were labelled: a dropped swap
    renumbers the later ones, so their labels may belong to another sentence."""
    made, labelled = Counter(s.key[:3] for s in swaps), Counter(k[:3] for k in labels)
    return sorted(f"{d}: {b} -> {a} ({made[(d, b, a)]} made, {n} labelled)" for (d, b, a), n in labelled.items() if 0 < made[(d, b, a)] < n)


def _fmt(b: dict) -> str:
    share = lambda x: "-" if x is None else f"{x:.3f}"
    return f"{b['swaps']:4d} swaps, {b['labelled']:4d} labelled ({b['right']} right, {b['debatable']} debatable, {b['wrong']} wrong): strict {share(b['strict'])}, lenient {share(b['lenient'])}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--unlabelled", action="store_true", help="print the unlabelled swaps with their sentence, to label more")
    ap.add_argument("--all", action="store_true", help="print every swap with its sentence and label")
    ap.add_argument("--json", action="store_true", help="print the figures (and swaps) as JSON")
    ap.add_argument("--data", type=Path, default=DATA, help="the shared data folder (default ../shared/data)")
    ap.add_argument("--labels", type=Path, default=LABELS)
    args = ap.parse_args(argv)

    if not (args.data / "real-texts" / "docs").is_dir():
        print(f"no real texts under {args.data}: nothing to measure")
        return 0
    labels = load_labels(args.labels)
    swaps, facts, notes = run(args.data)
    result = score(swaps, labels)
    result["documents"] = facts.pop("documents")
    if args.json:
        result["key_facts"] = facts
        result["notes"] = notes
        result["swaps_made"] = [
            {"doc": s.doc, "rule": s.rule, "before": s.before, "after": s.after, "occurrence": s.occurrence,
             "verdict": labels.get(s.key, {}).get("verdict")}
            for s in swaps
        ]
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0

    show = [s for s in swaps if args.all or (args.unlabelled and s.key not in labels)]
    for s in show:
        lab = labels.get(s.key)
        print(f"{s.doc}\t{s.rule}\t{s.before}\t{s.after}\t{s.occurrence}" + (f"\t{lab['verdict']}\t{lab['reason']}" if lab else ""))
        print(f"    before: {s.sentence_before}")
        print(f"    after:  {s.sentence_after}")
    if show:
        print()
    for n in notes:
        print(f"note: {n}")
    print(f"swap benchmark: {result['documents']} documents revised, {len({s.doc for s in swaps})} with swaps")
    print(f"  all rules:  {_fmt(result['all'])}")
    for rule, b in result["rules"].items():
        print(f"  {rule:<11} {_fmt(b)}")
    if result["stale_labels"]:
        print(f"  {len(result['stale_labels'])} labels match no swap fix makes today (swaps it has stopped making; kept as the record)")
    for line in result["shifted"]:
        print(f"  check by hand, occurrences may have shifted: {line}")
    if facts["available"]:
        print(f"key facts changed over every document: {facts['changed']}")
        for doc, lost in facts["by_doc"].items():
            print(f"    {doc}: {'; '.join(lost[:5])}")
    else:
        print("key-facts guard not available")
    return 0


if __name__ == "__main__":
    try:
        main()
    except Exception as exc:  # a benchmark never fails the build
        print(f"bench_fix: {exc}")
    sys.exit(0)
