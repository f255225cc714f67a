#!/usr/bin/env python3
"""End-to-end tests of descent plot: the SVG parses as XML and its path
polylines pass through the trace's points; the PNG has the size asked
for and is not blank; a model is drawn on its slice; bad input exits 2
with one line on stderr and writes nothing.

usage: plot_e2e.py DESCENT_BINARY REF_DIR
"""
import os
import struct
import sys
import xml.etree.ElementTree as ET
import zlib

from e2e_lib import check, read_csv, run, run_tests

SVG = "{http://www.w3.org/2000/svg}"


def svg_root(path):
    try:
        return ET.parse(path).getroot()
    except ET.ParseError as e:
        check(f"{path} parses as XML", False, e)
        return None


def polylines(group):
    return [[tuple(map(float, p.split(","))) for p in pl.get("points").split()]
            for pl in group.iter(SVG + "polyline")]


def to_pixels(surface, pts):
    v = list(map(float, surface.get("data-view").split()))
    x, y, w, h = map(float, surface.get("data-plot").split())
    return [(x + (a - v[0]) / (v[1] - v[0]) * w,
             y + (v[3] - b) / (v[3] - v[2]) * h) for a, b in pts]


def passes_through(lines, want, tol=0.006):
    """Every wanted point, in order, is a vertex of the polylines."""
    got = [p for line in lines for p in line]
    i = 0
    for p in got:
        if i < len(want) and abs(p[0] - want[i][0]) <= tol and \
                abs(p[1] - want[i][1]) <= tol:
            i += 1
    return i == len(want), i


def test_svg_paths(tmp):
    trace = os.path.join(tmp, "t.csv")
    p = run(["run", "--objective", "quadratic", "--optimizer", "sgd", "--lr",
             "0.1", "--start", "1.5,-1", "--steps", "25", "--quiet",
             "--trace", trace])
    check("trace for the figure", p.returncode == 0, p.stderr)
    out = os.path.join(tmp, "f.svg")
    p = run(["plot", "--objective", "quadratic", "--trace", trace,
             "--optimizer", "momentum", "--lr", "0.05", "--out", out])
    check("plot svg exit", p.returncode == 0 and p.stderr == "", p.stderr)
    root = svg_root(out)
    if root is None:
        return
    check("svg size", root.get("width") == "1200" and
          root.get("height") == "800", root.attrib)
    groups = {g.get("class"): g for g in root.iter(SVG + "g")}
    surface = groups.get("surface")
    check("surface group with its view", surface is not None and
          surface.get("data-view") == "-2 2 -2 2", groups.keys())
    check("a path per run and trace", "path path1" in groups and
          "path path2" in groups, list(groups))
    _, rows = read_csv(trace)
    want = to_pixels(surface, [(r[8], r[9]) for r in rows])
    ok, seen = passes_through(polylines(groups["path path2"]), want)
    check("the trace's path passes through its 26 points", ok,
          f"{seen} of {len(want)}")
    texts = [t.text for t in root.iter(SVG + "text")]
    check("legend names the run and the trace",
          "momentum lr 0.05" in texts and "t.csv" in texts, texts)
    check("contours are polylines", len(polylines(surface)) > 20,
          len(polylines(surface)))
    check("charts drawn", all(f"chart {c}" in groups
                              for c in ("loss", "lr", "grad")), list(groups))
    check("the heat map is one embedded image",
          len(list(surface.iter(SVG + "image"))) == 1)


def png_pixels(path):
    """(width, height, rows of RGB triples) of an 8-bit RGB or RGBA PNG."""
    with open(path, "rb") as f:
        data = f.read()
    check("png signature", data[:8] == b"\x89PNG\r\n\x1a\n")
    pos, idat, w, h, bpp = 8, b"", 0, 0, 3
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            bpp = {2: 3, 6: 4}[ctype]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, rows, prev = zlib.decompress(idat), [], bytearray(w * bpp)
    stride = w * bpp + 1
    for y in range(h):
        ftype, line = raw[y * stride], bytearray(raw[y * stride + 1:(y + 1) * stride])
        for i in range(len(line)):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 255
            elif ftype == 2:
                line[i] = (line[i] + b) & 255
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ftype == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                pr = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pr) & 255
        rows.append(line)
        prev = line
    return w, h, [[tuple(r[i:i + 3]) for i in range(0, len(r), bpp)]
                  for r in rows]


