/* What the fuzz targets (tests/fuzz_*.c) share. Each target defines
 * LLVMFuzzerTestOneInput and, for its failure messages, fuzz_name.
 *
 * With libFuzzer (-DDESCENT_LIBFUZZER, linked with -fsanitize=fuzzer; see
 * scripts/fuzz) libFuzzer drives the target. Without it, fuzz_driver.c
 * supplies a main that runs each corpus file given and a fixed number of
 * deterministic mutations of them (bit flips, truncations, deletions,
 * duplications, splices, and insertions of the tokens of a libFuzzer
 * dictionary), the same on every machine:
 *   fuzz-NAME [-n INPUTS] [-s SEED] [-dict FILE] FILE...
 * meson runs each that way (suite fuzz). */
#ifndef DESCENT_FUZZ_DRIVER_H
#define DESCENT_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

extern const char fuzz_name[];

/* Reports a broken property of input (size bytes) and aborts: a finding,
 * for libFuzzer as for the driver. */
_Noreturn void fuzz_fail(const char *what, const uint8_t *input,
                         size_t size);

/* Checks a problem's place and message against the input: a line within
 * it (1-based; 0 for the whole; one past the end for its end), a column
 * not negative, a message. */
void fuzz_check_place(long line, long column, const char *message,
                      const uint8_t *input, size_t size);

/* data as a NUL-terminated string (free it), or NULL out of memory. */
char *fuzz_text(const uint8_t *data, size_t size);

/* A path in a directory of this process's own (made on first use,
 * removed at exit) holding name with the input as its content; NULL
 * when it cannot be written. The path lives until the next call. */
const char *fuzz_file(const char *name, const uint8_t *data, size_t size);
/* That directory. */
const char *fuzz_dir(void);

#endif
