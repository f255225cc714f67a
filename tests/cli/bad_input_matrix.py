#!/usr/bin/env python3
"""The bad-input matrix: every command and every kind of file descent
reads, given bad input. The option cases are generated from each
command's option table as its --help prints it: for every option that
takes a value, a value with control characters, an empty value, and the
value missing; for every flag, a value; for every name, a misspelling;
for some, a 100 KB value. The file cases are damaged data sets,
initialisation files, traces, lessons and demo scripts, and trace paths
that must not be written.

Each case must exit 2 with exactly one line on stderr, "descent: WHERE:
WHAT" (an expression's error adds two: the value, quoted, and a caret
under its column), no control character in it, nothing on stdout, and
no file created or changed in the working directory or the state
directory (a snapshot before and after). `descent lint` reports on
stdout by design: its cases give one "FILE:LINE: what" line there.

usage: bad_input_matrix.py DESCENT_BINARY REF_DIR
"""
import hashlib
import os
import re
import subprocess
import sys
import tempfile

from e2e_lib import BIN, check, finish

CONTROL = re.compile(r"[\x00-\x1f\x7f\x80-\x9f]")
LINE = re.compile(r"^descent: [^ ].*?: .+")
CTRL_VALUE = "\x1b[2J\x1b]0;pwned\x07\n1"
HUGE = "9" * 100000


def snapshot(*roots):
    """Every file and directory under roots: path -> (size, digest)."""
    seen = {}
    for root in roots:
        for d, dirs, files in os.walk(root):
            seen[d] = "dir"
            for f in files:
                p = os.path.join(d, f)
                with open(p, "rb") as fh:
                    seen[p] = hashlib.sha1(fh.read()).hexdigest()
    return seen


def options_of(command):
    """(name, takes a value) for each option --help lists."""
    p = subprocess.run([BIN] + command + ["--help"], capture_output=True,
                       text=True)
    out = []
    for line in p.stdout.splitlines():
        if not line.lstrip().startswith("--"):
            continue
        for m in re.finditer(r"--([a-z][a-z0-9-]*)( (?=[A-Za-z])[^ ]+)?",
                             line.split("  ", 2)[1] if line.startswith("  ")
                             else line):
            if m.group(1) not in [o for o, _ in out]:
                out.append((m.group(1), bool(m.group(2))))
    return out


def misspelt(name, names):
    """name with one letter dropped, when that is no other option."""
    for i in range(len(name) - 1, 0, -1):
        typo = name[:i] + name[i + 1:]
        if typo not in names and len(typo) > 1 and name[i] != "-":
            return typo
    return None


OUTPUT_ANY_NAME = {"export-python"}
MODEL_OPTIONS = {"data", "target", "features", "split", "no-shuffle", "batch",
                 "hidden", "scale", "init", "max-rows", "lambda"}


def option_cases():
    cases = []
    for command, context in ((["run"], []), (["tui"], []), (["hpo"], []),
                             (["gradcheck"], []),
                             (["gradcheck"], ["--wrt", "lr"]),
                             (["replay"], ["t.csv"]),
                             (["plot"], ["--out", "x.svg"])):
        opts = options_of(command + context)
        check(f"{' '.join(command + context)}: options listed", len(opts) > 1,
              opts)
        names = [o for o, _ in opts]
        for name, has_value in opts:
            if name == "wrt" and context:
                continue
            ctx = list(context)
            if name in MODEL_OPTIONS and command != ["hpo"]:
                ctx = ["--model", "linreg"] + ctx
            base = command + ctx
            if has_value:
                # Any name is a legal output file: there the control
                # characters are not bad input (the summary quotes it).
                if name not in OUTPUT_ANY_NAME:
                    cases.append(base + [f"--{name}", CTRL_VALUE])
                cases.append(base + [f"--{name}", ""])
                cases.append(base + [f"--{name}"])
                if command == ["run"] and name in ("lr", "objective", "data",
                                                   "optimizer", "start"):
                    cases.append(base + [f"--{name}", HUGE])
            else:
                cases.append(base + [f"--{name}=yes"])
            typo = misspelt(name, names)
            if typo and command != ["tui"]:
                cases.append(command + context + [f"--{typo}", "1"])
    return cases


def write(work, name, text, mode="w"):
    with open(os.path.join(work, name), mode) as f:
        f.write(text)


HEAD = ("step,loss,grad_norm,clipped,lr,hypergrad,lr_clamped,update_norm,"
        "x0,x1\n")
LESSON = "format: 1\nid: x\ntitle: t\nminutes: 1\n\n@step a\ntext: hi\n"

