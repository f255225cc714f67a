/* The interpreter (expr_eval_loop.h) for one number type twice, included
 * by expr_eval.c with T, P(f) and KEEP_SCALAR(t) as that file describes,
 * and
 *   RUN_DOUBLE    the name of the double-precision function
 *   RUN_SINGLE    the name of the float32 one
 *   ROUND_SINGLE  the function rounding a T to float32
 * In double RI and K do nothing; in float32 every result and constant
 * is rounded. Everything defined here and by the includer is undefined
 * at the end, ready for the next type. */
#define RI(v) (v)
#define ROUND(t) (void)0
#define K(k) (k)
#define RUN RUN_DOUBLE
#include "expr_eval_loop.h"
#undef RI
#undef ROUND
#undef K
#undef RUN

#define RI(v) ROUND_SINGLE(v)
#define ROUND(t) (t = RI(t))
#define K(k) f32(k)
#define RUN RUN_SINGLE
#include "expr_eval_loop.h"
#undef RI
#undef ROUND
#undef K
#undef RUN

#undef T
#undef P
#undef KEEP_SCALAR
#undef RUN_DOUBLE
#undef RUN_SINGLE
#undef ROUND_SINGLE
