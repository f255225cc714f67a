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


def whole_trace(path):
    with open(path) as f:
        lines = f.read().split("\n")
    if lines[-1] != "":
        return False
    recs = [json.loads(l) for l in lines[:-1]]
    return (recs[0].get("type") == "header" and recs[-1].get("type") == "end"
            and len(recs) == STEPS + 3)


def trace_kills(tmp, named):
    env = dict(os.environ)
    if named:
        env["DESCENT_NO_TMPFILE"] = "1"
    d = os.path.join(tmp, "trace-named" if named else "trace")
    os.makedirs(d)
    old = "{\"old\": true}\n"
    target = os.path.join(d, "t.jsonl")
    args = ["run", "--lr", "1e-9", "--steps", str(STEPS), "--trace",
            "t.jsonl", "--force", "--quiet"]
    with open(target, "w") as f:
        f.write(old)
    took, p = timed(args, env, d)
    check("trace run completes", p.returncode == 0, p.stderr)
    rng = random.Random(14)
    outcomes = {"old": 0, "new": 0}
    for i in range(KILLS):
        with open(target, "w") as f:
            f.write(old)
        kill_at(args, env, d, rng.uniform(0.0, took * 1.1))
        with open(target) as f:
            now = f.read()
        state = "old" if now == old else "new" if whole_trace(target) else "torn"
        outcomes[state] = outcomes.get(state, 0) + 1
        check(f"trace kill {i}: old or whole new", state != "torn", now[-200:])
        temps, stray = others(d, "t.jsonl")
        check(f"trace kill {i}: nothing else left", not stray and
              (named or not temps), (temps, stray))
    took, p = timed(args, env, d)
    temps, stray = others(d, "t.jsonl")
    check("the next trace write removes what kills left",
          p.returncode == 0 and not temps and not stray, (temps, stray))
    return outcomes


def progress_text(lessons, without=None):
    lines = ["# descent progress 1"]
    for i in range(lessons):
        if i != without:
            lines.append(f"l{i} " + " ".join(f"s{k}" for k in range(40)))
    return "\n".join(lines) + "\n"


def progress_kills(tmp, named):
    env = dict(os.environ)
    state = os.path.join(tmp, "state-named" if named else "state")
    d = os.path.join(state, "descent")
    os.makedirs(d)
    env["XDG_STATE_HOME"] = state
    if named:
        env["DESCENT_NO_TMPFILE"] = "1"
    lessons = 2000
    old, new = progress_text(lessons), progress_text(lessons, without=7)
    target = os.path.join(d, "progress")
    args = ["lesson", "--reset", "l7"]
    with open(target, "w") as f:
        f.write(old)
    took, p = timed(args, env, tmp)
    with open(target) as f:
        check("progress reset completes", p.returncode == 0 and
              f.read() == new, p.stderr)
    rng = random.Random(10)
    outcomes = {"old": 0, "new": 0}
    for i in range(KILLS):
        with open(target, "w") as f:
            f.write(old)
        kill_at(args, env, tmp, rng.uniform(0.0, took * 1.1))
        with open(target) as f:
            now = f.read()
        st = "old" if now == old else "new" if now == new else "torn"
        outcomes[st] = outcomes.get(st, 0) + 1
        check(f"progress kill {i}: old or whole new", st != "torn",
              now[-100:])
        temps, stray = others(d, "progress")
        check(f"progress kill {i}: nothing else left", not stray and
              (named or not temps), (temps, stray))
    with open(target, "w") as f:
        f.write(old)
    took, p = timed(args, env, tmp)
    temps, stray = others(d, "progress")
    check("the next progress write removes what kills left",
          p.returncode == 0 and not temps and not stray, (temps, stray))
    return outcomes


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
