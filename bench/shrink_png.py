#!/usr/bin/env python3
"""Reduces PNGs in place to a 64-colour palette, halving their size until each is at most 150 KB."""
import os, sys

from PIL import Image

LIMIT = 150 * 1024
for path in sys.argv[1:]:
    image = Image.open(path).convert("RGB")
    while True:
        image.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
        if os.path.getsize(path) <= LIMIT or image.width < 300:
            break
        image = image.resize((image.width * 3 // 4, image.height * 3 // 4), Image.LANCZOS)
    print(f"{path}: {os.path.getsize(path) // 1024} KB")
