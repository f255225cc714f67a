/* The script is written in the order of one update (DESIGN §2) so that
 * it reads as the step panel does. What varies with the settings comes
 * from tables: an optimiser is one entry (its torch.optim call and how
 * its direction d_t is read back from its state), as a gradient method,
 * a clipping mode and a schedule are. direction() gets θ before the
 * step and the state before it, for weight decay (d includes it, as
 * descent's does) and adadelta's accumulator. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "export_impl.h"
#include "objective_open.h"

typedef struct {
    const char *name;        /* descent's --optimizer */
    const char *construct;   /* the torch.optim call: {lr} {momentum}
                                {dampening} {beta1} {beta2} {rho} {eps}
                                {wd} {amsgrad} are filled in */
    const char *doc;         /* direction()'s docstring */
    const char *body;        /* direction()'s body; G is ĝ with coupled
                                decay, the gradient the step used */
} py_optimizer;

#define ADAM_BODY(max_v)                                                  \
    "    state, (beta1, beta2) = opt.state[theta], opt.defaults[\"betas\"]\n" \
    "    t = float(state[\"step\"])\n"                                      \
    "    v = state[\"max_exp_avg_sq\"] if opt.defaults[\"amsgrad\"] else " \
    "state[\"exp_avg_sq\"]\n"                                              \
    "    m_hat = state[\"exp_avg\"] / (1 - beta1 ** t)\n"                   \
    "    v_hat_sqrt = v.sqrt() / math.sqrt(1 - beta2 ** t)\n"                \
    "    d = m_hat / (v_hat_sqrt + opt.defaults[\"eps\"])\n"               \
    "    return d" max_v "\n"

static const py_optimizer optimizers[] = {
    {"sgd", "torch.optim.SGD([theta], lr={lr}, weight_decay={wd})",
     "SGD: d = ĝ, the (clipped) gradient.",
     "    return G\n"},
    {"momentum", "torch.optim.SGD([theta], lr={lr}, momentum={momentum}, "
     "dampening={dampening}, weight_decay={wd})",
     "heavy ball: d = v, the buffer v = μv + (1 - D)ĝ (ĝ at the first step).",
     "    return opt.state[theta][\"momentum_buffer\"].clone()\n"},
    {"nesterov",
     "torch.optim.SGD([theta], lr={lr}, momentum={momentum}, nesterov=True, "
     "weight_decay={wd})",
     "Nesterov: d = ĝ + μv, the buffer v = μv + ĝ.",
     "    buf = opt.state[theta][\"momentum_buffer\"]\n"
     "    return G.add(buf, alpha=opt.defaults[\"momentum\"])\n"},
    {"adagrad", "torch.optim.Adagrad([theta], lr={lr}, eps={eps}, "
     "weight_decay={wd})",
     "AdaGrad: d = ĝ / (√G + ε), G the sum of ĝ².",
     "    S = opt.state[theta][\"sum\"]\n"
     "    return G / (S.sqrt() + opt.defaults[\"eps\"])\n"},
    {"rmsprop", "torch.optim.RMSprop([theta], lr={lr}, alpha={rho}, eps={eps}, "
     "weight_decay={wd})",
     "RMSprop: d = ĝ / (√s + ε), s = ρs + (1 - ρ)ĝ².",
     "    s = opt.state[theta][\"square_avg\"]\n"
     "    return G / (s.sqrt() + opt.defaults[\"eps\"])\n"},
    {"adam",
     "torch.optim.Adam([theta], lr={lr}, betas=({beta1}, {beta2}), eps={eps}, "
     "weight_decay={wd}, amsgrad={amsgrad})",
     "Adam: d = m̂ / (√v̂ + ε), m̂ = m / (1 - β1^t), v̂ = v / (1 - β2^t)\n"
     "    (v's running maximum with amsgrad).",
     ADAM_BODY("")},
    {"adamw",
     "torch.optim.AdamW([theta], lr={lr}, betas=({beta1}, {beta2}), "
     "eps={eps}, weight_decay={wd}, amsgrad={amsgrad})",
     "AdamW: d = m̂ / (√v̂ + ε) + Wθ, so that θ - αd is its step\n"
     "    θ(1 - αW) - α m̂ / (√v̂ + ε).",
     ADAM_BODY(".add(before, alpha=opt.defaults[\"weight_decay\"])")},
    {"nadam",
     "torch.optim.NAdam([theta], lr={lr}, betas=({beta1}, {beta2}), "
     "eps={eps}, weight_decay={wd})",
     "NAdam (torch 1.13): d = (1-μ)/(1-Π)·ĝ/D + μ'/(1-Π')·m/D with\n"
     "    D = √(v/(1-β2^t)) + ε, μ the momentum schedule, Π its product.",
     "    state, (beta1, beta2) = opt.state[theta], opt.defaults[\"betas\"]\n"
     "    t, psi = float(state[\"step\"]), opt.defaults[\"momentum_decay\"]\n"
     "    mu = beta1 * (1. - 0.5 * (0.96 ** (t * psi)))\n"
     "    mu_next = beta1 * (1. - 0.5 * (0.96 ** ((t + 1) * psi)))\n"
     "    prod = state[\"mu_product\"].item()\n"
     "    prod_next = prod * mu * mu_next  # torch 1.13 takes μ twice\n"
     "    D = (state[\"exp_avg_sq\"] / (1 - beta2 ** t)).sqrt() + "
     "opt.defaults[\"eps\"]\n"
     "    return ((1 - mu) / (1 - prod)) * G / D + "
     "(mu_next / (1 - prod_next)) * state[\"exp_avg\"] / D\n"},
    {"adamax",
     "torch.optim.Adamax([theta], lr={lr}, betas=({beta1}, {beta2}), "
     "eps={eps}, weight_decay={wd})",
     "Adamax: d = m̂ / u, u = max(β2 u, |ĝ| + ε).",
     "    state, (beta1, _) = opt.state[theta], opt.defaults[\"betas\"]\n"
     "    t = float(state[\"step\"])\n"
     "    return state[\"exp_avg\"] / (1 - beta1 ** t) / state[\"exp_inf\"]\n"},
    {"adadelta",
     "torch.optim.Adadelta([theta], lr={lr}, rho={rho}, eps={eps}, "
     "weight_decay={wd})",
     "Adadelta: d = √(a + ε)/√(s + ε)·ĝ with a, the average of d², as it\n"
     "    was before the step.",
     "    a = old.get(\"acc_delta\", torch.zeros_like(theta))\n"
     "    eps = opt.defaults[\"eps\"]\n"
     "    std = opt.state[theta][\"square_avg\"].add(eps).sqrt()\n"
     "    return a.add(eps).sqrt().div(std).mul(G)\n"},
};

