/* The lesson panel, and a demo's caption. The panel: the step's text
 * wrapped to the panel with the hints shown and what skip applied,
 * scrolled with < >; under it, always in sight, the goal and how the run
 * stands against it, the quiz with its options and the feedback. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "lookup.h"
#include "play.h"
#include "textwrap.h"
#include "translit.h"

enum { DOC_LINES = 400, DOC_BYTES = 24576 };

typedef struct {
    const char *s;
    size_t len;
    int indent;
    ui_role role;
    attr_t attr;
} doc_line;

/* The panel's lines, their text kept in arena. */
typedef struct {
    doc_line l[DOC_LINES];
    int n, width;
    int mark;               /* the first line of the last hint or skip */
    bool ascii;
    attr_t body;            /* bold in presenter mode */
    char arena[DOC_BYTES];
    size_t used;
} doc;

/* text copied into the arena (ASCII stand-ins first when the locale is
 * not UTF-8, so wrapping counts what is drawn). */
static const char *keep(doc *d, const char *text)
{
    char *at = d->arena + d->used;
    size_t room = DOC_BYTES - d->used, n;
    if (room < 2)
        return "";
    if (d->ascii)
        n = translit_ascii(text, at, room);
    else
        n = (size_t)snprintf(at, room, "%s", text);
    d->used += (n < room ? n : room - 1) + 1;
    return at;
}

static void para(doc *d, const char *text, ui_role role, attr_t attr)
{
    const char *t = keep(d, text);
    wrap_line w[DOC_LINES];
    size_t n = text_wrap(t, d->width, w, DOC_LINES);
    for (size_t i = 0; i < n && i < DOC_LINES && d->n < DOC_LINES; i++)
        d->l[d->n++] = (doc_line){t + w[i].start, w[i].len, w[i].indent,
                                  role, attr};
}

__attribute__((format(printf, 4, 5)))
static void paraf(doc *d, ui_role role, attr_t attr, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    para(d, buf, role, attr);
}

static void blank(doc *d) { para(d, "", ROLE_TEXT, 0); }

static void goal_part(doc *d, const lesson_view *v, const lesson_step *st)
{
    (void)st;
    const goal_report *g = &v->goal;
    paraf(d, ROLE_TITLE, 0, "Goal: %s", g->goal);
    if (g->status == GOAL_MET)
        paraf(d, ROLE_ACCENT, A_BOLD, "✓ met. %s", g->summary);
    else if (g->status == GOAL_FAILED && g->final)
        paraf(d, ROLE_ERROR, 0, "✗ failed. %s Change something, r restarts.",
              g->summary);
    else if (g->status == GOAL_FAILED) /* by what can still change */
        paraf(d, ROLE_ERROR, 0, "✗ not yet. %s", g->summary);
    else
        paraf(d, ROLE_DIM, 0, "… pending. %s", g->summary);
}

/* A prediction: the guess, then the answer once the run is over. */
static void predict_part(doc *d, const lesson_view *v)
{
    prediction pr;
    player_prediction(&v->p, &pr);
    if (!pr.guessed && !pr.revealed)
        para(d, "Predict before you run: Enter gives your guess.", ROLE_DIM,
             0);
    else if (!pr.revealed)
        paraf(d, ROLE_DIM, 0, "Your guess: %s. Run it to see.", pr.guess);
    else
        paraf(d, pr.right ? ROLE_ACCENT : ROLE_TEXT, A_BOLD,
              "%s%s%s The answer: %s. %s", pr.guessed ? "Your guess: " : "",
              pr.guess, pr.guessed ? (pr.right ? " ✓." : " ✗.") : "",
              pr.answer, pr.explain);
}

/* A lesson's text reflowed to the panel (its paragraphs joined, its
 * formulas and lists kept). */
static void text_para(doc *d, const char *text)
{
    static char flow[16384];
    text_reflow(text, flow, sizeof flow);
    para(d, flow, ROLE_TEXT, d->body);
}

static void recap_part(doc *d, const play *pl)
{
    const lesson *l = pl->lv.p.l;
    para(d, "Recap", ROLE_TITLE, 0);
    text_para(d, player_recap(&pl->lv.p));
    blank(d);
    const lesson *next = pl->cat ? catalog_next(pl->cat, l) : NULL;
    if (next)
        paraf(d, ROLE_ACCENT, A_BOLD, "Next: %s, %s (%ld min). PgDn or Enter "
              "opens it.", next->id, next->title, next->minutes);
    else if (l->next)
        paraf(d, ROLE_ACCENT, 0, "Next: %s", l->next);
    else
        para(d, "This is the last lesson.", ROLE_ACCENT, 0);
}

