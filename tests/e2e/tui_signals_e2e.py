#!/usr/bin/env python3
"""The terminal after a signal: the live screen is killed by SIGINT,
SIGTERM, SIGHUP, SIGQUIT, SIGSEGV and SIGABRT in a tmux pane, and the
terminal's settings (`stty -a`) afterwards must equal those before it
started, the alternate screen be left, and the exit status say which
signal it was.

usage: tui_signals_e2e.py DESCENT_BINARY
"""
import os
import subprocess
import sys
import tempfile

from tui_harness import BIN, Screen, check, run_all, settle, tmux

SIGNALS = [("INT", 2), ("TERM", 15), ("HUP", 1), ("QUIT", 3), ("SEGV", 11),
           ("ABRT", 6)]


def descendants(pid):
    out = []
    for child in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True,
                                text=True).stdout.split():
        out += [int(child)] + descendants(int(child))
    return out


def program(pid):
    """The descent process among pid's descendants, or None."""
    for p in descendants(pid):
        try:
            with open(f"/proc/{p}/cmdline", "rb") as f:
                if f.read().split(b"\0")[0].decode() == BIN:
                    return p
        except OSError:
            pass
    return None


def one_signal(name, number, tmp):
    before, after = (os.path.join(tmp, f"{name}.{w}") for w in ("before",
                                                                "after"))
    # stty reads the pane's terminal on its stdin.
    script = (f"stty -a > {before}; {BIN} tui --objective rosenbrock; "
              f"rc=$?; stty -a > {after}; exit $rc")
    s = Screen(80, 24, args=["sh", "-c", script])
    try:
        settle(s, r"step 0 ")
        check(f"SIG{name}: alternate screen on", s.alternate() == "1")
        pane = int(tmux("display-message", "-p", "-t", s.name,
                        "#{pane_pid}").strip())
        pid = program(pane)
        if not check(f"SIG{name}: process found", pid is not None, pane):
            return
        os.kill(pid, number)
        t = s.wait(r"EXIT=\d+", timeout=15)
        # Killed by the signal (128 + N), or for INT the clean exit 130.
        check(f"SIG{name}: exit {128 + number}", f"EXIT={128 + number}" in t,
              t)
        check(f"SIG{name}: alternate screen left", s.alternate() == "0", t)
        with open(before) as f:
            want = f.read()
        with open(after) as f:
            got = f.read()
        check(f"SIG{name}: stty -a as before", want == got and want,
              f"\n--- before\n{want}--- after\n{got}")
    finally:
        s.close()


def test_signals():
    with tempfile.TemporaryDirectory() as tmp:
        for name, number in SIGNALS:
            one_signal(name, number, tmp)


sys.exit(run_all("tui-signals", globals()))
