/* Optimisers as ops tables, in the manner of GSL's
 * gsl_multimin_fdfminimizer_type: a const description per algorithm that
 * says what state it keeps and how that state starts, how one update
 * advances it, how the step panel writes the update, its forward-mode
 * derivative in α, and what else it takes (clipping, hypergradients,
 * schedules). The run owns the state block, optim_state_len doubles.
 * A new optimiser is one file and one line in optimizer_types[].
 * Conventions and defaults follow torch.optim (DESIGN §3), including the
 * order of floating-point operations, so trajectories match PyTorch's. */
#ifndef DESCENT_OPTIMIZER_H
#define DESCENT_OPTIMIZER_H

#include <stdbool.h>
#include <stddef.h>

#include "hypergrad.h"

struct optim_whole;

typedef struct {
    double momentum; /* μ: momentum, nesterov */
    double dampening; /* momentum's, torch's rule: not on its first step */
    double beta1, beta2; /* adam, adamw, nadam, adamax */
    double rho;      /* rmsprop's smoothing constant (torch: alpha),
                      * adadelta's ρ; < 0: the optimiser's default */
    double eps;      /* 0 selects the optimiser's own default */
    double weight_decay; /* W (DESIGN §3b); < 0: the optimiser's default */
    bool amsgrad;    /* adam, adamw: the running maximum of v */
    /* float32 arithmetic (DESIGN §3e): the run sets it from its
     * objective's precision; the state then holds float32 values. */
    bool single;
} optim_params;

/* The defaults of DESIGN §3 (eps 0, rho and weight_decay < 0: each
 * optimiser's default). */
optim_params optim_params_default(void);

/* What an optimiser works with besides its own parameters. The
 * first-order ones take everything; the whole-step reference methods of
 * DESIGN §3d take no clipping, hypergradient or schedule, and
 * Nelder-Mead needs no gradient, so the options refuse those settings
 * for them by these flags rather than by name. */
enum {
    OPTIM_NEEDS_GRADIENT = 1u << 0,
    OPTIM_TAKES_CLIP = 1u << 1,
    OPTIM_TAKES_HD = 1u << 2,
    OPTIM_TAKES_SCHEDULE = 1u << 3,
    /* Weight decay decoupled from the gradient (AdamW): θ shrinks by
     * (1 − αW) before the step instead of ĝ gaining Wθ. */
    OPTIM_DECOUPLED_DECAY = 1u << 4,
    OPTIM_FIRST_ORDER = OPTIM_NEEDS_GRADIENT | OPTIM_TAKES_CLIP |
                        OPTIM_TAKES_HD | OPTIM_TAKES_SCHEDULE,
};

/* The settings of optim_params an optimiser reads: the options refuse
 * the others where asking for them cannot mean anything (--amsgrad for
 * sgd), and the settings panel lists these. */
enum {
    OPTIM_P_MOMENTUM = 1u << 0,
    OPTIM_P_DAMPENING = 1u << 1,
    OPTIM_P_BETAS = 1u << 2,
    OPTIM_P_RHO = 1u << 3,
    OPTIM_P_EPS = 1u << 4,
    OPTIM_P_WEIGHT_DECAY = 1u << 5,
    OPTIM_P_AMSGRAD = 1u << 6,
};

/* One line of the step panel after an update, NAME = FORMULA = values:
 * the optimiser says what it computed, the panel formats the numbers. */
enum { OPTIM_LINES = 8, OPTIM_FORMULA = 64 };
enum { OPTIM_SHOW_NONE = -2, OPTIM_SHOW_D = -1 };

typedef struct {
    const char *name;   /* left-hand side; NULL: state vector vec's name */
    char formula[OPTIM_FORMULA]; /* right-hand side, constants in it */
    int vec;            /* values shown: a state vector (≥ 0), the
                         * direction (OPTIM_SHOW_D) or none */
    double scale;       /* the values times this (m̂ = m / (1 − β1^t)) */
} optim_line;

