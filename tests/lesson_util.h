/* Shared by the lesson and demo tests: problems as text, shipped files. */
#ifndef DESCENT_TEST_LESSON_UTIL_H
#define DESCENT_TEST_LESSON_UTIL_H

#include <stddef.h>

#include "diag.h"
#include "lesson.h"

/* The problems of d, sorted, one "LINE:COLUMN: message" (or "LINE:
 * message") a line, in a static buffer. */
const char *diag_text(diag_list *d);

/* Parses text as a lesson; its problems as diag_text. The lesson is
 * freed unless out is given. */
const char *lesson_problems(const char *text, lesson *out);

/* The engine's tests play a frozen copy of an early course
 * (tests/lessons/course/), so the shipped lessons can change freely. */
#define COURSE_FIXTURE "tests/lessons/course"

/* Loads a lesson of the fixture course (COURSE_FIXTURE/NAME), which must
 * have no problem. */
void load_fixture(const char *name, lesson *l);

/* Checks that fixture i of kind what gave the problems want. */
void check_problems(const char *what, size_t i, const char *want,
                    const char *got);

/* Path of a shipped file: "lessons/NAME" or "assets/demos/NAME". */
const char *source_path(const char *rel);

#endif