static void quiz_part(doc *d, const lesson_view *v, const lesson_quiz *q)
{
    paraf(d, ROLE_TITLE, 0, "%s: %s", q->predict ? "Predict" : "Quiz",
          q->ask);
    for (size_t i = 0; i < q->n_options; i++) {
        bool sel = (int)i == v->choice;
        paraf(d, sel ? ROLE_SEL : ROLE_TEXT, d->body, "%s%zu  %s",
              sel ? "▶ " : "  ", i + 1, q->options[i]);
    }
    if (q->predict) {
        predict_part(d, v);
        return;
    }
    if (q->kind == QUIZ_NUMBER && !v->feedback[0])
        para(d, "Enter (or a) to type your answer.", ROLE_DIM, 0);
    if (v->feedback[0])
        para(d, v->feedback, v->feedback_right ? ROLE_ACCENT : ROLE_ERROR,
             A_BOLD);
}

static void locked_part(doc *d, const lesson_view *v)
{
    char buf[400];
    player_lock_text(&v->p, buf, sizeof buf);
    if (buf[0])
        paraf(d, ROLE_DIM, 0, "Locked: %s", buf);
}

/* The step's text and what goes with it (the recap at the end): scrolled
 * with < >. */
static void build_text(doc *d, const play *pl)
{
    const lesson_view *v = &pl->lv;
    const lesson_step *st = player_current(&v->p);
    if (player_in_recap(&v->p)) {
        recap_part(d, pl);
        return;
    }
    if (st->text)
        text_para(d, st->text);
    locked_part(d, v);
    for (size_t i = 0; i < lview_hints_shown(v); i++) {
        d->mark = d->n;
        paraf(d, ROLE_ACCENT, 0, "Hint %zu: %s", i + 1, st->hints[i]);
    }
    if (v->skipped[0]) {
        d->mark = d->n;
        para(d, v->skipped, ROLE_ACCENT, A_BOLD);
    }
}

/* The goal with its status, a pause at the step's limit, and the quiz:
 * kept in sight under the text. */
static void build_task(doc *d, const lesson_view *v)
{
    const lesson_step *st = player_current(&v->p);
    if (player_in_recap(&v->p))
        return;
    if (lesson_has_goal(st))
        goal_part(d, v, st);
    if (player_paused(&v->p)) {
        char pause[160];
        player_pause_text(&v->p, pause, sizeof pause);
        paraf(d, ROLE_ACCENT, 0, "%s Space goes on.", pause);
    }
    if (st->quiz.kind != QUIZ_NONE)
        quiz_part(d, v, &st->quiz);
}

/* The keys that matter for this step, on the panel's last line: words
 * between dots where they fit, then closer together, then the step keys
 * as one, then the keys alone; never one left out. */
static void footer(const lesson_view *v, const lesson_step *st, int width,
                   char *buf, size_t cap)
{
    char hint[32], answer[16];
    snprintf(hint, sizeof hint, "hint %zu/%zu", lview_hints_shown(v),
             st->n_hints);
    snprintf(answer, sizeof answer, "%s", st->quiz.kind == QUIZ_CHOICE
             ? "1-9" : "Enter");
    if (st->quiz.kind == QUIZ_CHOICE)
        snprintf(answer, sizeof answer, "1-%zu", st->quiz.n_options);
    const char *keys[5] = {"PgDn", "PgUp", "i", "S", answer};
    const char *words[5] = {"next", "back", hint, "skip", "answer"};
    bool on[5] = {true, true, st->n_hints > 0,
                  lesson_has_goal(st) || st->quiz.kind != QUIZ_NONE,
                  st->quiz.kind != QUIZ_NONE};
    for (int level = 0; level < 5; level++) {
        size_t n = 0;
        buf[0] = '\0';
        for (int i = 0; i < 5 && n < cap; i++) {
            if (!on[i] || (level >= 2 && i == 1))
                continue;
            const char *key = level >= 2 && i == 0 ? "PgDn/Up" : keys[i];
            const char *word = level >= 4 || (level == 3 && i == 0) ? ""
                               : level == 2 && i == 0 ? "step"
                               : level >= 2 && i == 2 ? "hint" : words[i];
            const char *sep = !n ? "" : level == 0 ? " · " : level < 3
                              ? "  " : " ";
            n += (size_t)snprintf(buf + n, cap - n, "%s%s%s%s", sep, key,
                                  !*word ? "" : level >= 3 ? ":" : " ", word);
        }
        if (text_columns(buf, strlen(buf)) <= width)
            return;
    }
}

