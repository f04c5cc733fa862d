"""What a PDF costs to read, measured before PDFium sees it.

PDFium parses in C and cannot be stopped half way, so a hostile file is refused first, in
Python, in time linear in the file's size, by a plain scan of its objects:

- every stream is unpacked as a stream of pieces (FlateDecode, LZWDecode, RunLengthDecode,
  ASCIIHexDecode, ASCII85Decode, in a chain too) and counted, never kept whole: the file is
  refused as soon as its streams together unpack to more than the budget (a 0.3 MB file of
  compressed spaces that would unpack to 650 MB stops at the budget, having used about 1 MB);
- the drawing a page asks for is counted: the operators of its content streams plus, for
  each form XObject it draws, that form's count times the number of times it is drawn,
  through nested forms (ten forms that each draw the next ten times are 10^10 operators
  from a file of 2 KB); a form that draws itself is counted once, as PDFium stops there;
- objects refer to each other through a table with a depth cap and a seen set, so an
  object that refers to itself (a page tree, a contents array, a form) ends the walk.

The scan is an estimate from above: a word inside a string counts as an operator, a name
that cannot be resolved counts as the largest form. Letters and leaflets are far inside
the budgets (the real-file folder's largest page is under 1% of the operator budget).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field

from ..errors import InputError

#: what comes before "obj" in an object's header: its number and generation
_HEADER_END = re.compile(rb"(\d{1,10})\s+(\d{1,5})\s+\Z")
_LENGTH = re.compile(rb"/Length\s+(\d{1,12})(?!\s+\d+\s+R)")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]{0,400}\]|/[^\s/\[\]<>()]+)")
_NAME = re.compile(rb"/([^\s/\[\]<>()]+)")
_REF = re.compile(rb"(\d{1,10})\s+(\d{1,5})\s+R\b")
_NAME_REF = re.compile(rb"/([^\s/\[\]<>()]+)\s*(\d{1,10})\s+\d{1,5}\s+R\b")
_DO = re.compile(rb"/([^\s/\[\]<>()]+)\s*Do\b")
_PIECE = 1 << 16
#: one stream that unpacks past this size at more than this ratio is a decompression bomb
#: (a blank page-sized image may pack 1000:1, but it is a few MB, not tens)
_BOMB_SIZE = 32 * 1024 * 1024
_BOMB_RATIO = 200


class BudgetExceeded(Exception):
    """The file asks for more than a letter could need; the message is for the user."""


@dataclass
class _Object:
    body: bytes  #: the object's dictionary (or whole value) as written
    data: tuple | None = None  #: (start, end) of a stream's raw data in the file
    source: bytes | None = None  #: the bytes ``data`` indexes (the file, or None)


@dataclass
class Scan:
    """What the file's structure adds up to."""

    unpacked: int = 0  #: bytes its streams unpack to
    operators: int = 0  #: operators its pages draw, forms expanded
    largest_page: int = 0  #: operators the busiest page draws
    objects: int = 0
    forms: dict = field(default_factory=dict)


def _tokens(piece: bytes) -> int:
    """Operators and operands in a piece of a content stream, from above: every token is
    set apart by white space or starts with a delimiter (``(a)Tj(b)Tj`` is two strings)."""
    return (
        piece.count(b" ") + piece.count(b"\n") + piece.count(b"\r") + piece.count(b"\t")
        + piece.count(b"(") + piece.count(b"<") + piece.count(b"[") + piece.count(b"/")
    )


def check(data: bytes, path, max_unpacked: int, max_operators: int, max_objects: int, max_page_operators: int | None = None) -> Scan:
    """Raise InputError (one line) when the PDF in ``data`` is over a budget: its streams
    unpack to more than ``max_unpacked`` bytes, its pages ask for more than
    ``max_operators`` drawing operations in all (or one page for more than
    ``max_page_operators``: PDFium holds a page's objects in memory at once), or it holds
    more than ``max_objects`` objects."""
    try:
        return _scan(data, max_unpacked, max_operators, max_objects, max_page_operators or max_operators)
    except BudgetExceeded as exc:
        raise InputError(path, str(exc)) from None
    except RecursionError:  # pragma: no cover - the walks below are iterative or capped
        raise InputError(path, "is built in a way litcheck will not follow (objects nested too deep)") from None


