/* One settings grammar: the command line, the TUI's prompts and keys
 * (run_live_set), lessons and demos parse every setting with the same
 * functions, messages and defaults. */
#include <math.h>
#include <string.h>

#include "builtins.h"
#include "catalog.h"
#include "demo.h"
#include "lesson_util.h"
#include "run_live.h"
#include "suites.h"

/* Options from argv-like pairs, opened on rosenbrock; 0 or -1 (e). */
static int parse(run_options *o, const char *const *kv, option_error *e)
{
    run_options_default(o);
    for (; kv[0]; kv += 2) {
        const option_entry *en = option_by_name(run_option_table, kv[0],
                                                strlen(kv[0]));
        CU_ASSERT_PTR_NOT_NULL_FATAL(en);
        if (run_options_set(o, en->id, kv[1], e) < 0)
            return -1;
    }
    objective obj;
    if (run_options_open(o, &obj, e) < 0)
        return -1;
    objective_free(&obj);
    return 0;
}

/* A run of an optimiser on rosenbrock, as the TUI has it, and the error
 * of the last setting typed at it. */
typedef struct {
    objective obj;
    run r;
    option_error e;
} live;

static void live_open(live *l, const optimizer_type *opt)
{
    objective_builtin(&l->obj, builtin_find("rosenbrock"));
    run_settings s = run_settings_default();
    s.opt = opt;
    s.lr = 0.01;
    CU_ASSERT_EQUAL_FATAL(run_init(&l->r, &l->obj, &s, l->obj.start), CORE_OK);
    run_step(&l->r);
}

static void live_close(live *l)
{
    run_free(&l->r);
    objective_free(&l->obj);
}

/* Text typed for option id, as the prompts pass it on. */
static int type(live *l, int id, const char *text)
{
    return run_live_set(&l->r, id, text, &l->e);
}

/* `--hypergrad add` and the `h` key and prompt (run_live_set) give the
 * optimiser's β: 1e-3 with sgd, 1e-7 with adam (the prompt gave 1e-6
 * for every optimiser); mult 0.02. */
static void hd_beta_defaults(void)
{
    option_error e;
    run_options o;
    CU_ASSERT_EQUAL(parse(&o, (const char *[]){"optimizer", "sgd",
                                               "hypergrad", "add", NULL}, &e), 0);
    CU_ASSERT_EQUAL(o.s.hd.beta, 1e-3);
    CU_ASSERT_EQUAL(parse(&o, (const char *[]){"hypergrad", "add", NULL}, &e), 0);
    CU_ASSERT_EQUAL(o.s.hd.beta, 1e-7);
    CU_ASSERT_EQUAL(parse(&o, (const char *[]){"hypergrad", "mult", NULL}, &e), 0);
    CU_ASSERT_EQUAL(o.s.hd.beta, 0.02);
    CU_ASSERT_EQUAL(parse(&o, (const char *[]){"hypergrad", "add:5e-4",
                                               "optimizer", "sgd", NULL}, &e), 0);
    CU_ASSERT_EQUAL(o.s.hd.beta, 5e-4);
    CU_ASSERT_EQUAL(parse(&o, (const char *[]){"hd-beta", "2e-4",
                                               "hypergrad", "add", NULL}, &e), 0);
    CU_ASSERT_EQUAL(o.s.hd.beta, 2e-4);

    const optimizer_type *opts[] = {&optim_sgd, &optim_adam};
    const double want[] = {1e-3, 1e-7};
    for (int i = 0; i < 2; i++) {
        live L;
        live_open(&L, opts[i]);
        CU_ASSERT_EQUAL(type(&L, OPT_HYPERGRAD, "add"), 0);
        CU_ASSERT_EQUAL(L.r.s.hd.mode, HD_ADD);
        CU_ASSERT_EQUAL(L.r.s.hd.beta, want[i]);
        CU_ASSERT_EQUAL(type(&L, OPT_HYPERGRAD, "mult"), 0);
        CU_ASSERT_EQUAL(L.r.s.hd.beta, 0.02);
        CU_ASSERT_EQUAL(type(&L, OPT_HYPERGRAD, "add:3e-5"), 0);
        CU_ASSERT_EQUAL(L.r.s.hd.beta, 3e-5);
        /* Another setting keeps the β given. */
        CU_ASSERT_EQUAL(type(&L, OPT_CLIP, "norm:2"), 0);
        CU_ASSERT_EQUAL(L.r.s.hd.beta, 3e-5);
        live_close(&L);
    }
}

/* `--clip off` is `--clip none` (it was refused on the command line and
 * taken by the K prompt); so is `--hypergrad none` `off`, and `--scale
 * off` `none`. */
