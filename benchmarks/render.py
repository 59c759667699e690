"""Deterministic page renderer: Swedish text → page images, scanned PDFs and text-layer PDFs.

Used by the ingest tests (a one-page scan in a fixture), by the repair evaluation (clean text →
degraded scan → Tesseract → compare with the clean text) and by `make bench` (scans and text
PDFs generated from the sample archive). Same text, profile and seed give the same pixels.

Layout: A4, DejaVu Sans (or Serif) 11 pt, 25/20 mm margins, words wrapped at the right margin,
a form feed (``\\f``) starts a new page, tabs jump to tab stops every 30 mm (so a tab-separated
voting list stays in columns). `write_text_pdf` draws runs of tab-separated lines as ruled
tables, the way a publishing system exports a voting list, so pdfplumber finds a real table.

Profiles (what a clerk's scanner produces):
- ``clean``: the rendered page, nothing else.
- ``mild``: an office scan: slightly grey paper, faint noise, a small skew, a touch of blur.
- ``heavy``: a fax or a photocopy of a copy: detail of 150 dpi scaled back up, more blur,
  noise and specks, a larger skew and JPEG artefacts.
"""
from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"sans": "DejaVuSans.ttf", "serif": "DejaVuSerif.ttf"}
PROFILES = ("clean", "mild", "heavy")

A4_MM = (210.0, 297.0)
MARGIN_MM = {"left": 25.0, "right": 20.0, "top": 20.0, "bottom": 20.0}
FONT_PT = 11.0
LINE_SPACING = 1.35          # line height as a multiple of the font size
TAB_STOP_MM = 30.0


