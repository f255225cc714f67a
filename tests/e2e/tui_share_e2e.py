#!/usr/bin/env python3
"""What leaves the screen (issue 12): recordings (asciicast v2) of the
TUI in tmux and of demos played headless, replayed through tmux as a
terminal; the command key's line, from tmux's clipboard buffer, opening
the same runs; the figure and script keys; bad input refused.

usage: tui_share_e2e.py DESCENT_BINARY
"""
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from tui_harness import (BIN, Screen, check, quote, run_all, settle, tmux)

ASSETS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                      "assets", "demos")
TORCH_PYTHON = "/usr/bin/python3"


def descent(*args, cwd=None):
    return subprocess.run([BIN] + list(args), capture_output=True, text=True,
                          timeout=120, cwd=cwd)


def read_cast(name, path, least=4):
    """The header and events of an asciicast v2 file, checked: the header's
    fields, each event [time, "o" or "r", text], times increasing."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    head = json.loads(lines[0])
    check(f"{name}: header", head.get("version") == 2 and
          isinstance(head.get("width"), int) and
          isinstance(head.get("height"), int) and
          isinstance(head.get("timestamp"), int) and
          isinstance(head.get("env"), dict), head)
    events = [json.loads(l) for l in lines[1:]]
    check(f"{name}: events", len(events) >= least and all(
        isinstance(e, list) and len(e) == 3 and isinstance(e[0], float) and
        e[1] in ("o", "r") and isinstance(e[2], str) for e in events),
        events[:3])
    times = [e[0] for e in events]
    check(f"{name}: times increase",
          all(b > a for a, b in zip(times, times[1:])) and times[0] >= 0,
          times[:10])
    return head, events


def replay(events, cols, rows):
    """The screen tmux shows once the output events are written to it."""
    d = tempfile.mkdtemp()
    out = os.path.join(d, "out")
    with open(out, "w", encoding="utf-8") as f:
        f.write("".join(e[2] for e in events if e[1] == "o"))
    tmux("new-session", "-d", "-s", "replay", "-x", str(cols), "-y",
         str(rows), f"cat {quote(out)}; sleep 600")
    last = None
    for _ in range(100):  # until cat is done and the screen still
        now = tmux("capture-pane", "-p", "-t", "replay")
        if now == last and now.strip():
            break
        last = now
        subprocess.run(["sleep", "0.1"])
    tmux("kill-session", "-t", "replay", check=False)
    shutil.rmtree(d)
    return now


def flat(text):
    """Words in order, box edges left out, for text that may wrap."""
    return " ".join(w for w in text.split() if w not in "│|")


def demo_facts(path):
    """The last caption of a demo, and the seconds its sleeps and pauses
    take at least in a recording."""
    caption, seconds = None, 0.0
    with open(path) as f:
        for line in f:
            words = line.split(None, 1)
            if not words or words[0].startswith("#"):
                continue
            if words[0] == "say":
                caption = words[1].strip()
            elif words[0] == "sleep":
                seconds += float(words[1])
            elif words[0] == "pause":
                seconds += 2
    return caption, seconds


def test_demo_headless():
    """Every shipped demo recorded without a terminal: valid, as long as
    its sleeps and pauses, and its last caption on the final screen."""
    d = tempfile.mkdtemp()
    for name in sorted(os.listdir(ASSETS)):
        if not name.endswith(".demo"):
            continue
        demo = name[:-5]
        out = os.path.join(d, demo + ".cast")
        p = descent("demo", demo, "--record", out, "--size", "100x30")
        check(f"{demo}: recorded", p.returncode == 0 and not p.stderr,
              p.stderr)
        if p.returncode:
            continue
        head, events = read_cast(demo, out)
        check(f"{demo}: size", (head["width"], head["height"]) == (100, 30),
              head)
        caption, seconds = demo_facts(os.path.join(ASSETS, name))
        check(f"{demo}: its times", events[-1][0] >= seconds,
              (events[-1][0], seconds))
        screen = replay(events, 100, 30)
        check(f"{demo}: ends on its last caption",
              caption and flat(caption)[:60] in flat(screen), screen)
    shutil.rmtree(d)


def test_bad_input():
    """Refused before anything starts, one line, exit 2, nothing written."""
    d = tempfile.mkdtemp()
    kept = os.path.join(d, "kept.cast")
    with open(kept, "w") as f:
        f.write("kept\n")
    cases = [
        (["demo", "momentum-vs-sgd", "--record", os.path.join(d, "x.txt"),
          "--size", "100x30"], "must end in .cast"),
        (["demo", "momentum-vs-sgd", "--record", kept, "--size", "100x30"],
         "file exists"),
        (["demo", "momentum-vs-sgd", "--record",
          os.path.join(d, "none", "x.cast"), "--size", "100x30"],
         "does not exist"),
        (["demo", "momentum-vs-sgd", "--size", "100x30"], "only with --record"),
        (["demo", "momentum-vs-sgd", "--record", os.path.join(d, "x.cast"),
          "--size", "20x5"], "from 80x24"),
        (["demo", "momentum-vs-sgd", "--record", os.path.join(d, "x.cast"),
          "--size", "big"], "WxH"),
        (["tui", "--record", os.path.join(d, "x.txt")], "must end in .cast"),
        (["tui", "--record", kept], "file exists"),
        (["tui", "--record", os.path.join(d, "x.cast")], "needs a terminal"),
        (["lesson", "--reset", "--record", os.path.join(d, "x.cast")],
         "not with --reset"),
        (["lesson", "--record", kept], "file exists"),
    ]
    for args, says in cases:
        p = descent(*args)
        name = " ".join(args[:2])
        check(f"bad input {name} ({says}): exit 2, one line",
              p.returncode == 2 and says in p.stderr and
              p.stderr.count("\n") == 1, (p.returncode, p.stderr))
    with open(kept) as f:
        check("bad input: the existing file kept", f.read() == "kept\n")
    check("bad input: nothing else written", os.listdir(d) == ["kept.cast"],
          os.listdir(d))
    p = descent("demo", "momentum-vs-sgd", "--record", kept, "--size",
                "100x30", "--force")
    check("--force replaces", p.returncode == 0, p.stderr)
    read_cast("--force", kept)
    shutil.rmtree(d)


def tui_in_shell(s_cols, s_rows, args):
    """The TUI in tmux under a shell that says how it ended and how the
    terminal was left."""
    line = " ".join(quote(a) for a in [BIN, "tui"] + args)
    modes = ("stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | "
             "tr '\\n' ' '")
    return Screen(s_cols, s_rows, ["sh", "-c", f"{line}; echo RC=$?; {modes}"])


def test_tui_record():
    """--record in tmux: the file holds the screen as it was at the end,
    a resize as an event, and the terminal is given back as it was."""
    d = tempfile.mkdtemp()
    out = os.path.join(d, "tui.cast")
    s = tui_in_shell(100, 30, ["--record", out, "--objective", "booth",
                               "--optimizer", "sgd", "--lr", "0.05"])
    settle(s, r"step 0 ")
    s.keys("n", "n", "n")
    settle(s, r"step 3 ")
    tmux("resize-window", "-t", s.name, "-x", "110", "-y", "32")
    s.keys("n")
    shown = settle(s, r"step 4 .*\n(.*\n)*.*╭ surface")
    s.keys("q")
    t = s.wait(r"RC=\d+")
    s.close()
    check("record: exit 0", "RC=0" in t, t)
    check("record: terminal restored", "icanon echo" in t and "-" not in
          t.split("RC=")[1], t)
    head, events = read_cast("tui", out)
    check("record: its size", (head["width"], head["height"]) == (100, 30),
          head)
    check("record: the resize", ["r", "110x32"] in [e[1:] for e in events],
          [e for e in events if e[1] == "r"])
    screen = replay(events, 110, 32)
    want = [l.rstrip() for l in shown.splitlines()]
    got = [l.rstrip() for l in screen.splitlines()]
    if not check("record: replayed, the last screen", got[:-1] == want[:-1]):
        for i, (a, b) in enumerate(zip(want, got)):
            if a != b:
                print(f"  line {i + 1}\n  tui    |{a}\n  replay |{b}")
    shutil.rmtree(d)


def descendants(pid):
    """The processes under pid, by their parent links in /proc."""
    parent = {}
    for d in os.listdir("/proc"):
        try:
            with open(f"/proc/{d}/stat") as f:
                stat = f.read()
            parent[int(d)] = int(stat[stat.rindex(")") + 2:].split()[1])
        except (ValueError, OSError):
            continue
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        kids = [k for k, v in parent.items() if v == p]
        out += kids
        todo += kids
    return out


def test_tui_record_signal():
    """Ended by a signal, the recording is kept, valid, and nothing is left
    beside it."""
    d = tempfile.mkdtemp()
    out = os.path.join(d, "tui.cast")
    s = tui_in_shell(80, 24, ["--record", out])
    settle(s, r"step 0 ")
    s.keys("n")
    settle(s, r"step 1 ")
    pane = int(tmux("list-panes", "-t", s.name, "-F", "#{pane_pid}"))
    for pid in descendants(pane):
        if os.path.realpath(f"/proc/{pid}/exe") == os.path.realpath(BIN):
            os.kill(pid, signal.SIGTERM)
    t = s.wait(r"RC=\d+")
    s.close()
    check("signal: 128 + SIGTERM", "RC=143" in t, t)
    check("signal: terminal restored", "icanon echo" in t and "-" not in
          t.split("RC=")[1], t)
    read_cast("signal", out, 3)
    check("signal: nothing beside it", os.listdir(d) == ["tui.cast"],
          os.listdir(d))
    shutil.rmtree(d)


def command_of(s):
    """y: the command shown, and what tmux's buffer got by OSC 52."""
    tmux("delete-buffer", check=False)
    s.keys("y")
    t = settle(s, r"the command that makes these runs again")
    s.keys("Escape")
    buf = tmux("show-buffer", check=False)
    return t, buf


