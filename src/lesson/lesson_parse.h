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
    D_ANSWER, D_EXPLAIN, D_PREDICT, D_CHECK, D_THEORY, D_STEP_COUNT
} step_key;

/* Their names, in step_key order, NULL-terminated. */
extern const char *const step_directive_names[];

/* The header's directives; HEADER_REQUIRED of them must be there. */
enum { H_FORMAT, H_ID, H_TITLE, H_MINUTES, H_NEXT, HEADER_COUNT,
       HEADER_REQUIRED = H_NEXT };

typedef struct {
    lesson *l;
    diag_list *d;
    const char *dir;        /* of the lesson file, for relative paths */
    lesson_step *step;      /* being read; NULL in the header */
    int header[HEADER_COUNT]; /* the line of each header directive */
    int first_directive;    /* line of the file's first directive */
    int recap;              /* line of 'recap:'; 0 before it */
    /* The text block being read (text: or recap:, and its continuation
     * lines), and where it goes when it ends. */
    bool in_text;
    const char **text_to;
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
    /* What an 'explain:' line explains: the option of that index, the
     * answer (EXPLAIN_ANSWER), or nothing (EXPLAIN_NONE). */
    long explain_to;
} parser;

enum { EXPLAIN_NONE = -1, EXPLAIN_ANSWER = -2 };

/* Reports, and returns false, when the file's format is below 2: what
 * (a directive or a form) is format 2's. */
bool need_format2(parser *ps, const source_line *line, int column,
                  const char *what);

/* A step directive (a run option or one of step_key), its value
 * starting at value (a pointer into line->text). */
void step_line(parser *ps, const source_line *line, const char *name,
                    size_t len, const char *value);

/* The text block's lines; text_start's block goes to *to when it ends. */
void text_start(parser *ps, const source_line *line, const char *value,
                const char **to);
void text_continue(parser *ps, const source_line *line, const char *rest,
                   size_t indent);
void text_end(parser *ps);

/* A goal: or the OUTCOME of a check: (what) into g, with this file's
 * grammar. */
int step_goal(parser *ps, const source_line *line, const char *value,
              const char *what, lesson_goal *g);

/* quiz:, predict:, ask:, option:, answer: and explain: lines, and the
 * quiz as a whole when the step ends (step_quiz.c). */
void step_quiz_line(parser *ps, const source_line *line, step_key which,
                    const char *value);
void quiz_finish(parser *ps, lesson_step *st);

/* check: SETTINGS | OUTCOME (step_check.c). */
void step_check(parser *ps, const source_line *line, char *value);

/* "name: value" of a run option into s, checked as the command line
 * checks it (on a copy of the step's settings: the caller applies it). */
bool step_setting(parser *ps, const source_line *line, const option_entry *o,
                  const char *value, lesson_setting *s);

/* Appends one element of size bytes to *array of *n; NULL (reported)
 * when memory runs out. */
void *step_append(parser *ps, const source_line *line, void *array_ptr,
                  size_t *n, size_t size);

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
