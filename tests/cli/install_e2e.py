#!/usr/bin/env python3
"""End-to-end test of `meson install`: into a temporary root with
--destdir, then the installed binary, run from another directory, finds
its own lessons and data, checks an installed lesson, `man -l` renders
the installed page, which names every command and option, and the bash
completion (compgen, in a plain bash) completes commands, option names
and values; zsh and fish read theirs without error.

usage: install_e2e.py MESON BUILD_DIR
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

MESON, BUILD = sys.argv[1], os.path.abspath(sys.argv[2])
tally = {"passed": 0, "failed": 0}


def check(name, cond, detail=""):
    tally["passed" if cond else "failed"] += 1
    if not cond:
        print(f"FAIL {name}: {detail}")


def sh(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=300,
                          **kw)


def installed_paths(root):
    p = sh([MESON, "introspect", BUILD, "--buildoptions"])
    opts = {o["name"]: o["value"] for o in json.loads(p.stdout)}
    prefix = root + opts["prefix"]
    return {k: os.path.join(prefix, opts[k]) for k in ("bindir", "datadir",
                                                        "mandir")}


def clean_env(bindir):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("DESCENT_")}
    env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
    return env


def test_program(paths, env, elsewhere):
    exe = os.path.join(paths["bindir"], "descent")
    lessons = os.path.join(paths["datadir"], "descent", "lessons")
    check("binary installed", os.access(exe, os.X_OK), exe)
    # A lesson only the installed tree has: it proves which tree is read.
    shutil.copy(os.path.join(lessons, "01-gradient.lesson"),
                os.path.join(lessons, "99-installed.lesson"))
    with open(os.path.join(lessons, "99-installed.lesson")) as f:
        text = f.read().replace("id: 01-gradient", "id: 99-installed")
    with open(os.path.join(lessons, "99-installed.lesson"), "w") as f:
        f.write(text)
    p = sh([exe, "list", "lessons"], cwd=elsewhere, env=env)
    ids = [l.split()[0] for l in p.stdout.splitlines() if l.strip()]
    check("installed lessons listed from another directory",
          p.returncode == 0 and "01-gradient" in ids and "99-installed" in ids,
          (p.returncode, p.stderr, ids))
    p = sh([exe, "lint", os.path.join(lessons, "04-learning-rate.lesson")],
           cwd=elsewhere, env=env)
    check("lint checks an installed lesson", p.returncode == 0 and
          "no problems" in p.stdout, (p.returncode, p.stdout, p.stderr))
    p = sh([exe, "run", "--model", "logreg", "--steps", "3", "--quiet"],
           cwd=elsewhere, env=env)
    check("installed data sets found", p.returncode == 0, p.stderr)


def test_man(paths, env):
    page = os.path.join(paths["mandir"], "man1", "descent.1")
    check("man page installed", os.path.exists(page), page)
    p = sh(["man", "-l", page], env=dict(env, MANWIDTH="100", MAN_KEEP_FORMATTING=""))
    # Overstrikes out, and words hyphenated at a line end joined again.
    text = re.sub(r"\u2010\n\s*", "", re.sub(r".\x08", "", p.stdout))
    check("man -l renders the page", p.returncode == 0 and "SYNOPSIS" in text,
          (p.returncode, p.stderr[:200]))
    return text


def completion_options(bash_script):
    """Per command, the options its completion offers (from the tables)."""
    cmds, cur = {}, None
    for line in bash_script.splitlines():
        m = re.match(r"^        ([a-z]+)\)$", line)
        if m:
            cur = m.group(1)
        m = re.match(r"^            opts='([^']*)'", line)
        if m and cur:
            cmds[cur] = m.group(1).split()
    return cmds


def test_every_option_documented(bash_script, man_text, exe, env):
    cmds = completion_options(bash_script)
    check("completions cover every command", len(cmds) >= 12, list(cmds))
    for cmd, opts in cmds.items():
        check(f"man page names {cmd}", re.search(rf"\b{cmd}\b", man_text),
              cmd)
        help_text = sh([exe, cmd, "--help"], env=env).stdout
        if cmd == "gradcheck":  # --wrt lr has its own help
            help_text += sh([exe, cmd, "--wrt", "lr", "--help"], env=env).stdout
        for o in (o for o in opts if o != "--help"):
            check(f"man page documents {cmd} {o}", o in man_text, o)
            check(f"{cmd} --help documents {o}", o in help_text, o)


def complete(script, words, env):
    """What bash's completion offers for the words typed so far."""
    code = (f"source {script}\nCOMP_WORDS=({' '.join(repr(w) for w in words)})\n"
            f"COMP_CWORD={len(words) - 1}\n_descent\n"
            'printf "%s\\n" "${COMPREPLY[@]}"\n')
    p = sh(["bash", "--norc", "--noprofile", "-c", code], env=env)
    return sorted(l for l in p.stdout.splitlines() if l)


