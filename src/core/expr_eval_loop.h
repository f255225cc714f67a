/* The interpreter, included by expr_eval.c once per number type with
 *   T      the type (double, dual1, dual2)
 *   P(f)   the name of operation f for T (r_f, d1_f, d2_f, see dual.h)
 *   RUN    the name of the function to define.
 * The top of the stack lives in `t` (a register, with luck); st holds
 * the rest, st[0] being a dummy pushed by the first instruction. The
 * compiler has checked that the program needs at most EXPR_MAX_DEPTH
 * slots. */
static T RUN(const expr *e, const double *x)
{
    T st[EXPR_MAX_DEPTH];
    int sp = 0;
    T t = P(konst)(0.0);
    const expr_ins *in = e->code, *end = in + e->n_code;
    for (; in != end; in++) {
        switch ((expr_op)in->op) {
        case OP_K: st[sp++] = t; t = P(konst)(in->k); break;
        case OP_V: st[sp++] = t; t = P(var)(x, in->i); break;
        case OP_NEG: t = P(neg)(t); break;
        case OP_SQR: t = P(sqr)(t); break;
        case OP_POWK: t = P(powk)(t, in->k); break;
        case OP_SIN: t = P(sin)(t); break;
        case OP_COS: t = P(cos)(t); break;
        case OP_TAN: t = P(tan)(t); break;
        case OP_ASIN: t = P(asin)(t); break;
        case OP_ACOS: t = P(acos)(t); break;
        case OP_ATAN: t = P(atan)(t); break;
        case OP_SINH: t = P(sinh)(t); break;
        case OP_COSH: t = P(cosh)(t); break;
        case OP_TANH: t = P(tanh)(t); break;
        case OP_EXP: t = P(exp)(t); break;
        case OP_LOG: t = P(log)(t); break;
        case OP_LOG10: t = P(log10)(t); break;
        case OP_SQRT: t = P(sqrt)(t); break;
        case OP_ABS: t = P(abs)(t); break;
        case OP_ADD: t = P(add)(st[--sp], t); break;
        case OP_SUB: t = P(sub)(st[--sp], t); break;
        case OP_MUL: t = P(mul)(st[--sp], t); break;
        case OP_DIV: t = P(div)(st[--sp], t); break;
        case OP_POW: t = P(pow)(st[--sp], t); break;
        case OP_MIN: t = P(min)(st[--sp], t); break;
        case OP_MAX: t = P(max)(st[--sp], t); break;
        case OP_ADDK: t = P(addk)(t, in->k); break;
        case OP_MULK: t = P(mulk)(t, in->k); break;
        case OP_DIVK: t = P(divk)(t, in->k); break;
        case OP_KSUB: t = P(ksub)(in->k, t); break;
        case OP_KDIV: t = P(kdiv)(in->k, t); break;
        case OP_KPOW: t = P(kpow)(in->k, t); break;
        case OP_ADDV: t = P(addv)(t, x, in->i); break;
        case OP_SUBV: t = P(subv)(t, x, in->i); break;
        case OP_MULV: t = P(mulv)(t, x, in->i); break;
        case OP_DIVV: t = P(divv)(t, x, in->i); break;
        case OP_VSUB: t = P(vsub)(x, in->i, t); break;
        case OP_VDIV: t = P(vdiv)(x, in->i, t); break;
        case OP_COUNT: break;
        }
    }
    return t;
}
