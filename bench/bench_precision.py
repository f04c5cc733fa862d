"""Precision of litcheck's findings, detail detection and jargon recall on real public UK texts.

    python bench/bench_precision.py                 # tables on standard output
    python bench/bench_precision.py --json          # the same figures as one JSON object
    python bench/bench_precision.py --unlabelled 40 # also 40 unlabelled findings, with context
    python bench/bench_precision.py --data DIR      # the shared data folder (default ../shared/data)
    python bench/bench_precision.py --first-only    # ignore the second judge's verdicts
    python bench/bench_precision.py --matched       # also list every matched label and its verdicts

The texts are third-party material and are NOT in this repository: they are read by path from
the shared data folder (``real-texts/`` with ``index.json``, ``real-files/`` with
``labels.json``). The labels are ours, in ``tests/data/precision/`` (see its README):

- ``findings_labels.tsv``: doc, rule, text, occurrence, verdict, reason. A finding is named by
  its document (path under the data folder), rule id, matched text (whitespace collapsed, cut
  to 40 characters) and occurrence (1 = the first finding of that rule with that text in that
  document, in text order). A label whose finding no longer appears is counted "not found",
  never an error: rules and their ids change.
- ``second_judge.tsv``: doc, rule, text, occurrence, first_verdict, second_verdict, reason. A
  second, independent judgement of some labels (every "debatable" one, and a seeded sample of the
  others). When the file exists a second precision table is printed in which each label it
  names takes the second verdict, with the agreement between the judges; ``--first-only`` leaves
  it out.
- ``hard_terms.tsv``: doc, term, note. Jargon recall is the share of these terms that get a
  finding from a ``jargon.*``, ``abbreviations.*`` or ``words.*`` rule whose span overlaps one
  of the term's occurrences in the text litcheck read.

Reported:

- per rule and per rule family (the id before the dot): findings, labelled, judged, strict
  precision (correct / judged; debatable counted wrong) and lenient precision (debatable
  counted right), and labels not found;
- details: precision and recall per practical detail against ``details_present`` (index.json,
  labels.json; ``contact_phone`` is litcheck's ``contact``; ambiguous labels skipped), on
  letters and templates and on all documents. A detail is "found" when the report's
  ``details`` section says ``present``, whatever the profile needs;
- jargon recall, per kind of document, with the terms missed.

The profile is never given: litcheck decides. The two password-protected files are expected
to raise an input error. Always exits 0: this is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "precision"
DEFAULT_DATA = ROOT.parent / "shared" / "data"
VERDICTS = ("correct", "wrong", "debatable")
SECOND_JUDGE = LABELS / "second_judge.tsv"  # doc, rule, text, occurrence, first_verdict, second_verdict, reason
JARGON_FAMILIES = ("jargon.", "abbreviations.", "words.")
# kinds counted as "letters and templates" for the detail figures
LETTER_KINDS = {"letter_template", "no_appointment_letter", "appointment_letter"}
DETAIL_NAMES = {"contact_phone": "contact"}


def norm_text(text: str) -> str:
    """How a finding's matched text is written in the labels: whitespace collapsed, 40 chars."""
    return re.sub(r"\s+", " ", text or "").strip()[:40].strip()


def load_documents(data: Path) -> list[dict]:
    """Every real text and real file: rel (path under data), kind, details (label dict), expect_error."""
    docs = []
    index = data / "real-texts" / "index.json"
    if index.exists():
        for e in json.loads(index.read_text(encoding="utf-8")):
            docs.append({"rel": f"real-texts/{e['file']}", "kind": e["kind"],
                         "details": e.get("details_present") or {}, "expect_error": None})
    labels = data / "real-files" / "labels.json"
    if labels.exists():
        for e in json.loads(labels.read_text(encoding="utf-8"))["documents"]:
            kind = e["kind"]
            sub = e.get("subkind") or ""
            if kind == "other" and re.search(r"letter|invitation", sub):
                kind = "letter_template"  # screening and vaccination letters are letters
            docs.append({"rel": f"real-files/{e['file']}", "kind": kind,
                         "details": e.get("details_present") or {}, "expect_error": e.get("expected_error")})
    return docs


