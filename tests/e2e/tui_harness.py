"""The tmux harness of tui_e2e.py: one TUI process per tmux window on a
private server, screens read with capture-pane, golden screens and checks.
"""
import os
import re
import subprocess
import sys
import time
import unicodedata

BIN = os.path.abspath(sys.argv[1])
UPDATE = "--update" in sys.argv
HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "golden")
SOCK = f"descent-e2e-{os.getpid()}"
passed = failed = 0
counter = 0

# Text that legitimately varies between runs of the same binary.
MASKS = [
    (re.compile(r"speed \d+ updates/s"), "speed N updates/s"),
]


def tmux(*args, check=True):
    r = subprocess.run(["tmux", "-L", SOCK, "-f", "/dev/null"] + list(args),
                       capture_output=True, text=True, timeout=20)
    if check and r.returncode != 0:
        raise RuntimeError(f"tmux {args}: {r.stderr}")
    return r.stdout


def check(name, cond, detail=""):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: {detail}")
    return cond


def command(objective="rosenbrock", optimizer="adam", lr="0.05"):
    return [BIN, "tui", "--objective", objective, "--optimizer",
            optimizer, "--lr", lr]


def quote(a):
    return "'" + a.replace("'", "'\\''") + "'"


def width(line):
    """Columns a line takes: combining marks take none."""
    return sum(0 if unicodedata.combining(c) else 1 for c in line)


class Screen:
    """One TUI process in its own tmux window."""

    def __init__(self, cols, rows, args=None, env=None):
        global counter
        counter += 1
        self.name = f"t{counter}"
        e = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": ""}
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                e[k] = os.environ[k]
        e.update(env or {})
        argv = " ".join(quote(a) for a in
                        ["env"] + [f"{k}={v}" for k, v in e.items()] +
                        (args or command()))
        # The shell reports how the program ended once the screen is back.
        shell = f"{argv}; echo EXIT=$?; sleep 600"
        tmux("new-session", "-d", "-s", self.name, "-x", str(cols), "-y",
             str(rows), shell)

    def text(self):
        return tmux("capture-pane", "-p", "-t", self.name)

    def wait(self, pattern, timeout=8.0, stable=True):
        """The screen once pattern shows on it and two captures agree (a
        frame may be caught half written), or the last one seen."""
        deadline = time.time() + timeout
        rx = re.compile(pattern)
        last = None
        while True:
            s = self.text()
            if (rx.search(s) and (s == last or not stable)) or \
                    time.time() > deadline:
                return s
            last = s
            time.sleep(0.04)

    def wait_gone(self, pattern, timeout=8.0):
        """The screen once pattern no longer shows on it (and two captures
        agree), or the last one seen."""
        deadline = time.time() + timeout
        rx = re.compile(pattern)
        last = None
        while True:
            s = self.text()
            if (not rx.search(s) and s == last) or time.time() > deadline:
                return s
            last = s
            time.sleep(0.04)

    def keys(self, *keys):
        tmux("send-keys", "-t", self.name, *keys)

    def type(self, text):
        tmux("send-keys", "-t", self.name, "-l", text)

    def prompt(self, key, text, expect=None):
        """Every prompt the same way: key opens it (None: it is open, an
        error under it), its text is replaced by text and submitted with
        Enter. Returns the screen once expect (a pattern) shows, or None."""
        if key:
            self.keys(key)
            self.wait(r"Enter apply · Esc cancel")
        self.keys("C-u")
        if text:
            self.type(text)
        self.keys("Enter")
        return self.wait(expect) if expect else None

    def ask(self, key, question):
        """key asks a question (y or n): the screen once it shows."""
        self.keys(key)
        return self.wait(question + r".*\n(.*\n)*.*y yes · n no")

    def reply(self, key, expect):
        """A question answered by key: the screen once expect shows."""
        self.keys(key)
        return self.wait(expect)

    def alternate(self):
        return tmux("display-message", "-p", "-t", self.name,
                    "#{alternate_on}").strip()

    def close(self):
        tmux("kill-session", "-t", self.name, check=False)


def settle(s, pattern):
    """Waits for pattern, then for the screen to stop changing."""
    last = s.wait(pattern)
    for _ in range(40):
        time.sleep(0.05)
        now = s.text()
        if now == last:
            return now
        last = now
    return last


def masked(text):
    for rx, rep in MASKS:
        text = rx.sub(rep, text)
    return "\n".join(l.rstrip() for l in text.splitlines()) + "\n"


def golden(name, text):
    path = os.path.join(GOLDEN, name)
    text = masked(text)
    if UPDATE:
        with open(path, "w") as f:
            f.write(text)
    with open(path) as f:
        want = f.read()
    if not check(f"golden {name}", text == want, "screen differs"):
        for i, (a, b) in enumerate(zip(want.splitlines(), text.splitlines())):
            if a != b:
                print(f"  line {i + 1}\n  want |{a}\n  got  |{b}")


def well_formed(name, text, cols, rows):
    """Every line fits the width; boxes are closed on both sides."""
    lines = text.splitlines()
    check(f"{name}: {rows} rows", len(lines) <= rows, f"{len(lines)} lines")
    check(f"{name}: width", all(width(l) <= cols for l in lines),
          max(width(l) for l in lines))
    check(f"{name}: no replacement chars", "\ufffd" not in text)
    top = [i for i, l in enumerate(lines) if "╭" in l]
    check(f"{name}: boxes", len(top) >= 1, text)


def run_all(label, namespace):
    """Runs every test_* function of namespace (a module's globals()) in
    one tmux server, prints "LABEL: N passed, M failed (T s)" and returns
    the exit status."""
    tmux("new-session", "-d", "-s", "keep", "sleep 600")
    tmux("set-option", "-g", "status", "off")
    tmux("set-option", "-g", "exit-empty", "off")
    t0 = time.time()
    try:
        for name, fn in sorted(namespace.items()):
            if name.startswith("test_") and callable(fn):
                try:
                    fn()
                except Exception as e:  # a broken test is a failure
                    check(name, False, repr(e))
    finally:
        tmux("kill-server", check=False)
    print(f"{label}: {passed} passed, {failed} failed "
          f"({time.time() - t0:.1f} s)")
    return 1 if failed else 0
