/* Pieces that several model types share; for model_*.c only. */
#ifndef DESCENT_MODEL_IMPL_H
#define DESCENT_MODEL_IMPL_H

#include "model.h"

/* Least squares L = mean((x·w + b - y)²) with the bias b when the last
 * block is one (linreg), without (ridge). */
double linear_mse_loss(const model *m, const double *theta, const double *x,
                       const double *y, size_t n, double *g);
void linear_mse_hvp(const model *m, const double *theta, const double *v,
                    const double *x, const double *y, size_t n, double *hv);
size_t no_work(const model *m, size_t n);

/* Replaces the targets by class indices 0..K-1 (the distinct target
 * values in increasing order, kept in m->class_values). The values must
 * be whole numbers; K ≥ 2 and at most max_classes. 0 or -1. */
int classes_from_target(model *m, size_t max_classes, char *err, size_t cap);

/* F = scale·L + λ‖θ‖² from L, and ∇F from ∇L in g (unless NULL). */
double model_finish(const model *m, const double *theta, double loss,
                    double *g);

/* Sets block k. */
void set_block(model *m, size_t k, const char *name, size_t rows,
               size_t cols, size_t fan_in, bool bias);

#endif
