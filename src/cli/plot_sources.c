#include <libgen.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "model.h"
#include "plot_sources.h"

static double val_loss(const model *m, const run *r)
{
    return m && m->data.n_val ? model_evaluate(m, r->theta).val_loss : NAN;
}

int plot_source_run(const run_options *o, const objective *obj, plot_path *p)
{
    run r;
    char label[160];
    plot_run_label(&o->s, label, sizeof label);
    if (run_init(&r, obj, &o->s, run_options_start(o, obj)) < 0 ||
        plot_path_init(p, obj->dim, label) < 0) {
        run_free(&r);
        cli_say("out of memory");
        return EXIT_FAIL;
    }
    const model *m = model_of(obj);
    for (;;) {
        plot_path_add(p, (double)r.step, r.theta, r.loss, r.lr, r.grad_norm,
                      val_loss(m, &r));
        if (r.status != RUN_RUNNING)
            break;
        run_step(&r);
    }
    plot_path_end(p);
    run_free(&r);
    return 0;
}

size_t plot_trace_params(const trace_data *t)
{
    size_t k = 0;
    char name[32];
    for (;; k++) {
        snprintf(name, sizeof name, "x%zu", k);
        if (trace_data_col(t, name) < 0)
            return k;
    }
}

int plot_source_trace(const char *path, const trace_data *t, bool keep_theta,
                      plot_path *p)
{
    char label[160], copy[4096];
    snprintf(copy, sizeof copy, "%s", path);
    snprintf(label, sizeof label, "%.100s%s%.40s", basename(copy),
             t->optimizer ? " · " : "", t->optimizer ? t->optimizer : "");
    size_t dim = keep_theta ? plot_trace_params(t) : 0;
    if (plot_path_init(p, dim, label) < 0) {
        cli_say("out of memory");
        return EXIT_FAIL;
    }
    int x0 = trace_data_col(t, "x0"), loss = trace_data_col(t, "loss"),
        lr = trace_data_col(t, "lr"), grad = trace_data_col(t, "grad_norm"),
        val = trace_data_col(t, "val_loss");
    for (size_t i = 0; i < t->rows; i++) {
        const double *row = t->v + i * t->cols;
        plot_path_add(p, (double)i, dim ? row + x0 : NULL, row[loss], row[lr],
                      row[grad], val >= 0 ? row[val] : NAN);
    }
    plot_path_end(p);
    return 0;
}