/* The schedules (DESIGN §3c), torch's: {n} {gamma} {min} {factor}. */
static const char *const schedules[SCHED_KIND_COUNT] = {
    NULL,
    "torch.optim.lr_scheduler.StepLR(opt, {n}, {gamma})",
    "torch.optim.lr_scheduler.ExponentialLR(opt, {gamma})",
    "torch.optim.lr_scheduler.CosineAnnealingLR(opt, {n}, eta_min={min})",
    "torch.optim.lr_scheduler.LinearLR(opt, start_factor={factor}, "
    "total_iters={n})",
};

static const py_optimizer *find_optimizer(const char *name)
{
    for (size_t i = 0; i < sizeof optimizers / sizeof optimizers[0]; i++)
        if (strcmp(optimizers[i].name, name) == 0)
            return &optimizers[i];
    return NULL;
}

/* The gradient methods: analytic and ad both become autograd (torch's
 * is automatic differentiation; descent's hand-written gradients agree
 * with it to the last digits). */
static const char grad_autograd[] =
    "def gradient(theta):\n"
    "    \"\"\"f(θ) and ∇f(θ), by automatic differentiation.\"\"\"\n"
    "    theta.grad = None\n"
    "    loss = f(theta)\n"
    "    loss.backward()\n"
    "    return loss.item(), theta.grad.clone()\n";

static const char grad_forward[] =
    "def gradient(theta):\n"
    "    \"\"\"f(θ) and ∇f(θ) by forward differences with step H, divided\n"
    "    by the step actually taken (DESIGN §3e).\"\"\"\n"
    "    with torch.no_grad():\n"
    "        g, f0 = torch.empty_like(theta), f(theta)\n"
    "        for i in range(len(theta)):\n"
    "            up = theta.clone()\n"
    "            up[i] += H\n"
    "            g[i] = (f(up) - f0) / (up[i] - theta[i])\n"
    "        return f0.item(), g\n";