def test_bash(paths, env, elsewhere):
    script = os.path.join(paths["datadir"], "bash-completion", "completions",
                          "descent")
    check("bash completion installed", os.path.exists(script), script)
    cases = [
        (["descent", "r"], ["replay", "run"]),
        (["descent", "pl"], ["plot"]),
        (["descent", "run", "--opt"], ["--optimizer"]),
        (["descent", "run", "--hyp"], ["--hypergrad"]),
        (["descent", "plot", "--pan"], ["--panels"]),
        (["descent", "hpo", "--ov"], ["--over"]),
        (["descent", "run", "--optimizer", "ad"],
         ["adadelta", "adagrad", "adam", "adamax", "adamw"]),
        (["descent", "run", "--schedule", "c"], ["cosine:"]),
        (["descent", "run", "--hypergrad", ""], ["add", "mult", "off"]),
        (["descent", "run", "--clip", "n"], ["none", "norm:"]),
        (["descent", "plot", "--theme", "l"], ["light"]),
        (["descent", "run", "--lr", ""], []),
        (["descent", "list", "o"], ["objectives", "optimizers"]),
        (["descent", "completion", "f"], ["fish"]),
        (["descent", "lesson", "04"], ["04-learning-rate"]),
    ]
    for words, want in cases:
        got = complete(script, words, env)
        check(f"bash completes {' '.join(words)!r}", got == want, got)
    with open(os.path.join(elsewhere, "a.csv"), "w") as f:
        f.write("x")
    got = complete(script, ["descent", "replay", os.path.join(elsewhere, "a.")],
                   env)
    check("bash completes a trace's file name", got ==
          [os.path.join(elsewhere, "a.csv")], got)
    with open(script) as f:
        return f.read()


def test_zsh_fish(paths):
    for shell, path in [
        ("zsh", os.path.join(paths["datadir"], "zsh", "vendor-completions",
                             "_descent")),
        ("fish", os.path.join(paths["datadir"], "fish",
                              "vendor_completions.d", "descent.fish")),
    ]:
        check(f"{shell} completion installed", os.path.exists(path), path)
        if shutil.which(shell):
            p = sh([shell, "-n", path])
            check(f"{shell} reads its completion", p.returncode == 0, p.stderr)


def main():
    with tempfile.TemporaryDirectory() as root, \
            tempfile.TemporaryDirectory() as elsewhere:
        p = sh([MESON, "install", "-C", BUILD, "--destdir", root,
                "--no-rebuild", "--quiet"])
        check("meson install --destdir", p.returncode == 0, p.stderr[-2000:])
        if p.returncode != 0:
            return 1
        paths = installed_paths(root)
        env = clean_env(paths["bindir"])
        test_program(paths, env, elsewhere)
        man_text = test_man(paths, env)
        bash_script = test_bash(paths, env, elsewhere)
        test_every_option_documented(bash_script, man_text,
                                     os.path.join(paths["bindir"], "descent"),
                                     env)
        test_zsh_fish(paths)
    print(f"install-e2e: {tally['passed']} passed, {tally['failed']} failed")
    return 1 if tally["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
