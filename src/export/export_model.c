/* Models in the exported script: one table entry each, its mean loss
 * L(θ; X, y) in torch as the model's file computes it (logreg's softplus
 * written as descent writes it, softmax through logsumexp), and for a
 * classifier the class it predicts; the data is the script's own copy of
 * what descent trained on, so the split and the scaling need no
 * re-implementing. */
#include <string.h>

#include "export_impl.h"

typedef struct {
    const char *name;
    const char *code;      /* helpers and L(theta, X, y) */
    const char *predict;   /* predict(theta, X)'s body; NULL: regression */
} py_model;

static const py_model models[] = {
    {"linreg",
     "def L(theta, X, y):\n"
     "    \"\"\"Mean squared error of y = w·x + b.\"\"\"\n"
     "    w, b = theta[:-1], theta[-1]\n"
     "    return ((X @ w + b - y) ** 2).mean()\n",
     NULL},
    {"ridge",
     "def L(theta, X, y):\n"
     "    \"\"\"Mean squared error of y = w·x (the target centred).\"\"\"\n"
     "    return ((X @ theta - y) ** 2).mean()\n",
     NULL},
    {"logreg",
     "def L(theta, X, y):\n"
     "    \"\"\"Cross-entropy of σ(x·w): mean(softplus(z) - y z), z = x·w.\"\"\"\n"
     "    z = X @ theta\n"
     "    softplus = z.clamp(min=0) + torch.log1p(torch.exp(-z.abs()))\n"
     "    return (softplus - y * z).mean()\n",
     "    return (X @ theta > 0).double()\n"},
    {"softmax",
     "def logits(theta, X):\n"
     "    W, b = theta[:K * P].view(K, P), theta[K * P:]\n"
     "    return X @ W.T + b\n"
     "\n\n"
     "def L(theta, X, y):\n"
     "    \"\"\"Cross-entropy of softmax(X Wᵀ + b): mean(logsumexp(z) - z_y).\"\"\"\n"
     "    Z = logits(theta, X)\n"
     "    return (torch.logsumexp(Z, 1) - Z.gather(1, y.long()[:, None])[:, 0]).mean()\n",
     "    return torch.argmax(logits(theta, X), 1).double()\n"},
    {"mlp",
     "def net(theta, X):\n"
     "    \"\"\"W2 relu(W1 x + b1) + b2, the parameters in PyTorch's order.\"\"\"\n"
     "    W1 = theta[:H * P].view(H, P)\n"
     "    b1 = theta[H * P:H * P + H]\n"
     "    W2, b2 = theta[H * P + H:-1], theta[-1]\n"
     "    return torch.relu(X @ W1.T + b1) @ W2 + b2\n"
     "\n\n"
     "def L(theta, X, y):\n"
     "    \"\"\"Mean squared error of the network.\"\"\"\n"
     "    return ((net(theta, X) - y) ** 2).mean()\n",
     NULL},
};

static const py_model *find(const model *m)
{
    for (size_t i = 0; i < sizeof models / sizeof models[0]; i++)
        if (strcmp(models[i].name, m->type->name) == 0)
            return &models[i];
    return NULL;
}

int export_model_check(const export_run *r, char *err, size_t cap)
{
    const model *m = model_of(r->obj);
    if (!find(m)) {
        snprintf(err, cap, "no PyTorch counterpart for --model %s yet",
                 m->type->name);
        return -1;
    }
    if (r->s->batch > 0) {
        snprintf(err, cap, "minibatches are not exported (descent draws "
                           "them with its own generator)");
        return -1;
    }
    return 0;
}

void export_model_functions(FILE *f, const export_run *r)
{
    const model *m = model_of(r->obj);
    const py_model *pm = find(m);
    char s[FMT_DOUBLE_MAX], l[FMT_DOUBLE_MAX];
    fprintf(f, "P = %zu  # features\n", m->data.p);
    if (strcmp(pm->name, "softmax") == 0)
        fprintf(f, "K = %zu  # classes\n", m->classes);
    if (strcmp(pm->name, "mlp") == 0)
        fprintf(f, "H = %zu  # hidden units\n", m->hidden);
    fputs("\n\ndef table(text):\n"
          "    \"\"\"The rows of CSV text as a tensor.\"\"\"\n"
          "    return torch.tensor([[float(v) for v in line.split(\",\")]\n"
          "                         for line in text.split()])\n\n\n", f);
    fprintf(f, "%s\n\n", pm->code);
    if (pm->predict)
        fprintf(f, "def predict(theta, X):\n%s\n\n", pm->predict);
    fprintf(f, "def f(theta):\n    \"\"\"%s\"\"\"\n", m->formula);
    fputs("    return ", f);
    if (m->scale != 1.0)
        fprintf(f, "%s * ", export_num(m->scale, s));
    fputs("L(theta, X_TRAIN, Y_TRAIN)", f);
    if (m->lambda != 0.0)
        fprintf(f, " + %s * (theta ** 2).sum()", export_num(m->lambda, l));
    fputs("\n\n\ndef extras(theta):\n"
          "    \"\"\"The trace's columns after θ.\"\"\"\n"
          "    with torch.no_grad():\n"
          "        out = []\n", f);
    if (m->data.n_val)
        fputs("        out.append(L(theta, X_VAL, Y_VAL).item())\n", f);
    if (pm->predict) {
        fputs("        out.append((predict(theta, X_TRAIN) == Y_TRAIN)"
              ".double().mean().item())\n", f);
        if (m->data.n_val)
            fputs("        out.append((predict(theta, X_VAL) == Y_VAL)"
                  ".double().mean().item())\n", f);
    }
    fputs("        return out\n\n\n", f);
}

void export_model_columns(FILE *f, const export_run *r)
{
    const model *m = model_of(r->obj);
    if (m->data.n_val)
        fputs(",val_loss", f);
    if (m->type->classifier)
        fputs(m->data.n_val ? ",train_acc,val_acc" : ",train_acc", f);
}

/* rows of x then y, from row first, as CSV in a Python string. */
static void rows(FILE *f, const char *name, const data_split *d, size_t first,
                 size_t n)
{
    char buf[FMT_DOUBLE_MAX];
    fprintf(f, "%s = table(\"\"\"\n", name);
    for (size_t i = first; i < first + n; i++) {
        for (size_t j = 0; j < d->p; j++)
            fprintf(f, "%s,", export_num(d->x_train[i * d->p + j], buf));
        fprintf(f, "%s\n", export_num(d->y_train[i], buf));
    }
    fputs("\"\"\")\n", f);
}

void export_model_data(FILE *f, const export_run *r)
{
    const data_split *d = &model_of(r->obj)->data;
    fprintf(f, "# The data as descent prepared it: %zu training rows%s, "
               "features %s,\n# then the target as the loss takes it.\n",
            d->n_train, d->n_val ? " and the validation rows" : "",
            d->standardized ? "standardised with the training statistics"
                            : "as read");
    rows(f, "TRAIN", d, 0, d->n_train);
    fputs("X_TRAIN, Y_TRAIN = TRAIN[:, :-1], TRAIN[:, -1]\n", f);
    if (d->n_val) {
        rows(f, "VAL", d, d->n_train, d->n_val);
        fputs("X_VAL, Y_VAL = VAL[:, :-1], VAL[:, -1]\n", f);
    }
    fputs("\n", f);
}
