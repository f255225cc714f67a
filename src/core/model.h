/* Models on data (DESIGN §5) as objectives: a model type is an ops table
 * in the manner of GSL's minimiser types; a model is a type, a data split
 * and a shape. Its objective's value and gradient are the full-batch
 * training objective
 *     F(θ) = scale · L(θ; training rows) + λ‖θ‖²,
 * L a mean loss; scale is 1 and λ 0 except for ridge (sums: scale =
 * n_train, and its penalty). Minibatches evaluate the same F with L on a
 * subset of the rows, an unbiased estimate of it.
 * A model keeps scratch space: evaluate it from one thread at a time. */
#ifndef DESCENT_MODEL_H
#define DESCENT_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataset.h"
#include "objective.h"
#include "rng.h"

typedef struct model model;
typedef struct model_config model_config;

/* A block of parameters: a rows×cols matrix stored row-major (one row
 * per unit: a filter, for slice normalisation), or a bias vector. */
typedef struct {
    const char *name;
    size_t rows, cols;
    size_t fan_in;     /* inputs per unit, for the default initialisation */
    bool bias;
} model_block;

enum { MODEL_MAX_BLOCKS = 4 };

typedef struct model_type {
    const char *name;
    const char *title;           /* one line for `descent list models` */
    size_t features;             /* features it takes; 0: any number */
    bool classifier;
    const char *default_data;    /* --data when none is given; NULL: the
                                    seeded N(0,1) data of the seed */
    const char *default_features; /* with the default data; NULL: default */
    /* Checks the data, rewrites its targets as the loss wants them
     * (class indices, centred values) and sets the blocks. 0, or -1 with
     * a message. */
    int (*prepare)(model *m, const model_config *c, char *err, size_t cap);
    /* Doubles of scratch loss and hvp need for n rows. */
    size_t (*work)(const model *m, size_t n);
    /* Mean loss L over n rows x (n×p, row-major), y; writes ∇L to g
     * unless g is NULL, in the same pass. The value does not depend on
     * whether g is given. */
    double (*loss)(const model *m, const double *theta, const double *x,
                   const double *y, size_t n, double *g);
    /* ∇²L v over the same rows, exactly. */
    void (*hvp)(const model *m, const double *theta, const double *v,
                const double *x, const double *y, size_t n, double *hv);
    /* Classifiers: the predicted class of each of n rows. */
    void (*predict)(const model *m, const double *theta, const double *x,
                    size_t n, size_t *cls);
    /* ∂L/∂θ_i for every i by central differences, (L(θ + (u_i-θ_i) e_i)
     * - L(θ + (d_i-θ_i) e_i)) / (u_i - d_i) with u_i = θ_i + h and
     * d_i = θ_i - h (the steps actually taken, as gradient.c takes
     * them), from one forward pass: a step in one parameter moves only
     * what that parameter feeds. NULL: 2·dim evaluations of L. */
    void (*central)(const model *m, const double *theta, double h,
                    const double *x, const double *y, size_t n, double *g);
    /* Slices (model_plane): the first layer's outputs for n rows, biases
     * included, which are linear in θ, in a layout of the type's of
     * plane_size doubles; and L at θ = c + a d1 + b d2 from those at c,
     * d1 and d2 (pre[0..2]), combined as it goes, and θ's other
     * parameters. NULL: slices evaluate the loss point by point. */
    size_t (*plane_size)(const model *m, size_t n);
    void (*plane_pre)(const model *m, const double *theta, const double *x,
                      size_t n, double *pre);
    double (*plane_loss)(const model *m, const double *theta,
                         const double *const pre[3], double a, double b,
                         const double *y, size_t n);
} model_type;

extern const model_type model_linreg, model_logreg, model_softmax,
    model_mlp, model_ridge;

/* NULL-terminated, in the order of DESIGN §5. */
extern const model_type *const model_types[];
const model_type *model_find(const char *name);

struct model {
    const model_type *type;
    data_split data;        /* owned; targets as the loss uses them */
    size_t hidden;          /* mlp width */
    size_t classes;         /* classifiers: number of classes */
    double *class_values;   /* classifiers: the target value of each class */
    double y_offset;        /* subtracted from the target (ridge: its
                               training mean) */
    double scale, lambda;   /* F = scale·L + λ‖θ‖² */
    size_t n_blocks;
    model_block blocks[MODEL_MAX_BLOCKS];
    size_t dim;
    double *theta0;         /* the start: default init or set */
    double *work;           /* scratch: type->work for the most rows */
    double *batch_x, *batch_y; /* a gathered minibatch */
    char formula[160];
};

struct model_config {
    size_t hidden;     /* mlp width; default 64 */
    double lambda;     /* ridge penalty; default 1 */
    uint64_t seed;     /* for the default initialisation */
};

model_config model_config_default(void);

/* A model of type t on data (which it takes over: data is zeroed).
 * θ0 is the PyTorch-style default initialisation drawn with c->seed:
 * each block U(-1/√fan_in, 1/√fan_in), as nn.Linear. Returns NULL with
 * a message in err (data is then freed). */
model *model_create(const model_type *t, data_split *data,
                    const model_config *c, char *err, size_t cap);
void model_free(model *m);

/* Replaces θ0 (--init): n must equal m->dim. 0 or -1. */
int model_set_start(model *m, const double *theta, size_t n);

/* The name of parameter i ("W1[3][2]", "b2", "w"). */
void model_param_name(const model *m, size_t i, char *buf, size_t cap);

/* F at θ on the training rows, its gradient into g unless NULL, in one
 * pass (the objective's value and value_grad). */
double model_train(const model *m, const double *theta, double *g);
/* F estimated on training rows rows[0..n-1]; gradient into g. */
double model_batch(const model *m, const double *theta, const size_t *rows,
                   size_t n, double *g);
/* ∇F by central differences on the training rows (the gradient check's
 * reference): the type's central, and the penalty's exact differences.
 * 0, or -1 when the type has none or memory runs out (then evaluate F
 * point by point). */
int model_central(const model *m, const double *theta, double h, double *g);
/* ∇²F v on the training rows. */
void model_hvp(const model *m, const double *theta, const double *v,
               double *hv);

/* What the trace shows beside the loss (DESIGN §6): NaN when it does
 * not apply (no validation rows; not a classifier). val_loss is L on the
 * validation rows, in target units. */
typedef struct {
    double val_loss, train_acc, val_acc;
} model_metrics;

model_metrics model_evaluate(const model *m, const double *theta);
/* Mean loss L on the validation rows (NaN when there are none). */
double model_val_loss(const model *m, const double *theta, double *g);

/* F on a plane θ(a, b) = c + a d1 + b d2 through parameter space (the
 * TUI's slices): the first layer's outputs at c, d1 and d2 are computed
 * once, so that a point costs a combination of them and the rest of the
 * network, not a whole forward pass. c, d1 and d2 (dim each) must
 * outlive it. NULL when the type has no such shortcut or memory runs
 * out: then evaluate θ(a, b) with model_train. */
typedef struct model_plane model_plane;

model_plane *model_plane_new(const model *m, const double *c,
                             const double *d1, const double *d2);
/* F(θ(a, b)), to within a few roundings of model_train's. */
double model_plane_value(model_plane *p, double a, double b);
void model_plane_free(model_plane *p);

/* The model as an objective that owns it (objective_free frees the
 * model). For 2 parameters the view box holds θ0 and the minimum, found
 * by Newton's method. 0 or -1 (out of memory). */
int model_objective(model *m, objective *out);
/* The model behind an objective, or NULL when it is not one. */
model *model_of(const objective *obj);

#endif
