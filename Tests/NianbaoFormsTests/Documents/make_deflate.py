#!/usr/bin/env python3
"""Writes the raw deflate streams the inflate tests read, with Python's zlib (the reference
implementation), from a real report of Tests/RealReports. Run from this folder; the outputs are
committed, so the tests need no Python."""
import pathlib
import zlib

here = pathlib.Path(__file__).resolve().parent
report = (here.parents[1] / "RealReports" / "21_putian_yingji_dept_2023.txt").read_bytes()


def raw(data, level=9, strategy=zlib.Z_DEFAULT_STRATEGY, pieces=1):
    """The stream of `data`; with `pieces`, a full flush after each piece ends the block there
    and adds an empty stored block (00 00 FF FF), so one stream holds several blocks."""
    packer = zlib.compressobj(level, zlib.DEFLATED, -15, 9, strategy)
    out = b""
    step = max(1, -(-len(data) // pieces))
    for start in range(0, len(data), step):
        out += packer.compress(data[start : start + step])
        if start + step < len(data):
            out += packer.flush(zlib.Z_FULL_FLUSH)
    return out + packer.flush()


streams = {
    "report.dynamic.deflate": raw(report),
    "report.fixed.deflate": raw(report, strategy=zlib.Z_FIXED),
    "report.stored.deflate": raw(report, level=0, pieces=3),
    "report.blocks.deflate": raw(report, pieces=4),
    "empty.deflate": raw(b""),
}
for name, data in streams.items():
    (here / name).write_bytes(data)
    print(name, len(data))
