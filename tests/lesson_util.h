/* Shared by the lesson and demo tests: problems as text, shipped files. */
#ifndef DESCENT_TEST_LESSON_UTIL_H
#define DESCENT_TEST_LESSON_UTIL_H

#include "diag.h"
#include "lesson.h"

/* The problems of d, sorted, one "LINE:COLUMN: message" (or "LINE:
 * message") a line, in a static buffer. */
const char *diag_text(diag_list *d);

/* Parses text as a lesson; its problems as diag_text. The lesson is
 * freed unless out is given. */
const char *lesson_problems(const char *text, lesson *out);

/* Path of a shipped file: "lessons/NAME" or "assets/demos/NAME". */
const char *source_path(const char *rel);

#endif
