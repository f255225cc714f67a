/* Traces named on the command line (replay, plot), read strictly. */
#ifndef DESCENT_TRACE_CLI_H
#define DESCENT_TRACE_CLI_H

#include "trace_read.h"

/* Reads and checks a trace; returns 0, or EXIT_USAGE after printing
 * "descent: FILE:LINE:COLUMN: what". */
int cli_trace_read(const char *path, trace_data *t);

#endif
