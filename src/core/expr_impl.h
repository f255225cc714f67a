/* Inside the expression module: tokens, the syntax tree the parser builds,
 * the postfix program the evaluators run, and the tables of names. */
#ifndef DESCENT_EXPR_IMPL_H
#define DESCENT_EXPR_IMPL_H

#include <stdarg.h>
#include <stddef.h>

#include "expr.h"

/* ---- operations: the syntax tree uses K, V, the unary ones and the
 * plain binary ones; the compiler adds the fused forms. */
typedef enum {
    OP_K,       /* push constant k */
    OP_V,       /* push variable x[i] */
    /* unary, on the top of the stack */
    OP_NEG, OP_SQR, OP_POWK,
    OP_SIN, OP_COS, OP_TAN, OP_ASIN, OP_ACOS, OP_ATAN,
    OP_SINH, OP_COSH, OP_TANH, OP_EXP, OP_LOG, OP_LOG10, OP_SQRT, OP_ABS,
    /* binary: b is the top, a the one below */
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_POW, OP_MIN, OP_MAX,
    /* fused with a constant or a variable operand: top OP k, k OP top,
     * top OP x[i], x[i] OP top */
    OP_ADDK, OP_MULK, OP_DIVK, OP_KSUB, OP_KDIV, OP_KPOW,
    OP_ADDV, OP_SUBV, OP_MULV, OP_DIVV, OP_VSUB, OP_VDIV,
    /* an operation followed by squaring: (1-x)^2 is V x, KSUB_SQR 1 */
    OP_VSQR, OP_ADDK_SQR, OP_KSUB_SQR, OP_ADDV_SQR, OP_SUBV_SQR,
    OP_VSUB_SQR,
    OP_END,     /* the end of the program: the result is the top */
    OP_COUNT
} expr_op;

/* ---- tokens */
typedef enum {
    TOK_END, TOK_NUM, TOK_NAME, TOK_PLUS, TOK_MINUS, TOK_STAR, TOK_SLASH,
    TOK_CARET, TOK_LPAREN, TOK_RPAREN, TOK_COMMA
} tok_kind;

typedef struct {
    tok_kind kind;
    size_t pos, len;   /* byte offset and length in the text */
    double num;        /* TOK_NUM */
} token;

/* Reads the token starting at or after pos (skipping whitespace). Returns
 * 0, or -1 with *err filled (bad character, number out of range). */
int expr_lex(const char *text, size_t pos, token *tok, expr_error *err);

/* Fills err: column (1-based) and a message formatted from fmt and its arguments. */
void expr_fail(expr_error *err, size_t pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(__printf__, 3, 4)))
#endif
    ;

/* Writes 'text' quoted into buf, shortened with "..." when long. */
void expr_quote(char *buf, size_t cap, const char *text, size_t len);

/* ---- names */
typedef struct {
    const char *name;
    expr_op op;
    int arity;
} expr_function;

typedef struct {
    const char *name;
    int var;           /* 0 or 1; -1 for a constant */
    double value;      /* constant */
} expr_symbol;

extern const expr_function expr_functions[];   /* name NULL at the end */
extern const expr_symbol expr_symbols[];

const expr_function *expr_find_function(const char *name, size_t len);
const expr_symbol *expr_find_symbol(const char *name, size_t len);
/* Appends " (did you mean 'sin'?)" to buf (a NUL-terminated string of
 * capacity cap) when a known function (functions != 0) or variable or
 * constant is near name; otherwise leaves buf alone. */
void expr_suggest(char *buf, size_t cap, const char *name, size_t len,
                  int functions);
/* Spelling of an operation in printed text ("+", "sin", ...). */
const char *expr_op_name(expr_op op);

/* ---- syntax tree: nodes in postfix order (children before parents) */
typedef struct {
    expr_op op;
    int a, b;          /* children, -1 when absent */
    int parent;        /* -1 at the root (set by the compiler) */
    int var;           /* OP_V */
    double k;          /* OP_K: the constant; after compiling, the value
                          of any node whose subtree is constant */
    size_t pos, len;   /* the token that made the node */
    unsigned char constant;   /* the subtree is constant (compiler) */
    unsigned char absorbed;   /* operand of its parent's fused instruction */
} expr_node;

typedef struct {
    expr_node *nodes;
    size_t n, cap;
    int root;
} expr_tree;

/* Parses text into *tree (whose nodes the caller frees). Returns 0, -1
 * with *err filled on a syntax error, -2 when out of memory. */
int expr_parse(const char *text, expr_tree *tree, expr_error *err);

/* ---- the program */
typedef struct {
    int op;            /* expr_op */
    int i;             /* variable index */
    double k;          /* constant */
} expr_ins;

struct expr {
    char *text;            /* copy of the source, for printing */
    expr_node *nodes;      /* the tree as parsed, for printing */
    size_t n_nodes;
    int root;
    size_t n_code;
    int max_stack;         /* stack slots the program needs */
    expr_ins code[];       /* postfix, ending with OP_END */
};

/* The objective operations, ctx being the expr (expr_eval.c). */
double expr_ctx_value(const void *ctx, const double *x);
void expr_ctx_gradient(const void *ctx, const double *x, double *g);
void expr_ctx_hessian(const void *ctx, const double *x, double *h);
double expr_ctx_value_single(const void *ctx, const double *x);
void expr_ctx_gradient_single(const void *ctx, const double *x, double *g);
void expr_ctx_hessian_single(const void *ctx, const double *x, double *h);

/* The plain-double versions of the operations, as the evaluators compute
 * them (for folding constants at compile time). */
double expr_apply1(expr_op op, double a);
double expr_apply2(expr_op op, double a, double b);

#endif
