#include <string.h>

#include "translit.h"

static const struct {
    const char *utf8, *ascii;
} table[] = {
    {"θ", "th"}, {"α", "a"}, {"β", "b"}, {"μ", "mu"}, {"ρ", "rho"},
    {"ε", "eps"}, {"∇", "grad "}, {"ĝ", "g^"}, {"‖", "|"}, {"²", "^2"},
    {"³", "^3"}, {"⁴", "^4"}, {"ᵗ", "^t"}, {"₁", "1"}, {"₂", "2"},
    {"₋", "-"}, {"√", "sqrt"}, {"·", "*"}, {"×", "x"}, {"÷", "/"},
    {"→", "->"}, {"←", "<-"}, {"↑", "^"}, {"↓", "v"}, {"↗", "/"},
    {"↘", "\\"}, {"↙", "/"}, {"↖", "\\"}, {"−", "-"}, {"≥", ">="},
    {"≤", "<="}, {"∈", " in "}, {"★", "*"}, {"•", "o"}, {"●", "@"},
    {"◆", "#"}, {"▶", ">"}, {"⏸", "||"}, {"■", "#"}, {"…", "..."},
    {"½", "1/2"}, {"π", "pi"}, {"Σ", "sum"}, {"̂", "^"}, {"─", "-"},
    {"│", "|"}, {"┤", "+"}, {"┬", "+"}, {"└", "+"}, {"✗", "x"},
    {"✓", "ok"}, {"⚠", "!"}, {"▲", "^"}, {"▼", "v"}, {"λ", "lambda"},
    {"⌫", "BS"},
};

/* Length of the UTF-8 sequence a lead byte starts (1 for stray bytes). */
static size_t seq_len(unsigned char c)
{
    return c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
}

size_t translit_ascii(const char *in, char *out, size_t cap)
{
    size_t o = 0;
    if (cap == 0)
        return 0;
    for (const char *p = in; *p;) {
        const char *rep = NULL;
        size_t used = 1;
        if ((unsigned char)*p < 0x80) {
            if (o + 1 >= cap)
                break;
            out[o++] = *p++;
            continue;
        }
        for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
            size_t n = strlen(table[i].utf8);
            if (strncmp(p, table[i].utf8, n) == 0) {
                rep = table[i].ascii;
                used = n;
                break;
            }
        }
        if (!rep) {
            rep = "?";
            used = seq_len((unsigned char)*p);
            for (size_t k = 1; k < used; k++)
                if (!p[k]) {
                    used = k;
                    break;
                }
        }
        size_t rl = strlen(rep);
        if (o + rl >= cap)
            break;
        memcpy(out + o, rep, rl);
        o += rl;
        p += used;
    }
    out[o] = '\0';
    return o;
}