typedef struct optimizer_type {
    const char *name;
    const char *title;         /* one line for menus and the step panel */
    unsigned caps;             /* OPTIM_* flags */
    unsigned params;           /* OPTIM_P_* flags */
    /* The state: a vector of n doubles for each name (NULL-terminated;
     * the step panel labels them so), then state_scalars doubles for
     * the whole run (as torch's NAdam keeps its product of μ). With
     * OPTIM_P_AMSGRAD the last vector is the running maximum, kept only
     * when amsgrad is on. */
    const char *const *state_names;
    size_t state_scalars;
    double default_eps;        /* 0 when the optimiser has no ε */
    double default_rho;        /* with OPTIM_P_RHO */
    double default_weight_decay;
    double default_lr;  /* --lr when none is given (nadam's, the reference
                         * methods'); 0: the caller's (1e-3 for `descent
                         * run`, the TUI's own) */
    /* Default β of additive hypergradients, the paper's (Baydin et al.
     * 2018, §5): 1e-3 for SGD-HD and SGDN-HD; 1e-7 for Adam-HD, whose
     * direction is normalised, so g·d is of the size of ‖g‖, not ‖g‖². */
    double hd_beta;
    /* The state before update 1, once zeroed: at the start, on a switch
     * to this optimiser, and on a reset. NULL: all zeros. */
    void (*init)(const optim_params *p, double *state, size_t n);
    /* Update t (t ≥ 1) from the clipped gradient g: advances the state and
     * writes the direction d, so that θ_t = θ_{t-1} - lr d. */
    void (*direction)(const optim_params *p, double *state, size_t n, long t,
                      const double *g, double *d);
    /* θ ← θ - lr d rounded operation for operation as torch.optim does it,
     * from the state that direction() left. */
    void (*apply)(const optim_params *p, const double *state, size_t n,
                  long t, const double *g, const double *d, double lr,
                  double *theta);
    /* Forward mode in α (lr_hypergrad.c): with the state as direction()
     * left it in update t, advances its tangent sdot (laid out as the
     * state) from the gradient's tangent gdot and writes the direction's
     * tangent ddot. NULL: the optimiser has no such derivative. */
    void (*tangent)(const optim_params *p, const double *state, double *sdot,
                    size_t n, long t, const double *g, const double *gdot,
                    double *ddot);
    /* The step panel's lines after update t, its constants substituted;
     * at most OPTIM_LINES. Returns how many. */
    int (*describe)(const optim_params *p, long t, optim_line *out);
    /* On a quadratic each eigen-direction of H (eigenvalue λ) follows a
     * linear recurrence in the error; this is the largest modulus of its
     * characteristic roots for a = αλ, the predicted contraction per
     * update (DESIGN §5), with *complex set when that root is complex
     * (the error then spirals, and one-step ratios oscillate about it).
     * NULL: no such theory (the adaptive optimisers). */
    double (*linear_rate)(const optim_params *p, double a, bool *complex);
    /* A reference method (DESIGN §3d) makes its whole update itself from
     * the objective (optim_whole.h); direction, apply, tangent and
     * describe are then NULL. NULL for the first-order optimisers. */
    const struct optim_whole *whole;
} optimizer_type;

extern const optimizer_type optim_sgd, optim_momentum, optim_nesterov,
    optim_adagrad, optim_rmsprop, optim_adam, optim_adamw, optim_nadam,
    optim_adamax, optim_adadelta;
extern const optimizer_type optim_newton, optim_bfgs, optim_cg_fr,
    optim_cg_pr, optim_steepest, optim_nelder_mead;

/* NULL-terminated, in the order of DESIGN §3 and §3b, then §3d. */
extern const optimizer_type *const optimizer_types[];

const optimizer_type *optimizer_find(const char *name);

