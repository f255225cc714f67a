#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "hsweep.h"
#include "model.h"
#include "screen_spec.h"

bool screen_named(const char *value)
{
    return value && isalpha((unsigned char)value[0]);
}

/* The next space-separated word of *p: its start and length. */
static size_t word(const char **p, const char **at)
{
    *p += strspn(*p, " ");
    *at = *p;
    size_t n = strcspn(*p, " ");
    *p += n;
    return n;
}

static int fail_at(option_error *e, const char *text, const char *at,
                   const char *fmt, const char *arg)
{
    option_fail(e, "--view", fmt, arg);
    e->column = (int)(at - text) + 1;
    return -1;
}

/* `descent hpo`'s options after "hpo", dashes optional, within a
 * lesson's bounds. */
static int hpo_words(const char *text, const char *p, hpo_options *o,
                     option_error *e)
{
    hpo_options_default(o);
    const char *at;
    size_t n;
    while ((n = word(&p, &at)) > 0) {
        const char *name = at + strspn(at, "-");
        const option_entry *opt =
            option_by_name(hpo_search_options, name, n - (size_t)(name - at));
        char what[64];
        snprintf(what, sizeof what, "%.*s", (int)n, at);
        if (!opt)
            return fail_at(e, text, at, "'%s' is not an option of the HPO "
                           "view (over, method, grid, budget, range, "
                           "optimizer, steps)", what);
        const char *vat;
        size_t vn = word(&p, &vat);
        char value[128];
        snprintf(value, sizeof value, "%.*s", (int)vn, vat);
        if (!vn)
            return fail_at(e, text, at, "%s needs a value", what);
        option_error oe;
        if (hpo_options_set(o, opt->id, value, &oe) < 0)
            return fail_at(e, text, vat, "%s", oe.message);
    }
    if (o->grid > SCREEN_MAX_EVALS || o->budget > SCREEN_MAX_EVALS)
        return fail_at(e, text, text, "a lesson's search has at most %s "
                       "evaluations a method", "1001");
    if (o->steps > SCREEN_MAX_TRAIN)
        return fail_at(e, text, text, "a lesson's training runs have at "
                       "most %s steps", "1000");
    return 0;
}

int screen_spec_parse(const char *text, screen_spec *out, option_error *e)
{
    memset(out, 0, sizeof *out);
    const char *p = text, *at;
    size_t n = word(&p, &at);
    char first[32];
    snprintf(first, sizeof first, "%.*s", (int)n, at);
    if (strcmp(first, "surface") == 0 || strcmp(first, "h-sweep") == 0) {
        out->kind = first[0] == 's' ? SCREEN_SURFACE : SCREEN_HSWEEP;
        if (word(&p, &at))
            return fail_at(e, text, at, "'%s' takes nothing after it", first);
        return 0;
    }
    if (strcmp(first, "hpo") == 0) {
        out->kind = SCREEN_HPO;
        return hpo_words(text, p, &out->hpo, e);
    }
    if (strcmp(first, "slice") != 0)
        return fail_at(e, text, at, "'%s' is not a view (surface, h-sweep, "
                       "slice random [SEED], slice pca, hpo [OPTIONS]) or a "
                       "box X0:X1,Y0:Y1", first);
    out->kind = SCREEN_SLICE;
    n = word(&p, &at);
    if (n == 3 && strncmp(at, "pca", 3) == 0)
        out->pca = true;
    else if (n != 6 || strncmp(at, "random", 6) != 0)
        return fail_at(e, text, at, "%s", "a slice is 'random [SEED]' or "
                       "'pca'");
    const char *seed_at;
    size_t sn = word(&p, &seed_at);
    if (sn && !out->pca) {
        char seed[32];
        long v;
        snprintf(seed, sizeof seed, "%.*s", (int)sn, seed_at);
        option_error oe;
        if (option_count(&oe, "", seed, 0, &v) < 0)
            return fail_at(e, text, seed_at, "the seed: %s", oe.message);
        out->seed = (unsigned long)v;
        sn = word(&p, &seed_at);
    }
    if (sn)
        return fail_at(e, text, seed_at, "'%s' takes nothing more", out->pca
                       ? "slice pca" : "slice random SEED");
    return 0;
}

void screen_spec_of(const run_options *o, screen_spec *out)
{
    option_error e;
    if (!o->screen || screen_spec_parse(o->screen, out, &e) < 0) {
        memset(out, 0, sizeof *out);
        out->kind = SCREEN_SURFACE;
    }
}

int screen_spec_check(const screen_spec *s, const objective *obj,
                      option_error *e)
{
    const model *m = model_of(obj);
    switch (s->kind) {
    case SCREEN_SURFACE:
        return 0;
    case SCREEN_HSWEEP:
        if (!hsweep_available(obj))
            return option_fail(e, "--view", "the h sweep needs an objective "
                               "with an exact gradient and at most %d "
                               "parameters", HSWEEP_MAX_DIM);
        return 0;
    case SCREEN_SLICE:
        if (obj->dim <= 2)
            return option_fail(e, "--view", "a slice is of a model of more "
                               "than 2 parameters (its surface is shown "
                               "whole)");
        return 0;
    case SCREEN_HPO:
        if (!m)
            return option_fail(e, "--view", "the HPO view searches the "
                               "step's model: set 'model:'");
        if (!s->hpo.lr && m->type != &model_ridge)
            return option_fail(e, "--view", "hpo --over lambda needs "
                               "'model: ridge'");
        if (m->data.n_val == 0)
            return option_fail(e, "--view", "the search needs validation "
                               "rows: a split below 1");
        return 0;
    }
    return 0;
}

int screen_hpo_search(const run_options *o, const objective *obj,
                      unsigned mask, hpo_trace t[HPO_METHOD_COUNT],
                      option_error *e)
{
    screen_spec spec;
    screen_spec_of(o, &spec);
    if (spec.kind != SCREEN_HPO)
        return option_fail(e, "--view", "no HPO view to state facts about");
    hpo_setup s;
    if (screen_spec_check(&spec, obj, e) < 0 ||
        hpo_setup_open(&s, &spec.hpo, obj, o->seed, e) < 0)
        return -1;
    const char *failed;
    int rc = hpo_setup_search_only(&s, t, mask, &failed);
    hpo_setup_free(&s);
    return rc < 0 ? option_fail(e, "--view", "%s search failed", failed) : 0;
}
