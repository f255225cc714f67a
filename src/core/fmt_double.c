/* Placeholder until the shortest-digits algorithm lands. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt_double.h"

size_t fmt_double(double v, char *buf)
{
    if (isnan(v))
        return (size_t)snprintf(buf, FMT_DOUBLE_MAX, "nan");
    if (isinf(v))
        return (size_t)snprintf(buf, FMT_DOUBLE_MAX, v < 0 ? "-inf" : "inf");
    for (int p = 1; p < 17; p++) {
        int len = snprintf(buf, FMT_DOUBLE_MAX, "%.*g", p, v);
        if (strtod(buf, NULL) == v)
            return (size_t)len;
    }
    return (size_t)snprintf(buf, FMT_DOUBLE_MAX, "%.17g", v);
}