def test_png(tmp):
    out = os.path.join(tmp, "f.png")
    p = run(["plot", "--objective", "himmelblau", "--optimizer", "adam",
             "--lr", "0.1", "--steps", "300", "--size", "640x400", "--out",
             out])
    check("plot png exit", p.returncode == 0 and p.stderr == "", p.stderr)
    w, h, px = png_pixels(out)
    check("png has the size asked for", (w, h) == (640, 400), (w, h))
    colours = {c for row in px for c in row}
    check("png is not blank", len(colours) > 200, len(colours))
    cyan = sum(1 for row in px for c in row if c == (0, 255, 255))
    check("the run's path in the first run colour", cyan > 50, cyan)


def test_slice(tmp):
    out = os.path.join(tmp, "mlp.svg")
    p = run(["plot", "--model", "mlp", "--optimizer", "sgd", "--lr", "0.01",
             "--steps", "60", "--out", out, "--panels", "surface,loss"])
    check("mlp plot exit", p.returncode == 0, p.stderr)
    root = svg_root(out)
    if root is None:
        return
    texts = [t.text or "" for t in root.iter(SVG + "text")]
    check("a model is titled by its slice", any(
        t.startswith("mlp · slice: PCA of the path") and "step 60" in t
        for t in texts), texts[:3])
    check("validation loss in the legend", "validation loss" in texts)
    part = os.path.join(tmp, "part.csv")
    run(["run", "--model", "mlp", "--steps", "5", "--quiet", "--trace", part])
    p = run(["plot", "--model", "mlp", "--trace", part, "--out",
             os.path.join(tmp, "part.svg")])
    check("a slice needs every parameter", p.returncode == 2 and
          "--trace-params all" in p.stderr, p.stderr)


def test_bad_input(tmp):
    existing = os.path.join(tmp, "keep.svg")
    with open(existing, "w") as f:
        f.write("mine")
    missing = os.path.join(tmp, "none.svg")
    for name, args in [
        ("unknown extension", ["--out", os.path.join(tmp, "f.jpg")]),
        ("traces as text", ["--trace", existing, "--out",
                            os.path.join(tmp, "f.txt")]),
        ("text too small", ["--size", "20x5", "--out",
                            os.path.join(tmp, "f.txt")]),
        ("no --out", []),
        ("unwritable directory", ["--out", "/nonexistent/dir/f.svg"]),
        ("existing file", ["--out", existing]),
        ("directory", ["--out", tmp + "/"]),
        ("bad size", ["--size", "12", "--out", missing]),
        ("bad panel", ["--panels", "surface,los", "--out", missing]),
        ("bad theme", ["--theme", "neon", "--out", missing]),
        ("bad run option", ["--lr", "0", "--out", missing]),
        ("missing trace", ["--trace", os.path.join(tmp, "no.csv"), "--out",
                           missing]),
        ("five paths", ["--lr", "0.1"] + ["--trace", existing] * 4 +
         ["--out", missing]),
    ]:
        p = run(["plot"] + args)
        check(f"{name}: exit 2, one line", p.returncode == 2 and
              p.stderr.startswith("descent: ") and p.stderr.count("\n") == 1,
              (p.returncode, p.stderr))
        check(f"{name}: nothing written", not os.path.exists(missing) and
              sorted(os.listdir(tmp)) == ["keep.svg"], os.listdir(tmp))
    with open(existing) as f:
        check("existing file untouched", f.read() == "mine")
    if os.getuid() != 0:  # root writes anywhere
        ro = os.path.join(tmp, "ro")
        os.mkdir(ro, 0o555)
        p = run(["plot", "--out", os.path.join(ro, "f.svg")])
        check("read-only directory: exit 2", p.returncode == 2, p.stderr)
        os.rmdir(ro)


if __name__ == "__main__":
    sys.exit(run_tests("plot-e2e", [test_svg_paths], [test_png],
                       [test_slice], [test_bad_input]))
