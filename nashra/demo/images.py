"""Locally generated demo pictures, so the demo site needs no download.

Each image key starts with a "kind" (``world-``, ``economy-``, ``sport-`` …) that picks
a composition; the rest of the key seeds it, so the same key always gives the same
bytes and a fresh checkout renders the same demo.
"""

import hashlib
import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

from nashra.demo.content import ARTICLES

# Soft shapes are drawn and blurred at a quarter of the final size: blurring the
# full 1600x900 canvas alone would cost more than the whole ~100 ms budget.
_SOFT_SCALE = 4

# Muted newsroom palettes per kind: (sky top, sky bottom, accent, ink).
_PALETTES = {
    "world": [("#16324f", "#4f7ca8", "#e8c170", "#0b1a2b")],
    "local": [("#f3b27a", "#f7e1c0", "#c4553b", "#2b2a33")],
    "economy": [("#0f2a2e", "#2d6a6a", "#7fd1b9", "#e9f5f2")],
    "sport": [("#1f5e2b", "#3d8b3d", "#f4f1e6", "#163f1e")],
    "tech": [("#1b1035", "#3b2f7a", "#5ee0ff", "#c3b8ff")],
    "culture": [("#5b1f3a", "#c0765a", "#f2d49b", "#2a0f1d")],
    "health": [("#d9eef0", "#8cc7c9", "#2f8f9d", "#ffffff")],
}
_DEFAULT_KIND = "culture"


def _rng(key: str) -> random.Random:
    seed = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big")
    # Decorative randomness only; reproducibility matters here, not secrecy.
    return random.Random(seed)  # noqa: S311


