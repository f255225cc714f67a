/* From the syntax tree to the postfix program, in linear passes over the
 * nodes (which the parser stores in postfix order), so a long chain such
 * as x+x+...+x costs no recursion:
 *  1. fold constant subtrees (2*pi becomes one constant);
 *  2. choose fused instructions for operations with a constant or a
 *     variable operand ((1-x)^2 is V x, KSUB 1, SQR);
 *  3. emit in postfix order, skipping what was folded or fused, counting
 *     the stack the program needs, and fusing a square with the
 *     instruction before it ((1-x)^2 becomes V x, KSUB_SQR 1): squares of
 *     differences are what most test functions are made of, and each
 *     instruction saved is about a tenth of a rosenbrock gradient. */
#include <stdlib.h>
#include <string.h>

#include "dual.h"
#include "expr_impl.h"

static int is_unary(expr_op op)
{
    return op == OP_NEG || (op >= OP_SIN && op <= OP_ABS);
}

double expr_apply1(expr_op op, double a)
{
    switch (op) {
    case OP_NEG: return r_neg(a);
    case OP_SQR: return r_sqr(a);
    case OP_SIN: return r_sin(a);
    case OP_COS: return r_cos(a);
    case OP_TAN: return r_tan(a);
    case OP_ASIN: return r_asin(a);
    case OP_ACOS: return r_acos(a);
    case OP_ATAN: return r_atan(a);
    case OP_SINH: return r_sinh(a);
    case OP_COSH: return r_cosh(a);
    case OP_TANH: return r_tanh(a);
    case OP_EXP: return r_exp(a);
    case OP_LOG: return r_log(a);
    case OP_LOG10: return r_log10(a);
    case OP_SQRT: return r_sqrt(a);
    case OP_ABS: return r_abs(a);
    default: return NAN;
    }
}

/* As the evaluators do it: a constant exponent 2 squares. */
double expr_apply2(expr_op op, double a, double b)
{
    switch (op) {
    case OP_ADD: return r_add(a, b);
    case OP_SUB: return r_sub(a, b);
    case OP_MUL: return r_mul(a, b);
    case OP_DIV: return r_div(a, b);
    case OP_POW: return b == 2.0 ? r_sqr(a) : r_powk(a, b);
    case OP_MIN: return r_min(a, b);
    case OP_MAX: return r_max(a, b);
    default: return NAN;
    }
}

/* Pass 1: parents and constant subtrees (children come first). */
static void fold(expr_node *nodes, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        expr_node *d = &nodes[i];
        if (d->a >= 0)
            nodes[d->a].parent = (int)i;
        if (d->b >= 0)
            nodes[d->b].parent = (int)i;
        if (d->op == OP_K) {
            d->constant = 1;
        } else if (d->op == OP_V) {
            d->constant = 0;
        } else if (d->b < 0) {
            d->constant = nodes[d->a].constant;
            if (d->constant)
                d->k = expr_apply1(d->op, nodes[d->a].k);
        } else {
            d->constant = nodes[d->a].constant && nodes[d->b].constant;
            if (d->constant)
                d->k = expr_apply2(d->op, nodes[d->a].k, nodes[d->b].k);
        }
    }
}

/* Pass 2: the instruction for a non-constant node, marking the operand it
 * takes in as absorbed. */
static expr_ins choose(expr_node *nodes, const expr_node *d)
{
    expr_ins in = {(int)d->op, 0, 0.0};
    if (d->op == OP_V) {
        in.i = d->var;
        return in;
    }
    if (is_unary(d->op))
        return in;
    expr_node *a = &nodes[d->a], *b = &nodes[d->b];
    expr_op op = d->op;
    int fused = -1;
    expr_node *taken = NULL;
    if (b->constant) {
        double k = b->k;
        switch (op) {
        case OP_ADD: fused = OP_ADDK; break;
        case OP_SUB: fused = OP_ADDK; k = -k; break;
        case OP_MUL: fused = OP_MULK; break;
        case OP_DIV: fused = OP_DIVK; break;
        case OP_POW: fused = k == 2.0 ? OP_SQR : OP_POWK; break;
        default: break;
        }
        in.k = k;
        taken = b;
    } else if (a->constant) {
        switch (op) {
        case OP_ADD: fused = OP_ADDK; break;
        case OP_MUL: fused = OP_MULK; break;
        case OP_SUB: fused = OP_KSUB; break;
        case OP_DIV: fused = OP_KDIV; break;
        case OP_POW: fused = OP_KPOW; break;
        default: break;
        }
        in.k = a->k;
        taken = a;
    } else if (b->op == OP_V) {
        switch (op) {
        case OP_ADD: fused = OP_ADDV; break;
        case OP_SUB: fused = OP_SUBV; break;
        case OP_MUL: fused = OP_MULV; break;
        case OP_DIV: fused = OP_DIVV; break;
        default: break;
        }
        in.i = b->var;
        taken = b;
    } else if (a->op == OP_V) {
        switch (op) {
        case OP_ADD: fused = OP_ADDV; break;
        case OP_MUL: fused = OP_MULV; break;
        case OP_SUB: fused = OP_VSUB; break;
        case OP_DIV: fused = OP_VDIV; break;
        default: break;
        }
        in.i = a->var;
        taken = a;
    }
    if (fused < 0) {
        in.k = 0.0;
        in.i = 0;
        return in;
    }
    in.op = fused;
    taken->absorbed = 1;
    return in;
}

