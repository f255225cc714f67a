/* The expression as text: fully parenthesised as the parser read it
 * (expr_print), or as Python with PyTorch (expr_print_python). The tree
 * is walked with its parent links rather than by recursion, since a long
 * chain such as x+x+...+x makes a deep tree. */
#include <stdio.h>
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

/* How a printer spells the tree. */
typedef struct {
    int python;
    const char *const *vars;   /* python: the variables' names */
} style;

/* Python's binding strength, which is the language's own: ** above
 * unary minus above * / above + -. */
static int precedence(const expr_node *d)
{
    switch (d->op) {
    case OP_ADD: case OP_SUB: return 1;
    case OP_MUL: case OP_DIV: return 2;
    case OP_NEG: return 3;
    case OP_POW: return 4;
    default: return 5;
    }
}

/* Whether d needs parentheses under its parent: always in the fully
 * parenthesised form (but leaves and calls); in Python where precedence
 * would regroup it. A right operand of equal strength keeps them, since
 * a - (b - c) and a + (b + c) round differently from (a ± b) ± c; ** is
 * right-associative. */
static int parens(const style *st, const expr *e, const expr_node *d)
{
    int p = precedence(d);
    if (!st->python)
        return p < 5;
    if (d->parent < 0 || p == 5)
        return 0;
    const expr_node *up = &e->nodes[d->parent];
    int q = precedence(up);
    if (is_function(up->op))
        return 0;
    int right = up->b >= 0 && &e->nodes[up->b] == d;
    if (up->op == OP_NEG)
        return p <= 3;
    if (up->op == OP_POW)
        return right ? p < 4 : p <= 4;
    return right ? p <= q : p < q;
}

/* A function of constants is Python's own (math.sqrt(2)); of the
 * variables, torch's, but for min and max: minimum and maximum, which
 * the script defines to follow the first argument on a tie as descent
 * does (torch.minimum would split the gradient). */
static const char *function_name(const expr_node *d, char *buf, size_t cap)
{
    const char *name = expr_op_name(d->op);
    int own = d->op == OP_ABS || d->op == OP_MIN || d->op == OP_MAX;
    if (d->constant)
        snprintf(buf, cap, "%s%s", own ? "" : "math.", name);
    else if (d->op == OP_MIN || d->op == OP_MAX)
        snprintf(buf, cap, "%s", d->op == OP_MIN ? "minimum" : "maximum");
    else
        snprintf(buf, cap, "torch.%s", name);
    return buf;
}

static void leaf(writer *w, const style *st, const expr *e, const expr_node *d)
{
    const char *text = e->text + d->pos;
    if (!st->python) {
        put(w, text, d->len);
        return;
    }
    const expr_symbol *s = expr_find_symbol(text, d->len);
    if (!s) {
        put(w, text, d->len); /* a number as it was written */
        return;
    }
    if (s->var >= 0) {
        puts_(w, st->vars[s->var]);
        return;
    }
    puts_(w, "math.");
    put(w, text, d->len);
}

/* Before the first child (or the whole leaf). */
static void open_node(writer *w, const style *st, const expr *e,
                      const expr_node *d)
{
    if (parens(st, e, d))
        puts_(w, "(");
    if (d->a < 0) {
        leaf(w, st, e, d);
    } else if (is_function(d->op)) {
        char name[32];
        puts_(w, st->python ? function_name(d, name, sizeof name)
                            : expr_op_name(d->op));
        puts_(w, "(");
    } else if (d->op == OP_NEG) {
        puts_(w, "-");
    }
}

/* Between the two children. */
static void middle(writer *w, const style *st, const expr_node *d)
{
    if (is_function(d->op)) {
        puts_(w, ", ");
        return;
    }
    puts_(w, " ");
    puts_(w, st->python && d->op == OP_POW ? "**" : expr_op_name(d->op));
    puts_(w, " ");
}

static void close_node(writer *w, const style *st, const expr *e,
                       const expr_node *d)
{
    if (is_function(d->op))
        puts_(w, ")");
    if (parens(st, e, d))
        puts_(w, ")");
}

static size_t print(const expr *e, const style *st, char *buf, size_t cap)
{
    writer w = {buf, cap ? cap - 1 : 0, 0};
    const expr_node *nodes = e->nodes;
    int cur = e->root, from = -1;    /* from: the child just finished */
    int down = 1;
    while (cur >= 0) {
        const expr_node *d = &nodes[cur];
        if (down) {
            open_node(&w, st, e, d);
            if (d->a >= 0) {
                cur = d->a;
                continue;
            }
        } else if (from == d->a && d->b >= 0) {
            middle(&w, st, d);
            cur = d->b;
            down = 1;
            continue;
        } else {
            close_node(&w, st, e, d);
        }
        from = cur;
        cur = d->parent;
        down = 0;
    }
    if (cap)
        buf[w.len < cap - 1 ? w.len : cap - 1] = '\0';
    return w.len;
}

size_t expr_print(const expr *e, char *buf, size_t cap)
{
    style st = {0, NULL};
    return print(e, &st, buf, cap);
}

size_t expr_print_python(const expr *e, const char *const vars[2], char *buf,
                         size_t cap)
{
    style st = {1, vars};
    return print(e, &st, buf, cap);
}

int expr_is_constant(const expr *e) { return e->nodes[e->root].constant; }
