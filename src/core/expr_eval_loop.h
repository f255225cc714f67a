/* The interpreter, included by expr_eval.c once per number type with
 *   T             the type (double, dual1, dual2)
 *   P(f)          the name of operation f for T (r_f, d1_f, d2_f: dual.h)
 *   RUN           the name of the function to define
 *   KEEP_SCALAR(t)  nothing, or a statement run between operations
 *   RI(v)         v as the precision keeps it: v itself in double, v
 *                 rounded to float32 (value and partials) in single,
 *                 for the inner results of the fused instructions;
 *                 ROUND(t) a statement doing that to each instruction's
 *                 result, and K(k) to a constant
 *   EXPR_THREADED defined: dispatch by computed goto (see expr_eval.c)
 * The top of the stack lives in `t` (registers, with luck); st holds the
 * rest, st[0] being a dummy pushed by the first instruction. The compiler
 * has checked that the program needs at most EXPR_MAX_DEPTH slots and
 * ended it with OP_END. */
#ifdef EXPR_THREADED
#define OP(name) L_##name:
#define NEXT() do { ROUND(t); KEEP_SCALAR(t); goto *labels[(++in)->op]; } while (0)
#define DISPATCH_START() goto *labels[in->op];
#define DISPATCH_END()
#else
#define OP(name) case name:
#define NEXT() do { ROUND(t); KEEP_SCALAR(t); in++; goto next; } while (0)
#define DISPATCH_START() next: switch ((expr_op)in->op) {
#define DISPATCH_END() case OP_COUNT: break; }
#endif

static T RUN(const expr *e, const double *x)
{
#ifdef EXPR_THREADED
    static const void *const labels[OP_COUNT] = {
        &&L_OP_K, &&L_OP_V, &&L_OP_NEG, &&L_OP_SQR, &&L_OP_POWK,
        &&L_OP_SIN, &&L_OP_COS, &&L_OP_TAN, &&L_OP_ASIN, &&L_OP_ACOS,
        &&L_OP_ATAN, &&L_OP_SINH, &&L_OP_COSH, &&L_OP_TANH, &&L_OP_EXP,
        &&L_OP_LOG, &&L_OP_LOG10, &&L_OP_SQRT, &&L_OP_ABS,
        &&L_OP_ADD, &&L_OP_SUB, &&L_OP_MUL, &&L_OP_DIV, &&L_OP_POW,
        &&L_OP_MIN, &&L_OP_MAX,
        &&L_OP_ADDK, &&L_OP_MULK, &&L_OP_DIVK, &&L_OP_KSUB, &&L_OP_KDIV,
        &&L_OP_KPOW, &&L_OP_ADDV, &&L_OP_SUBV, &&L_OP_MULV, &&L_OP_DIVV,
        &&L_OP_VSUB, &&L_OP_VDIV, &&L_OP_VSQR, &&L_OP_ADDK_SQR,
        &&L_OP_KSUB_SQR, &&L_OP_ADDV_SQR, &&L_OP_SUBV_SQR, &&L_OP_VSUB_SQR,
        &&L_OP_END,
    };
#endif
    T st[EXPR_MAX_DEPTH];
    int sp = 0;
    T t = P(konst)(0.0);
    const expr_ins *in = e->code;
    DISPATCH_START()
    OP(OP_K) st[sp++] = t; t = P(konst)(K(in->k)); NEXT();
    OP(OP_V) st[sp++] = t; t = P(var)(x, in->i); NEXT();
    OP(OP_NEG) t = P(neg)(t); NEXT();
    OP(OP_SQR) t = P(sqr)(t); NEXT();
    OP(OP_POWK) t = P(powk)(t, K(in->k)); NEXT();
    OP(OP_SIN) t = P(sin)(t); NEXT();
    OP(OP_COS) t = P(cos)(t); NEXT();
    OP(OP_TAN) t = P(tan)(t); NEXT();
    OP(OP_ASIN) t = P(asin)(t); NEXT();
    OP(OP_ACOS) t = P(acos)(t); NEXT();
    OP(OP_ATAN) t = P(atan)(t); NEXT();
    OP(OP_SINH) t = P(sinh)(t); NEXT();
    OP(OP_COSH) t = P(cosh)(t); NEXT();
    OP(OP_TANH) t = P(tanh)(t); NEXT();
    OP(OP_EXP) t = P(exp)(t); NEXT();
    OP(OP_LOG) t = P(log)(t); NEXT();
    OP(OP_LOG10) t = P(log10)(t); NEXT();
    OP(OP_SQRT) t = P(sqrt)(t); NEXT();
    OP(OP_ABS) t = P(abs)(t); NEXT();
    OP(OP_ADD) t = P(add)(st[--sp], t); NEXT();
    OP(OP_SUB) t = P(sub)(st[--sp], t); NEXT();
    OP(OP_MUL) t = P(mul)(st[--sp], t); NEXT();
    OP(OP_DIV) t = P(div)(st[--sp], t); NEXT();
    OP(OP_POW) t = P(pow)(st[--sp], t); NEXT();
    OP(OP_MIN) t = P(min)(st[--sp], t); NEXT();
    OP(OP_MAX) t = P(max)(st[--sp], t); NEXT();
    OP(OP_ADDK) t = P(addk)(t, K(in->k)); NEXT();
    OP(OP_MULK) t = P(mulk)(t, K(in->k)); NEXT();
    OP(OP_DIVK) t = P(divk)(t, K(in->k)); NEXT();
    OP(OP_KSUB) t = P(ksub)(K(in->k), t); NEXT();
    OP(OP_KDIV) t = P(kdiv)(K(in->k), t); NEXT();
    OP(OP_KPOW) t = P(kpow)(K(in->k), t); NEXT();
    OP(OP_ADDV) t = P(addv)(t, x, in->i); NEXT();
    OP(OP_SUBV) t = P(subv)(t, x, in->i); NEXT();
    OP(OP_MULV) t = P(mulv)(t, x, in->i); NEXT();
    OP(OP_DIVV) t = P(divv)(t, x, in->i); NEXT();
    OP(OP_VSUB) t = P(vsub)(x, in->i, t); NEXT();
    OP(OP_VDIV) t = P(vdiv)(x, in->i, t); NEXT();
    OP(OP_VSQR) st[sp++] = t; t = P(sqr)(P(var)(x, in->i)); NEXT();
    OP(OP_ADDK_SQR) t = P(sqr)(RI(P(addk)(t, K(in->k)))); NEXT();
    OP(OP_KSUB_SQR) t = P(sqr)(RI(P(ksub)(K(in->k), t))); NEXT();
    OP(OP_ADDV_SQR) t = P(sqr)(RI(P(addv)(t, x, in->i))); NEXT();
    OP(OP_SUBV_SQR) t = P(sqr)(RI(P(subv)(t, x, in->i))); NEXT();
    OP(OP_VSUB_SQR) t = P(sqr)(RI(P(vsub)(x, in->i, t))); NEXT();
    OP(OP_END) return t;
    DISPATCH_END()
    return t;
}

#undef OP
#undef NEXT
#undef DISPATCH_START
#undef DISPATCH_END