def test_command_key():
    """The line shown is the one copied, and it opens the same runs: the
    TUI started with it shows the same line."""
    tmux("set-option", "-g", "set-clipboard", "on")
    s = Screen(120, 36, [BIN, "tui", "--objective", "x^2 + 3*y^2",
                         "--optimizer", "sgd", "--lr", "0.1", "--steps", "50",
                         "--compare", "--optimizer momentum --clip norm:2"])
    settle(s, r"step 0 ")
    s.keys("r")
    s.keys("V")
    settle(s, r"3/3|■3|▲3")
    t, line = command_of(s)
    s.close()
    check("command: copied by OSC 52", line.startswith("descent tui "), line)
    check("command: shown", flat(line)[:80] in flat(t), (line, t))
    check("command: what it holds", "--objective 'x^2 + 3*y^2'" in line and
          "--steps 50" in line and line.count("--compare") == 2, line)
    args = shlex.split(line)
    again = Screen(120, 36, [BIN] + args[1:])
    settle(again, r"step 0 ")
    _, line2 = command_of(again)
    again.close()
    check("command: read back, the same runs", line2 == line, (line, line2))


def prompt_file(s, key, path, expect):
    s.keys(key)
    s.wait(r"Enter apply · Esc cancel")
    s.keys("C-u")
    s.type(path)
    s.keys("Enter")
    return s.wait(expect)


