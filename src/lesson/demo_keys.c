/* Key names of demo scripts. */
#include <stdbool.h>
#include <string.h>

#include "demo.h"
#include "source.h"

/* In the order of the DEMO_KEY_* values from DEMO_KEY_ENTER, then the
 * function keys; "Space" is the code point 32. */
const char *const demo_key_names[] = {
    "Enter", "Tab", "Esc", "Backspace", "Up", "Down", "Left", "Right",
    "PgUp", "PgDn", "Home", "End", "Delete", "Insert", "F1", "F2", "F3",
    "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11", "F12", "Space", NULL};

enum { N_NAMED = DEMO_KEY_F1 - DEMO_KEY_NAMED + 12 };

/* The code point of the one UTF-8 character that is name, or -1. */
static long one_char(const char *name, size_t len)
{
    bool ok;
    const unsigned char *p = (const unsigned char *)name;
    size_t n = source_utf8_len(p, len, &ok);
    if (!ok || n != len || *p <= ' ' || *p == 0x7F)
        return -1;
    if (n == 1)
        return *p;
    long cp = *p & (0xFF >> (n + 1));
    for (size_t i = 1; i < n; i++)
        cp = cp << 6 | (p[i] & 0x3F);
    return cp;
}

long demo_key_parse(const char *name, size_t len)
{
    for (int i = 0; demo_key_names[i]; i++)
        if (strlen(demo_key_names[i]) == len &&
            strncmp(demo_key_names[i], name, len) == 0)
            return i < N_NAMED ? DEMO_KEY_NAMED + i : ' ';
    if (len == 3 && name[0] == 'C' && name[1] == '-' && name[2] >= 'a' &&
        name[2] <= 'z')
        return name[2] - 'a' + 1;
    return one_char(name, len);
}
