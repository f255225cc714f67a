/* What went wrong in the core. A function that can fail for more than one
 * reason returns one of these: 0 for success, a negative kind for a
 * failure (so a caller that only asks `< 0` still reads it right), and
 * core_error_message says it in words for the one who reports it. */
#ifndef DESCENT_CORE_ERROR_H
#define DESCENT_CORE_ERROR_H

typedef enum {
    CORE_OK = 0,
    CORE_ENOMEM = -1,        /* memory ran out */
    CORE_ENOGRAD = -2,       /* the objective has no gradient of that method */
    CORE_EBATCH = -3,        /* minibatches: not on this objective or method */
    CORE_ERANGE = -4,        /* a setting outside its range */
    CORE_EUNSUPPORTED = -5,  /* the optimiser does not take that setting */
    CORE_ECONFLICT = -6,     /* settings that exclude each other */
} core_error;

/* A short phrase, lower case, for "WHERE: PHRASE" ("out of memory"). */
const char *core_error_message(core_error e);

#endif
