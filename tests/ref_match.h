/* Runs a descent run against a reference file of tests/ref. */
#ifndef DESCENT_TEST_REF_MATCH_H
#define DESCENT_TEST_REF_MATCH_H

#include "run.h"

/* Steps r through every row of the reference file and returns the largest
 * relative error |a-b|/max(|a|,|b|) over the columns loss, x0, x1 and, when
 * the file has them, lr and hypergrad (whose error is judged by its effect
 * on α where that is smaller). -1 when the file cannot be read. */
double ref_match(run *r, const char *file);

#endif