/* α when none is given: the type's default_lr, else 1e-3. */
double optim_default_lr(const optimizer_type *type);
/* α after a switch from one optimiser to another. A method with its own
 * default α (Newton's 1, GSL's step sizes) starts with it, unless the
 * switch is between two such methods and α was changed from the first
 * one's; leaving such a method on its default returns to to's default;
 * anything else keeps α. */
double optim_follow_lr(const optimizer_type *from, const optimizer_type *to,
                       double lr);

/* The number of state vectors under p, and the doubles of state for n
 * parameters (vectors, then scalars). */
size_t optim_state_vectors(const optimizer_type *type, const optim_params *p);
size_t optim_state_len(const optimizer_type *type, const optim_params *p,
                       size_t n);
/* Zeroes the state (optim_state_len doubles) and runs the type's init. */
void optim_init(const optimizer_type *type, const optim_params *p,
                double *state, size_t n);

/* ε, ρ and W in effect for type under p. */
double optim_eps(const optimizer_type *type, const optim_params *p);
double optim_rho(const optimizer_type *type, const optim_params *p);
double optim_weight_decay(const optimizer_type *type, const optim_params *p);

/* One update as the run and the forward mode in α take it, weight decay
 * included (DESIGN §3b): optim_direction adds coupled decay to g in
 * place (ĝ ← ĝ + Wθ, torch's grad.add(param, alpha=W)) before the
 * type's direction, or for decoupled decay adds Wθ to d, so that
 * θ − α d is the update either way; optim_tangent does the same to the
 * tangents (ġ + Wθ̇, ḋ + Wθ̇; theta_dot is dθ/dα). */
void optim_direction(const optimizer_type *type, const optim_params *p,
                     double *state, size_t n, long t, double *g,
                     const double *theta, double *d);
void optim_tangent(const optimizer_type *type, const optim_params *p,
                   const double *state, double *sdot, size_t n, long t,
                   const double *g, double *gdot, const double *theta_dot,
                   double *ddot);
/* The step panel's lines: the type's, with the decay's around them. */
int optim_lines(const optimizer_type *type, const optim_params *p, long t,
                optim_line *out);

/* β of hypergradients in mode m when none is given: the type's for the
 * additive rule; 0.02 for the multiplicative one, whose β is
 * dimensionless. */
double optim_hd_beta(const optimizer_type *type, hd_mode m);

/* The largest root modulus of z² − bz + c (a linear_rate helper). */
double optim_root_modulus(double b, double c, bool *complex);

/* Fills one step panel line (a describe() helper). */
void optim_describe(optim_line *l, const char *name, int vec, double scale,
                    const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* The apply of the SGD family: torch's param.add_(d, alpha=-lr), a fused
 * multiply-add (in float32 unfused, as everywhere; see precision.h). */
void optim_apply_fused(const optim_params *p, const double *state, size_t n,
                       long t, const double *g, const double *d, double lr,
                       double *theta);

/* adagrad and rmsprop keep an accumulator s of squared gradients:
 * s = decay·s + gain·g² (torch's s.mul_(decay).addcmul_(g, g, value=gain),
 * one fused multiply-add), d = g / (√s + ε). */
void optim_rms_direction(double *s, size_t n, const double *g, double decay,
                         double gain, double eps, bool single, double *d);

/* Their apply: torch's param.addcdiv_(g, √s + ε, value=-lr). */
void optim_apply_rms(const double *s, size_t n, const double *g, double lr,
                     double eps, bool single, double *theta);

/* Their tangent: ṡ = decay·ṡ + 2·gain·g·ġ, ḋ of g/(√s + ε). */
void optim_rms_tangent(const double *s, double *sdot, size_t n,
                       const double *g, const double *gdot, double decay,
                       double gain, double eps, double *ddot);

/* ḋ of an adaptive step num / (√acc / c + ε), from the tangents num_dot
 * and acc_dot (c = √(1 − β2^t) for adam, 1 otherwise). */
double optim_adaptive_dot(double num, double num_dot, double acc,
                          double acc_dot, double c, double eps);

#endif
