/* Every screen mode (mode.h): one line each. */
#include "mode.h"

const screen_mode *const screen_modes[] = {
    &mode_live, &mode_lesson, &mode_menu, &mode_demo, &mode_replay,
    &mode_hpo, NULL};
