/* Recursive-descent parser for expressions, building the syntax tree in
 * postfix order:
 *
 *   expr    := term (('+' | '-') term)*
 *   term    := unary (('*' | '/') unary)*
 *   unary   := ('-' | '+') unary | power
 *   power   := primary ('^' unary)?          (right-associative)
 *   primary := number | name | name '(' args ')' | '(' expr ')'
 *
 * so -x^2 is -(x^2), 2^3^2 is 2^(3^2) and 2^-1 is 2^(-1). Each unary
 * level counts towards EXPR_MAX_DEPTH, which bounds the recursion. */
#include <stdlib.h>
#include <string.h>

#include "expr_impl.h"
#include "grow.h"

typedef struct {
    const char *text;
    token tok;          /* the current token */
    token prev;         /* the one before it */
    int has_prev;
    int depth;
    expr_tree *tree;
    expr_error *err;
    int oom;
} parser;

enum { FAIL = -1 };

static int advance(parser *p)
{
    p->prev = p->tok;
    p->has_prev = 1;
    return expr_lex(p->text, p->tok.pos + p->tok.len, &p->tok, p->err);
}

static int add_node(parser *p, expr_op op, int a, int b, const token *at)
{
    expr_tree *t = p->tree;
    expr_node *nodes = grow(t->nodes, &t->cap, t->n, sizeof *nodes, 16);
    if (!nodes) {
        p->oom = 1;
        return FAIL;
    }
    t->nodes = nodes;
    expr_node *n = &t->nodes[t->n];
    n->op = op;
    n->a = a;
    n->b = b;
    n->parent = -1;
    n->var = 0;
    n->k = 0.0;
    n->constant = 0;
    n->absorbed = 0;
    n->pos = at->pos;
    n->len = at->len;
    return (int)t->n++;
}

static void quote_tok(const parser *p, const token *t, char *buf, size_t cap)
{
    expr_quote(buf, cap, p->text + t->pos, t->len);
}

/* The current token cannot start the operand that must come here. */
static int missing_operand(parser *p)
{
    char q[40];
    if (!p->has_prev) {
        if (p->tok.kind == TOK_END)
            expr_fail(p->err, 0, "empty expression");
        else if (p->tok.kind == TOK_RPAREN)
            expr_fail(p->err, p->tok.pos, "unmatched ')'");
        else {
            quote_tok(p, &p->tok, q, sizeof q);
            expr_fail(p->err, p->tok.pos, "missing operand before %s", q);
        }
        return FAIL;
    }
    quote_tok(p, &p->prev, q, sizeof q);
    expr_fail(p->err, p->tok.pos, "missing operand after %s", q);
    return FAIL;
}

/* A complete operand is followed by the current token, which is neither
 * a binary operator nor what the context accepts. */
static int bad_follow(parser *p)
{
    char q[40];
    switch (p->tok.kind) {
    case TOK_END:
        expr_fail(p->err, p->tok.pos, "missing ')'");
        break;
    case TOK_RPAREN:
        expr_fail(p->err, p->tok.pos, "unmatched ')'");
        break;
    case TOK_COMMA:
        expr_fail(p->err, p->tok.pos, "unexpected ','");
        break;
    default:
        quote_tok(p, &p->tok, q, sizeof q);
        expr_fail(p->err, p->tok.pos, "expected operator before %s", q);
        break;
    }
    return FAIL;
}

static int parse_expr(parser *p);
static int parse_unary(parser *p);

static int parse_call(parser *p, const expr_function *f, token name)
{
    char q[40];
    if (advance(p) < 0)
        return FAIL;
    if (p->tok.kind != TOK_LPAREN) {
        quote_tok(p, &name, q, sizeof q);
        expr_fail(p->err, p->tok.pos, "missing '(' after %s", q);
        return FAIL;
    }
    if (advance(p) < 0)
        return FAIL;
    int args[2] = {-1, -1}, n = 0;
    if (p->tok.kind == TOK_RPAREN)
        goto arity;
    for (;;) {
        int a = parse_expr(p);
        if (a < 0)
            return FAIL;
        args[n++] = a;
        if (p->tok.kind == TOK_COMMA && n < f->arity) {
            if (advance(p) < 0)
                return FAIL;
            continue;
        }
        if (p->tok.kind == TOK_COMMA)
            goto arity;
        if (p->tok.kind != TOK_RPAREN)
            return bad_follow(p);
        if (n < f->arity)
            goto arity;
        break;
    }
    if (advance(p) < 0)
        return FAIL;
    return add_node(p, f->op, args[0], args[1], &name);
arity:
    expr_fail(p->err, name.pos, "%s takes %d argument%s", f->name, f->arity,
              f->arity == 1 ? "" : "s");
    return FAIL;
}

