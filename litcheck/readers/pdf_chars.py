"""The characters on a PDF page, fast: a small pdfminer device that records only what the
PDF reader needs (text, box, size, font), instead of pdfplumber's full object for each
character. It also notes whether the page draws lines or rectangles (a table may be
there: the reader then asks pdfplumber) and whether it shows images (a scanned page).
"""

from __future__ import annotations

from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.utils import apply_matrix_pt


class CharDevice(PDFTextDevice):
    def __init__(self, rsrcmgr, height: float) -> None:
        super().__init__(rsrcmgr)
        self.height = height
        self.chars: list[dict] = []
        self.paths = 0  # lines, rectangles and curves drawn
        self.images = False

    def paint_path(self, gstate, stroke, fill, evenodd, path) -> None:
        self.paths += 1

    def render_image(self, name, stream) -> None:
        self.images = True

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = ""
        adv = font.char_width(cid) * fontsize * scaling
        if font.is_vertical():  # rare in letters: keep the text, roughly placed
            descent, lower, upper = 0, (0, 0), (fontsize, -adv)
        else:
            descent = font.get_descent() * fontsize
            lower, upper = (0, descent + rise), (adv, descent + rise + fontsize)
        x0, y0 = apply_matrix_pt(matrix, lower)
        x1, y1 = apply_matrix_pt(matrix, upper)
        if x1 < x0:
            x0, x1 = x1, x0
        if y1 < y0:
            y0, y1 = y1, y0
        a, b, c, d, _, _ = matrix
        if text and not text.isspace():
            top = self.height - y1
            self.chars.append(
                {
                    "text": text,
                    "x0": x0,
                    "x1": x1,
                    "top": top,
                    "bottom": self.height - y0,
                    "doctop": top,
                    "upright": a * d * scaling > 0 and b * c <= 0,
                    "size": y1 - y0,
                    "fontname": font.fontname,
                    "width": x1 - x0,
                    "height": y1 - y0,
                    "y0": y0,
                    "y1": y1,
                }
            )
        return adv


def page_chars(pdf, page) -> CharDevice:
    """Run one pdfplumber page's content through the fast device."""
    device = CharDevice(pdf.rsrcmgr, page.height)
    PDFPageInterpreter(pdf.rsrcmgr, device).process_page(page.page_obj)
    return device