static const char grad_central[] =
    "def gradient(theta):\n"
    "    \"\"\"f(θ) and ∇f(θ) by central differences with step H, divided\n"
    "    by the step actually taken (DESIGN §2).\"\"\"\n"
    "    with torch.no_grad():\n"
    "        g = torch.empty_like(theta)\n"
    "        for i in range(len(theta)):\n"
    "            up, down = theta.clone(), theta.clone()\n"
    "            up[i] += H\n"
    "            down[i] -= H\n"
    "            g[i] = (f(up) - f(down)) / (up[i] - down[i])\n"
    "        return f(theta).item(), g\n";

static const char clip_none[] =
    "    theta.grad = g.clone()\n"
    "    clipped = False\n";

static const char clip_norm[] =
    "    # Clip: ĝ = g·min(1, C/‖g‖). (torch.nn.utils.clip_grad_norm_ divides\n"
    "    # by ‖g‖ + 1e-6, which changes the seventh digit.)\n"
    "    clipped = norm(g) > CLIP\n"
    "    theta.grad = g * (CLIP / norm(g)) if clipped else g.clone()\n";

static const char clip_value[] =
    "    # Clip: ĝ_i = clamp(g_i, -C, C).\n"
    "    theta.grad = g.clone()\n"
    "    clipped = bool((g.abs() > CLIP).any())\n"
    "    torch.nn.utils.clip_grad_value_([theta], CLIP)\n";

static const char hd_add[] =
    "    # Hypergradient descent (Baydin et al., ICLR 2018), additive rule:\n"
    "    # α_t = α_{t-1} + β g_t·d_{t-1}, with the raw gradient g_t and the\n"
    "    # previous direction d_{t-1} (zero at t = 1).\n"
    "    h = dot(g, d)\n"
    "    lr = lr + BETA * h\n";

static const char hd_mult[] =
    "    # Hypergradient descent (Baydin et al., ICLR 2018), multiplicative\n"
    "    # rule: α_t = α_{t-1}(1 + β cos(g_t, d_{t-1})), unchanged when a\n"
    "    # norm is zero.\n"
    "    h = dot(g, d) / (norm(g) * norm(d)) if norm(g) > 0 and norm(d) > 0 else 0\n"
    "    lr = lr * (1 + BETA * h)\n";

static const char hd_clamp[] =
    "    clamped = not LR_MIN <= lr <= LR_MAX\n"
    "    lr = min(max(lr, LR_MIN), LR_MAX)\n"
    "    for group in opt.param_groups:\n"
    "        group[\"lr\"] = lr\n";

static const char update_plain[] =
    "    # Update: θ_t = θ_{t-1} - α_t d_t, as torch.optim rounds it.\n"
    "    before, old = saved(opt, theta)\n"
    "    opt.step()\n"
    "    d = direction(opt, theta, before, old)\n";

/* With α changing, descent takes θ - α d as the paper writes it; torch's
 * own update rounds differently, which near a stability limit grows. */
static const char update_hd[] =
    "    # Update: θ_t = θ_{t-1} - α_t d_t as the paper writes it; torch.optim\n"
    "    # keeps the optimiser's state (its own update rounds differently).\n"
    "    before, old = saved(opt, theta)\n"
    "    opt.step()\n"
    "    d = direction(opt, theta, before, old)\n"
    "    with torch.no_grad():\n"
    "        theta.copy_(before - lr * d)\n";