static int parse_name(parser *p)
{
    token name = p->tok;
    const char *s = p->text + name.pos;
    char q[40];
    const expr_symbol *sym = expr_find_symbol(s, name.len);
    if (sym) {
        int n = add_node(p, sym->var < 0 ? OP_K : OP_V, -1, -1, &name);
        if (n < 0)
            return FAIL;
        p->tree->nodes[n].var = sym->var < 0 ? 0 : sym->var;
        p->tree->nodes[n].k = sym->var < 0 ? sym->value : 0.0;
        return advance(p) < 0 ? FAIL : n;
    }
    const expr_function *f = expr_find_function(s, name.len);
    if (f)
        return parse_call(p, f, name);
    /* unknown: a function if a '(' follows */
    token next;
    int as_function = expr_lex(p->text, name.pos + name.len, &next, NULL)
                          == 0 && next.kind == TOK_LPAREN;
    quote_tok(p, &name, q, sizeof q);
    expr_fail(p->err, name.pos, "unknown %s %s",
              as_function ? "function" : "variable", q);
    if (p->err)
        expr_suggest(p->err->message, sizeof p->err->message, s, name.len,
                     as_function);
    return FAIL;
}

static int parse_primary(parser *p)
{
    switch (p->tok.kind) {
    case TOK_NUM: {
        int n = add_node(p, OP_K, -1, -1, &p->tok);
        if (n < 0)
            return FAIL;
        p->tree->nodes[n].k = p->tok.num;
        return advance(p) < 0 ? FAIL : n;
    }
    case TOK_NAME:
        return parse_name(p);
    case TOK_LPAREN: {
        if (advance(p) < 0)
            return FAIL;
        int n = parse_expr(p);
        if (n < 0)
            return FAIL;
        if (p->tok.kind != TOK_RPAREN)
            return bad_follow(p);
        return advance(p) < 0 ? FAIL : n;
    }
    default:
        return missing_operand(p);
    }
}

static int parse_power(parser *p)
{
    int base = parse_primary(p);
    if (base < 0 || p->tok.kind != TOK_CARET)
        return base;
    token op = p->tok;
    if (advance(p) < 0)
        return FAIL;
    int ex = parse_unary(p);
    if (ex < 0)
        return FAIL;
    return add_node(p, OP_POW, base, ex, &op);
}

static int parse_unary(parser *p)
{
    /* The outermost level is not nested: 64 parentheses are 65 levels
     * of this function, and allowed. */
    if (p->depth > EXPR_MAX_DEPTH) {
        expr_fail(p->err, p->tok.pos, "expression nested too deeply "
                  "(more than %d levels)", EXPR_MAX_DEPTH);
        return FAIL;
    }
    p->depth++;
    int n;
    if (p->tok.kind == TOK_MINUS || p->tok.kind == TOK_PLUS) {
        token op = p->tok;
        if (advance(p) < 0)
            return FAIL;
        n = parse_unary(p);
        if (n >= 0 && op.kind == TOK_MINUS)
            n = add_node(p, OP_NEG, n, -1, &op);
    } else {
        n = parse_power(p);
    }
    p->depth--;
    return n;
}

static int parse_term(parser *p)
{
    int a = parse_unary(p);
    while (a >= 0 && (p->tok.kind == TOK_STAR || p->tok.kind == TOK_SLASH)) {
        token op = p->tok;
        if (advance(p) < 0)
            return FAIL;
        int b = parse_unary(p);
        if (b < 0)
            return FAIL;
        a = add_node(p, op.kind == TOK_STAR ? OP_MUL : OP_DIV, a, b, &op);
    }
    return a;
}

static int parse_expr(parser *p)
{
    int a = parse_term(p);
    while (a >= 0 && (p->tok.kind == TOK_PLUS || p->tok.kind == TOK_MINUS)) {
        token op = p->tok;
        if (advance(p) < 0)
            return FAIL;
        int b = parse_term(p);
        if (b < 0)
            return FAIL;
        a = add_node(p, op.kind == TOK_PLUS ? OP_ADD : OP_SUB, a, b, &op);
    }
    return a;
}

int expr_parse(const char *text, expr_tree *tree, expr_error *err)
{
    parser p;
    memset(&p, 0, sizeof p);
    p.text = text;
    p.tree = tree;
    p.err = err;
    tree->nodes = NULL;
    tree->n = tree->cap = 0;
    tree->root = -1;
    int root = FAIL;
    if (expr_lex(text, 0, &p.tok, err) == 0) {
        root = parse_expr(&p);
        if (root >= 0 && p.tok.kind != TOK_END) {
            if (p.tok.kind == TOK_RPAREN)
                expr_fail(err, p.tok.pos, "unmatched ')'");
            else
                bad_follow(&p);
            root = FAIL;
        }
    }
    if (p.oom) {
        expr_fail(err, 0, "out of memory");
        if (err)
            err->column = 0;
        return -2;
    }
    if (root < 0)
        return -1;
    tree->root = root;
    return 0;
}
