/* Quiz answers: a number within the tolerance, or the right option. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "parse_num.h"
#include "player.h"

void lesson_quiz_answer(const lesson_quiz *q, char *buf, size_t cap)
{
    if (q->kind == QUIZ_CHOICE && q->answer >= 1 && q->answer <= q->n_options)
        snprintf(buf, cap, "%zu: %s", q->answer, q->options[q->answer - 1]);
    else
        snprintf(buf, cap, "%.17g", q->value);
}

/* The answer without the spaces around it. */
static void trimmed(const char *s, char *buf, size_t cap)
{
    while (*s == ' ')
        s++;
    snprintf(buf, cap, "%s", s);
    size_t n = strlen(buf);
    while (n > 0 && buf[n - 1] == ' ')
        buf[--n] = '\0';
}

quiz_result lesson_quiz_check(const lesson_quiz *q, const char *answer)
{
    quiz_result r = {false, false, ""};
    char text[128], msg[PARSE_NUM_MSG];
    trimmed(answer, text, sizeof text);
    if (q->kind == QUIZ_CHOICE) {
        long k;
        if (parse_num_long(text, &k, msg, sizeof msg) < 0 || k < 1 ||
            (size_t)k > q->n_options) {
            snprintf(r.message, sizeof r.message, "Answer with the number of "
                     "an option, 1 to %zu.", q->n_options);
            return r;
        }
        r.valid = true;
        r.right = (size_t)k == q->answer;
    } else {
        double v;
        if (parse_num_double(text, &v, msg, sizeof msg) < 0) {
            snprintf(r.message, sizeof r.message, "%s.", msg);
            return r;
        }
        r.valid = true;
        r.right = fabs(v - q->value) <= q->tol;
    }
    snprintf(r.message, sizeof r.message, "%s", r.right ? "Right."
             : "Not quite: try again, or ask for a hint.");
    return r;
}
