/* Inside the lesson parser: its state, shared by its files
 * (lesson_parse.c reads lines, lesson_step.c a step's directives,
 * lesson_goal.c goals, lesson_check.c what is checked when a step or the
 * file ends). */
#ifndef DESCENT_LESSON_PARSE_H
#define DESCENT_LESSON_PARSE_H

#include "lesson.h"
#include "source.h"

/* The directives of a step that are not run options. */
typedef enum {
    D_TEXT, D_GOAL, D_LOCK, D_HINT, D_SOLUTION, D_QUIZ, D_ASK, D_OPTION,
    D_ANSWER, D_STEP_COUNT
} step_key;

typedef struct {
    lesson *l;
    diag_list *d;
    const char *dir;        /* of the lesson file, for relative paths */
    lesson_step *step;      /* being read; NULL in the header */
    int header[4];          /* lines of format, id, title, minutes */
    int first_directive;    /* line of the file's first directive */
    /* The text block being read (text: and its continuation lines). */
    bool in_text;
    char *text;
    size_t text_len, text_cap;
    int text_line, text_column, text_indent, blank_run;
    /* This step: where each one-off directive was first written. */
    int once[D_STEP_COUNT];
    int once_setting[LESSON_SLOTS];
    /* The quiz's answer, option and kind lines as written, checked when
     * the step ends. */
    const char *answer;
    int answer_column;
    int first_option_line;
} parser;

/* A step directive (a run option or one of step_key), its value
 * starting at value (a pointer into line->text). */
void step_line(parser *ps, const source_line *line, const char *name,
                    size_t len, const char *value);

/* The text block's lines. */
void text_start(parser *ps, const source_line *line, const char *value);
void text_continue(parser *ps, const source_line *line, const char *rest,
                   size_t indent);
void text_end(parser *ps);

int goal_parse(parser *ps, const source_line *line, const char *value,
               lesson_goal *g);

/* When a step ends: its quiz, solution and locks together. */
void step_finish(parser *ps);
/* When the file ends: the header, goal references, each step's settings
 * opened as a run would open them. */
void lesson_finish(parser *ps);

/* Whether text (len bytes) is an id: letters, digits, '-', '_', '.',
 * starting with a letter or digit; else reports the first bad character
 * at its column and returns false. what: "step id" or "id". */
bool id_check(parser *ps, const source_line *line, const char *text,
              size_t len, const char *what);

#endif
