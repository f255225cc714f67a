/* Key actions for the settings of issue 11: any setting typed as on the
 * command line (schedules, weight decay, amsgrad, precision, ...), and a
 * schedule beside hypergradient descent. */
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "app.h"
#include "prompt.h"
#include "session_methods.h"

static int submit_setting_text(app *a, const char *text)
{
    if (text[strspn(text, " ")] == '\0') { /* Enter alone: what there is */
        char all[1024];
        session_settings_text(&a->s, all, sizeof all);
        app_message(a, false, "%s", all);
        return 0;
    }
    option_error e;
    if (session_apply_text(&a->s, text, &e) < 0) {
        char msg[sizeof e.where + sizeof e.message + 2];
        snprintf(msg, sizeof msg, "%s%s%s", e.where, e.where[0] ? ": " : "",
                 e.message);
        prompt_error(a, 0, msg);
        return -1;
    }
    app_message(a, false, "set: %s", text);
    return 0;
}

void act_setting_prompt(app *a)
{
    prompt_open(a, "settings (schedule cosine:300 ...; Enter alone lists them)",
                "", submit_setting_text);
}

void act_compare_versus(app *a)
{
    char what[64];
    option_error e;
    if (session_versus(&a->s, what, sizeof what, &e) < 0) {
        app_message(a, true, "%s", e.message);
        return;
    }
    session_set_running(&a->s, false);
    app_message(a, false, "run %d: %s beside run %d (all restarted)",
                a->s.nruns, what, a->s.nruns - 1);
}
