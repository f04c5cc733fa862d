"""A generator of hostile and malformed inputs for every reader, grown from seeds.

Seeds are built at run time from the repository's own sample letters (samples/): a .txt, a
.md, an .html page, a .docx (python-docx) and a .pdf (fpdf2). Each generated input is a seed
put through one or more mutations, chosen by a seeded random generator so a run can be
repeated exactly (``generate(count, seed)``): truncation, bit flips, hostile text spliced in
(terminal escapes, bidi controls, superscripts, long runs of brackets and template markers),
a slice repeated, another encoding, a wrong reader, and format-aware damage (a .docx whose
parts are swapped, nested or made into entity bombs; a PDF whose objects refer to themselves,
whose lengths lie or whose streams are cut).

``python -m tests.fuzz.corpus OUT --count 750`` writes a corpus to a folder (file names say
the reader and the mutations) for other tools, such as the fuzz targets' seed folders.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


class Input(NamedTuple):
    name: str  #: says the seed and the mutations, e.g. "docx-truncate-flip-0042"
    reader: str  #: the reader it is given to: txt, md, html, docx or pdf
    data: bytes


# -- seeds ---------------------------------------------------------------------------------
def _sample_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")) + sorted(SAMPLES.glob("*.md"))]


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    doc = docx.Document()
    doc.add_heading(paragraphs[0][:60], level=1)
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "When", "Where"
    table.cell(1, 0).text, table.cell(1, 1).text = "Monday 3 March at 2pm", "Clinic 4"
    for text in paragraphs[1:]:
        doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _pdf(paragraphs: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(unit="mm", format="A4")
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for text in paragraphs:
        pdf.multi_cell(0, 6, text.encode("latin-1", "replace").decode("latin-1"))
        pdf.ln(2)
    return bytes(pdf.output())


def _html(text: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in text.split("\n\n") if p.strip())
    return f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Letter</title></head><body><h1>Your appointment</h1>{body}</body></html>'.encode()


@lru_cache(maxsize=1)
def seeds() -> tuple[Input, ...]:
    """One seed per reader and sample, built from samples/ (our own letters)."""
    out = []
    for i, text in enumerate(_sample_texts()):
        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()][:12]
        out.append(Input(f"seed{i}-txt", "txt", text.encode("utf-8")))
        out.append(Input(f"seed{i}-md", "md", text.encode("utf-8")))
        out.append(Input(f"seed{i}-html", "html", _html(text)))
        out.append(Input(f"seed{i}-docx", "docx", _docx(paragraphs)))
        out.append(Input(f"seed{i}-pdf", "pdf", _pdf(paragraphs)))
    return tuple(out)


# -- mutations -----------------------------------------------------------------------------
#: text that has broken readers or patterns before, or could
HOSTILE = [
    "\x1b[2J\x1b]0;title\x07",  # terminal escapes
    "\u202e\u2066\u200b\ufeff",  # bidi controls, zero-width space, a stray BOM
    "Your BMI should be under 30 kg/m\u00b2.",  # superscript digits
    "(" * 5000,
    "[" * 5000,
    "{{ " * 3000,
    "{% " * 3000,
    "1." * 5000,
    "\u00e9\u0301" * 2000,  # combining marks
    "word" * 3000,  # one very long word
    "\n" * 20000,
    "> " * 3000 + "deep",  # nested quotes (Markdown)
    "<b>" * 3000,  # unclosed tags
    "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
    "\x00\x01\x02",
    "Please call 0300 123 4567 on 01/02/2025 at 17:30 or email a@b.nhs.uk. " * 200,
]


def _truncate(rng: random.Random, inp: Input) -> Input:
    return inp._replace(data=inp.data[: rng.randrange(len(inp.data) + 1)])


def _flip(rng: random.Random, inp: Input) -> Input:
    data = bytearray(inp.data)
    for _ in range(rng.choice([1, 2, 8, 64])):
        if data:
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return inp._replace(data=bytes(data))


def _splice(rng: random.Random, inp: Input) -> Input:
    at = rng.randrange(len(inp.data) + 1)
    return inp._replace(data=inp.data[:at] + rng.choice(HOSTILE).encode("utf-8", "replace") + inp.data[at:])


def _repeat(rng: random.Random, inp: Input) -> Input:
    if not inp.data:
        return inp
    a = rng.randrange(len(inp.data))
    b = min(len(inp.data), a + rng.randrange(1, 200))
    times = rng.choice([10, 100, 1000])
    return inp._replace(data=inp.data[:a] + inp.data[a:b] * times + inp.data[b:])


def _encode(rng: random.Random, inp: Input) -> Input:
    if inp.reader not in ("txt", "md", "html"):
        return inp
    text = inp.data.decode("utf-8", "replace")
    codec = rng.choice(["utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252", "utf-8-sig", "shift_jis"])
    return inp._replace(data=text.encode(codec, "replace"))


def _wrong_reader(rng: random.Random, inp: Input) -> Input:
    return inp._replace(reader=rng.choice(["txt", "md", "html", "docx", "pdf"]))


def _docx_damage(rng: random.Random, inp: Input) -> Input:
    """Rewrite the package: a part dropped, document.xml mutated as text, nested deep, an
    entity bomb, or a huge incompressible part; the zip stays well formed."""
    if inp.reader != "docx":
        return inp
    try:
        with zipfile.ZipFile(io.BytesIO(inp.data)) as z:
            parts = {n: z.read(n) for n in z.namelist()}
    except Exception:
        return inp
    xml = parts.get("word/document.xml", b"")
    how = rng.choice(["drop", "text", "nest", "entities", "noise", "styles"])
    if how == "drop" and parts:
        parts.pop(rng.choice(sorted(parts)))
    elif how == "text":
        parts["word/document.xml"] = _flip(rng, Input("", "", xml)).data
    elif how == "nest":
        depth = rng.choice([1000, 20000])
        parts["word/document.xml"] = xml.replace(b"<w:body>", b"<w:body>" + b"<w:sdt><w:sdtContent>" * depth, 1)
    elif how == "entities":
        bomb = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        parts["word/document.xml"] = bomb + re.sub(rb"^<\?xml[^>]*\?>", b"", xml).replace(b"<w:t>", b"<w:t>&c;", 1)
    elif how == "noise":
        parts["word/media/noise.bin"] = rng.randbytes(rng.choice([1000, 200_000]))
    elif how == "styles":
        parts["word/styles.xml"] = b"<w:styles" + b" x" * 1000
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return inp._replace(data=buf.getvalue())


def _pdf_damage(rng: random.Random, inp: Input) -> Input:
    """Lengths that lie, objects that refer to themselves, pages that contain themselves,
    a cross-reference table gone, a stream cut or filled with noise."""
    if inp.reader != "pdf":
        return inp
    data = inp.data
    how = rng.choice(["length", "self", "kids", "xref", "stream", "count"])
    if how == "length":
        data = re.sub(rb"/Length \d+", b"/Length " + str(rng.choice([0, 10**9, 99999999999])).encode(), data, count=1)
    elif how == "self":
        data = re.sub(rb"(\d+) 0 obj", lambda m: m.group(0) + b" << /Self " + m.group(1) + b" 0 R /Next " + m.group(1) + b" 0 R >> endobj\n" + m.group(0), data, count=1)
    elif how == "kids":
        data = re.sub(rb"/Kids \[[^\]]*\]", lambda m: m.group(0)[:-1] + b" 1 0 R 2 0 R]", data, count=1)
    elif how == "xref":
        data = data[: data.rfind(b"xref")] + b"%%EOF" if b"xref" in data else data
    elif how == "stream":
        at = data.find(b"stream")
        if at >= 0:
            data = data[: at + 7] + rng.randbytes(rng.choice([10, 5000])) + data[at + 7 :]
    elif how == "count":
        data = re.sub(rb"/Count \d+", b"/Count 1000000000", data, count=1)
    return inp._replace(data=data)


MUTATIONS: dict[str, Callable[[random.Random, Input], Input]] = {
    "truncate": _truncate,
    "flip": _flip,
    "splice": _splice,
    "repeat": _repeat,
    "encode": _encode,
    "wrong": _wrong_reader,
    "docx": _docx_damage,
    "pdf": _pdf_damage,
}


def generate(count: int, seed: int = 0) -> Iterator[Input]:
    """``count`` inputs, the same ones for the same ``seed``: the seeds themselves first, then
    mutations (1 to 3 each; format-aware damage is chosen twice as often for its format)."""
    rng = random.Random(seed)
    base = seeds()
    for inp in base[:count]:
        yield inp
    for n in range(max(0, count - len(base))):
        inp = rng.choice(base)
        names = []
        for _ in range(rng.choice([1, 1, 2, 3])):
            choices = list(MUTATIONS) + ([inp.reader] if inp.reader in MUTATIONS else [])
            name = rng.choice(choices)
            inp = MUTATIONS[name](rng, inp)
            names.append(name)
        yield inp._replace(name=f"{inp.name.split('-')[0]}-{inp.reader}-{'-'.join(names)}-{n:04d}")


def main(argv: list[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(description="Write a corpus of hostile inputs to a folder.")
    p.add_argument("out", type=Path)
    p.add_argument("--count", type=int, default=750)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for inp in generate(args.count, args.seed):
        (args.out / f"{inp.name}.{inp.reader}").write_bytes(inp.data)
    print(f"wrote {args.count} inputs to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
