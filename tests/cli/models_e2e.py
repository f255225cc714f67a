#!/usr/bin/env python3
"""End-to-end tests of the model commands: descent run --model (summaries,
traces with the model columns, the MLP against the PyTorch reference),
descent hpo, descent list models|datasets, and bad data (exit 2, one line
on stderr naming FILE:LINE:COLUMN, nothing written).

usage: models_e2e.py DESCENT_BINARY REF_DIR [--update]
--update rewrites the golden files in tests/cli/golden from the binary.
"""
import os
import sys
import tempfile

from e2e_lib import REF, check, finish, golden, read_csv, rel, run


def test_golden():
    for name, args in [
        ("run_logreg_iris.txt",
         ["run", "--model", "logreg", "--data", "iris", "--optimizer", "sgd",
          "--lr", "0.5", "--steps", "200"]),
        ("run_mlp_sgdhd.txt",
         ["run", "--model", "mlp", "--optimizer", "sgd", "--hypergrad", "add",
          "--steps", "100", "--seed", "3"]),
        ("run_softmax_digits_batch.txt",
         ["run", "--model", "softmax", "--data", "digits", "--scale", "none",
          "--batch", "64", "--lr", "0.01", "--steps", "50"]),
        ("run_ridge.txt",
         ["run", "--model", "ridge", "--lambda", "10", "--optimizer",
          "momentum", "--lr", "1e-4", "--steps", "300"]),
        ("hpo_ridge.txt", ["hpo", "--model", "ridge", "--data", "diabetes"]),
        ("list_models.txt", ["list", "models"]),
        ("list_datasets.txt", ["list", "datasets"]),
    ]:
        p = run(args)
        check(f"{name} exit", p.returncode == 0, p.stderr)
        golden(name, p.stdout, tol=1e-9)


# The reference's setting: its data unscaled, unshuffled, every row for
# training; its initial parameters; SGD-HD with α0 0.01 and β 1e-3.
MLP_REF = ["run", "--model", "mlp", "--data", os.path.join(REF, "mlp_data.csv"),
           "--init", os.path.join(REF, "mlp_init.txt"), "--split", "1",
           "--no-shuffle", "--scale", "none", "--optimizer", "sgd", "--lr",
           "0.01", "--steps", "100", "--quiet", "--trace"]


def test_mlp_matches_pytorch(tmp):
    out = os.path.join(tmp, "mlp.csv")
    p = run(MLP_REF + [out, "--hypergrad", "add", "--hd-beta", "1e-3"])
    check("mlp trace exit", p.returncode == 0, p.stderr)
    head, rows = read_csv(out)
    ref_head, ref = read_csv(os.path.join(REF, "mlp_sgdhd.csv"))
    check("mlp trace rows", len(rows) == len(ref) == 101, len(rows))
    cols = {c: head.index(c) for c in ("loss", "grad_norm", "lr", "hypergrad")}
    worst = max(rel(r[cols[c]], q[ref_head.index(c)])
                for r, q in zip(rows, ref) for c in cols)
    check("mlp SGD-HD trace within 1e-9 of PyTorch", worst <= 1e-9, worst)
    check("mlp trace has 16 parameter columns, no validation",
          head[-3:] == ["x15", "evals", "gevals"] and "val_loss" not in head,
          head[-3:])
    out2 = os.path.join(tmp, "sgd.csv")
    p = run(MLP_REF + [out2])
    _, rows = read_csv(out2)
    worst = max(rel(r[1], q[ref_head.index("loss_sgd")])
                for r, q in zip(rows, ref))
    check("mlp SGD trace within 1e-9 of PyTorch", worst <= 1e-9, worst)


def test_model_columns(tmp):
    out = os.path.join(tmp, "lg.csv")
    p = run(["run", "--model", "softmax", "--batch", "16", "--steps", "30",
             "--trace", out, "--trace-params", "2", "--quiet"])
    check("softmax trace exit", p.returncode == 0, p.stderr)
    head, rows = read_csv(out)
    check("model columns after the parameters",
          head[8:] == ["x0", "x1", "val_loss", "train_acc", "val_acc",
                       "batch_loss", "evals", "gevals"], head)
    check("accuracies are fractions",
          all(0 <= r[11] <= 1 and 0 <= r[12] <= 1 for r in rows), rows[-1])
    check("batch loss differs from the full loss",
          any(r[13] != r[1] for r in rows), rows[1])


def test_hpo_trace(tmp):
    out = os.path.join(tmp, "hpo.csv")
    p = run(["hpo", "--method", "gradient", "--trace", out])
    check("hpo trace exit", p.returncode == 0, p.stderr)
    head, _ = read_csv_text(out)
    check("hpo trace header",
          head == "method,eval,h,value,best_h,best,cost", head)


def test_gradcheck_lr():
    p = run(["gradcheck", "--wrt", "lr", "--objective", "quadratic",
             "--optimizer", "momentum", "--lr", "0.05", "--steps", "50"])
    check("gradcheck --wrt lr exit", p.returncode == 0, p.stderr)
    errs = [float(l.split()[-1]) for l in p.stdout.splitlines()
            if "rel error" in l]
    check("central differences meet forward mode", len(errs) == 11 and
          min(errs) < 1e-8, p.stdout)


def read_csv_text(path):
    with open(path) as f:
        lines = f.read().splitlines()
    return lines[0], lines[1:]