/* descent's number format (fmt_double.h) from Python's shortest repr. */
static const char helpers[] =
    "def number(v):\n"
    "    \"\"\"v as descent writes it: the shortest text that reads back to v.\"\"\"\n"
    "    if math.isnan(v) or math.isinf(v):\n"
    "        return \"nan\" if math.isnan(v) else \"inf\" if v > 0 else \"-inf\"\n"
    "    if v == 0:\n"
    "        return \"-0\" if math.copysign(1, v) < 0 else \"0\"\n"
    "    sign, digits, exp = decimal.Decimal(repr(v)).normalize().as_tuple()\n"
    "    ds, s = \"\".join(map(str, digits)), \"-\" if sign else \"\"\n"
    "    x = len(ds) + exp - 1  # the exponent of the first digit\n"
    "    if not -4 <= x < 17:\n"
    "        return s + ds[0] + (\".\" + ds[1:] if len(ds) > 1 else \"\") + \"e%+03d\" % x\n"
    "    if x < 0:\n"
    "        return s + \"0.\" + \"0\" * (-x - 1) + ds\n"
    "    if x >= len(ds) - 1:\n"
    "        return s + ds + \"0\" * (x - len(ds) + 1)\n"
    "    return s + ds[:x + 1] + \".\" + ds[x + 1:]\n"
    "\n\n"
    "def dot(a, b):\n"
    "    \"\"\"Σ a_i b_i, summed in order as descent sums it.\"\"\"\n"
    "    return sum(u * v for u, v in zip(a.tolist(), b.tolist()))\n"
    "\n\n"
    "def norm(v):\n"
    "    return math.sqrt(dot(v, v))\n"
    "\n\n"
    "def saved(opt, theta):\n"
    "    \"\"\"θ and the optimiser's tensors before a step.\"\"\"\n"
    "    old = {k: v.clone() for k, v in opt.state[theta].items()\n"
    "           if torch.is_tensor(v)}\n"
    "    return theta.detach().clone(), old\n"
    "\n\n"
    "def row(*values):\n"
    "    print(\",\".join(number(float(v)) for v in values))\n"
    "\n\n"
    "def diverged(loss, g, theta, lr):\n"
    "    \"\"\"DESIGN §2: a value that is not finite or above 1e100 ends the run.\"\"\"\n"
    "    values = [loss, *g.tolist(), *theta.tolist(), lr]\n"
    "    return not all(abs(v) <= 1e100 for v in values)\n";

int export_python_check(const export_run *r, char *err, size_t cap)
{
    if (model_of(r->obj) && export_model_check(r, err, cap) < 0)
        return -1;
    if (!model_of(r->obj) && !objective_expr(r->obj)) {
        snprintf(err, cap, "the objective has no formula to write");
        return -1;
    }
    if (r->s->opt->whole) {
        snprintf(err, cap, "%s is a reference method, not a torch.optim "
                 "optimiser: there is no PyTorch script to write",
                 r->s->opt->name);
        return -1;
    }
    if (!find_optimizer(r->s->opt->name)) {
        snprintf(err, cap, "no PyTorch counterpart for --optimizer %s yet",
                 r->s->opt->name);
        return -1;
    }
    if (r->obj->single) {
        snprintf(err, cap, "float32 runs are not exported: torch's float32 "
                 "kernels fuse and round otherwise");
        return -1;
    }
    return 0;
}

const char *export_num(double v, char buf[FMT_DOUBLE_MAX])
{
    if (v == INFINITY)
        return "math.inf";
    fmt_double(v, buf);
    return buf;
}

/* template with {name} replaced by the setting's value. */
static void filled(FILE *f, const char *template, const run_settings *s)
{
    const schedule *c = &s->sched;
    const struct {
        const char *key;
        double v;
    } keys[] = {{"{lr}", s->lr}, {"{momentum}", s->op.momentum},
                {"{dampening}", s->op.dampening},
                {"{beta1}", s->op.beta1}, {"{beta2}", s->op.beta2},
                {"{rho}", optim_rho(s->opt, &s->op)},
                {"{eps}", optim_eps(s->opt, &s->op)},
                {"{wd}", optim_weight_decay(s->opt, &s->op)},
                {"{n}", (double)c->n}, {"{gamma}", c->gamma},
                {"{min}", c->min}, {"{factor}", c->factor}};
    for (const char *p = template; *p;) {
        size_t i = 0, n = sizeof keys / sizeof keys[0];
        if (strncmp(p, "{amsgrad}", 9) == 0) {
            fputs(s->op.amsgrad ? "True" : "False", f);
            p += 9;
            continue;
        }
        while (i < n && strncmp(p, keys[i].key, strlen(keys[i].key)) != 0)
            i++;
        if (i == n) {
            fputc(*p++, f);
            continue;
        }
        char buf[FMT_DOUBLE_MAX];
        fputs(export_num(keys[i].v, buf), f);
        p += strlen(keys[i].key);
    }
}

/* An argument as a POSIX shell reads it back. */
static void shell_word(FILE *f, const char *s)
{
    if (*s && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                        "0123456789-_.,:=+/@%") == strlen(s)) {
        fputs(s, f);
        return;
    }
    fputc('\'', f);
    for (; *s; s++)
        fputs(*s == '\'' ? "'\\''" : (char[]){*s, 0}, f);
    fputc('\'', f);
}

