"""Image files (PNG, JPEG, TIFF incl. multi-page, GIF, WEBP, BMP): frames → grey page images.

Pixel counts are checked against our own limit from the header, before any pixel is decoded,
so a 100 000 × 100 000 "decompression bomb" costs nothing. Pillow's own bomb check is kept as
a second line (its `DecompressionBombError` is converted, its warning silenced locally).
"""
from __future__ import annotations

import io
import struct
import warnings
import zlib
from collections.abc import Iterator

from PIL import Image, UnidentifiedImageError

from corpus.errors import InputFileError

# A 600-dpi A3 page is 70 Mpx; anything above this is not a scanned page.
MAX_IMAGE_PIXELS = 100_000_000
MAX_FRAMES = 5000
PIL_FORMATS = ("PNG", "JPEG", "TIFF", "GIF", "WEBP", "BMP")
# What Pillow raises on damaged image data (it uses SyntaxError for some broken headers).
IMAGE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error, zlib.error,
                IndexError, KeyError, TypeError, MemoryError, Image.DecompressionBombError)


def _open(data: bytes, name: str) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=PIL_FORMATS)
    except Image.DecompressionBombError:
        raise InputFileError(name, "the image has an absurd pixel count "
                                   "(a decompression bomb); refused") from None
    except UnidentifiedImageError:
        raise InputFileError(name, "the image cannot be read (damaged or unsupported)") from None
    except IMAGE_ERRORS as e:
        raise InputFileError(name, f"the image is damaged ({_short(e)})") from None
    _check_pixels(image, name)
    return image


def _check_pixels(image: Image.Image, name: str) -> None:
    width, height = image.size
    if width <= 0 or height <= 0:
        raise InputFileError(name, "the image has no pixels")
    if width * height > MAX_IMAGE_PIXELS:
        raise InputFileError(name, f"the image is {width}×{height} pixels, over the limit of "
                                   f"{MAX_IMAGE_PIXELS // 1_000_000} million (a decompression "
                                   "bomb or not a page scan); refused")


def _short(error: BaseException) -> str:
    text = str(error).splitlines()[0][:120] if str(error) else type(error).__name__
    return text


def image_page_count(data: bytes, name: str) -> int:
    image = _open(data, name)
    try:
        frames = getattr(image, "n_frames", 1)
    except IMAGE_ERRORS as e:
        raise InputFileError(name, f"the image is damaged ({_short(e)})") from None
    if frames > MAX_FRAMES:
        raise InputFileError(name, f"the image has {frames} frames, over the limit of {MAX_FRAMES}")
    return frames


def dpi_of(image: Image.Image) -> int | None:
    """The resolution the file states, if it is plausible for a scan (else Tesseract guesses)."""
    dpi = image.info.get("dpi")
    try:
        value = round(float(dpi[0])) if dpi else 0
    except (TypeError, ValueError, IndexError):
        return None
    return value if 70 <= value <= 1200 else None


# Files Tesseract (Leptonica) decodes itself exactly as the bare `tesseract FILE` command does:
# no decoding in Python, no re-encoding, the file's own dpi.
PASSTHROUGH_FORMATS = ("PNG", "JPEG", "TIFF")
PASSTHROUGH_MODES = ("1", "L", "RGB")
EXIF_ORIENTATION = 0x0112


def page_images(data: bytes, name: str, first: int, last: int
                ) -> Iterator[tuple[int, Image.Image | bytes, int | None]]:
    """Yield (page number, image to OCR, dpi or None) for frames first..last (1-based).

    The image is the file's own bytes when Tesseract can read them unchanged (a single-page
    PNG, JPEG or TIFF in grey, 1-bit or RGB, upright), else grey pixels.
    """
    image = _open(data, name)
    if _passthrough(image) and first == last == 1:
        yield 1, data, None
        return
    for number in range(first, last + 1):
        try:
            image.seek(number - 1)
            _check_pixels(image, name)
            dpi = dpi_of(image)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                grey = _upright(to_grey(image), image)
        except InputFileError:
            raise
        except IMAGE_ERRORS as e:
            raise InputFileError(name, f"page {number} of the image is damaged "
                                       f"({_short(e)})") from None
        yield number, grey, dpi


def _passthrough(image: Image.Image) -> bool:
    try:
        return (image.format in PASSTHROUGH_FORMATS and image.mode in PASSTHROUGH_MODES
                and getattr(image, "n_frames", 1) == 1
                and image.getexif().get(EXIF_ORIENTATION, 1) == 1
                and "transparency" not in image.info)
    except IMAGE_ERRORS:
        return False    # let the pixel path report the damage


def _upright(grey: Image.Image, original: Image.Image) -> Image.Image:
    """Apply an EXIF orientation (a phone photo of a page) that Leptonica would ignore."""
    from PIL import ImageOps

    try:
        orientation = original.getexif().get(EXIF_ORIENTATION, 1)
    except IMAGE_ERRORS:
        return grey
    if orientation == 1:
        return grey
    grey.getexif()[EXIF_ORIENTATION] = orientation
    return ImageOps.exif_transpose(grey)


def to_grey(image: Image.Image) -> Image.Image:
    """8-bit grey, whatever the mode (1-bit fax, palette, RGBA, 16-bit grey)."""
    if image.mode == "L":
        image.load()
        return image
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        # 16-bit grey: scale to 8 bits rather than clipping everything above 255 to white.
        return image.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        # Transparent areas are paper: composite on white before dropping alpha.
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("L")
    return image.convert("L")