def _mb(n: int) -> str:
    return f"{n // (1024 * 1024)} MB"


def _scan(data: bytes, max_unpacked: int, max_operators: int, max_objects: int, max_page: int | None = None) -> Scan:
    max_page = max_page or max_operators
    scan = Scan()
    objects = _objects(data, scan, max_unpacked, max_objects)
    budget = _Budget(scan, max_unpacked)
    # what each content stream draws: its own operators and the names it draws with Do
    drawn: dict[int, tuple[int, dict]] = {}
    pages = _pages(objects)
    contents = _content_numbers(objects, pages)
    for num, obj in objects.items():
        if obj.data is None:
            continue
        keep = num in contents or _is_form(obj.body)
        ops = 0
        dos: dict = {}
        tail = b""
        for piece in budget.unpack(obj):
            if keep:
                ops += _tokens(piece)
                if b"Do" in piece or tail:
                    # a name cut at the piece's end is read with the next piece
                    chunk = tail + piece
                    last = 0
                    for m in _DO.finditer(chunk):
                        dos[m.group(1)] = dos.get(m.group(1), 0) + 1
                        last = m.end()
                    tail = chunk[max(last, len(chunk) - 64) :]
        if keep:
            drawn[num] = (ops + 1, dos)
    forms = {num for num, obj in objects.items() if obj.data is not None and _is_form(obj.body)}
    weights = _form_weights(objects, pages, forms, drawn, max_operators)
    largest = max(weights.values(), default=0)
    total = 0
    for page in pages:
        names = _xobjects(objects, page)
        cost = 0
        for num in _contents_of(objects, page):
            ops, dos = drawn.get(num, (0, {}))
            cost += ops
            for name, times in dos.items():
                ref = names.get(name)
                cost += times * (weights.get(ref, 0) if ref is not None else largest)
        total += cost
        scan.largest_page = max(scan.largest_page, cost)
        if cost > max_page or total > max_operators:
            limit = max_page if cost > max_page else max_operators
            raise BudgetExceeded(
                f"asks for more than {limit:,} drawing operations{' on one page' if limit == max_page < max_operators else ''}: "
                "far more than a letter or leaflet, so litcheck will not read it (export it again as PDF and try again)"
            )
    scan.operators = total
    scan.forms = weights
    return scan


class _Budget:
    def __init__(self, scan: Scan, limit: int) -> None:
        self.scan = scan
        self.limit = limit

    def add(self, n: int) -> None:
        self.scan.unpacked += n
        if self.scan.unpacked > self.limit:
            raise BudgetExceeded(
                f"unpacks to more than {_mb(self.limit)}, far more than a letter or leaflet: "
                "litcheck will not open it (export it again as PDF, without large images, and try again)"
            )

    def unpack(self, obj: _Object):
        """The stream's unpacked bytes, piece by piece, counted against the budget."""
        start, end = obj.data
        source = obj.source
        fed = [0]

        def raw():
            for i in range(start, end, _PIECE):
                fed[0] = min(i + _PIECE, end) - start
                yield source[i : min(i + _PIECE, end)]

        pieces = raw()
        for name in _filters(obj.body):
            decoder = _DECODERS.get(name)
            if decoder is None:
                break  # an image codec (DCT, JPX, JBIG2, CCITT): PDFium decodes those only to draw
            pieces = decoder(pieces)
        unpacked = 0
        for piece in pieces:
            self.add(len(piece))
            unpacked += len(piece)
            if unpacked > _BOMB_SIZE and unpacked > _BOMB_RATIO * fed[0]:
                raise BudgetExceeded(
                    f"holds a stream that unpacks to more than {_mb(unpacked)} from {max(1, fed[0] // 1024)} KB (a decompression bomb): "
                    "litcheck will not open it (export it again as PDF and try again)"
                )
            yield piece


