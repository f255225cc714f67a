/* Every screen mode is a whole ops table whose key table the help, the
 * bottom bar and the dispatcher can read: help first, quit last, no key
 * bound twice, each hint short enough to shorten. */
#include <string.h>

#include "app.h"
#include "play.h"
#include "suites.h"

static bool same_key(const key_binding *a, const key_binding *b)
{
    return a->key == b->key || (b->alt && a->key == b->alt) ||
           (a->alt && (a->alt == b->key || a->alt == b->alt)) ||
           (a->fkey && a->fkey == b->fkey);
}

static void modes_are_whole(void)
{
    static app a;
    static play pl;
    memset(&a, 0, sizeof a);
    memset(&pl, 0, sizeof pl);
    a.ms = &pl;
    int count = 0;
    for (const screen_mode *const *m = screen_modes; *m; m++, count++) {
        const screen_mode *md = *m;
        CHECKF(md->name && md->keys && md->layout && md->draw &&
               md->running && md->rate && md->advance && md->help_note,
               "mode %s lacks an op", md->name);
        int n;
        const key_binding *k = md->keys(&a, &n);
        CHECKF(n > 2 && k[0].key == '?', "mode %s: help first", md->name);
        CHECKF(k[n - 1].key == 'q', "mode %s: quit last", md->name);
        for (int i = 0; i < n; i++) {
            CHECKF(k[i].action && k[i].keys && k[i].help,
                   "mode %s: binding %d incomplete", md->name, i);
            CHECKF(!k[i].hint || strlen(k[i].brief ? k[i].brief : k[i].hint)
                                     <= 5,
                   "mode %s: '%s' has no short hint", md->name, k[i].keys);
            for (int j = i + 1; j < n; j++)
                CHECKF(!same_key(&k[i], &k[j]), "mode %s: '%s' and '%s' "
                       "share a key", md->name, k[i].keys, k[j].keys);
        }
    }
    CU_ASSERT_EQUAL(count, 6);
}

void suite_tui_modes(void)
{
    static const test_case tests[] = {
        {"modes are whole", modes_are_whole},
        {NULL, NULL},
    };
    add_suite("tui_modes", tests);
}