/* Passes 2 and 3. Returns the number of instructions, or -1 (with *err)
 * when the program needs more stack than EXPR_MAX_DEPTH. */
static long emit(expr_node *nodes, size_t n, expr_ins *code, int *max_sp,
                 expr_error *err)
{
    for (size_t i = 0; i < n; i++)
        if (!nodes[i].constant && nodes[i].op != OP_V)
            (void)choose(nodes, &nodes[i]);
    size_t m = 0;
    int sp = 0;
    *max_sp = 0;
    for (size_t i = 0; i < n; i++) {
        expr_node *d = &nodes[i];
        if (d->absorbed)
            continue;
        if (d->constant && d->parent >= 0 && nodes[d->parent].constant)
            continue;   /* part of a larger constant */
        expr_ins in;
        if (d->constant) {
            in.op = OP_K;
            in.i = 0;
            in.k = d->k;
        } else {
            /* choose() again: same result, now kept */
            in = choose(nodes, d);
        }
        if (in.op == OP_K || in.op == OP_V) {   /* pushes */
            if (++sp > EXPR_MAX_DEPTH) {
                expr_fail(err, d->pos, "expression nested too deeply "
                          "(more than %d levels)", EXPR_MAX_DEPTH);
                return -1;
            }
        } else if (in.op >= OP_ADD && in.op <= OP_MAX) {
            sp--;
        }
        if (sp > *max_sp)
            *max_sp = sp;
        if (in.op == OP_SQR && m > 0) {
            /* squaring the result of the instruction before */
            expr_ins *prev = &code[m - 1];
            int fused = -1;
            switch (prev->op) {
            case OP_V: fused = OP_VSQR; break;
            case OP_ADDK: fused = OP_ADDK_SQR; break;
            case OP_KSUB: fused = OP_KSUB_SQR; break;
            case OP_ADDV: fused = OP_ADDV_SQR; break;
            case OP_SUBV: fused = OP_SUBV_SQR; break;
            case OP_VSUB: fused = OP_VSUB_SQR; break;
            default: break;
            }
            if (fused >= 0) {
                prev->op = fused;
                continue;
            }
        }
        code[m++] = in;
    }
    code[m].op = OP_END;
    code[m].i = 0;
    code[m].k = 0.0;
    return (long)m + 1;
}

expr *expr_compile(const char *text, expr_error *err)
{
    expr_tree tree;
    size_t len = strlen(text);
    if (len > EXPR_MAX_LENGTH) {
        expr_fail(err, 0, "expression too long (more than %d bytes)",
                  EXPR_MAX_LENGTH);
        return NULL;
    }
    int rc = expr_parse(text, &tree, err);
    if (rc < 0) {
        free(tree.nodes);
        return NULL;
    }
    expr *e = malloc(sizeof *e + (tree.n + 1) * sizeof(expr_ins));
    char *copy = malloc(len + 1);
    if (!e || !copy) {
        free(e);
        free(copy);
        free(tree.nodes);
        expr_fail(err, 0, "out of memory");
        if (err)
            err->column = 0;
        return NULL;
    }
    memcpy(copy, text, len + 1);
    fold(tree.nodes, tree.n);
    long m = emit(tree.nodes, tree.n, e->code, &e->max_stack, err);
    if (m < 0) {
        free(e);
        free(copy);
        free(tree.nodes);
        return NULL;
    }
    e->text = copy;
    e->nodes = tree.nodes;
    e->n_nodes = tree.n;
    e->root = tree.root;
    e->n_code = (size_t)m;
    return e;
}

void expr_free(expr *e)
{
    if (!e)
        return;
    free(e->text);
    free(e->nodes);
    free(e);
}