def _filters(body: bytes) -> list[bytes]:
    m = _FILTER.search(body)
    if not m:
        return []
    return [n.group(1) for n in _NAME.finditer(m.group(1))]


def _flate(pieces):
    d = zlib.decompressobj()
    try:
        for piece in pieces:
            data = piece
            while data and not d.eof:
                out = d.decompress(data, _PIECE)
                if out:
                    yield out
                elif len(d.unconsumed_tail) >= len(data):
                    return  # no progress: damaged
                data = d.unconsumed_tail
            if d.eof:
                return
        out = d.flush()
        if out:
            yield out
    except zlib.error:
        return  # PDFium keeps what unpacked before the damage; so is it counted


def _lzw(pieces):
    """LZW as PDF writes it (early change); only the lengths of the table's strings are
    kept until a string is written, so the table costs 4096 entries at most."""
    table: list[bytes] = []
    width = 9
    prev: bytes | None = None
    bits = nbits = 0
    out = bytearray()

    def reset():
        table[:] = [bytes([i]) for i in range(256)] + [b"", b""]

    reset()
    for piece in pieces:
        for byte in piece:
            bits = (bits << 8) | byte
            nbits += 8
            while nbits >= width:
                nbits -= width
                code = (bits >> nbits) & ((1 << width) - 1)
                bits &= (1 << nbits) - 1
                if code == 256:
                    reset()
                    width, prev = 9, None
                    continue
                if code == 257:
                    if out:
                        yield bytes(out)
                    return
                if code < len(table) and code not in (256, 257):
                    entry = table[code]
                elif prev is not None and code == len(table):
                    entry = prev + prev[:1]
                else:
                    if out:
                        yield bytes(out)
                    return
                out += entry
                if prev is not None and len(table) < 4096:
                    table.append(prev + entry[:1])
                prev = entry
                if len(table) + 1 >= (1 << width) and width < 12:
                    width += 1
                if len(out) >= _PIECE:
                    yield bytes(out)
                    out.clear()
    if out:
        yield bytes(out)


def _run_length(pieces):
    out = bytearray()
    pending = b""
    for piece in pieces:
        buf = pending + piece
        i = 0
        while i < len(buf):
            n = buf[i]
            if n == 128:
                if out:
                    yield bytes(out)
                return
            if n < 128:
                if i + 1 + n + 1 > len(buf):
                    break
                out += buf[i + 1 : i + 2 + n]
                i += n + 2
            else:
                if i + 1 >= len(buf):
                    break
                out += buf[i + 1 : i + 2] * (257 - n)
                i += 2
            if len(out) >= _PIECE:
                yield bytes(out)
                out.clear()
        pending = buf[i:]
    if out:
        yield bytes(out)


def _hex(pieces):
    import binascii

    odd = b""
    for piece in pieces:
        digits = odd + re.sub(rb"[^0-9A-Fa-f]", b"", piece.split(b">", 1)[0])
        cut = len(digits) - len(digits) % 2
        odd = digits[cut:]
        if cut:
            yield binascii.unhexlify(digits[:cut])
        if b">" in piece:
            return


def _a85(pieces):
    # ASCII85 shrinks what it decodes (5 characters to 4 bytes): its output is counted as
    # the same size as its input, which is an estimate from above
    for piece in pieces:
        yield piece


_DECODERS = {
    b"FlateDecode": _flate, b"Fl": _flate,
    b"LZWDecode": _lzw, b"LZW": _lzw,
    b"RunLengthDecode": _run_length, b"RL": _run_length,
    b"ASCIIHexDecode": _hex, b"AHx": _hex,
    b"ASCII85Decode": _a85, b"A85": _a85,
}


# -- the objects --------------------------------------------------------------------------