def test_figure_key():
    d = tempfile.mkdtemp()
    s = Screen(100, 30, [BIN, "tui", "--objective", "booth", "--optimizer",
                         "momentum", "--lr", "0.01"])
    settle(s, r"step 0 ")
    s.keys("n", "n", "n", "n", "n")
    settle(s, r"step 5 ")
    svg = os.path.join(d, "f.svg")
    prompt_file(s, "P", svg, r"figure written")
    root = ET.parse(svg).getroot()
    polylines = root.findall(".//{http://www.w3.org/2000/svg}polyline")
    check("figure: SVG with polylines", len(polylines) > 5, len(polylines))
    png = os.path.join(d, "f.png")
    prompt_file(s, "P", png, r"figure written to .*png")
    with open(png, "rb") as f:
        head = f.read(24)
    check("figure: PNG of 1200x800", head[:8] == b"\x89PNG\r\n\x1a\n" and
          int.from_bytes(head[16:20], "big") == 1200 and
          int.from_bytes(head[20:24], "big") == 800, head)
    txt = os.path.join(d, "f.txt")
    t = prompt_file(s, "P", txt, r"figure written to .*txt")
    with open(txt, encoding="utf-8") as f:
        text = f.read().splitlines()
    shown = [l.rstrip() for l in t.splitlines()]
    check("figure: .txt is the screen (but the message line)",
          text[:-1] == shown[:-1] and len(text) == 30, (text, shown))
    # Overwriting only after y; n keeps the file as it was.
    before = open(svg, "rb").read()
    os.utime(svg, (0, 0))
    t = prompt_file(s, "P", svg, r"overwrite it\?")
    s.keys("n")
    t = s.wait(r"no figure written")
    check("figure: n keeps the file", os.stat(svg).st_mtime == 0 and
          open(svg, "rb").read() == before, t)
    prompt_file(s, "P", svg, r"overwrite it\?")
    s.keys("y")
    s.wait(r"figure written to .*svg")
    check("figure: y replaces it", os.stat(svg).st_mtime > 0)
    # Bad names keep the prompt open with the reason; nothing is written.
    t = prompt_file(s, "P", os.path.join(d, "f.jpg"), r"path ending in")
    check("figure: unknown extension", ".svg, .png or .txt" in t, t)
    s.keys("C-u")
    s.type(os.path.join(d, "none", "f.svg"))
    s.keys("Enter")
    t = s.wait(r"does not exist")
    check("figure: a directory that is not there", "does not exist" in t, t)
    s.keys("Escape")
    s.close()
    check("figure: nothing else written", sorted(os.listdir(d)) ==
          ["f.png", "f.svg", "f.txt"], os.listdir(d))
    shutil.rmtree(d)


