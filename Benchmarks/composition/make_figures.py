#!/usr/bin/env python3
"""make_figures.py OUT.md [N]: a briefing with N (default 20) figures of mixed sizes between
paragraphs, footnotes, and a turned page; writes its PNGs beside it (stdlib only: zlib PNGs)."""
import os
import struct
import sys
import zlib

def png(path, width, height, shade):
    raw = b"".join(b"\x00" + bytes([shade, 120, 255 - shade]) * width for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 20
folder = os.path.dirname(os.path.abspath(out))
os.makedirs(folder, exist_ok=True)
sizes = [(600, 200), (500, 500), (640, 900), (300, 220), (620, 380), (700, 1000), (400, 300)]
words = ("The figure beside this text shows how the measure moved over the quarter and why the team "
         "changed course twice before the release.").split()
lines = ["---", "title: Twenty figures", "date: 2025-11-01", "---", ""]
for n in range(count):
    w, h = sizes[n % len(sizes)]
    png(os.path.join(folder, "fig%02d.png" % n), w, h, (n * 37) % 256)
    lines.append("## Part %d" % (n + 1) if n % 4 == 0 else "")
    para = " ".join(words[(i * 7 + n) % len(words)] for i in range(60 + (n % 5) * 25))
    note = "[^n%d]" % n if n % 3 == 0 else ""
    lines += ["", para.capitalize() + note + ".", "", "![Figure %d of mixed size](fig%02d.png)" % (n + 1, n), ""]
    lines += [" ".join(words[(i * 5 + n) % len(words)] for i in range(40)).capitalize() + ".", ""]
for n in range(0, count, 3):
    lines += ["[^n%d]: A note on part %d: " % (n, n + 1) + " ".join(words[:12 + n]) + ".", ""]
open(out, "w").write("\n".join(lines) + "\n")