def _objects(data: bytes, scan: Scan, max_unpacked: int, max_objects: int) -> dict[int, _Object]:
    """Every ``N G obj ... endobj`` in file order (a later one replaces an earlier: an
    incremental update), and the objects packed in object streams."""
    objects: dict[int, _Object] = {}
    packed: list[_Object] = []
    pos = 0
    count = 0
    size = len(data)
    ahead = {b"endobj": -1, b"stream": -1}  # the next of each word at or after pos (each found once)

    def next_word(word: bytes, at: int) -> int:
        if ahead[word] < at:
            found = data.find(word, at)
            ahead[word] = found if found >= 0 else size + 1
        return ahead[word]

    while True:
        i = data.find(b"obj", pos)
        if i < 0:
            break
        m = _HEADER_END.search(data, max(pos, i - 24), i)
        after = data[i + 3 : i + 4]
        if data[i - 3 : i] == b"end" or m is None or (after and (after.isalnum() or after == b"_")):
            pos = i + 3
            continue
        count += 1
        if count > max_objects:
            raise BudgetExceeded(f"holds more than {max_objects:,} objects, far more than a letter: litcheck will not read it")
        num = int(m.group(1))
        head = i + 3
        end_obj = next_word(b"endobj", head)
        stream = next_word(b"stream", head)
        while stream <= size and data[stream - 3 : stream] == b"end":
            ahead[b"stream"] = -1
            stream = next_word(b"stream", stream + 6)
        if stream > size and end_obj > size:
            objects[num] = _Object(data[head:])
            break
        if end_obj < stream:
            objects[num] = _Object(data[head:end_obj])
            pos = end_obj + 6
            continue
        body = data[head:stream]
        start = stream + 6
        if data[start : start + 2] == b"\r\n":
            start += 2
        elif data[start : start + 1] in (b"\n", b"\r"):
            start += 1
        end = -1
        length = _LENGTH.search(body)
        if length:
            guess = start + int(length.group(1))
            if guess <= size and data[guess : guess + 12].lstrip().startswith(b"endstream"):
                end = guess
        if end < 0:
            end = data.find(b"endstream", start)
            if end < 0:
                end = size
        obj = objects[num] = _Object(body, (start, end), data)
        if b"ObjStm" in body and re.search(rb"/Type\s*/ObjStm\b", body):
            packed.append(obj)
        pos = end + 9
    budget = _Budget(scan, max_unpacked)
    for stream in packed:
        inner = b"".join(budget.unpack(stream))
        first = re.search(rb"/First\s+(\d+)", stream.body)
        if not first:
            continue
        head = inner[: int(first.group(1))].split()
        offsets = [(int(head[i]), int(head[i + 1])) for i in range(0, len(head) - 1, 2) if head[i].isdigit() and head[i + 1].isdigit()]
        base = int(first.group(1))
        for i, (num, off) in enumerate(offsets):
            count += 1
            if count > max_objects:
                raise BudgetExceeded(f"holds more than {max_objects:,} objects, far more than a letter: litcheck will not read it")
            stop = base + offsets[i + 1][1] if i + 1 < len(offsets) else len(inner)
            objects.setdefault(num, _Object(inner[base + off : stop]))
    scan.objects = count
    scan.unpacked = 0  # the streams are counted again, all of them, by the caller
    return objects


_FORM = re.compile(rb"/Subtype\s*/Form\b")
_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def _is_form(body: bytes) -> bool:
    return b"/Form" in body and _FORM.search(body) is not None


def _pages(objects) -> list[int]:
    return [num for num, obj in objects.items() if b"/Page" in obj.body and _PAGE.search(obj.body)]


