/* Where the program finds what it ships (data sets, demos, lessons). */
#ifndef DESCENT_ASSET_DIR_H
#define DESCENT_ASSET_DIR_H

#include <stddef.h>

/* The directory into buf: $env when set and not empty (it must exist);
 * else DATADIR/descent/sub as meson installed it beside the binary
 * (BINDIR/../share/descent/sub by default); else
 * source, the source tree's copy, for a binary run from a build tree.
 * Returns 0, or -1 when none exists. */
int asset_dir_find(const char *env, const char *sub, const char *source,
                   char *buf, size_t cap);

#endif
