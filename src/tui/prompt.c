#include <ctype.h>
#include <string.h>

#include "app.h"
#include "overlay.h"
#include "prompt.h"

void prompt_open(app *a, const char *label, const char *initial,
                 prompt_submit submit)
{
    prompt_state *p = &a->prompt;
    memset(p, 0, sizeof *p);
    snprintf(p->label, sizeof p->label, "%s", label);
    snprintf(p->buf, sizeof p->buf, "%s", initial);
    p->len = p->cur = (int)strlen(p->buf);
    p->submit = submit;
    a->ov = OVERLAY_PROMPT;
}

void prompt_ask(app *a, const char *question, const char *no,
                const char *context, prompt_yes yes)
{
    char keep[sizeof a->prompt.context];
    snprintf(keep, sizeof keep, "%s", context ? context : "");
    if (!a->scripted)
        prompt_open(a, question, "", NULL);
    snprintf(a->prompt.context, sizeof a->prompt.context, "%s", keep);
    snprintf(a->prompt.no, sizeof a->prompt.no, "%s", no);
    a->prompt.yes = yes;
    if (a->scripted)
        yes(a);
}

/* y or n: the question's keys. */
static void answer(app *a, int key)
{
    prompt_state *p = &a->prompt;
    if (key == 'y' || key == 'Y' || key == '\r' || key == '\n' ||
        key == KEY_ENTER) {
        a->ov = OVERLAY_NONE;
        p->yes(a);
    } else if (key == 'n' || key == 'N' || key == 27 || key == 'q') {
        a->ov = OVERLAY_NONE;
        app_message(a, false, "%s", p->no);
    }
}

void prompt_error(app *a, int column, const char *msg)
{
    snprintf(a->prompt.err, sizeof a->prompt.err, "%s", msg);
    a->prompt.err_col = column;
}

void prompt_draw(app *a)
{
    prompt_state *p = &a->prompt;
    int w = a->cols > 90 ? 90 : a->cols, h = p->err[0] ? 6 : 4;
    WINDOW *win = overlay_open(a, h, w, a->rows - h - 1,
                               p->yes ? NULL : p->label);
    if (!win)
        return;
    if (p->yes) {
        ui_role_set(win, &a->ui, ROLE_TEXT, A_BOLD);
        ui_puts(win, &a->ui, 1, 2, getmaxx(win) - 4, p->label);
        ui_role_set(win, &a->ui, ROLE_DIM, 0);
        ui_puts(win, &a->ui, h - 1, 2, getmaxx(win) - 4, " y yes · n no ");
        overlay_close(win);
        return;
    }
    int inner = getmaxx(win) - 4;
    /* Scroll so the cursor stays in sight; the caret line shares it. */
    int off = p->cur > inner - 1 ? p->cur - inner + 1 : 0;
    ui_role_set(win, &a->ui, ROLE_TEXT, 0);
    ui_puts_raw(win, &a->ui, 1, 2, inner, p->buf + off);
    ui_role_set(win, &a->ui, ROLE_SEL, 0);
    char under[2] = {p->cur < p->len ? p->buf[p->cur] : ' ', 0};
    mvwaddstr(win, 1, 2 + p->cur - off, under);
    if (p->err[0]) {
        ui_role_set(win, &a->ui, ROLE_ERROR, 0);
        if (p->err_col > 0 && p->err_col - 1 - off < inner)
            ui_puts(win, &a->ui, 2, 2 + p->err_col - 1 - off, 1, "^");
        ui_puts(win, &a->ui, 3, 2, inner, p->err);
    }
    ui_role_set(win, &a->ui, ROLE_DIM, 0);
    ui_puts(win, &a->ui, h - 1, 2, inner, " Enter apply · Esc cancel ");
    overlay_close(win);
}

static void insert(prompt_state *p, int c)
{
    if (p->len + 1 >= (int)sizeof p->buf)
        return;
    memmove(p->buf + p->cur + 1, p->buf + p->cur, (size_t)(p->len - p->cur + 1));
    p->buf[p->cur++] = (char)c;
    p->len++;
}

static void submit(app *a)
{
    prompt_state *p = &a->prompt;
    /* The submit function may open another prompt (a confirmation). */
    prompt_submit fn = p->submit;
    a->ov = OVERLAY_NONE;
    if (fn(a, p->buf) < 0 && a->ov == OVERLAY_NONE)
        a->ov = OVERLAY_PROMPT;
}

bool prompt_key(app *a, int key)
{
    prompt_state *p = &a->prompt;
    if (p->yes) {
        answer(a, key);
        return true;
    }
    switch (key) {
    case 27: a->ov = OVERLAY_NONE; return true;
    case '\n':
    case '\r':
    case KEY_ENTER: submit(a); return true;
    case KEY_LEFT: if (p->cur > 0) p->cur--; break;
    case KEY_RIGHT: if (p->cur < p->len) p->cur++; break;
    case KEY_HOME:
    case 1: p->cur = 0; break;
    case KEY_END:
    case 5: p->cur = p->len; break;
    case 21: p->len = p->cur = 0, p->buf[0] = '\0'; break; /* ^U */
    case KEY_BACKSPACE:
    case 127:
    case 8:
        if (p->cur > 0) {
            memmove(p->buf + p->cur - 1, p->buf + p->cur,
                    (size_t)(p->len - p->cur + 1));
            p->cur--;
            p->len--;
        }
        break;
    case KEY_DC:
        if (p->cur < p->len) {
            memmove(p->buf + p->cur, p->buf + p->cur + 1,
                    (size_t)(p->len - p->cur));
            p->len--;
        }
        break;
    default:
        if (key >= 0 && key < 256 && isprint(key))
            insert(p, key);
        break;
    }
    p->err[0] = '\0';
    p->err_col = 0;
    return true;
}