/* The command, without the export itself. */
static void command(FILE *f, const export_run *r)
{
    fputs("descent run", f);
    for (int i = 0; i < r->argc; i++) {
        const char *a = r->argv[i];
        if (strcmp(a, "--export-python") == 0) {
            i++;
            continue;
        }
        if (strncmp(a, "--export-python=", 16) == 0)
            continue;
        fputc(' ', f);
        shell_word(f, a);
    }
}

static void header(FILE *f, const export_run *r)
{
    fputs("#!/usr/bin/env python3\n\"\"\"", f);
    command(f, r);
    fputs("\n\nThe run as a PyTorch script, exported by descent " DESCENT_VERSION
          ": the same\nobjective, start, optimiser and settings, stepped as "
          "descent steps a run\n(evaluate, gradient, clip, hypergradient, "
          "update). It prints the\ntrajectory in descent's trace format "
          "(CSV), to compare with the\ncommand above and --trace -.\n\"\"\"\n"
          "import decimal\nimport math\n\nimport torch\n\n"
          "torch.set_default_dtype(torch.float64)\n\n", f);
}

static void constants(FILE *f, const export_run *r)
{
    const run_settings *s = r->s;
    char buf[FMT_DOUBLE_MAX];
    fprintf(f, "STEPS = %ld\n", s->max_steps);
    if (r->params < r->obj->dim)
        fprintf(f, "PARAMS = %zu  # θ's columns in the trace\n", r->params);
    if (s->tol > 0.0)
        fprintf(f, "TOL = %s  # stop when ‖∇f‖ < TOL\n",
                export_num(s->tol, buf));
    if (grad_method_uses_h(s->grad))
        fprintf(f, "H = %s  # the %s-difference step\n",
                export_num(s->h, buf), grad_method_name(s->grad));
    if (s->clip.mode != CLIP_NONE)
        fprintf(f, "CLIP = %s\n", export_num(s->clip.c, buf));
    if (s->hd.mode != HD_OFF) {
        fprintf(f, "BETA = %s  # the hypergradient rate β\n",
                export_num(s->hd.beta, buf));
        fprintf(f, "LR_MIN = %s\n", export_num(s->hd.lr_min, buf));
        fprintf(f, "LR_MAX = %s\n", export_num(s->hd.lr_max, buf));
    }
    fputs("\n\n", f);
}

/* min and max of tensors as descent's expressions take them. */
static const char tie_helpers[][160] = {
    "def minimum(a, b):\n"
    "    \"\"\"min(a, b), the first on a tie (so is its gradient).\"\"\"\n"
    "    return torch.where(a <= b, a, b)\n\n\n",
    "def maximum(a, b):\n"
    "    \"\"\"max(a, b), the first on a tie (so is its gradient).\"\"\"\n"
    "    return torch.where(a >= b, a, b)\n\n\n",
};

/* f(θ) from the objective's formula in descent's expression language. */
static int function(FILE *f, const export_run *r)
{
    static const char *const vars[2] = {"x", "y"};
    const expr *e = objective_expr(r->obj);
    size_t n = expr_print_python(e, vars, NULL, 0);
    char *text = malloc(n + 1);
    if (!text)
        return -1;
    expr_print_python(e, vars, text, n + 1);
    const objective *o = r->obj;
    if (strstr(text, "minimum("))
        fputs(tie_helpers[0], f);
    if (strstr(text, "maximum("))
        fputs(tie_helpers[1], f);
    fputs("def f(theta):\n    \"\"\"", f);
    if (strcmp(o->name, o->formula) != 0)
        fprintf(f, "%s: ", o->name);
    fprintf(f, "%s\"\"\"\n    x, y = theta\n", o->formula);
    /* A constant still has to be a tensor that autograd can follow. */
    fprintf(f, "    return %s%s\n\n\n", expr_is_constant(e) ? "0 * x + " : "",
            text);
    free(text);
    return 0;
}

static void direction(FILE *f, const py_optimizer *o)
{
    fprintf(f, "def direction(opt, theta, before, old):\n"
               "    \"\"\"d_t, the update before it is multiplied by α, from θ and\n"
               "    the state before the step (old) and after it.\n"
               "    %s\"\"\"\n"
               "    G = theta.grad.add(before, alpha=%s)\n%s\n\n",
            o->doc, strcmp(o->name, "adamw") == 0 ? "0"
                    : "opt.defaults[\"weight_decay\"]", o->body);
}