static void off_is_none(void)
{
    option_error e;
    run_options o;
    CU_ASSERT_EQUAL(parse(&o, (const char *[]){"clip", "norm:3", "clip", "off",
                                               NULL}, &e), 0);
    CU_ASSERT_EQUAL(o.s.clip.mode, CLIP_NONE);
    CU_ASSERT_EQUAL(parse(&o, (const char *[]){"hypergrad", "none", NULL}, &e), 0);
    CU_ASSERT_EQUAL(o.s.hd.mode, HD_OFF);
    CU_ASSERT_EQUAL(run_options_set(&o, MOPT_SCALE, "off", &e), 0);
    CU_ASSERT_FALSE(o.model.spec.opt.standardize);
    CU_ASSERT_EQUAL(parse(&o, (const char *[]){"clip", "off:3", NULL}, &e), -1);
    CU_ASSERT_STRING_EQUAL(e.message, "'off:3' takes no threshold");
    CU_ASSERT_EQUAL(parse(&o, (const char *[]){"hypergrad", "off:1", NULL}, &e), -1);
    CU_ASSERT_STRING_EQUAL(e.message, "'off:1' takes no β");

    live L;
    live_open(&L, &optim_adam);
    CU_ASSERT_EQUAL(type(&L, OPT_CLIP, "value:2"), 0);
    CU_ASSERT_EQUAL(L.r.s.clip.mode, CLIP_VALUE);
    CU_ASSERT_EQUAL(type(&L, OPT_CLIP, "none"), 0);
    CU_ASSERT_EQUAL(L.r.s.clip.mode, CLIP_NONE);
    CU_ASSERT_EQUAL(type(&L, OPT_CLIP, "value:2"), 0);
    CU_ASSERT_EQUAL(type(&L, OPT_CLIP, "off"), 0);
    CU_ASSERT_EQUAL(L.r.s.clip.mode, CLIP_NONE);
    live_close(&L);
}

/* The G prompt takes analytic and ad (it answered "h must be > 0"), and
 * central:H, as --grad now does too. */
static void grad_methods(void)
{
    option_error e;
    live L;
    live_open(&L, &optim_adam);
    CU_ASSERT_EQUAL(type(&L, OPT_GRAD, "central:1e-5"), 0);
    CU_ASSERT_EQUAL(L.r.s.grad, GRAD_CENTRAL);
    CU_ASSERT_EQUAL(L.r.s.h, 1e-5);
    CU_ASSERT_EQUAL(type(&L, OPT_GRAD, "analytic"), 0);
    CU_ASSERT_EQUAL(L.r.s.grad, GRAD_ANALYTIC);
    CU_ASSERT_EQUAL(L.r.s.h, 1e-5);
    CU_ASSERT_EQUAL(type(&L, OPT_GRAD, "ad"), 0);
    CU_ASSERT_EQUAL(L.r.s.grad, GRAD_AD);
    CU_ASSERT_EQUAL(type(&L, OPT_GRAD, "central"), 0);
    CU_ASSERT_EQUAL(L.r.s.h, 1e-5);
    CU_ASSERT_EQUAL(type(&L, OPT_GRAD, "central:0"), -1);
    CU_ASSERT_STRING_EQUAL(L.e.where, "--grad");
    CU_ASSERT_STRING_EQUAL(L.e.message, "must be greater than 0, got 0");
    CU_ASSERT_EQUAL(type(&L, OPT_GRAD, "ad:3"), -1);
    CU_ASSERT_STRING_EQUAL(L.e.message, "'ad:3' takes no step");
    live_close(&L);

    run_options o;
    CU_ASSERT_EQUAL(parse(&o, (const char *[]){"grad", "central:2e-6", NULL}, &e), 0);
    CU_ASSERT_EQUAL(o.s.grad, GRAD_CENTRAL);
    CU_ASSERT_EQUAL(o.s.h, 2e-6);
    /* An expression has no analytic gradient: the same words either way. */
    CU_ASSERT_EQUAL(parse(&o, (const char *[]){"objective", "x^2 + y^2",
                                               "grad", "analytic", NULL}, &e), -1);
    CU_ASSERT_STRING_EQUAL(e.message, "analytic gradients are not available "
                                      "for x^2 + y^2");
}

/* Every bad value gets the command line's message at the prompt, and the
 * run stays as it was. */