def torch_available():
    return os.path.exists(TORCH_PYTHON) and subprocess.run(
        [TORCH_PYTHON, "-c", "import torch"], capture_output=True).returncode == 0


def test_script_key():
    """T writes the focused run as a PyTorch script; its first line is the
    `descent run` of that run, and both print the same trajectory."""
    d = tempfile.mkdtemp()
    s = Screen(100, 30, [BIN, "tui", "--objective", "beale", "--optimizer",
                         "adam", "--lr", "0.01", "--clip", "norm:5",
                         "--compare", "--optimizer sgd --lr 0.001"])
    settle(s, r"step 0 ")
    s.keys(*["n"] * 12)
    settle(s, r"step 12 ")
    s.keys("Tab")
    py = os.path.join(d, "run.py")
    t = prompt_file(s, "T", py, r"PyTorch script written")
    s.close()
    with open(py) as f:
        first = f.read().split("\n")[1].lstrip('"')
    check("script: the focused run's command", first.startswith(
        "descent run --objective beale --optimizer sgd --lr 0.001") and
        "--steps 12" in first, first)
    if not torch_available():
        print("script: no torch here, the trajectory is not compared")
        shutil.rmtree(d)
        return
    torch = subprocess.run([TORCH_PYTHON, py], capture_output=True, text=True,
                           timeout=120)
    ours = descent(*shlex.split(first)[1:], "--trace", "-")
    a, b = torch.stdout.splitlines(), ours.stdout.splitlines()
    check("script: rows", len(a) == len(b) == 14, (len(a), len(b)))
    worst = 0.0
    for x, y in zip(a[1:], b[1:]):
        for u, v in zip(x.split(","), y.split(",")):
            u, v = float(u), float(v)
            worst = max(worst, abs(u - v) / max(abs(u), abs(v), 1e-300))
    check("script: the same numbers", worst <= 1e-9, worst)
    shutil.rmtree(d)


if __name__ == "__main__":
    sys.exit(run_all("tui-share-e2e", globals()))
