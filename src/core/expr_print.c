/* The expression fully parenthesised, as the parser read it. The tree is
 * walked with its parent links rather than by recursion, since a long
 * chain such as x+x+...+x makes a deep tree. */
#include <string.h>

#include "expr_impl.h"

typedef struct {
    char *buf;
    size_t cap, len;
} writer;

static void put(writer *w, const char *s, size_t n)
{
    if (w->len < w->cap) {
        size_t room = w->cap - w->len;
        memcpy(w->buf + w->len, s, n < room ? n : room);
    }
    w->len += n;
}

static void puts_(writer *w, const char *s) { put(w, s, strlen(s)); }

static int is_function(expr_op op)
{
    return (op >= OP_SIN && op <= OP_ABS) || op == OP_MIN || op == OP_MAX;
}

/* Before the first child (or the whole leaf). */
static void open_node(writer *w, const expr *e, const expr_node *d)
{
    if (d->a < 0) {
        put(w, e->text + d->pos, d->len);
    } else if (is_function(d->op)) {
        puts_(w, expr_op_name(d->op));
        puts_(w, "(");
    } else if (d->op == OP_NEG) {
        puts_(w, "(-");
    } else {
        puts_(w, "(");
    }
}

size_t expr_print(const expr *e, char *buf, size_t cap)
{
    writer w = {buf, cap ? cap - 1 : 0, 0};
    const expr_node *nodes = e->nodes;
    int cur = e->root, from = -1;    /* from: the child just finished */
    int down = 1;
    while (cur >= 0) {
        const expr_node *d = &nodes[cur];
        if (down) {
            open_node(&w, e, d);
            if (d->a >= 0) {
                cur = d->a;
                continue;
            }
        } else if (from == d->a && d->b >= 0) {
            puts_(&w, is_function(d->op) ? ", " : " ");
            if (!is_function(d->op)) {
                puts_(&w, expr_op_name(d->op));
                puts_(&w, " ");
            }
            cur = d->b;
            down = 1;
            continue;
        } else {
            puts_(&w, ")");
        }
        from = cur;
        cur = d->parent;
        down = 0;
    }
    if (cap)
        buf[w.len < cap - 1 ? w.len : cap - 1] = '\0';
    return w.len;
}
