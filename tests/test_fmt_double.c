#include "suites.h"
void suite_fmt_double(void) {}
