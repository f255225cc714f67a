#!/usr/bin/env python3
"""kill -9 at random moments of a trace write (`descent run --trace
--force` over an old trace) and of a progress write (`descent lesson
--reset ID` of a large progress file). After every kill the target must
be the old file or the whole new one, and nothing else may be in its
directory but a temporary file of the recognised kind, which the next
write removes (named temporary files are what a filesystem without
O_TMPFILE gets: DESCENT_NO_TMPFILE=1 takes that path). Each half runs
with and without unnamed temporary files.

usage: kill_e2e.py DESCENT_BINARY REF_DIR [KILLS]
"""
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time

from e2e_lib import BIN, check, finish

KILLS = int(sys.argv[3]) if len(sys.argv) > 3 else 30
TEMP = re.compile(r"^\.descent-[0-9a-f]{8}-\d+\.\w{6}$")
STEPS = 50000


def timed(args, env, cwd):
    t = time.monotonic()
    p = subprocess.run([BIN] + args, capture_output=True, env=env, cwd=cwd)
    return time.monotonic() - t, p


def kill_at(args, env, cwd, delay):
    p = subprocess.Popen([BIN] + args, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    time.sleep(delay)
    p.send_signal(signal.SIGKILL)
    p.wait()
    return p.returncode


def others(d, target):
    """What is in d besides target: (temporaries, anything else)."""
    names = [n for n in os.listdir(d) if n != target]
    return ([n for n in names if TEMP.match(n)],
            [n for n in names if not TEMP.match(n)])


def whole_trace(text):
    lines = text.split("\n")
    if lines[-1] != "":
        return False
    try:
        recs = [json.loads(l) for l in lines[:-1]]
    except ValueError:
        return False
    return (recs[0].get("type") == "header" and recs[-1].get("type") == "end"
            and len(recs) == STEPS + 3)


def kill_series(what, args, env, cwd, target, old, is_new):
    """KILLS runs of args killed at random moments, target reset to old
    before each; returns how often the old and the new file were found.
    Ends with a run to its end, which must remove what the kills left."""
    d, name = os.path.split(target)
    with open(target, "w") as f:
        f.write(old)
    took, p = timed(args, env, cwd)
    with open(target) as f:
        check(f"{what}: a run to its end writes the new file",
              p.returncode == 0 and is_new(f.read()), p.stderr)
    rng = random.Random(14)
    outcomes = {"old": 0, "new": 0, "temporary left": 0}
    for i in range(KILLS):
        with open(target, "w") as f:
            f.write(old)
        kill_at(args, env, cwd, rng.uniform(0.0, took * 1.1))
        with open(target) as f:
            now = f.read()
        state = "old" if now == old else "new" if is_new(now) else "torn"
        outcomes[state] = outcomes.get(state, 0) + 1
        check(f"{what} kill {i}: old or whole new", state != "torn",
              now[-200:])
        # An unnamed file leaves nothing; replacing a file (--force) has a
        # moment between its link under a temporary name and the rename,
        # and the named files stay until the next write removes them.
        temps, stray = others(d, name)
        check(f"{what} kill {i}: nothing else left", not stray, stray)
        outcomes["temporary left"] = outcomes.get("temporary left", 0) + \
            bool(temps)
    with open(target, "w") as f:
        f.write(old)
    took, p = timed(args, env, cwd)
    temps, stray = others(d, name)
    check(f"{what}: the next write removes what kills left",
          p.returncode == 0 and not temps and not stray, (temps, stray))
    return outcomes


def environment(named, **more):
    env = dict(os.environ, **more)
    if named:
        env["DESCENT_NO_TMPFILE"] = "1"
    return env


def trace_kills(tmp, named):
    d = os.path.join(tmp, "trace-named" if named else "trace")
    os.makedirs(d)
    args = ["run", "--lr", "1e-9", "--steps", str(STEPS), "--trace",
            "t.jsonl", "--force", "--quiet"]
    return kill_series("trace", args, environment(named), d,
                       os.path.join(d, "t.jsonl"), "{\"old\": true}\n",
                       whole_trace)


def progress_text(lessons, without=None):
    lines = ["# descent progress 1"]
    for i in range(lessons):
        if i != without:
            lines.append(f"l{i} " + " ".join(f"s{k}" for k in range(40)))
    return "\n".join(lines) + "\n"


def progress_kills(tmp, named):
    state = os.path.join(tmp, "state-named" if named else "state")
    os.makedirs(os.path.join(state, "descent"))
    new = progress_text(2000, without=7)
    return kill_series("progress", ["lesson", "--reset", "l7"],
                       environment(named, XDG_STATE_HOME=state), tmp,
                       os.path.join(state, "descent", "progress"),
                       progress_text(2000), lambda t: t == new)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for named in (False, True):
            how = "named" if named else "unnamed"
            o = trace_kills(tmp, named)
            print(f"trace, {how} temporary files: {KILLS} kills: {o}")
            o = progress_kills(tmp, named)
            print(f"progress, {how} temporary files: {KILLS} kills: {o}")
    return finish("kill -9")


sys.exit(main())
