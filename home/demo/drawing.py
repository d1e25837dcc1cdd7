"""Pictures and documents for the demo, drawn locally with Pillow: no download, no network."""

import colorsys
import hashlib
import io

from PIL import Image, ImageDraw, ImageFont

PORTRAIT_SIZE = (1600, 1200)
A4_AT_72_DPI = (595, 842)


def _palette(seed):
    """Two harmonious colours derived from a name, so each portrait differs but is stable."""
    hue = int(hashlib.sha256(seed.encode()).hexdigest()[:4], 16) / 0xFFFF
    background = colorsys.hls_to_rgb(hue, 0.45, 0.55)
    figure = colorsys.hls_to_rgb((hue + 0.5) % 1, 0.85, 0.35)
    return tuple(round(c * 255) for c in background), tuple(round(c * 255) for c in figure)


def initials(name):
    return "".join(part[0] for part in name.split()[:2]).upper()


def portrait(name):
    """A JPEG portrait placeholder: a silhouette and the hero's initials on a colour field.

    Returns (bytes, focal point box (x, y, width, height) around the face).
    """
    width = PORTRAIT_SIZE[0]
    background, figure = _palette(name)
    image = Image.new("RGB", PORTRAIT_SIZE, background)
    draw = ImageDraw.Draw(image)
    head = (width // 2 - 170, 250, width // 2 + 170, 590)
    draw.ellipse(head, fill=figure)
    draw.ellipse((width // 2 - 420, 640, width // 2 + 420, 1500), fill=figure)
    font = ImageFont.load_default(size=150)
    draw.text((width // 2, 420), initials(name), fill=background, font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    focal = (head[0], head[1], head[2] - head[0], head[3] - head[1])
    return buffer.getvalue(), focal


def banner(text):
    """A wide JPEG banner for the home page."""
    image = Image.new("RGB", (2400, 1000), (0, 51, 160))
    draw = ImageDraw.Draw(image)
    for index, x in enumerate(range(-200, 2600, 260)):
        colour = _palette(f"{text}{index}")[0]
        draw.ellipse((x, 520 + (index % 3) * 60, x + 420, 940 + (index % 3) * 60), fill=colour)
    draw.text((1200, 330), text, fill="white", font=ImageFont.load_default(size=170), anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def one_page_pdf(lines):
    """An A4 PDF with a heading and a few lines, for the campaign material."""
    page = Image.new("RGB", A4_AT_72_DPI, "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 0, A4_AT_72_DPI[0], 120), fill=(0, 51, 160))
    draw.text((40, 60), lines[0], fill="white", font=ImageFont.load_default(size=34), anchor="lm")
    body_font = ImageFont.load_default(size=18)
    for index, line in enumerate(lines[1:]):
        draw.text((40, 180 + index * 44), line, fill=(20, 20, 20), font=body_font)
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", resolution=72)
    return buffer.getvalue()
