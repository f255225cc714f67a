/* The commands with what completions and the manual need to know of
 * them: their option tables are the ones their parsers use, so a
 * completion cannot offer an option a command does not take. */
#include <string.h>

#include "commands.h"
#include "run_values.h"
#include "tui_args.h"

static const cli_option *run_table(void) { return run_option_table; }
static const cli_option *gradcheck_all(void)
{
    /* gradcheck hands --wrt lr over to its second parser. */
    static cli_option t[32];
    if (!t[0].name) {
        size_t n = 0;
        for (const cli_option *o = gradcheck_option_table; o->name; o++)
            t[n++] = *o;
        for (const cli_option *o = gradcheck_lr_option_table; o->name; o++)
            if (!option_by_name(gradcheck_option_table, o->name, strlen(o->name)))
                t[n++] = *o;
    }
    return t;
}
static const cli_option *hpo(void) { return hpo_option_table; }
static const cli_option *replay(void) { return replay_option_table; }
static const cli_option *lesson(void) { return lesson_option_table; }
static const cli_option *demo(void) { return demo_option_table; }
static const cli_option *lint(void)
{
    static const cli_option t[] = {{"play", false, 1}, {NULL, false, 0}};
    return t;
}
static const cli_option *bench(void)
{
    static const cli_option t[] = {{"quick", false, 1}, {NULL, false, 0}};
    return t;
}

const command_info command_table[] = {
    {"tui", cmd_tui, "the live screen (what descent alone opens)",
     tui_option_table, ARGS_NONE, NULL},
    {"run", cmd_run, "headless run, prints a summary, writes a trace",
     run_table, ARGS_NONE, NULL},
    {"plot", cmd_plot, "a figure of the surface, paths and charts (SVG, PNG)",
     plot_options, ARGS_NONE, NULL},
    {"replay", cmd_replay, "open a saved trace in the TUI (read-only)",
     replay, ARGS_FILE, NULL},
    {"gradcheck", cmd_gradcheck, "analytic vs automatic vs central differences",
     gradcheck_all, ARGS_NONE, NULL},
    {"list", cmd_list, "list objectives, optimizers, models, lessons, demos or datasets",
     NULL, ARGS_WORD, NULL},
    {"lesson", cmd_lesson, "lesson menu, or start one lesson in the TUI",
     lesson, ARGS_LESSON, NULL},
    {"demo", cmd_demo, "play a scripted classroom demo in the TUI",
     demo, ARGS_FILE, NULL},
    {"lint", cmd_lint, "check lesson and demo files; --play runs their goals",
     lint, ARGS_FILES, NULL},
    {"hpo", cmd_hpo, "hyperparameter search: gradient vs grid vs random",
     hpo, ARGS_NONE, NULL},
    {"bench", cmd_bench, "built-in benchmarks, figures on stdout",
     bench, ARGS_NONE, NULL},
    {"completion", cmd_completion, "a shell completion script (bash, zsh, fish)",
     NULL, ARGS_WORD, "bash zsh fish"},
    {NULL, NULL, NULL, NULL, ARGS_NONE, NULL},
};
