/* ASCII stand-ins for the UTF-8 the screens use, for terminals whose
 * locale is not UTF-8 (DESIGN §8). Pure. */
#ifndef DESCENT_TUI_TRANSLIT_H
#define DESCENT_TUI_TRANSLIT_H

#include <stddef.h>

/* Copies in to out (cap bytes, NUL-terminated) with every non-ASCII
 * character replaced by its stand-in ("θ" → "th", "‖" → "|", "²" → "^2");
 * unknown ones become '?'. Returns the length written. */
size_t translit_ascii(const char *in, char *out, size_t cap);

#endif
