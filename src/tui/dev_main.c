/* descent-tui-dev: drives the TUI until the command line has `descent
 * tui`. Usage: descent-tui-dev [OBJECTIVE [OPTIMIZER [LR]]] | --bench */
#include <stdlib.h>
#include <string.h>

#include "tui.h"

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--bench") == 0)
        return tui_bench();
    tui_options o = tui_options_default();
    if (argc > 1)
        o.objective = argv[1];
    if (argc > 2 && !(o.settings.opt = optimizer_find(argv[2])))
        return 2;
    if (argc > 3)
        o.settings.lr = strtod(argv[3], NULL);
    return tui_main(&o);
}