FILES = {
    # data sets (--data)
    "empty-cell.csv": "a,b,y\n1,,3\n",
    "repeated.csv": "a,a,y\n1,2,3\n",
    "short-row.csv": "a,b,y\n1,2\n",
    "header-only.csv": "a,b,y\n",
    "nan.csv": "a,b,y\n1,nan,3\n",
    "quote.csv": "a,b,y\n1,\"2\n3,4,5\n",
    "ctrl-cell.csv": "a,b,y\n1,\x1b[2J,3\n",
    "ctrl-name.csv": "a,\x1b]0;x\x07,y\n1,2,3\n",
    "empty.csv": "",
    "nul.csv": "a,b\x00c,y\n1,2,3\n",
    # initialisation files (--init)
    "init-word.txt": "1 2 \x1bx\n",
    "init-empty.txt": "# nothing\n",
    "init-many.txt": "1 2 3 4 5 6 7 8 9\n",
    "init-inf.txt": "1e999 2\n",
    # traces (replay)
    "t.csv": HEAD + "0,1,1,0,0.1,0,0,0,1,2\n",
    "bad-step.csv": HEAD + "0,1,1,0,0.1,0,0,0,1,2\n2,1,1,0,0.1,0,0,0,1,2\n",
    "bad-cell.csv": HEAD + "0,1,1,0,0.1,0,0,0,\x1b[2J,2\n",
    "bad-head.csv": "step,loss,\x1bx\n0,1,2\n",
    "no-rows.csv": HEAD,
    "not-trace.jsonl": "{\"type\":\"step\"}\n",
    "bad-json.jsonl": "{\"type\":\"header\",\n",
    "after-end.jsonl": ("{\"type\":\"header\",\"format\":1,\"columns\":"
                        "[\"step\",\"loss\",\"grad_norm\",\"clipped\",\"lr\","
                        "\"hypergrad\",\"lr_clamped\",\"update_norm\"]}\n"
                        "{\"type\":\"step\",\"step\":0,\"loss\":1,"
                        "\"grad_norm\":1,\"clipped\":0,\"lr\":1,\"hypergrad\":0,"
                        "\"lr_clamped\":0,\"update_norm\":0}\n"
                        "{\"type\":\"end\",\"status\":\"stopped\"}\n"
                        "{\"type\":\"step\"}\n"),
    "trace.txt": HEAD,
    # lessons and demo scripts, one problem each
    "no-minutes.lesson": "format: 1\nid: x\ntitle: t\n\n@step a\ntext: hi\n",
    "bad-key.lesson": LESSON + "optimizr: sgd\n",
    "bad-lr.lesson": LESSON + "lr: \x1b[2J\n",
    "bad-expr.lesson": LESSON + "objective: sni(x)\n",
    "bad-goal.lesson": LESSON + "goal: loss < 1e-3 within 0 steps\n",
    "tab.lesson": LESSON + "\tlr: 1\n",
    "bad-cmd.demo": "lessn 03-learning-rate\n",
    "bad-lesson.demo": "lesson 03-learnin-rate\n",
    "bad-key.demo": "key PgDown\n",
    "bad-run.demo": "run 0\n",
    "bad-set.demo": "set lr \x1b[2J\n",
    "ctrl.demo": "say \x1b[2J\x07\n",
}


