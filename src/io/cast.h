/* Recordings of the screen as asciicast v2 (the format of asciinema and
 * its web player): a header line, a JSON object with the terminal's
 * size, then one line per event, [time, "o", data] for what was written
 * to the terminal and [time, "r", "COLSxROWS"] for a resize, times in
 * seconds from the start and increasing. The file is written whole or
 * not at all (atomic_file.h). */
#ifndef DESCENT_CAST_H
#define DESCENT_CAST_H

#include <stdbool.h>
#include <stddef.h>

#include "atomic_file.h"

typedef struct cast_writer {
    atomic_file f;
    bool header;         /* written */
    long long last_us;   /* the last event's time; -1 before any */
    /* Output waiting to be written: everything that arrives at the same
     * microsecond becomes one event. */
    char *pend;
    size_t plen, pcap;
    long long pend_us;
    /* The start of a UTF-8 sequence the next write completes (terminals
     * are written in chunks that may split a character). */
    unsigned char carry[4];
    size_t ncarry;
    bool failed;         /* out of memory, or a write failed */
} cast_writer;

/* Opens the recording's temporary file beside path (atomic_open: an
 * existing file is replaced only with force). 0, or -1 with "PATH: why"
 * in err. */
int cast_open(cast_writer *c, const char *path, bool force, char *err,
              size_t cap);
/* The header; before any event. title and term may be NULL. */
void cast_header(cast_writer *c, int width, int height, long long timestamp,
                 const char *title, const char *term, const char *shell);
/* n bytes written to the terminal at t seconds. */
void cast_output(cast_writer *c, double t, const char *data, size_t n);
/* The terminal became cols × rows at t seconds. */
void cast_resize(cast_writer *c, double t, int cols, int rows);
/* Ends the recording at t seconds (an empty event there when it is
 * after the last, so a player holds the last screen until then) and
 * moves it into place. 0, or -1 with "PATH: why" in err (nothing is
 * left behind). */
int cast_close(cast_writer *c, double t, char *err, size_t cap);
/* Abandons the recording: its temporary file is removed. */
void cast_abort(cast_writer *c);

/* Writes s (n bytes) as the text of a JSON string, quotes included:
 * control characters escaped, a byte that is not part of valid UTF-8
 * as U+FFFD. For tests and the header. */
void cast_json_string(FILE *f, const char *s, size_t n);

#endif