@dataclass(frozen=True)
class _Layout:
    """Page geometry in one unit (pixels for images, points for the text PDF)."""
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    line_height: float
    tab: float

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def lines_per_page(self) -> int:
        return max(1, int((self.height - self.top - self.bottom) // self.line_height))


def _layout(units_per_inch: float) -> _Layout:
    mm = units_per_inch / 25.4
    size = FONT_PT / 72.0 * units_per_inch
    return _Layout(width=round(A4_MM[0] * mm), height=round(A4_MM[1] * mm),
                   left=MARGIN_MM["left"] * mm, right=MARGIN_MM["right"] * mm,
                   top=MARGIN_MM["top"] * mm, bottom=MARGIN_MM["bottom"] * mm,
                   line_height=size * LINE_SPACING, tab=TAB_STOP_MM * mm)


def _wrap(line: str, width: float, measure) -> list[str]:
    """Greedy word wrap of one logical line; tabs are kept (they are measured as a tab stop)."""
    if measure(line) <= width:
        return [line]
    out: list[str] = []
    current = ""
    for word in line.split(" "):
        candidate = f"{current} {word}" if current else word
        if measure(candidate) <= width:
            current = candidate
            continue
        if current:
            out.append(current)
        # A single word wider than the line (a long URL): break it by characters.
        while measure(word) > width and len(word) > 1:
            cut = len(word)
            while cut > 1 and measure(word[:cut]) > width:
                cut -= 1
            out.append(word[:cut])
            word = word[cut:]
        current = word
    out.append(current)
    return out


def _paginate(text: str, layout: _Layout, measure) -> list[list[str]]:
    """Split text into pages of wrapped lines: `\\f` forces a page, overflow makes one."""
    pages: list[list[str]] = []
    for chunk in text.replace("\r\n", "\n").split("\f"):
        lines: list[str] = []
        for logical in chunk.split("\n"):
            logical = logical.rstrip(" \r")  # keep trailing tabs: they are empty cells
            # Table rows (tab-separated) are never wrapped: the table is squeezed to fit.
            lines.extend([logical] if "\t" in logical else
                         _wrap(logical, layout.text_width, measure))
        per_page = layout.lines_per_page
        chunk_pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[]]
        pages.extend(chunk_pages)
    return pages


def _tab_measure(font_length, tab: float):
    """A measure function that knows tab stops, so wrapping and drawing agree."""
    def measure(line: str) -> float:
        x = 0.0
        for i, piece in enumerate(line.split("\t")):
            if i:
                x = (int(x // tab) + 1) * tab
            x += font_length(piece)
        return x
    return measure


@lru_cache(maxsize=8)
def _font(name: str, pixel_size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / FONTS[name]), pixel_size)


def _draw_page(lines: list[str], layout: _Layout, font: ImageFont.FreeTypeFont,
               ruled_tables: bool) -> Image.Image:
    image = Image.new("L", (int(layout.width), int(layout.height)), 255)
    draw = ImageDraw.Draw(image)
    y = layout.top
    stroke = max(1, round(layout.line_height / 40))
    for kind, rows in _blocks(lines):
        if kind == "table" and ruled_tables:
            cells, xs, factor = _columns(rows, font.getlength, layout.left, layout.text_width,
                                         pad=layout.line_height * 0.2)
            cell_font = font if factor >= 1.0 else font.font_variant(
                size=max(6, int(font.size * factor)))
            top = y
            draw.line([(xs[0], y), (xs[-1], y)], fill=0, width=stroke)
            for row in cells:
                for c, value in enumerate(row):
                    if value:
                        draw.text((xs[c] + layout.line_height * 0.2 * factor,
                                   y + layout.line_height * 0.1), value, font=cell_font, fill=0)
                y += layout.line_height
                draw.line([(xs[0], y), (xs[-1], y)], fill=0, width=stroke)
            for x in xs:
                draw.line([(x, top), (x, y)], fill=0, width=stroke)
            continue
        for line in rows:
            x = layout.left
            for i, piece in enumerate(line.split("\t")):
                if i:
                    x = layout.left + (int((x - layout.left) // layout.tab) + 1) * layout.tab
                if piece:
                    draw.text((x, y), piece, font=font, fill=0)
                x += font.getlength(piece)
            y += layout.line_height
    return image


def _seed(profile: str, page_index: int, seed: int) -> int:
    return zlib.crc32(f"{profile}:{page_index}:{seed}".encode())


def _degrade(image: Image.Image, profile: str, dpi: int, rng_seed: int) -> Image.Image:
    """Make a clean page look scanned. numpy is fine here: this is test/bench tooling."""
    import numpy as np

    if profile == "clean":
        return image
    rng = np.random.default_rng(rng_seed)
    scale = dpi / 300.0
    if profile == "mild":
        angle, blur, sigma, paper, specks, jpeg = rng.uniform(-0.5, 0.5), 0.45, 4.0, 246, 0, None
    elif profile == "heavy":
        angle, blur, sigma, paper, specks, jpeg = rng.uniform(-1.2, 1.2), 0.9, 22.0, 236, 1200, 30
        # Detail of a 150-dpi fax, scaled back to the requested size.
        small = image.resize((image.width * 150 // dpi, image.height * 150 // dpi),
                             Image.Resampling.BOX)
        image = small.resize(image.size, Image.Resampling.BILINEAR)
    else:
        raise ValueError(f"unknown profile {profile!r}; choose one of {', '.join(PROFILES)}")
    image = image.rotate(float(angle), resample=Image.Resampling.BICUBIC, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(blur * scale))
    pixels = np.asarray(image, dtype=np.float32)
    # Paper is never quite white: map 255 → paper tone, keep ink dark.
    pixels = pixels * (paper / 255.0)
    pixels += rng.normal(0.0, sigma, pixels.shape).astype(np.float32)
    if specks:
        ys = rng.integers(0, pixels.shape[0], int(specks * scale * scale))
        xs = rng.integers(0, pixels.shape[1], ys.shape[0])
        pixels[ys, xs] = rng.uniform(0, 90, ys.shape[0])
    if profile == "heavy":
        # A photocopy of a copy: toner is either there or not, so the noisy grey edges are
        # thresholded into ragged strokes (broken thin letters, filled-in counters).
        # Toner is uneven: a smooth random field moves the threshold, fading some patches.
        field = rng.normal(0.0, 1.0, (24, 17)).astype(np.float32)
        field_image = Image.fromarray(field, mode="F").resize(image.size,
                                                              Image.Resampling.BICUBIC)
        threshold = 128.0 + 30.0 * np.asarray(field_image, dtype=np.float32)
        pixels = np.where(pixels < threshold, 45.0, paper) + rng.normal(0.0, 6.0, pixels.shape)
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    if jpeg:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=jpeg)
        buffer.seek(0)
        image = Image.open(buffer)
        image.load()
    return image


def render_pages(text: str, *, dpi: int = 300, profile: str = "clean", font: str = "sans",
                 seed: int = 0, ruled_tables: bool = True) -> list[Image.Image]:
    """Lay out `text` on A4 pages and return grayscale ("L") page images at `dpi`.

    Deterministic: the same arguments give the same pixels (noise is seeded per page).
    Runs of tab-separated lines are drawn as a ruled table when `ruled_tables` is true.
    """
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}; choose one of {', '.join(PROFILES)}")
    layout = _layout(dpi)
    face = _font(font, round(FONT_PT / 72.0 * dpi))
    measure = _tab_measure(face.getlength, layout.tab)
    images = []
    for index, lines in enumerate(_paginate(text, layout, measure)):
        page = _draw_page(lines, layout, face, ruled_tables)
        page = _degrade(page, profile, dpi, _seed(profile, index, seed))
        page.info["dpi"] = (dpi, dpi)
        images.append(page)
    return images


def write_scanned_pdf(text: str, path: str | Path, *, profile: str = "mild", dpi: int = 300,
                      font: str = "sans", seed: int = 0, jpeg_quality: int = 75) -> Path:
    """Write a PDF whose pages are only images (no text layer), one image per page at `dpi`.

    Pillow embeds each grayscale page as one JPEG (DCTDecode) image stream at its own size,
    the way scanners and multifunction printers do.
    """
    path = Path(path)
    images = render_pages(text, dpi=dpi, profile=profile, font=font, seed=seed)
    images[0].save(path, "PDF", resolution=float(dpi), save_all=True,
                   append_images=images[1:], quality=jpeg_quality)
    return path


def write_scanned_tiff(text: str, path: str | Path, *, profile: str = "mild", dpi: int = 300,
                       font: str = "sans", seed: int = 0) -> Path:
    """Write a (multi-page) TIFF of the rendered pages, LZW-compressed, with its dpi."""
    path = Path(path)
    images = render_pages(text, dpi=dpi, profile=profile, font=font, seed=seed)
    images[0].save(path, "TIFF", save_all=True, append_images=images[1:],
                   compression="tiff_lzw", dpi=(dpi, dpi))
    return path


# --- text-layer PDF (reportlab) -------------------------------------------------------------

def _register_pdf_font(font: str) -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = {"sans": "DejaVuSans", "serif": "DejaVuSerif"}[font]
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / FONTS[font])))
    return name