def file_cases():
    lin = ["run", "--model", "linreg"]
    cases = [lin + ["--data", f] for f in FILES if f.endswith(".csv") and
             f not in ("t.csv", "bad-step.csv", "bad-cell.csv", "bad-head.csv",
                       "no-rows.csv")]
    cases += [["hpo", "--data", "repeated.csv"], ["hpo", "--data", "nan.csv"],
              lin + ["--data", "missing.csv"], lin + ["--data", "irs"],
              lin + ["--data", "."], lin + ["--features", "sepal_lenght",
                                            "--data", "iris"]]
    cases += [lin + ["--init", f] for f in FILES if f.startswith("init-")]
    cases += [lin + ["--init", "."], lin + ["--init", "missing.txt"]]
    cases += [["replay", f] for f in FILES if f.endswith((".csv", ".jsonl",
                                                          ".txt"))
              and f not in ("t.csv", "empty.csv") and not f.startswith("init")
              and f in ("bad-step.csv", "bad-cell.csv", "bad-head.csv",
                        "no-rows.csv", "not-trace.jsonl", "bad-json.jsonl",
                        "after-end.jsonl", "trace.txt")]
    cases += [["replay", "missing.csv"], ["replay", "sub"], ["replay"],
              ["replay", "t.csv", "t.csv"],
              ["replay", "t.csv", "--objective", "sni(x)"],
              ["replay", "\x1b[2J.csv"]]
    cases += [["lesson", f] for f in FILES if f.endswith(".lesson")]
    cases += [["demo", f] for f in FILES if f.endswith(".demo")]
    cases += [["demo", "missing.demo"], ["demo"], ["demo", "a.demo", "b.demo"],
              ["lesson", "nonesuch"], ["lesson", "\x1b[2J"],
              ["lesson", "--nonesuch"], ["lesson", "a", "b"],
              ["lesson", "--reset", "nonesuch"]]
    # trace paths that must not be written
    for command in (["run"], ["hpo"]):
        cases += [command + ["--trace", "t.csv"],
                  command + ["--trace", "sub"],
                  command + ["--trace", "sub.csv"],
                  command + ["--trace", "nodir/x.csv"],
                  command + ["--trace", "x.txt"]]
    cases += [["plot", "--out", "x.svg", "--trace", f]
              for f in ("bad-step.csv", "bad-json.jsonl", "missing.csv")]
    cases += [["plot", "--out", "t.csv"], ["plot", "--out", "x.pdf"],
              ["plot"], ["plot", "--out", "sub/"]]
    cases += [["hpo", "--trace", "x.jsonl"], ["hpo", "--trace", "-"],
              ["hpo", "--tui", "--trace", "x.csv"],
              ["tui", "--trace", "x.csv"]]
    # expressions (the caret form) and whole commands
    for expr in ("x +", "sni(x)", "(x", "x\x1b", "1/(" * 40, "x" * 3000 + "#",
                 "(" * 65 + "x" + ")" * 65):
        cases.append(["run", "--objective", expr])
    cases += [["gradcheck", "--objective", "x ^^ 2"],
              ["gradcheck", "--wrt", "lr", "--objective", "x +"],
              ["nonesuch"], ["rn"], ["--nonesuch"], ["\x1b[2J"],
              ["list", "nonesuch"], ["list", "objectivs"], ["list", "a", "b"],
              ["list", "\x1b[2J"], ["bench", "--x"], ["lint"],
              ["hpo", "--over", "lambda", "--model", "mlp"],
              ["hpo", "--split", "1"], ["hpo", "--method", "bayes",
                                        "--budget", "301"],
              ["run", "--model", "linreg", "--objective", "quadratic"],
              ["run", "--lr-min", "1", "--lr-max", "0.5"],
              ["run", "--start", "1,2,3"], ["run", "--steps", "1e99"],
              ["run", "--target", "x"]]
    return cases


def run_case(args, work, env):
    return subprocess.run([BIN] + args, capture_output=True, cwd=work,
                          env=env, stdin=subprocess.DEVNULL, timeout=120)


def judge(args, p, lint=False):
    name = " ".join(repr(a) if len(a) < 40 else repr(a[:30]) + "…"
                    for a in args)
    err = p.stderr.decode("utf-8", "replace")
    out = p.stdout.decode("utf-8", "replace")
    lines = err.split("\n")
    ok_code = p.returncode == 2
    if lint:
        lines = out.split("\n")
        shape = len(lines) == 2 and lines[1] == "" and \
            re.match(r"^[^ ]+:\d*:? ?.+", lines[0]) and err == ""
    else:
        caret = len(lines) == 4 and lines[3] == "" and \
            lines[1].startswith("  ") and lines[2].strip() == "^"
        shape = ((len(lines) == 2 and lines[1] == "") or caret) and \
            LINE.match(lines[0]) is not None and out == ""
    check(f"[{name}] exit 2", ok_code, (p.returncode, err[:300]))
    check(f"[{name}] one line", bool(shape), repr((out[:300], err[:300])))
    check(f"[{name}] no control characters",
          not CONTROL.search(err.replace("\n", "")) and
          not CONTROL.search(out.replace("\n", "")), repr(err[:300]))
    check(f"[{name}] bounded", all(len(l) < 1100 for l in lines), len(err))


def main():
    cases = option_cases() + file_cases()
    lint_cases = [["lint", f] for f in FILES if f.endswith((".lesson",
                                                             ".demo"))]
    lint_cases += [["lint", "x.txt"]]
    with tempfile.TemporaryDirectory() as tmp:
        work = os.path.join(tmp, "work")
        state = os.path.join(tmp, "state")
        os.makedirs(os.path.join(work, "sub"))
        os.makedirs(os.path.join(work, "sub.csv"))
        os.makedirs(os.path.join(state, "descent"))
        with open(os.path.join(state, "descent", "progress"), "w") as f:
            f.write("# descent progress 1\n01-gradient bowl\n")
        for name, text in FILES.items():
            write(work, name, text)
        env = dict(os.environ, XDG_STATE_HOME=state, HOME=tmp,
                   LC_ALL="C.UTF-8")
        before = snapshot(work, state)
        for args in cases + lint_cases:
            judge(args, run_case(args, work, env),
                  lint=args[0] == "lint" and len(args) > 1)
            after = snapshot(work, state)
            changed = sorted(set(before.items()) ^ set(after.items()))
            check(f"[{' '.join(map(repr, args))[:80]}] no file created or "
                  "changed", not changed, changed[:10])
            before = after
    n = len(cases) + len(lint_cases)
    check("at least 100 cases", n >= 100, n)
    print(f"bad-input matrix: {n} cases")
    return finish("bad-input matrix")


sys.exit(main())