def _hex(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def _shift(colour: tuple[int, int, int], rng: random.Random, spread=18):
    return tuple(max(0, min(255, c + rng.randint(-spread, spread))) for c in colour)


def _gradient(size, top, bottom) -> Image.Image:
    width, height = size
    column = Image.new("RGB", (1, 256))
    column.putdata(
        [
            tuple(t + (b - t) * y // 255 for t, b in zip(top, bottom, strict=True))
            for y in range(256)
        ]
    )
    return column.resize((width, height), Image.Resampling.BILINEAR)


def _soft_layer(base, rng, accent, count) -> Image.Image:
    """Blurred translucent blobs, drawn small and scaled up for speed."""
    width, height = base.size
    small = base.resize((width // _SOFT_SCALE, height // _SOFT_SCALE))
    draw = ImageDraw.Draw(small, "RGBA")
    sw, sh = small.size
    for _ in range(count):
        radius = rng.randint(sh // 6, sh // 2)
        x, y = rng.randint(0, sw), rng.randint(0, sh)
        alpha = rng.randint(40, 110)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), (*accent, alpha))
    small = small.filter(ImageFilter.GaussianBlur(sh // 12))
    return small.resize((width, height), Image.Resampling.BILINEAR)


def _draw_world(draw, size, rng, accent, ink):
    width, height = size
    cx, cy = width * rng.uniform(0.55, 0.75), height * rng.uniform(0.45, 0.6)
    radius = height * rng.uniform(0.28, 0.36)
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), (*ink, 150))
    line = (*accent, 170)
    for step in range(1, 6):
        half = radius * abs(math.cos(step * math.pi / 6))
        draw.ellipse((cx - half, cy - radius, cx + half, cy + radius), outline=line)
        y = cy - radius + step * radius / 3
        chord = math.sqrt(max(radius**2 - (y - cy) ** 2, 0))
        draw.line((cx - chord, y, cx + chord, y), fill=line, width=2)
    for _ in range(rng.randint(3, 6)):
        x0, y0 = rng.uniform(0, width * 0.4), rng.uniform(0, height)
        draw.line((x0, y0, cx, cy), fill=(*accent, 60), width=3)


def _draw_skyline(draw, size, rng, accent, ink):
    width, height = size
    for layer, alpha in ((0.55, 120), (0.7, 255)):
        x = 0
        while x < width:
            w = rng.randint(width // 30, width // 10)
            top = height * rng.uniform(layer - 0.25, layer)
            draw.rectangle((x, top, x + w, height), (*ink, alpha))
            if rng.random() < 0.25:
                draw.polygon(
                    ((x, top), (x + w / 2, top - w / 2), (x + w, top)), (*ink, alpha)
                )
            x += w + rng.randint(0, width // 80)
    sun = height * rng.uniform(0.08, 0.14)
    sx, sy = width * rng.uniform(0.1, 0.9), height * rng.uniform(0.15, 0.35)
    draw.ellipse((sx - sun, sy - sun, sx + sun, sy + sun), (*accent, 200))


def _draw_chart(draw, size, rng, accent, ink):
    width, height = size
    for i in range(1, 6):
        y = height * i / 6
        draw.line((0, y, width, y), fill=(*ink, 40), width=1)
    bars = rng.randint(10, 18)
    slot = width / bars
    value = rng.uniform(0.3, 0.6)
    points = []
    for i in range(bars):
        value = min(0.9, max(0.1, value + rng.uniform(-0.12, 0.14)))
        top = height * (1 - value)
        draw.rectangle(
            (i * slot + slot * 0.2, top, i * slot + slot * 0.8, height), (*ink, 70)
        )
        points.append((i * slot + slot / 2, top - height * 0.05))
    draw.line(points, fill=(*accent, 255), width=6, joint="curve")


def _draw_pitch(draw, size, rng, accent, ink):
    width, height = size
    stripes = rng.randint(8, 12)
    for i in range(0, stripes, 2):
        draw.rectangle(
            (i * width / stripes, 0, (i + 1) * width / stripes, height), (*ink, 60)
        )
    line, pad = (*accent, 220), height * 0.08
    draw.rectangle((pad, pad, width - pad, height - pad), outline=line, width=5)
    draw.line((width / 2, pad, width / 2, height - pad), fill=line, width=5)
    r = height * 0.15
    draw.ellipse(
        (width / 2 - r, height / 2 - r, width / 2 + r, height / 2 + r),
        outline=line,
        width=5,
    )
    box_h, box_w = height * 0.45, width * 0.12
    for x0, x1 in ((pad, pad + box_w), (width - pad - box_w, width - pad)):
        draw.rectangle(
            (x0, (height - box_h) / 2, x1, (height + box_h) / 2), outline=line, width=5
        )


def _draw_circuit(draw, size, rng, accent, ink):
    width, height = size
    grid = height // rng.randint(8, 12)
    for _ in range(rng.randint(25, 40)):
        x = rng.randrange(0, width, grid)
        y = rng.randrange(0, height, grid)
        points = [(x, y)]
        for _ in range(rng.randint(2, 5)):
            if rng.random() < 0.5:
                x += rng.choice((-1, 1)) * grid * rng.randint(1, 4)
            else:
                y += rng.choice((-1, 1)) * grid * rng.randint(1, 3)
            points.append((x, y))
        colour = (*(accent if rng.random() < 0.5 else ink), rng.randint(90, 200))
        draw.line(points, fill=colour, width=3)
        end_x, end_y = points[-1]
        draw.ellipse((end_x - 7, end_y - 7, end_x + 7, end_y + 7), colour)


def _draw_arches(draw, size, rng, accent, ink):
    width, height = size
    count = rng.randint(4, 7)
    slot = width / count
    for i in range(count):
        x0, x1 = i * slot + slot * 0.15, (i + 1) * slot - slot * 0.15
        top = height * rng.uniform(0.3, 0.5)
        span = x1 - x0
        cx, cy, r = (x0 + x1) / 2, top + span / 2, span / 2
        # One polygon, not a rectangle plus a pie slice: translucent overlaps
        # would leave a visible seam where the two shapes meet.
        crown = [
            (cx - r * math.cos(math.pi * s / 24), cy - r * math.sin(math.pi * s / 24))
            for s in range(25)
        ]
        draw.polygon([*crown, (x1, height), (x0, height)], (*ink, 140))
        draw.arc((x0 - 8, top - 8, x1 + 8, top + span + 8), 180, 360, (*accent, 200), 4)


def _draw_waves(draw, size, rng, accent, ink):
    width, height = size
    for band in range(rng.randint(3, 5)):
        base = height * (0.45 + band * 0.12)
        amp, phase = height * rng.uniform(0.03, 0.07), rng.uniform(0, math.tau)
        freq = rng.uniform(1.5, 3.5) * math.tau / width
        points = [
            (x, base + amp * math.sin(freq * x + phase))
            for x in range(0, width + 40, 40)
        ]
        colour = (*(accent if band % 2 else ink), 90 + band * 30)
        draw.polygon([*points, (width, height), (0, height)], colour)


_COMPOSERS = {
    "world": _draw_world,
    "local": _draw_skyline,
    "economy": _draw_chart,
    "sport": _draw_pitch,
    "tech": _draw_circuit,
    "culture": _draw_arches,
    "health": _draw_waves,
}


def image_kind(key: str) -> str:
    """The composition family named by the key's prefix ("sport-final" → "sport")."""
    kind = key.split("-", 1)[0]
    return kind if kind in _COMPOSERS else _DEFAULT_KIND


def render_image(key: str, width: int = 1600, height: int = 900) -> bytes:
    """A deterministic abstract JPEG for ``key`` at ``width`` x ``height`` pixels."""
    if not key:
        raise ValueError("image key must not be empty")
    if width < _SOFT_SCALE * 4 or height < _SOFT_SCALE * 4:
        raise ValueError("image is too small to compose")
    rng = _rng(key)
    kind = image_kind(key)
    top, bottom, accent, ink = (_hex(c) for c in rng.choice(_PALETTES[kind]))
    top, bottom = _shift(top, rng), _shift(bottom, rng)
    canvas = _soft_layer(_gradient((width, height), top, bottom), rng, accent, 5)
    draw = ImageDraw.Draw(canvas, "RGBA")
    _COMPOSERS[kind](draw, (width, height), rng, _shift(accent, rng, 10), ink)
    out = io.BytesIO()
    canvas.save(out, "JPEG", quality=82, optimize=False, progressive=False)
    return out.getvalue()


def _article_image_keys(articles) -> list[str]:
    keys = []
    for article in articles:
        keys.append(article["image"])
        keys.extend(
            block["value"]["image"]
            for block in article["body"]
            if block["type"] == "image"
        )
    return list(dict.fromkeys(keys))


# Every picture the demo content refers to, featured and inline, in first-use order.
IMAGE_KEYS = _article_image_keys(ARTICLES)