static void loop(FILE *f, const export_run *r, const py_optimizer *o)
{
    const run_settings *s = r->s;
    char buf[FMT_DOUBLE_MAX], tail[80];
    /* θ's columns (the first PARAMS of a model's), then a model's own,
     * then the evaluations so far, counted as descent counts them. */
    snprintf(tail, sizeof tail, "*theta.tolist()%s%s, evals, gevals",
             r->params < r->obj->dim ? "[:PARAMS]" : "",
             model_of(r->obj) ? ", *extras(theta)" : "");
    long fe = 1, ge = 0;
    gradient_cost(s->grad, r->obj->dim, &fe, &ge);
    fputs("theta = torch.tensor([", f);
    for (size_t i = 0; i < r->obj->dim; i++) {
        /* "2.0", not "2": a list of whole numbers makes an integer tensor. */
        const char *v = export_num(r->start[i], buf);
        fprintf(f, "%s%s%s", i == 0 ? "" : i % 4 ? ", " : ",\n    ", v,
                strpbrk(v, ".en") ? "" : ".0");
    }
    fputs("], requires_grad=True)\nopt = ", f);
    filled(f, o->construct, s);
    if (s->sched.kind != SCHED_NONE) {
        fputs("\n# The rate by update: update t uses the schedule's after t - 1 "
              "steps.\nschedule = ", f);
        filled(f, schedules[s->sched.kind], s);
        fputs("\nlr = opt.param_groups[0][\"lr\"]\n\n", f);
    } else {
        fprintf(f, "\nlr = %s\n\n", export_num(s->lr, buf));
    }
    fprintf(f, "# f and ∇f at each θ: %ld function value%s, %ld gradient%s\n"
               "F_COST, G_COST = %ld, %ld\n", fe, fe == 1 ? "" : "s", ge,
            ge == 1 ? "" : "s", fe, ge);
    fputs("loss, g = gradient(theta)\n"
          "evals, gevals = F_COST, G_COST\n"
          "d = torch.zeros_like(theta)\n"
          "print(\"step,loss,grad_norm,clipped,lr,hypergrad,lr_clamped,"
          "update_norm", f);
    for (size_t i = 0; i < r->params; i++)
        fprintf(f, ",x%zu", i);
    if (model_of(r->obj))
        export_model_columns(f, r);
    fprintf(f, ",evals,gevals\")\nrow(0, loss, norm(g), 0, lr, 0, 0, 0, %s)\n",
            tail);
    fputs("t = 0\n"
          "while t < STEPS and not diverged(loss, g, theta, lr)", f);
    fputs(s->tol > 0.0 ? " and norm(g) >= TOL:\n" : ":\n", f);
    fputs("    t += 1\n", f);
    fputs(s->clip.mode == CLIP_NORM ? clip_norm
          : s->clip.mode == CLIP_VALUE ? clip_value : clip_none, f);
    if (s->hd.mode != HD_OFF) {
        fputs(s->hd.mode == HD_ADD ? hd_add : hd_mult, f);
        fputs(hd_clamp, f);
    } else {
        fputs("    h, clamped = 0, False\n", f);
    }
    if (s->sched.kind != SCHED_NONE)
        fputs("    lr = opt.param_groups[0][\"lr\"]\n", f);
    fputs(s->hd.mode == HD_OFF ? update_plain : update_hd, f);
    if (s->sched.kind != SCHED_NONE)
        fputs("    schedule.step()\n", f);
    fprintf(f, "    loss, g = gradient(theta)\n"
               "    evals, gevals = evals + F_COST, gevals + G_COST\n"
               "    row(t, loss, norm(g), clipped, lr, h, clamped, norm(lr * d),\n"
               "        %s)\n", tail);
}

int export_python(FILE *f, const export_run *r)
{
    char err[160];
    if (export_python_check(r, err, sizeof err) < 0)
        return -1;
    const py_optimizer *o = find_optimizer(r->s->opt->name);
    header(f, r);
    constants(f, r);
    if (model_of(r->obj))
        export_model_functions(f, r);
    else if (function(f, r) < 0)
        return -1;
    fputs(r->s->grad == GRAD_CENTRAL   ? grad_central
          : r->s->grad == GRAD_FORWARD ? grad_forward
                                       : grad_autograd, f);
    fputs("\n\n", f);
    direction(f, o);
    fputs(helpers, f);
    fputs("\n\n", f);
    if (model_of(r->obj))
        export_model_data(f, r);
    loop(f, r, o);
    return 0;
}