def _value(objects, body: bytes, key: bytes) -> bytes | None:
    """The value of ``/key`` in a dictionary: an inline ``<<...>>`` or ``[...]``, or the
    object a reference points to (followed a few steps at most)."""
    for _ in range(4):
        m = re.search(rb"/" + key + rb"(?![A-Za-z0-9])\s*", body)
        if not m:
            return None
        rest = body[m.end() :]
        if rest.startswith(b"<<") or rest.startswith(b"["):
            return _balanced(rest)
        ref = re.match(rb"(\d{1,10})\s+\d{1,5}\s+R\b", rest)
        if not ref:
            return None
        target = objects.get(int(ref.group(1)))
        if target is None:
            return None
        value = target.body.strip()
        if value.startswith(b"<<") or value.startswith(b"["):
            return _balanced(value) if target.data is None else value
        return value
    return None


_NESTING = re.compile(rb"<<|>>|\[|\]")
#: no dictionary or array of a letter comes near this; past it the rest is not looked at
#: (a name left unresolved is counted as the largest form, an estimate from above)
_LONGEST_VALUE = 1 << 20


def _balanced(text: bytes) -> bytes:
    """The ``<<...>>`` or ``[...]`` at the start of ``text``."""
    depth = 0
    for m in _NESTING.finditer(text, 0, min(len(text), _LONGEST_VALUE)):
        if m.group() in (b"<<", b"["):
            depth += 1
        else:
            depth -= 1
            if depth <= 0:
                return text[: m.end()]
    return text[:_LONGEST_VALUE]


def _content_numbers(objects, pages) -> set[int]:
    out: set[int] = set()
    for num in pages:
        out.update(_contents_of(objects, num))
    return out


def _contents_of(objects, page: int) -> list[int]:
    body = objects[page].body
    m = re.search(rb"/Contents\s*", body)
    if not m:
        return []
    rest = body[m.end() :]
    if rest.startswith(b"["):
        return [int(r.group(1)) for r in _REF.finditer(_balanced(rest))]
    ref = re.match(rb"(\d{1,10})\s+\d{1,5}\s+R\b", rest)
    if not ref:
        return []
    num = int(ref.group(1))
    target = objects.get(num)
    if target is not None and target.data is None and target.body.strip().startswith(b"["):
        return [int(r.group(1)) for r in _REF.finditer(target.body)]  # an array of streams
    return [num]


def _xobjects(objects, num: int) -> dict[bytes, int]:
    """The XObject names a page or form can draw, and the objects they name."""
    resources = _value(objects, objects[num].body, b"Resources")
    if resources is None:
        return {}
    table = _value(objects, resources, b"XObject")
    if table is None:
        return {}
    return {m.group(1): int(m.group(2)) for m in _NAME_REF.finditer(table)}


def _form_weights(objects, pages, forms: set[int], drawn, max_operators: int) -> dict[int, int]:
    """Operators a form draws, the forms it draws included, each counted as many times as
    it is drawn (an iterative walk: no recursion for a deep chain; a cycle counts once)."""
    weights: dict[int, int] = {}
    # a form without resources of its own draws with those of the page that draws it
    inherited: dict = {}
    for page in pages:
        inherited.update(_xobjects(objects, page))
    names = {f: _xobjects(objects, f) or inherited for f in forms}
    for root in forms:
        if root in weights:
            continue
        stack = [(root, False)]
        on_path: set[int] = set()
        while stack:
            num, done = stack.pop()
            if done:
                on_path.discard(num)
                ops, dos = drawn.get(num, (0, {}))
                total = ops
                for name, times in dos.items():
                    ref = names[num].get(name)
                    if ref in on_path or ref == num:
                        # PDFium follows a loop of forms to its nesting limit: a form drawn
                        # twice per turn of the loop is 2**limit drawings
                        raise BudgetExceeded(
                            "has a drawing (form XObject) that draws itself, a loop: litcheck will not read it "
                            "(export it again as PDF and try again)"
                        )
                    if ref in forms:
                        total += times * weights.get(ref, 0)
                weights[num] = min(total, max_operators + 1)
                continue
            if num in weights or num in on_path:
                continue
            on_path.add(num)
            stack.append((num, True))
            for name in drawn.get(num, (0, {}))[1]:
                ref = names[num].get(name)
                if ref in forms and ref not in weights and ref not in on_path:
                    stack.append((ref, False))
    return weights