static void same_messages(void)
{
    static const struct {
        int id;
        const char *text;
    } bad[] = {{OPT_CLIP, "max:3"}, {OPT_CLIP, "norm"}, {OPT_CLIP, "norm:-1"},
               {OPT_GRAD, "numeric"}, {OPT_HYPERGRAD, "on"},
               {OPT_HYPERGRAD, "add:0"}, {OPT_LR, "0"}, {OPT_LR, "fast"},
               {OPT_OPTIMIZER, "adamm"}, {OPT_MOMENTUM, "1.5"}};
    live L;
    live_open(&L, &optim_adam);
    double theta[2] = {L.r.theta[0], L.r.theta[1]};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        run_options o;
        run_options_default(&o);
        option_error e;
        CU_ASSERT_EQUAL(run_options_set(&o, bad[i].id, bad[i].text, &e), -1);
        CU_ASSERT_EQUAL(type(&L, bad[i].id, bad[i].text), -1);
        CHECKF(strcmp(e.message, L.e.message) == 0 &&
                   strcmp(e.where, L.e.where) == 0,
               "%s: '%s: %s' against '%s: %s'", bad[i].text, e.where,
               e.message, L.e.where, L.e.message);
    }
    CU_ASSERT_EQUAL(L.r.s.clip.mode, CLIP_NONE);
    CU_ASSERT_EQUAL(L.r.s.hd.mode, HD_OFF);
    CU_ASSERT_EQUAL(L.r.lr, 0.01);
    CU_ASSERT_EQUAL(memcmp(L.r.theta, theta, sizeof theta), 0);
    CU_ASSERT_EQUAL(type(&L, OPT_OBJECTIVE, "booth"), -1);
    CU_ASSERT_STRING_EQUAL(L.e.where, "--objective");
    live_close(&L);
}

/* What a prompt starts from reads back to the same run; a rate typed
 * replaces the α that hypergradients reached, other settings keep it. */
static void round_trip(void)
{
    live L;
    live_open(&L, &optim_sgd);
    CU_ASSERT_EQUAL(type(&L, OPT_CLIP, "norm:0.1"), 0);
    CU_ASSERT_EQUAL(type(&L, OPT_GRAD, "central:3e-7"), 0);
    CU_ASSERT_EQUAL(type(&L, OPT_HYPERGRAD, "add:0.0001"), 0);
    CU_ASSERT_EQUAL(type(&L, OPT_LR, "0.001"), 0);
    for (int t = 0; t < 3; t++)
        run_step(&L.r);
    double reached = L.r.lr;
    CU_ASSERT_NOT_EQUAL(reached, 0.001);
    const int ids[] = {OPT_CLIP, OPT_GRAD, OPT_HYPERGRAD, OPT_LR};
    const char *want[] = {"norm:0.1", "central:3e-07", "add:0.0001", NULL};
    for (int i = 0; i < 4; i++) {
        char text[64];
        run_live_text(&L.r, ids[i], text, sizeof text);
        if (want[i])
            CU_ASSERT_STRING_EQUAL(text, want[i]);
        run_settings before = L.r.s;
        CU_ASSERT_EQUAL(type(&L, ids[i], text), 0);
        CU_ASSERT_EQUAL(memcmp(&before.clip, &L.r.s.clip, sizeof L.r.s.clip), 0);
        CU_ASSERT_EQUAL(before.h, L.r.s.h);
        CU_ASSERT_EQUAL(before.hd.beta, L.r.s.hd.beta);
        CU_ASSERT_EQUAL(L.r.lr, reached);
    }
    CU_ASSERT_EQUAL(type(&L, OPT_LR, "0.001"), 0);
    CU_ASSERT_EQUAL(L.r.lr, 0.001);
    live_close(&L);
}

/* Lessons (`clip: off`) and demos (`set clip off`) read the same way. */
static void lessons_and_demos(void)
{
    lesson l;
    CU_ASSERT_STRING_EQUAL(lesson_problems(
        "format: 1\nid: 98-grammar\ntitle: Grammar\nminutes: 1\n\n"
        "@step one\ntext: Off is none.\noptimizer: sgd\nclip: off\n"
        "hypergrad: add\ngrad: central:1e-6\n", &l), "");
    CU_ASSERT_EQUAL_FATAL(l.n_steps, 1);
    run_options o = l.steps[0].run;
    CU_ASSERT_EQUAL(o.s.clip.mode, CLIP_NONE);
    CU_ASSERT_EQUAL(o.s.h, 1e-6);
    objective obj;
    option_error e;
    CU_ASSERT_EQUAL_FATAL(run_options_open(&o, &obj, &e), 0);
    CU_ASSERT_EQUAL(o.s.hd.beta, 1e-3);
    objective_free(&obj);
    lesson_free(&l);

    lesson_catalog cat;
    CU_ASSERT_EQUAL_FATAL(catalog_load(source_path("lessons"), &cat), 0);
    diag_list d;
    diag_init(&d);
    demo dm;
    const char *text = "set clip off\nset hypergrad none\nset grad ad\n";
    demo_parse(text, strlen(text), catalog_find_cb, &cat, &dm, &d);
    CU_ASSERT_STRING_EQUAL(diag_text(&d), "");
    CU_ASSERT_EQUAL(dm.n, 3);
    diag_free(&d);
    demo_free(&dm);
    catalog_free(&cat);
}

void suite_settings(void)
{
    static const test_case tests[] = {
        {"hypergradient beta defaults everywhere", hd_beta_defaults},
        {"off and none are one word", off_is_none},
        {"gradient methods everywhere", grad_methods},
        {"the same messages at the prompt", same_messages},
        {"a prompt's text reads back", round_trip},
        {"lessons and demos", lessons_and_demos},
        {NULL, NULL}};
    add_suite("settings", tests);
}