def read_tsv(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def run_litcheck(docs: list[dict], data: Path) -> tuple[dict, list, list]:
    """rel -> {report, text, findings (list of dicts with key)}; expected errors; unexpected errors."""
    import litcheck

    results, expected, unexpected = {}, [], []
    for d in docs:
        path = data / d["rel"]
        try:
            report = litcheck.check_file(path)
        except Exception as exc:  # noqa: BLE001 - a benchmark reports every failure and goes on
            (expected if d["expect_error"] else unexpected).append((d["rel"], f"{type(exc).__name__}: {exc}"))
            continue
        if d["expect_error"]:
            unexpected.append((d["rel"], f"expected an error ({d['expect_error']}) but it was read"))
        text = report.document.text if report.document is not None else ""
        seen: Counter = Counter()
        findings = []
        for f in sorted(report.findings, key=lambda f: (f.start, f.end, f.rule)):
            t = norm_text(f.text)
            seen[(f.rule, t)] += 1
            findings.append({"rule": f.rule, "text": t, "occurrence": seen[(f.rule, t)],
                             "start": f.start, "end": f.end, "message": f.message,
                             "suggestions": list(f.suggestions)})
        try:  # the JSON contract: details -> {name: {"present": ..., "evidence": ...}}
            details = report.to_dict().get("details") or {}
        except Exception:  # noqa: BLE001
            details = {}
        results[d["rel"]] = {"doc": d, "profile": report.profile, "text": text, "findings": findings,
                             "details": details}
    return results, expected, unexpected


def label_key(row: dict) -> tuple:
    return (row["doc"], row["rule"], norm_text(row["text"]), int(row["occurrence"]))


def precision(results: dict, labels: list[dict], override: dict | None = None) -> dict:
    """Per-rule precision of the findings litcheck makes now that have a label.

    ``override`` maps a label key to a verdict that replaces the label's own (the second
    judge's); keys it does not name keep the first judge's verdict.
    """
    by_key = {label_key(r): r for r in labels}
    override = override or {}
    rules: dict[str, Counter] = defaultdict(Counter)
    matched = set()
    matched_rows = []
    for rel, res in results.items():
        for f in res["findings"]:
            c = rules[f["rule"]]
            c["findings"] += 1
            key = (rel, f["rule"], f["text"], f["occurrence"])
            lab = by_key.get(key)
            if lab:
                matched.add(key)
                verdict = override.get(key, lab["verdict"])
                c["labelled"] += 1
                c[verdict] += 1
                matched_rows.append({"doc": rel, "rule": f["rule"], "text": f["text"], "occurrence": f["occurrence"],
                                     "verdict": verdict, "first_verdict": lab["verdict"],
                                     "reason": lab.get("reason", ""), "message": f["message"],
                                     "suggestions": f.get("suggestions", []), "start": f["start"], "end": f["end"]})
    not_found = [k for k in by_key if k not in matched]
    for k in not_found:
        rules[k[1]]["not_found"] += 1
    families: dict[str, Counter] = defaultdict(Counter)
    for rule, c in rules.items():
        families[rule.split(".")[0]].update(c)

    def table(groups):
        out = {}
        for name, c in sorted(groups.items()):
            judged = c["correct"] + c["wrong"] + c["debatable"]
            out[name] = {"findings": c["findings"], "labelled": c["labelled"], "judged": judged,
                         "correct": c["correct"], "debatable": c["debatable"], "wrong": c["wrong"],
                         "not_found": c["not_found"],
                         "strict": round(c["correct"] / judged, 3) if judged else None,
                         "lenient": round((c["correct"] + c["debatable"]) / judged, 3) if judged else None}
        return out

    all_c = Counter()
    for c in rules.values():
        all_c.update(c)
    return {"rules": table(rules), "families": table(families), "overall": table({"all": all_c})["all"],
            "labels": len(by_key), "labels_not_found": [list(k) for k in not_found], "matched": matched_rows}


SECOND_FIELDS = ["doc", "rule", "text", "occurrence", "first_verdict", "second_verdict", "reason"]


def second_judgement(labels: list[dict], second: list[dict], matched: list[dict]) -> dict:
    """The second judge's verdicts as an override map, and the agreement with the first judge.

    Agreement is counted on the second-judge rows whose finding litcheck still makes (matched),
    per first verdict: how many of the labels the first judge called X the second judge also
    called X, and the full first x second table.
    """
    first = {label_key(r): r["verdict"] for r in labels}
    override = {label_key(r): r["second_verdict"] for r in second if r.get("second_verdict") in VERDICTS}
    now = {(m["doc"], m["rule"], m["text"], m["occurrence"]) for m in matched}
    table: dict[str, Counter] = defaultdict(Counter)
    stale = 0  # the first verdict recorded in the second file is not the label's current one
    for r in second:
        k = label_key(r)
        if k not in now or k not in override:
            continue
        f = first.get(k)
        if f != r.get("first_verdict"):
            stale += 1
        table[f or "?"][override[k]] += 1
    agreement = {}
    for f, c in sorted(table.items()):
        n = sum(c.values())
        agreement[f] = {"n": n, "same": c[f], "rate": round(c[f] / n, 3) if n else None,
                        "second": {v: c[v] for v in VERDICTS}}
    def rate(verdicts):
        n = sum(agreement[v]["n"] for v in verdicts if v in agreement)
        same = sum(agreement[v]["same"] for v in verdicts if v in agreement)
        return round(same / n, 3) if n else None

    return {"override": override, "rows": len(second), "matched": sum(a["n"] for a in agreement.values()),
            "stale_first_verdicts": stale, "agreement": agreement,
            "agreement_overall": rate(VERDICTS),
            # on the labels the first judge decided (correct or wrong): the figure that says how far
            # the two judges agree; "debatable" rows are there to be resolved, not agreed with
            "agreement_decided": rate(("correct", "wrong"))}


def details(results: dict) -> dict:
    groups = {"letters_and_templates": lambda d: d["kind"] in LETTER_KINDS, "all": lambda d: True}
    out = {}
    for gname, keep in groups.items():
        per: dict[str, Counter] = defaultdict(Counter)
        errors: dict[str, list] = defaultdict(list)
        for rel, res in results.items():
            if not keep(res["doc"]):
                continue
            for name, lab in res["doc"]["details"].items():
                if not isinstance(lab, dict) or lab.get("present") is None:
                    continue
                ours = res["details"].get(DETAIL_NAMES.get(name, name))
                if ours is None:
                    continue
                truth, found = bool(lab["present"]), bool(ours.get("present"))
                c = per[name]
                c["tp" if truth and found else "fp" if found else "fn" if truth else "tn"] += 1
                if truth != found:
                    errors[name].append({"doc": rel, "error": "fp" if found else "fn",
                                         "evidence": norm_text(ours.get("evidence") or "")})
        total = Counter()
        rows = {}
        for name, c in sorted(per.items()):
            total.update(c)
            rows[name] = _pr(c)
        out[gname] = {"details": rows, "micro": _pr(total), "errors": dict(errors)}
    return out


def _pr(c: Counter) -> dict:
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    return {"tp": tp, "fp": fp, "fn": fn, "tn": c["tn"],
            "precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "recall": round(tp / (tp + fn), 3) if tp + fn else None}


def term_pattern(term: str) -> re.Pattern:
    words = [re.escape(w) for w in term.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def jargon_recall(results: dict, terms: list[dict]) -> dict:
    hit = missed = absent = 0
    by_kind: dict[str, Counter] = defaultdict(Counter)
    missed_terms, absent_terms = [], []
    for row in terms:
        res = results.get(row["doc"])
        if res is None:
            absent += 1
            absent_terms.append([row["doc"], row["term"], "document not read"])
            continue
        spans = [m.span() for m in term_pattern(row["term"]).finditer(res["text"])]
        if not spans:
            absent += 1
            absent_terms.append([row["doc"], row["term"], "term not in the text litcheck read"])
            continue
        found = any(f["rule"].startswith(JARGON_FAMILIES) and f["start"] < e and f["end"] > s
                    for f in res["findings"] for s, e in spans)
        kind = res["doc"]["kind"]
        by_kind[kind]["terms"] += 1
        if found:
            hit += 1
            by_kind[kind]["hit"] += 1
        else:
            missed += 1
            missed_terms.append([row["doc"], row["term"]])
    n = hit + missed
    return {"terms": n, "hit": hit, "recall": round(hit / n, 3) if n else None,
            "by_kind": {k: {"terms": c["terms"], "hit": c["hit"], "recall": round(c["hit"] / c["terms"], 3)}
                        for k, c in sorted(by_kind.items())},
            "missed": missed_terms, "not_in_text": absent_terms}


def unlabelled(results: dict, labels: list[dict], n: int) -> list[dict]:
    """n unlabelled findings, taken round-robin over rules (and documents within a rule)."""
    keys = {(r["doc"], r["rule"], norm_text(r["text"]), int(r["occurrence"])) for r in labels}
    pools: dict[str, list] = defaultdict(list)
    for rel, res in sorted(results.items()):
        for f in res["findings"]:
            if (rel, f["rule"], f["text"], f["occurrence"]) not in keys:
                t = res["text"]
                ctx = t[max(0, f["start"] - 90):f["start"]] + "[[" + t[f["start"]:f["end"]] + "]]" + t[f["end"]:f["end"] + 90]
                pools[f["rule"]].append({"doc": rel, "kind": res["doc"]["kind"], "profile": res["profile"],
                                         "rule": f["rule"], "text": f["text"], "occurrence": f["occurrence"],
                                         "message": f["message"], "context": re.sub(r"\s+", " ", ctx)})
    for rule, pool in pools.items():  # spread over documents: one per document in turn
        by_doc: dict[str, list] = defaultdict(list)
        for item in pool:
            by_doc[item["doc"]].append(item)
        spread = []
        while any(by_doc.values()):
            for doc in list(by_doc):
                if by_doc[doc]:
                    spread.append(by_doc[doc].pop(0))
        pools[rule] = spread
    out = []
    while len(out) < n and any(pools.values()):
        for rule in sorted(pools):
            if pools[rule] and len(out) < n:
                out.append(pools[rule].pop(0))
    return out


def fmt(x) -> str:
    return "  -  " if x is None else f"{x:5.2f}"


def print_precision(p: dict, title: str) -> None:
    print(f"\n{title} ({p['labels']} labels, {len(p['labels_not_found'])} not found)")
    head = f"  {'':30} {'findings':>8} {'labelled':>8} {'correct':>7} {'debat.':>6} {'wrong':>5} {'strict':>6} {'lenient':>7} {'gone':>4}"
    for sub, rows in (("per family", p["families"]), ("per rule", p["rules"])):
        print(f"\n {sub}\n{head}")
        for name, c in rows.items():
            print(f"  {name:30} {c['findings']:8} {c['labelled']:8} {c['correct']:7} {c['debatable']:6} {c['wrong']:5} "
                  f"{fmt(c['strict']):>6} {fmt(c['lenient']):>7} {c['not_found']:4}")
    o = p["overall"]
    print(f"  {'ALL':30} {o['findings']:8} {o['labelled']:8} {o['correct']:7} {o['debatable']:6} {o['wrong']:5} "
          f"{fmt(o['strict']):>6} {fmt(o['lenient']):>7} {o['not_found']:4}")


def print_second(r: dict) -> None:
    s, first, second = r["second_judge"], r["precision"]["rules"], r["precision_second"]["rules"]
    print_precision(r["precision_second"], "Findings precision, second judgement "
                    "(a label in second_judge.tsv takes its second verdict)")
    print(f"\nSecond judge: {s['rows']} rows, {s['matched']} on findings made now; agreement with the first "
          f"judge {fmt(s['agreement_overall'])} on all, {fmt(s['agreement_decided'])} on labels judged correct or wrong")
    print(f"  {'first verdict':14} {'n':>4} {'same':>4} {'rate':>5}   second: correct / debatable / wrong")
    for f, a in s["agreement"].items():
        print(f"  {f:14} {a['n']:4} {a['same']:4} {fmt(a['rate'])}   "
              f"{a['second']['correct']:3} / {a['second']['debatable']:3} / {a['second']['wrong']:3}")
    if s["stale_first_verdicts"]:
        print(f"  note: {s['stale_first_verdicts']} rows record a first verdict that is no longer the label's")
    print(f"\n  {'strict, first -> second':30} {'n':>4} {'first':>6} {'second':>6}")
    for name, c in second.items():
        if c["judged"]:
            print(f"  {name:30} {c['judged']:4} {fmt(first[name]['strict']):>6} {fmt(c['strict']):>6}")


def print_matched(p: dict) -> None:
    print(f"\n{len(p['matched'])} matched labels (doc, rule, text, occurrence, first verdict, verdict used)")
    for m in sorted(p["matched"], key=lambda m: (m["rule"], m["doc"], m["text"], m["occurrence"])):
        print(f"{m['doc']}\t{m['rule']}\t{m['text']}\t{m['occurrence']}\t{m['first_verdict']}\t{m['verdict']}")


def print_report(r: dict, list_matched: bool = False) -> None:
    print(f"documents read {r['documents_read']}, expected errors {len(r['expected_errors'])}, "
          f"unexpected errors {len(r['unexpected_errors'])}")
    for rel, msg in r["unexpected_errors"]:
        print(f"  UNEXPECTED {rel}: {msg}")
    print_precision(r["precision"], "Findings precision, first judgement")
    if r.get("second_judge"):
        print_second(r)
    if list_matched:
        print_matched(r["precision_second"] if r.get("second_judge") else r["precision"])
    for gname, g in r["details"].items():
        print(f"\nDetails ({gname})\n  {'detail':22} {'tp':>3} {'fp':>3} {'fn':>3} {'tn':>3} {'prec':>5} {'recall':>6}")
        for name, c in list(g["details"].items()) + [("MICRO", g["micro"])]:
            print(f"  {name:22} {c['tp']:3} {c['fp']:3} {c['fn']:3} {c['tn']:3} {fmt(c['precision'])} {fmt(c['recall']):>6}")
        if gname == "letters_and_templates":
            for name, errs in g["errors"].items():
                for e in errs:
                    print(f"    {e['error']} {name:20} {e['doc']}  {e['evidence']}")
    j = r["jargon_recall"]
    print(f"\nJargon recall: {j['hit']}/{j['terms']} = {fmt(j['recall'])}  (terms not in the text: {len(j['not_in_text'])})")
    for kind, c in j["by_kind"].items():
        print(f"  {kind:24} {c['hit']:3}/{c['terms']:<3} {fmt(c['recall'])}")
    if j["missed"]:
        print("  missed: " + "; ".join(f"{Path(d).name[:3]} {t}" for d, t in j["missed"]))
    for d, t, why in j["not_in_text"]:
        print(f"  not counted: {d} {t!r}: {why}")
    if r.get("unlabelled"):
        print(f"\n{len(r['unlabelled'])} unlabelled findings (doc, rule, text, occurrence; then context)")
        for u in r["unlabelled"]:
            print(f"{u['doc']}\t{u['rule']}\t{u['text']}\t{u['occurrence']}\t[{u['kind']}/{u['profile']}]")
            print(f"    {u['context']}")
            print(f"    -> {u['message'][:160]}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data folder (real-texts/, real-files/)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    ap.add_argument("--unlabelled", type=int, default=0, metavar="N", help="also list N unlabelled findings with context")
    ap.add_argument("--first-only", action="store_true",
                    help="first judge's verdicts only: ignore tests/data/precision/second_judge.tsv")
    ap.add_argument("--matched", action="store_true",
                    help="also list every matched label with its first verdict (and the verdict used)")
    args = ap.parse_args(argv)

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    docs = load_documents(args.data)
    if not docs:
        print(f"no documents under {args.data}: pass --data", file=sys.stderr)
        return 0
    results, expected, unexpected = run_litcheck(docs, args.data)
    # findings_labels.tsv, then findings_labels_<area>.tsv (labels added while tuning one area);
    # a later file's verdict replaces an earlier one for the same finding
    labels = [row for path in sorted(LABELS.glob("findings_labels*.tsv")) for row in read_tsv(path)]
    terms = read_tsv(LABELS / "hard_terms.tsv")
    report = {
        "data": str(args.data),
        "documents_read": len(results),
        "expected_errors": expected,
        "unexpected_errors": unexpected,
        "precision": precision(results, labels),
        "details": details(results),
        "jargon_recall": jargon_recall(results, terms),
    }
    second = [] if args.first_only else read_tsv(SECOND_JUDGE)
    if second:
        sj = second_judgement(labels, second, report["precision"]["matched"])
        report["precision_second"] = precision(results, labels, sj.pop("override"))
        report["second_judge"] = sj
    if args.unlabelled:
        report["unlabelled"] = unlabelled(results, labels, args.unlabelled)
    if args.json:
        json.dump(report, sys.stdout, indent=1)
        print()
    else:
        print_report(report, list_matched=args.matched)
    return 0


if __name__ == "__main__":
    try:
        main()
    except Exception as exc:  # noqa: BLE001 - a benchmark always exits 0
        print(f"bench_precision: {type(exc).__name__}: {exc}", file=sys.stderr)
    sys.exit(0)