/* On the recap: the next lesson by its id (the recap's last line, which
 * names it too, may be below the fold), back, the menu; shorter when
 * narrow. */
static void recap_footer(const app *a, int width, char *buf, size_t cap)
{
    const lesson *nl = play_next_lesson(a);
    bool next = nl, menu = play_of(a)->has_menu;
    static const char *const forms[][3] = {
        {"PgDn next: %s", " · PgUp back", " · m menu"},
        {"PgDn:%s", " PgUp:back", " m:menu"},
        {"PgDn:lesson", " PgUp:back", " m:menu"},
        {"PgDn", " PgUp", " m"}};
    for (int f = 0; f < 4; f++) {
        char first[120];
        snprintf(first, sizeof first, forms[f][0], next ? nl->id : "");
        snprintf(buf, cap, "%s%s%s", next ? first : "",
                 next ? forms[f][1] : forms[f][1] + (f ? 1 : 3),
                 menu ? forms[f][2] : "");
        if (text_columns(buf, strlen(buf)) <= width)
            return;
    }
}

/* The panel as last prepared: the text, the task pinned under it; or,
 * when the task alone would not fit beside two rows of text, both as
 * one document that scrolls (nothing out of reach). */
static doc text_doc, task_doc;
static int text_rows, task_rows;
static bool as_one;

/* Lines of the panel's document: the text, a blank, the task. */
static int doc_lines(void)
{
    return text_doc.n + (text_doc.n && task_doc.n ? 1 : 0) + task_doc.n;
}

void panel_lesson_prepare(app *a, WINDOW *w)
{
    lesson_view *v = &play_of(a)->lv;
    int h = getmaxy(w), wd = getmaxx(w);
    doc *docs[2] = {&text_doc, &task_doc};
    for (int i = 0; i < 2; i++) {
        docs[i]->n = 0;
        docs[i]->mark = 0;
        docs[i]->used = 0;
        docs[i]->width = wd - 4;
        docs[i]->ascii = !a->ui.utf8;
        docs[i]->body = a->presenter ? A_BOLD : 0;
    }
    build_text(&text_doc, play_of(a));
    build_task(&task_doc, v);
    /* Rows between the border and the footer: the task right under the
     * text when both fit; else pinned to the bottom when it leaves the
     * text two rows, a blank line between them. */
    int rows = h - 3 > 0 ? h - 3 : 0;
    task_rows = task_doc.n;
    if (task_rows && text_doc.n)
        task_rows++;
    as_one = task_rows > rows - 2;
    if (as_one) {
        task_rows = 0;
        text_rows = rows;
    } else {
        text_rows = rows - task_rows;
        if (text_doc.n < text_rows)
            text_rows = text_doc.n;
    }
    int total = as_one ? doc_lines() : text_doc.n;
    int max = total > text_rows ? total - text_rows : 0;
    /* A step opens at the top of its text. A new hint or what skip
     * applied is brought into view: the text's end, or the hint's first
     * line when it is longer than the rows (as one document, the task
     * follows it); else, as one document, a task that changed (feedback,
     * a pause, the answer revealed) is. */
    static int task_seen = -1;
    static const lesson_step *step_seen;
    const lesson_step *st = player_current(&v->p);
    if (v->scroll >= LVIEW_TEXT_END) {
        int end = text_doc.n - text_rows;
        v->scroll = end < text_doc.mark ? end : text_doc.mark;
        if (v->scroll < 0)
            v->scroll = 0;
    } else if (as_one && st == step_seen && task_doc.n != task_seen)
        v->scroll = max;
    task_seen = task_doc.n;
    step_seen = st;
    if (v->scroll > max)
        v->scroll = max;
}

static void draw_lines(const app *a, WINDOW *w, const doc *d, int from,
                       int y, int rows)
{
    const ui_env *u = &a->ui;
    int wd = getmaxx(w);
    for (int i = 0; i < rows && from + i < d->n; i++) {
        const doc_line *l = &d->l[from + i];
        char line[1024];
        snprintf(line, sizeof line, "%.*s", (int)l->len, l->s);
        ui_role_set(w, u, l->role, l->attr);
        if (l->role == ROLE_SEL)
            mvwhline(w, y + i, 1, ' ', wd - 2);
        ui_puts(w, u, y + i, 2 + l->indent, wd - 4 - l->indent, line);
    }
}

