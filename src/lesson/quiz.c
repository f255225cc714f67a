/* Quiz answers: a number within the tolerance (fractions and percentages
 * accepted), or the right option; with the explanations the lesson
 * gives. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "player.h"

/* v as briefly as it reads back exactly. */
static void shortest(double v, char *buf, size_t cap)
{
    for (int digits = 6; digits <= 17; digits++) {
        snprintf(buf, cap, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

void lesson_quiz_option(const lesson_quiz *q, size_t k, char *buf,
                        size_t cap)
{
    const char *o = q->options[k - 1];
    size_t n = strlen(o);
    if (n && o[n - 1] == '.')
        n--;
    snprintf(buf, cap, "%zu: %.*s", k, (int)n, o);
}

void lesson_quiz_answer(const lesson_quiz *q, char *buf, size_t cap)
{
    if (q->kind == QUIZ_CHOICE && q->answer >= 1 && q->answer <= q->n_options) {
        lesson_quiz_option(q, q->answer, buf, cap);
    } else if (q->percent) {
        char n[40];
        shortest(q->value * 100.0, n, sizeof n);
        snprintf(buf, cap, "%s%%", n);
    } else {
        shortest(q->value, buf, cap);
    }
}

static bool close_to(const lesson_quiz *q, double v)
{
    return fabs(v - q->value) <= q->tol;
}

/* Appends text to r's explanation, a space between. */
static void explain(quiz_result *r, const char *text)
{
    if (!text)
        return;
    size_t n = strlen(r->explain);
    snprintf(r->explain + n, sizeof r->explain - n, "%s%s", n ? " " : "",
             text);
}

quiz_result lesson_quiz_check(const lesson_quiz *q, const char *answer)
{
    quiz_result r;
    memset(&r, 0, sizeof r);
    char msg[256];
    if (q->kind == QUIZ_CHOICE) {
        long k;
        char *end;
        while (*answer == ' ')
            answer++;
        k = strtol(answer, &end, 10);
        while (*end == ' ')
            end++;
        if (end == answer || *end || k < 1 || (size_t)k > q->n_options) {
            snprintf(r.message, sizeof r.message, "Answer with the number of "
                     "an option, 1 to %zu.", q->n_options);
            return r;
        }
        r.valid = true;
        r.right = (size_t)k == q->answer;
        if (q->option_explain)
            explain(&r, q->option_explain[k - 1]);
    } else {
        double v;
        bool pct;
        if (lesson_number(answer, &v, &pct, msg, sizeof msg) < 0) {
            snprintf(r.message, sizeof r.message, "%s.", msg);
            return r;
        }
        r.valid = true;
        /* An answer written as a percentage may be typed without '%'. */
        r.right = close_to(q, v) || (q->percent && !pct && close_to(q, v / 100));
    }
    if (r.right)
        explain(&r, q->explain);
    snprintf(r.message, sizeof r.message, "%s", r.right ? "Right."
                                                        : "Not quite.");
    return r;
}
