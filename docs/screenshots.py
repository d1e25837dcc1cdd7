"""Take the README's screenshots of a running demo with headless Chromium.

    make run                                   # in one terminal (or any running site)
    .venv/bin/python docs/screenshots.py       # in another: writes docs/screenshots/*.png

Home, a story, the calendar and the map, in English and Arabic, on a desktop (1280 px) and a
phone (390 px): 16 PNGs of the top of each page, kept small (palette PNG, under ~150 KB).
Uses Debian's Chromium (`apt-get install chromium`, or `--chromium PATH`) through Playwright,
the same browser as tests/browser/.
"""

import argparse
import io
import os
import re
import sys
from pathlib import Path
from urllib.request import urlopen

from PIL import Image
from playwright.sync_api import sync_playwright

OUTPUT = Path(__file__).resolve().parent / "screenshots"
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}
LANGUAGES = ("en", "ar")
MAX_BYTES = 150_000


def story_path(base_url, language):
    """The first story linked from the language's story index."""
    with urlopen(f"{base_url}/{language}/stories/") as response:  # noqa: S310 (our own site)
        html = response.read().decode()
    match = re.search(rf'class="card__title"><a href="(/{language}/missions/[^"]+)"', html)
    if match is None:
        sys.exit(f"No story found at {base_url}/{language}/stories/: is the demo loaded?")
    return match.group(1)


def pages(base_url, language):
    return {
        "home": f"/{language}/",
        "story": story_path(base_url, language),
        "calendar": f"/{language}/calendar/",
        "map": f"/{language}/map/",
    }


def save_small(png, path):
    """The screenshot as a palette PNG (and narrower if still too big)."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    while True:
        buffer = io.BytesIO()
        image.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(
            buffer, "PNG", optimize=True
        )
        if buffer.tell() <= MAX_BYTES or image.width < 400:
            break
        image = image.resize((image.width * 4 // 5, image.height * 4 // 5), Image.LANCZOS)
    path.write_bytes(buffer.getvalue())
    return buffer.tell()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default=os.environ.get("BASE_URL", "http://127.0.0.1:8000"))
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args()
    base_url = args.base_url.rstrip("/")
    OUTPUT.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=args.chromium, args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        for language in LANGUAGES:
            for name, path in pages(base_url, language).items():
                for size, (width, height) in SIZES.items():
                    page = browser.new_page(viewport={"width": width, "height": height})
                    page.goto(base_url + path, wait_until="networkidle")
                    target = OUTPUT / f"{name}-{language}-{size}.png"
                    kilobytes = save_small(page.screenshot(), target) // 1000
                    print(f"{target.relative_to(OUTPUT.parent.parent)}  {kilobytes} KB")
                    page.close()
        browser.close()


if __name__ == "__main__":
    main()
