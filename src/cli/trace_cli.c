#include <stdio.h>

#include "cli.h"
#include "quote.h"
#include "trace_cli.h"

int cli_trace_read(const char *path, trace_data *t)
{
    if (!*path)
        return cli_error("trace", "empty file name");
    trace_read_error e;
    int rc = trace_read(path, t, &e);
    if (rc == 0 && (rc = trace_data_check(t, &e)) < 0)
        trace_data_free(t);
    if (rc == 0)
        return 0;
    char where[QUOTE_CAP + 48];
    if (e.line > 0)
        snprintf(where, sizeof where, "%s:%ld:%ld", QUOTE(path), e.line,
                 e.column);
    else
        snprintf(where, sizeof where, "%s", QUOTE(path));
    return cli_error(where, "%s", e.message);
}
