"""Pictures for the history tests, made in code: textured like photographs (several octaves
of smooth noise plus grain), so JPEG statistics behave as on camera files."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw


def textured(width: int = 512, height: int = 384, seed: int = 0) -> Image.Image:
    rng = np.random.default_rng(seed)
    acc = np.zeros((height, width, 3), dtype=np.float64)
    # cell counts that share no period with the 8×8 JPEG grid
    for octave, weight in ((5, 90.0), (13, 45.0), (37, 20.0)):
        small = rng.uniform(-1, 1, size=(max(2, octave * height // width + 1), octave + 1, 3))
        layer = np.stack([np.asarray(Image.fromarray(
            ((small[..., c] + 1) * 127.5).astype(np.uint8), "L").resize(
                (width, height), Image.Resampling.BICUBIC), dtype=np.float64) / 127.5 - 1
            for c in range(3)], axis=2)
        acc += weight * layer
    acc += rng.normal(0, 6, size=acc.shape)
    return Image.fromarray(np.clip(acc + 128, 0, 255).astype(np.uint8), "RGB")


def jpeg(image: Image.Image, quality: int, path: Path | None = None, **kw: object) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=quality, **kw)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(buf.getvalue())
    return buf.getvalue()


def twice(image: Image.Image, q1: int, q2: int, path: Path | None = None) -> bytes:
    """Compressed at q1, decoded, compressed again at q2 (aligned: same 8×8 grid)."""
    with Image.open(io.BytesIO(jpeg(image, q1))) as first:
        return jpeg(first.convert("RGB"), q2, path)


def apron(width: int = 800, height: int = 533, aircraft: tuple[float, float, float] = (
        0.12, 0.58, 0.72), grain: int = 0) -> Image.Image:
    """A photograph-like scene, always the same composition: a hazy sky, a horizon with a
    terminal and a tower, a textured apron, and a grey transport aircraft at `aircraft`
    (left edge and fuselage line as fractions of the picture, length as a fraction of the
    width), with sensor grain drawn from `grain`. Two calls that differ only in where the
    aircraft is, or in the grain and a small shift, are different photos of one scene (the
    demo's renders before each got its own picture; two frames of a burst): pHash and dHash
    put them a few bits apart."""
    img = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(img)
    horizon = int(height * 0.48)
    for y in range(horizon):
        t = y / horizon
        draw.line([(0, y), (width, y)], fill=(int(140 + 80 * t), int(175 + 55 * t),
                                              int(215 + 25 * t)))
    ground = Image.blend(textured(width, height - horizon, seed=0),
                         Image.new("RGB", (width, height - horizon), (176, 170, 160)), 0.7)
    img.paste(ground, (0, horizon))
    tx = int(width * 0.6)
    draw.rectangle((tx, horizon - height // 14, tx + width // 4, horizon), fill=(210, 200, 185))
    draw.rectangle((tx - width // 30, horizon - height // 5, tx - width // 60, horizon),
                   fill=(200, 195, 185))
    x0, yc, length = aircraft[0] * width, aircraft[1] * height, aircraft[2] * width

    def p(u: float, v: float) -> tuple[float, float]:
        return (x0 + u * length, yc + v * length)

    grey, dark = (118, 123, 126), (70, 74, 77)
    draw.polygon([p(0.78, -0.05), p(0.88, -0.25), p(0.97, -0.25), p(0.985, -0.04)],
                 fill=grey, outline=dark)  # tail fin
    draw.ellipse([p(0.0, -0.055), p(0.14, 0.055)], fill=grey, outline=dark)  # nose
    draw.rectangle([p(0.07, -0.055), p(0.74, 0.055)], fill=grey)  # fuselage
    draw.polygon([p(0.74, -0.055), p(0.99, -0.05), p(0.99, -0.022), p(0.74, 0.055)],
                 fill=grey, outline=dark)  # upswept rear
    draw.polygon([p(0.30, -0.06), p(0.42, -0.06), p(0.30, 0.02)], fill=dark)  # wing root
    pixels = np.asarray(img, dtype=np.float64)
    pixels += np.random.default_rng(1000 + grain).normal(0, 5, pixels.shape)
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")
