#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ticks.h"

double ticks_step(double lo, double hi, int max_ticks)
{
    double span = hi - lo;
    if (!(span > 0.0) || !isfinite(span) || max_ticks < 2)
        return 0.0;
    double raw = span / (max_ticks - 1);
    double p = pow(10.0, floor(log10(raw)));
    double m = raw / p;
    /* The nearest nice multiplier (Heckbert's "nice numbers"): the count
     * may come out a little above max_ticks, never far below it. */
    double nice = m < 1.5 ? 1.0 : m < 3.0 ? 2.0 : m < 7.0 ? 5.0 : 10.0;
    return nice * p;
}

int ticks_nice(double lo, double hi, int max_ticks, double *out, int cap)
{
    double step = ticks_step(lo, hi, max_ticks);
    if (step == 0.0)
        return 0;
    int n = 0;
    /* Ticks are k·step for whole k, so they print exactly; the slack
     * keeps an end that is itself a multiple. */
    double slack = step * 1e-9;
    for (double k = ceil((lo - slack) / step); n < cap; k++) {
        double v = k * step;
        if (v > hi + slack)
            break;
        out[n++] = v == 0.0 ? 0.0 : v;
    }
    return n;
}

void ticks_label(double v, double step, char *buf, size_t cap)
{
    double mag = fmax(fabs(v), step);
    if (mag >= 1e5 || (step > 0.0 && step < 1e-4)) {
        snprintf(buf, cap, "%.3g", v);
        return;
    }
    int decimals = step > 0.0 ? (int)ceil(-log10(step) - 1e-9) : 0;
    if (decimals < 0)
        decimals = 0;
    snprintf(buf, cap, "%.*f", decimals, v == 0.0 ? 0.0 : v);
}

/* "%#.*g" keeps trailing zeros; a lone point ("100.", "4.e+20") goes. */
static int format_sig(double v, int sig, char *out, size_t cap)
{
    int len = snprintf(out, cap, "%#.*g", sig, v);
    if (len <= 0 || (size_t)len >= cap)
        return len;
    char *dot = strchr(out, '.');
    if (dot && (dot[1] == '\0' || dot[1] == 'e')) {
        memmove(dot, dot + 1, strlen(dot + 1) + 1);
        len--;
    }
    return len;
}

void numfmt(double v, int width, char *buf)
{
    char tmp[64];
    int len = 0;
    if (isnan(v))
        len = snprintf(tmp, sizeof tmp, "nan");
    else if (isinf(v))
        len = snprintf(tmp, sizeof tmp, v < 0 ? "-inf" : "inf");
    else {
        if (v == 0.0)
            v = 0.0; /* no "-0" */
        for (int sig = width > 17 ? 17 : width; sig >= 1; sig--) {
            len = format_sig(v, sig, tmp, sizeof tmp);
            if (len <= width)
                break;
        }
    }
    if (len > width) {
        memset(buf, '#', (size_t)width);
        buf[width] = '\0';
        return;
    }
    snprintf(buf, (size_t)width + 1, "%*s", width, tmp);
}

void ticks_decade(int k, char *buf, size_t cap)
{
    if (k >= -3 && k <= 4)
        snprintf(buf, cap, "%g", pow(10.0, k));
    else
        snprintf(buf, cap, "1e%d", k);
}
