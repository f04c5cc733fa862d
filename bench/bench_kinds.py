"""How often litcheck decides the right kind of document (profile) on real public UK texts.

    python bench/bench_kinds.py                # one line per document, then the confusion table
    python bench/bench_kinds.py --json         # the same as one JSON object
    python bench/bench_kinds.py --data DIR     # the shared data folder (default ../shared/data)

The texts are third-party material and are NOT in this repository: they are read by path from
the shared data folder (``real-texts/index.json`` and ``real-files/labels.json`` give each
document's ``kind``). Only detection runs (reading, sentences, practical details, profile), not
the rules, so it takes a minute or so.

The mapping from the data's kinds to litcheck's profiles (a document is right when litcheck's
profile is one of those accepted):

| data kind | accepted profiles |
|---|---|
| letter_template | appointment_letter, invitation_to_book, clinic_letter, text_reminder, text_message (a text message template) |
| no_appointment_letter | no_appointment_letter |
| policy_page, web_page | web_page |
| leaflet | procedure_leaflet |
| easy_read | easy_read |
| form | general, invitation_to_book |

Some real files' labels are coarser than this mapping (``kind: other`` with a ``subkind``, or
a ``letter_template`` whose notes say it gives no appointment, or a text whose source is a web
page that hosts a letter or lists Easy Read guides); ``REFINED`` below names them with the
reason, from the data's own notes and sources. The strict figure uses the data's kinds alone; the
refined figure uses the table below as well. Always exits 0: a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"

ACCEPT = {
    "letter_template": {"appointment_letter", "invitation_to_book", "clinic_letter", "text_reminder", "text_message"},
    "no_appointment_letter": {"no_appointment_letter"},
    "policy_page": {"web_page"},
    "web_page": {"web_page"},
    "leaflet": {"procedure_leaflet"},
    "easy_read": {"easy_read"},
    "form": {"general", "invitation_to_book"},
    "screening_invitation": {"invitation_to_book"},
    "vaccination_invitation": {"invitation_to_book"},
    "screening_service_letter": {"no_appointment_letter"},
}

#: documents whose data label is coarser than the mapping, by the data's own notes:
#: path under the data folder -> (the kind the notes describe, why)
REFINED = {
    "real-files/docs/010-cervical-screening-ceasing-template-arabic.docx": (
        "no_appointment_letter", "notes: the letter sent when someone is removed from screening"),
    "real-files/docs/014-blood-test-results-letter-template.docx": (
        "no_appointment_letter", "notes: a result letter; no appointment"),
    "real-files/docs/008-nhs-website-asthma.pdf": (
        "web_page", "notes: a copy of an nhs.uk page"),
    # by their sources (web pages) and the judged labels in tests/data/precision
    "real-texts/docs/010-mft-waiting-list-review-patient-letter.txt": (
        "web_page", "source: the trust's web page that hosts the letter ('This page contains ... versions of these "
                    "communications'); the letter's text follows the page's own; judged 'a page hosting the letters'"),
    "real-texts/docs/037-healthwatch-greenwich-easy-read-bowel-screening.txt": (
        "web_page", "source: a Healthwatch advice page that lists and links to Easy Read guides (PDF downloads) in "
                    "ordinary sentences; judged 'list of Easy Read guides; no letter to answer'"),
}


def load_documents(data: Path) -> list[dict]:
    docs = []
    index = data / "real-texts" / "index.json"
    if index.exists():
        for e in json.loads(index.read_text(encoding="utf-8")):
            docs.append({"rel": f"real-texts/{e['file']}", "kind": e["kind"], "error": None})
    labels = data / "real-files" / "labels.json"
    if labels.exists():
        for e in json.loads(labels.read_text(encoding="utf-8"))["documents"]:
            kind = e["kind"]
            if kind == "other":
                kind = e.get("subkind") or kind
            docs.append({"rel": f"real-files/{e['file']}", "kind": kind, "error": e.get("expected_error")})
    return docs


def decide(path: Path) -> tuple[str, float | None, str]:
    """(profile, confidence, reason) as litcheck decides them for the file."""
    from litcheck import readers
    from litcheck.analysers import Context
    from litcheck.details import profiles

    ctx = Context(readers.read_file(path), None, {})
    profile = profiles.apply_profile(ctx, None)
    return profile, ctx.options.get("profile_confidence"), ctx.options.get("profile_reason") or ""


def run(data: Path) -> dict:
    rows = []
    for d in load_documents(data):
        if d["error"]:
            continue
        try:
            profile, confidence, reason = decide(data / d["rel"])
        except Exception as exc:  # noqa: BLE001 - a benchmark reports every failure and goes on
            profile, confidence, reason = "ERROR", None, f"{type(exc).__name__}: {exc}"
        refined = REFINED.get(d["rel"], (d["kind"], ""))[0]
        rows.append({"doc": d["rel"], "kind": d["kind"], "refined_kind": refined, "profile": profile,
                     "confidence": confidence, "reason": reason,
                     "right": profile in ACCEPT.get(d["kind"], set()),
                     "right_refined": profile in ACCEPT.get(refined, set())})
    n = len(rows)
    return {
        "documents": rows,
        "n": n,
        "right": sum(r["right"] for r in rows),
        "right_refined": sum(r["right_refined"] for r in rows),
        "confusion": Counter((r["refined_kind"], r["profile"]) for r in rows),
    }


def print_tables(out: dict) -> None:
    for r in out["documents"]:
        mark = "ok " if r["right_refined"] else "BAD"
        conf = "" if r["confidence"] is None else f" {r['confidence']:.2f}"
        kind = r["kind"] if r["kind"] == r["refined_kind"] else f"{r['kind']}->{r['refined_kind']}"
        print(f"{mark} {r['doc'][:62]:62} {kind:26} {r['profile']}{conf}")
        if r["reason"]:
            print(f"      {r['reason']}")
    n = out["n"] or 1
    print()
    print(f"right (data kinds):    {out['right']}/{out['n']} = {out['right'] / n:.2f}")
    print(f"right (refined kinds): {out['right_refined']}/{out['n']} = {out['right_refined'] / n:.2f}")
    kinds = sorted({k for k, _ in out["confusion"]})
    profiles = sorted({p for _, p in out["confusion"]})
    print()
    print("confusion (rows: refined data kind; columns: litcheck's profile)")
    width = max(len(k) for k in kinds) + 1
    short = {p: p.replace("appointment", "appt").replace("procedure_", "").replace("invitation_to_book", "invite")[:12] for p in profiles}
    print(" " * width + " ".join(f"{short[p]:>12}" for p in profiles))
    for k in kinds:
        print(f"{k:{width}}" + " ".join(f"{out['confusion'].get((k, p), 0) or '.':>12}" for p in profiles))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not (args.data / "real-texts").exists() and not (args.data / "real-files").exists():
        print(f"no shared data at {args.data}: nothing to measure")
        return 0
    sys.path.insert(0, str(ROOT))
    out = run(args.data)
    if args.json:
        out = dict(out, confusion=[{"kind": k, "profile": p, "n": c} for (k, p), c in sorted(out["confusion"].items())])
        print(json.dumps(out, indent=1))
    else:
        print_tables(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
