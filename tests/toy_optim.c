#include <string.h>

#include "toy_optim.h"

/* a = ĝ; b = a + b; c = c/2 + ĝ; the scalars count and remember t. */
static void toy3_init(const optim_params *p, double *state, size_t n)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        state[2 * n + i] = 0.5;
    state[3 * n] = 1.0;
}

static void toy3_direction(const optim_params *p, double *state, size_t n,
                           long t, const double *g, double *d)
{
    (void)p;
    double *a = state, *b = state + n, *c = state + 2 * n;
    for (size_t i = 0; i < n; i++) {
        a[i] = g[i];
        b[i] += a[i];
        c[i] = c[i] / 2 + g[i];
        d[i] = g[i];
    }
    state[3 * n] *= 2.0;
    state[3 * n + 1] = (double)t;
}

static int toy3_describe(const optim_params *p, long t, optim_line *out)
{
    (void)p;
    optim_describe(&out[0], NULL, 0, 1.0, "ĝ");
    optim_describe(&out[1], NULL, 1, 1.0, "a + b");
    optim_describe(&out[2], NULL, 2, 1.0, "c/2 + ĝ");
    optim_describe(&out[3], "d", OPTIM_SHOW_D, 1.0, "ĝ (t = %ld)", t);
    return 4;
}

const optimizer_type toy3 = {
    .name = "toy3",
    .title = "three vectors and two scalars",
    .caps = OPTIM_FIRST_ORDER,
    .state_names = (const char *const[]){"a", "b", "c", NULL},
    .state_scalars = 2,
    .hd_beta = 1e-4,
    .init = toy3_init,
    .direction = toy3_direction,
    .apply = optim_apply_fused,
    .describe = toy3_describe,
};

static void bare_direction(const optim_params *p, double *state, size_t n,
                           long t, const double *g, double *d)
{
    (void)p, (void)state, (void)t;
    memcpy(d, g, n * sizeof *d);
}

static int bare_describe(const optim_params *p, long t, optim_line *out)
{
    (void)p, (void)t;
    optim_describe(&out[0], "d", OPTIM_SHOW_D, 1.0, "ĝ");
    return 1;
}

const optimizer_type toy_bare = {
    .name = "bare",
    .title = "no clipping, no hypergradient",
    .caps = OPTIM_NEEDS_GRADIENT,
    .direction = bare_direction,
    .apply = optim_apply_fused,
    .describe = bare_describe,
};
