/* Text from outside (a value typed, a file name, a cell of a data file,
 * a line of a lesson) as messages show it. Every message that repeats
 * such text goes through here, so that none of it reaches the terminal
 * as a command or floods it:
 *  - control characters (C0, DEL, C1) and bytes that are not UTF-8 are
 *    written as escapes: \n \r \t, \xNN for other bytes, \u0085 for
 *    the C1 characters (an 8-bit terminal reads 0x9b as CSI);
 *  - text wider than the limit keeps its start and its end around "…"
 *    (a file name keeps its extension, a number its last digits).
 * Widths count characters as written, escapes included. Pure. */
#ifndef DESCENT_QUOTE_H
#define DESCENT_QUOTE_H

#include <stddef.h>

/* Characters a value keeps in a message. */
enum { QUOTE_SHOWN = 100 };
/* Bytes quote() needs: four a character (UTF-8), "…" and the NUL. */
enum { QUOTE_CAP = 4 * QUOTE_SHOWN + 4 };

/* The first len bytes of s quoted into out (cap bytes, NUL included;
 * cap 0 writes nothing), at most shown characters wide (shown ≥ 3).
 * Returns out. */
char *quote_n(char *out, size_t cap, const char *s, size_t len,
              size_t shown);

/* quote_n of NUL-terminated s into out[QUOTE_CAP] with QUOTE_SHOWN;
 * "(null)" for NULL. Returns out, for printf's %s. */
const char *quote(char *out, const char *s);

/* quote() in a buffer that lives to the end of the enclosing block:
 *     fail(e, "'%s' is not a number", QUOTE(text)); */
#define QUOTE(s) quote((char[QUOTE_CAP]){""}, (s))

/* The same for len bytes of s, at most shown characters (a constant),
 * where a message's buffer is small. */
#define QUOTE_WIDTH(s, len, shown) \
    quote_n((char[4 * (shown) + 4]){""}, 4 * (shown) + 4, (s), (len), (shown))

/* A window of at most shown characters of s (len bytes) around byte at,
 * quoted, with "…" at a cut end: for an error's caret under a long
 * value. Sets *caret to the 0-based character column of byte at (or of
 * the end) in out. Returns out. */
char *quote_window(char *out, size_t cap, const char *s, size_t len,
                   size_t at, size_t shown, size_t *caret);

#endif