/* rows lines of the text and task as one document from line from. */
static void draw_one(const app *a, WINDOW *w, int from, int y, int rows)
{
    int gap = text_doc.n && task_doc.n ? 1 : 0;
    int in_text = text_doc.n - from;
    if (in_text > 0)
        draw_lines(a, w, &text_doc, from, y, in_text < rows ? in_text : rows);
    int task_at = text_doc.n + gap; /* document line of the task's first */
    int skip = from > task_at ? from - task_at : 0;
    int row = task_at - from + skip;
    if (row < rows)
        draw_lines(a, w, &task_doc, skip, y + row, rows - row);
}

void panel_lesson_draw(const app *a, WINDOW *w)
{
    const ui_env *u = &a->ui;
    const lesson_view *v = &play_of(a)->lv;
    const lesson_player *p = &v->p;
    const lesson_step *st = player_current(p);
    int h = getmaxy(w), wd = getmaxx(w);
    char title[200];
    /* Done first: a narrow panel cuts the title's end. */
    if (player_in_recap(p))
        snprintf(title, sizeof title, "%srecap · %s", player_complete(p)
                 ? "✓ " : "", p->l->id);
    else
        snprintf(title, sizeof title, "%sstep %zu/%zu %s · %s",
                 p->done[p->step] ? "✓ " : "", p->step + 1, p->l->n_steps,
                 st->id, p->l->id);
    ui_box(w, u, title, true);
    if (h < 4)
        return;
    if (as_one) {
        draw_one(a, w, v->scroll, 1, text_rows);
    } else {
        draw_lines(a, w, &text_doc, v->scroll, 1, text_rows);
        int gap = task_rows > task_doc.n ? 1 : 0;
        draw_lines(a, w, &task_doc, 0, 1 + text_rows + gap, task_rows - gap);
    }
    char keys[200];
    if (player_in_recap(p))
        recap_footer(a, wd - 4, keys, sizeof keys);
    else
        footer(v, st, wd - 4, keys, sizeof keys);
    ui_role_set(w, u, ROLE_DIM, 0);
    ui_puts(w, u, h - 2, 2, wd - 4, keys);
    ui_role_set(w, u, ROLE_ACCENT, 0);
    int total = as_one ? doc_lines() : text_doc.n;
    int max = total > text_rows ? total - text_rows : 0;
    if (v->scroll > 0)
        ui_puts(w, u, 0, wd - 6, 4, " ▲ ");
    if (v->scroll < max)
        ui_puts(w, u, h - 1, wd - 9, 7, " ▼ > ");
}

/* A demo's `say`, wrapped to the caption's width. */
static void caption_doc(doc *d, const play *pl, int cols, bool ascii)
{
    d->n = 0;
    d->used = 0;
    d->width = cols - 4;
    d->ascii = ascii;
    d->body = 0;
    if (pl->dp.caption)
        para(d, pl->dp.caption, ROLE_TEXT, A_BOLD);
}

/* While the script waits: which key goes on. */
static const char *caption_state(const play *pl)
{
    return pl->dp.state == DP_PAUSE ? "paused: Space or PgDn goes on"
           : pl->dp.state == DP_END ? "end of the demo: q quits"
                                    : NULL;
}

int play_caption_rows(const play *pl, int cols, bool ascii)
{
    if (!pl->has_demo || (!pl->dp.caption && !caption_state(pl)))
        return 0;
    static doc d;
    caption_doc(&d, pl, cols, ascii);
    int lines = d.n > 3 ? 3 : d.n;
    return lines + 2 + (caption_state(pl) ? 1 : 0);
}

/* A demo's `say`: a box of its own over the bottom bar, bold, wrapped to
 * at most three lines; while paused it says which key goes on. */
void play_caption_draw(const app *a, WINDOW *w)
{
    const play *pl = play_of(a);
    static doc d;
    caption_doc(&d, pl, getmaxx(w), !a->ui.utf8);
    const char *state = caption_state(pl);
    ui_box(w, &a->ui, pl->dp.caption ? "demo" : NULL, true);
    int lines = getmaxy(w) - 2 - (state ? 1 : 0);
    draw_lines(a, w, &d, 0, 1, lines);
    if (state) {
        ui_role_set(w, &a->ui, ROLE_ACCENT, 0);
        ui_puts(w, &a->ui, getmaxy(w) - 2, 2, getmaxx(w) - 4, state);
    }
}
