/* Inside the PyTorch exporter: the models' part (export_model.c) beside
 * the script's skeleton (export_python.c). */
#ifndef DESCENT_EXPORT_IMPL_H
#define DESCENT_EXPORT_IMPL_H

#include "export_python.h"
#include "fmt_double.h"
#include "model.h"

/* v as Python reads it back exactly; math.inf for +∞. */
const char *export_num(double v, char buf[FMT_DOUBLE_MAX]);

/* Whether m can be exported: 0, or -1 with the reason in err. */
int export_model_check(const export_run *r, char *err, size_t cap);
/* The model's constants, its loss L(theta, X, y), predict() for a
 * classifier, f(theta) = scale·L on the training rows + λ‖θ‖², and
 * extras(theta), the trace's columns after θ. */
void export_model_functions(FILE *f, const export_run *r);
/* The data as descent prepared it (split, scaled, targets as the loss
 * takes them), as CSV in the script. */
void export_model_data(FILE *f, const export_run *r);
/* The trace's column names after θ (",val_loss,train_acc,..."). */
void export_model_columns(FILE *f, const export_run *r);

#endif
