"""Writes the add-in's PNG icons (16/32/64/80 px): a blue tile with a white check mark. Run: python3 addin/dev/make-icons.py"""
import struct, zlib, os

def png(size):
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            u, v = x / size, y / size
            r, g, b, a = 0x0F, 0x6C, 0xBD, 255  # Fluent blue
            # check mark: two strokes
            d1 = abs((v - 0.55) - (u - 0.25)) < 0.09 and 0.22 < u < 0.45
            d2 = abs((v - 0.72) + (u - 0.42)) < 0.09 and 0.40 < u < 0.80
            if d1 or d2:
                r, g, b = 255, 255, 255
            row += bytes([r, g, b, a])
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")

out = os.path.join(os.path.dirname(__file__), "..", "public", "assets")
os.makedirs(out, exist_ok=True)
for s in (16, 32, 64, 80):
    with open(os.path.join(out, f"icon-{s}.png"), "wb") as f:
        f.write(png(s))
