#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model_options.h"

const char model_options_help[] =
    "  --model NAME            a model instead of --objective: linreg logreg\n"
    "                          softmax mlp ridge (see 'descent list models')\n"
    "  --data NAME|FILE.csv    a shipped data set or a CSV file (default: the\n"
    "                          model's; mlp: 100 rows of N(0,1) data)\n"
    "  --target COL            the target column (default: the last)\n"
    "  --features A,B,...      feature columns (default: the others)\n"
    "  --split F               training fraction, 0 < F ≤ 1 (default 0.8)\n"
    "  --no-shuffle            split in file order (default: shuffled by --seed)\n"
    "  --batch N               minibatch size (default: full batch)\n"
    "  --hidden N              mlp width (default 64)\n"
    "  --scale standard|none   standardise features on the training rows\n"
    "                          (default standard)\n"
    "  --init FILE             initial parameters, in the model's order\n"
    "  --max-rows N            read at most N rows (default: more than 1e6 is\n"
    "                          an error)\n"
    "  --lambda L              ridge's penalty λ ≥ 0 (default 1)\n";

int model_options_apply(model_options *m, int id, const char *v)
{
    option_error e;
    if (model_options_set(m, id, v, &e) < 0) {
        cli_option_error(&e, v);
        return -1;
    }
    return 0;
}

int model_options_open(model_options *m, unsigned long seed,
                       const double *start, size_t n, objective *obj)
{
    option_error e;
    if (model_options_build(m, seed, start, n, obj, &e) < 0)
        return cli_option_error(&e, NULL);
    return 0;
}
