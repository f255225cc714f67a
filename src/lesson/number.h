/* Numbers as a learner types an answer and a lesson writes one: a
 * decimal number, a fraction "a/b", or a percentage "p%" (p/100). A
 * leading "−" (U+2212, as the texts print it) counts as "-". */
#ifndef DESCENT_LESSON_NUMBER_H
#define DESCENT_LESSON_NUMBER_H

#include <stdbool.h>
#include <stddef.h>

/* Reads the whole of text (spaces around it allowed) into *out and
 * whether it was a percentage into *percent (may be NULL). 0, or -1 with
 * the reason in msg. */
int lesson_number(const char *text, double *out, bool *percent, char *msg,
                  size_t cap);

#endif