BAD_FILES = {
    "ragged.csv": "a,b,y\n1,2,3\n4,5\n",
    "text.csv": "a,b,y\n1,2,3\n4,five,6\n",
    "empty.csv": "",
    "header.csv": "a,b,y\n",
    "const.csv": "a,b,y\n1,2,3\n1,4,5\n1,5,7\n",
    "nan.csv": "a,b,y\n1,nan,3\n",
    "good.csv": "a,b,y\n1,2,3\n4,5,7\n2,2,2\n",
    "frac.csv": "a,y\n1,2.5\n2,3\n",
}

BAD = [
    (["run", "--model", "linreg", "--data", "ragged.csv", "--features", "a"],
     "descent: ragged.csv:3:3: row has 2 fields, the header has 3"),
    (["run", "--model", "linreg", "--data", "text.csv"],
     "descent: text.csv:3:2: column 'b': not a number: 'five'"),
    (["run", "--model", "mlp", "--data", "empty.csv"],
     "descent: empty.csv:1: empty file: expected a header line of column names"),
    (["run", "--model", "mlp", "--data", "header.csv"],
     "descent: header.csv:1: no data rows after the header"),
    (["run", "--model", "mlp", "--data", "const.csv", "--split", "1"],
     "descent: const.csv:1:1: column 'a' is constant over the training rows: "
     "it cannot be standardised (drop it with --features or use --scale none)"),
    (["run", "--model", "mlp", "--data", "nan.csv"],
     "descent: nan.csv:2:2: column 'b': not a finite number: 'nan'"),
    (["run", "--model", "mlp", "--data", "good.csv", "--target", "z"],
     "descent: good.csv:1: no target column 'z'"),
    (["run", "--model", "mlp", "--data", "good.csv", "--features", "a,q"],
     "descent: good.csv:1: unknown feature 'q'"),
    (["run", "--model", "mlp", "--data", "missing.csv"],
     "descent: missing.csv: cannot open: No such file or directory"),
    (["run", "--model", "logreg", "--data", "good.csv", "--features", "a"],
     "descent: good.csv:1: the model takes 2 features, 1 given"),
    (["run", "--model", "softmax", "--data", "frac.csv"],
     "descent: frac.csv: target 'y' has the value 2.5: a class label must be "
     "a whole number"),
    (["run", "--model", "mlp", "--start", "1,2"],
     "descent: --start: the mlp model has 769 parameters, got 2 numbers "
     "(give them with --init FILE)"),
    (["run", "--model", "mlp", "--init", "ragged.csv"],
     "descent: ragged.csv:1:1: not a number: 'a'"),
    (["run", "--model", "mlpp"],
     "descent: --model: unknown model 'mlpp' (did you mean 'mlp'?)"),
    (["run", "--model", "mlp", "--objective", "quadratic"],
     "descent: --model: give --model or --objective, not both"),
    (["run", "--batch", "8"], "descent: --model: the model options need --model NAME"),
    (["run", "--model", "mlp", "--batch", "0"],
     "descent: --batch: must be at least 1, got 0"),
    (["run", "--model", "mlp", "--batch", "8", "--grad", "central"],
     "descent: --batch: minibatches need --grad analytic"),
    (["run", "--model", "mlp", "--grad", "ad"],
     "descent: --grad: models have analytic and central-difference gradients, not ad"),
    (["run", "--model", "mlp", "--split", "0"],
     "descent: --split: must be above 0 and at most 1, got 0"),
    (["run", "--model", "mlp", "--scale", "minmax"],
     "descent: --scale: 'minmax' is not standard or none"),
    (["run", "--model", "softmax", "--data", "diabetes", "--target", "sex",
      "--hidden", "0"], "descent: --hidden: must be at least 1, got 0"),
    (["hpo", "--model", "mlp"], "descent: --model: --over lambda needs --model ridge"),
    (["hpo", "--split", "1"],
     "descent: --split: the search needs validation rows: a split below 1"),
    (["hpo", "--range", "10:1"], "descent: --range: needs 0 < LO < HI, got 10:1"),
    (["hpo", "--method", "newton"],
     "descent: --method: 'newton' is not grid, random, bayes, gradient or all"),
    (["gradcheck", "--wrt", "theta"], "descent: --wrt: 'theta' is not lr"),
    (["gradcheck", "--wrt", "lr", "--steps", "0"],
     "descent: --steps: must be at least 1, got 0"),
    (["list", "model"], "descent: list: unknown list 'model' (did you mean 'models'?)"),
]


def test_bad_input(tmp):
    work = os.path.join(tmp, "bad")
    os.makedirs(work)
    for name, text in BAD_FILES.items():
        with open(os.path.join(work, name), "w") as f:
            f.write(text)
    before = sorted(os.listdir(work))
    for args, want in BAD:
        p = run(args, cwd=work)
        name = " ".join(args)
        check(f"bad [{name}] exit 2", p.returncode == 2, p.returncode)
        check(f"bad [{name}] message", p.stderr == want + "\n",
              f"\n want {want!r}\n got  {p.stderr!r}")
        check(f"bad [{name}] no stdout", p.stdout == "", p.stdout)
    check("nothing written", sorted(os.listdir(work)) == before)


def test_help():
    for args in (["hpo", "--help"], ["run", "--help"]):
        p = run(args)
        check(f"{args} help", p.returncode == 0 and "--model" in p.stdout,
              p.stderr)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        test_golden()
        test_mlp_matches_pytorch(tmp)
        test_model_columns(tmp)
        test_hpo_trace(tmp)
        test_gradcheck_lr()
        test_bad_input(tmp)
        test_help()
    return finish("models cli")


sys.exit(main())