def _blocks(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Group a page's lines into ("text", [line]) and ("table", [rows…]) blocks.

    Two or more consecutive lines holding a tab are a table (a flattened voting list).
    """
    blocks: list[tuple[str, list[str]]] = []
    for line in lines:
        kind = "table" if "\t" in line else "text"
        if blocks and blocks[-1][0] == kind == "table":
            blocks[-1][1].append(line)
        else:
            blocks.append((kind, [line]))
    return [(k, rows) if k == "text" or len(rows) > 1 else ("text", rows) for k, rows in blocks]


def _columns(rows: list[str], length, x0: float, width: float, pad: float
             ) -> tuple[list[list[str]], list[float], float]:
    """Cells of tab-separated rows, the x of every column edge and the font scale (≤ 1).

    A table wider than the text block is drawn in a smaller font, as word processors do,
    so that no cell overflows into its neighbour.
    """
    cells = [row.split("\t") for row in rows]
    ncols = max(len(r) for r in cells)
    cells = [r + [""] * (ncols - len(r)) for r in cells]
    natural = [max(max(length(r[c]) for r in cells) + 2 * pad, 4 * pad) for c in range(ncols)]
    factor = min(1.0, width / sum(natural))
    xs = [x0]
    for w in natural:
        xs.append(xs[-1] + w * factor)
    return cells, xs, factor


def _draw_table(canvas, rows: list[str], x0: float, y_top: float, width: float, row_h: float,
                font: str, size: float) -> float:
    """Draw tab-separated rows as a ruled grid on a reportlab canvas; returns the y below it."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pad = 3.0
    cells, xs, factor = _columns(rows, lambda s: stringWidth(s, font, size), x0, width, pad)
    canvas.setFont(font, size * factor)
    y = y_top
    canvas.setLineWidth(0.5)
    canvas.line(xs[0], y, xs[-1], y)
    for row in cells:
        for c, value in enumerate(row):
            if value:
                canvas.drawString(xs[c] + pad * factor, y - row_h + size * 0.35, value)
        y -= row_h
        canvas.line(xs[0], y, xs[-1], y)
    for x in xs:
        canvas.line(x, y_top, x, y)
    canvas.setFont(font, size)
    return y


def write_text_pdf(text: str, path: str | Path, *, font: str = "sans",
                   ruled_tables: bool = True) -> Path:
    """Write an A4 PDF with a real text layer (DejaVu embedded, so å ä ö § – ✓ survive).

    Runs of tab-separated lines become ruled tables when `ruled_tables` is true.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    path = Path(path)
    name = _register_pdf_font(font)
    layout = _layout(72.0)
    measure = _tab_measure(lambda s: stringWidth(s, name, FONT_PT), layout.tab)
    canvas = Canvas(str(path), pagesize=A4, invariant=1)  # invariant: byte-identical output
    canvas.setTitle(path.stem)
    for lines in _paginate(text, layout, measure):
        canvas.setFont(name, FONT_PT)
        y = A4[1] - layout.top
        for kind, rows in _blocks(lines):
            if kind == "table" and ruled_tables:
                y = _draw_table(canvas, rows, layout.left, y, layout.text_width,
                                layout.line_height, name, FONT_PT)
                continue
            for row in rows:
                x = layout.left
                for i, piece in enumerate(row.split("\t")):
                    if i:
                        x = layout.left + (int((x - layout.left) // layout.tab) + 1) * layout.tab
                    if piece:
                        canvas.drawString(x, y - FONT_PT, piece)
                    x += stringWidth(piece, name, FONT_PT)
                y -= layout.line_height
        canvas.showPage()
    canvas.save()
    return path
