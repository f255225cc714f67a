/* Shortest round-trip formatting of doubles: Giulietti's Schubfach.
 *
 * R. Giulietti, "The Schubfach way to render doubles" (2020); the same
 * algorithm is in OpenJDK's Double.toString since JDK 19. Section and
 * figure numbers below refer to that paper.
 *
 * The idea. A finite v > 0 is c 2^q (c, q integers). strtod maps to v every
 * real in its rounding interval R, which reaches half-way to the two
 * neighbouring doubles: R = [v - 2^(q-1), v + 2^(q-1)], closed when c is
 * even (round-half-even lands on v), open when c is odd. When c is the
 * smallest significand of a binade the lower neighbour is twice as close,
 * so R starts at v - 2^(q-2). Choose k = floor(log10(width of R)); then
 * the width of R lies in [10^k, 10^(k+1)), so
 *   - R holds at least one multiple of 10^k, and the two nearest v are
 *     s 10^k and (s+1) 10^k with s = floor(v / 10^k);
 *   - R holds at most one multiple of 10^(k+1), and if it does, that is
 *     10 floor(s/10) 10^k or the next one up.
 * A decimal in R with fewer digits than s has to be a multiple of
 * 10^(k+1), so the answer is that multiple if it exists (it is then the
 * only shortest one), else whichever of s, s+1 lies in R and, when both
 * do, the one nearer v (ties to even: they do happen).
 *
 * Integers below 2^53 skip all this: they are their own shortest form.
 *
 * float32 values (fmt_float) take the same path with their own c and q
 * (c < 2^24): the interval is the float's, and the 126-bit table is
 * more than precise enough for it.
 *
 * The only hard part is computing v / 10^k and the bounds of R / 10^k
 * closely enough. The table holds g, 10^-k rounded up to 126 bits, and
 * rop() returns 4 v / 10^k rounded "to odd": the exact integer part, with
 * the last bit set when a fraction remains. That loses nothing for the
 * comparisons made here, all against multiples of 4 (section 9 proves that
 * 126 bits suffice for every double).
 *
 * 128-bit products use unsigned __int128 on gcc and clang; elsewhere a
 * portable four-multiplication version (define FMT_DOUBLE_PORTABLE to
 * build and test that one with gcc). Right shifts of negative ints are
 * assumed to be arithmetic, as gcc and clang document. */
#include "fmt_double.h"

#include <stdint.h>
#include <string.h>

#include "fmt_double_table.h"

/* ---- 64 x 64 -> 128-bit products ---- */

#if defined(__SIZEOF_INT128__) && !defined(FMT_DOUBLE_PORTABLE)
__extension__ typedef unsigned __int128 u128;

static inline uint64_t mul_hi(uint64_t a, uint64_t b, uint64_t *lo)
{
    u128 p = (u128)a * b;
    *lo = (uint64_t)p;
    return (uint64_t)(p >> 64);
}
#else
static inline uint64_t mul_hi(uint64_t a, uint64_t b, uint64_t *lo)
{
    /* Schoolbook on 32-bit halves; no partial sum can overflow 64 bits. */
    uint64_t a0 = (uint32_t)a, a1 = a >> 32, b0 = (uint32_t)b, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (uint32_t)p01 + (uint32_t)p10;
    *lo = (mid << 32) | (uint32_t)p00;
    return p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}
#endif

/* ---- exact integer logarithms (checked in the table generator) ---- */

/* floor(log10(2^q)) for |q| <= 1100: q log10(2) in 2^-41 fixed point. */
static inline int floor_log10_pow2(int q)
{
    return (int)(((int64_t)q * 661971961083) >> 41);
}

/* floor(log10(3/4 2^q)): adds floor(log10(3/4) 2^41). */
static inline int floor_log10_three_quarters_pow2(int q)
{
    return (int)(((int64_t)q * 661971961083 - 274743187321) >> 41);
}

/* floor(log2(10^e)) for |e| <= 330: e log2(10) in 2^-38 fixed point. */
static inline int floor_log2_pow10(int e)
{
    return (int)(((int64_t)e * 913124641741) >> 38);
}

/* q of the subnormals and of the smallest normals, and the smallest
 * normal significand: of doubles, and of floats. */
typedef struct {
    int q_min;
    uint64_t c_normal_min;
} binary_format;

static const binary_format DOUBLE = {-1074, (uint64_t)1 << 52};
static const binary_format FLOAT = {-149, (uint64_t)1 << 23};
static const uint64_t C_NORMAL_MIN = (uint64_t)1 << 52;
static const uint64_t LOW63 = ((uint64_t)1 << 63) - 1;

/* rop(g cp 2^-127) where g = g1 2^63 + g0 (figure 8): the integer part of
 * the product, with its last bit set when the fraction is not zero. As in
 * the paper the fraction is judged on its top 63 bits only, which is what
 * the error analysis covers. cp < 2^60, g < 2^126. */
static inline uint64_t rop(uint64_t g1, uint64_t g0, uint64_t cp)
{
    uint64_t lo;
    uint64_t x1 = mul_hi(g0, cp, &lo);        /* g0 cp 2^-64, truncated */
    uint64_t y0, y1 = mul_hi(g1, cp, &y0);    /* g1 cp = y1 2^64 + y0 */
    /* g cp 2^-127 = y1 + (y0 / 2 + x1) 2^-63, up to the dropped low bits */
    uint64_t z = (y0 >> 1) + x1;              /* < 2^63 + 2^62 */
    uint64_t vb = y1 + (z >> 63);
    return vb | ((z & LOW63) != 0);
}

/* The shortest decimal f 10^e in the rounding interval of c 2^q, nearest
 * to it among the shortest (section 9.3, figure 7). f may end in zeros. */
static uint64_t to_decimal(uint64_t c, int q, binary_format b, int *e)
{
    /* Bounds of R in units of 2^(q-2), so that they are integers. */
    uint64_t cb = c << 2, cbr = cb + 2, cbl;
    int k;
    if (c != b.c_normal_min || q == b.q_min) {
        cbl = cb - 2;
        k = floor_log10_pow2(q);
    } else {
        /* Lower neighbour at 2^(q-1): R is 3/4 2^q wide. */
        cbl = cb - 1;
        k = floor_log10_three_quarters_pow2(q);
    }
    /* Open interval when c is odd: a bound itself is not in R. */
    uint64_t out = c & 1;

    /* 10^-k = g 2^(r) with r = floor_log2_pow10(-k) - 125, so
     * 4 x 2^(q-2) / 10^k = (x << h) g 2^-127 with h as below, in [2, 5]
     * (10^k <= 2^q < 10^(k+1)): the shifted bounds stay under 2^60. */
    int h = q + floor_log2_pow10(-k) + 2;
    const uint64_t *g = FMT_G[k - FMT_K_MIN];
    uint64_t vb = rop(g[0], g[1], cb << h);   /* ~ 4 v / 10^k */
    uint64_t vbl = rop(g[0], g[1], cbl << h); /* ~ 4 min(R) / 10^k */
    uint64_t vbr = rop(g[0], g[1], cbr << h); /* ~ 4 max(R) / 10^k */

    uint64_t s = vb >> 2; /* floor(v / 10^k) */
    if (s >= 10) {
        /* One digit fewer: the multiples of 10^(k+1) around v. At most
         * one of them is in R (R is narrower than 10^(k+1)). A one-digit
         * s cannot get shorter (and 10 10^k is t when s = 9). */
        uint64_t sp10 = s / 10 * 10, tp10 = sp10 + 10;
        int upin = vbl + out <= sp10 << 2;
        int wpin = (tp10 << 2) + out <= vbr;
        if (upin != wpin) {
            *e = k;
            return upin ? sp10 : tp10;
        }
    }
    uint64_t t = s + 1;
    int uin = vbl + out <= s << 2;
    int win = (t << 2) + out <= vbr;
    *e = k;
    if (uin != win)
        return uin ? s : t;
    /* Both in R: the nearer; vb against 4 (s + 1/2) = 2 (s + t). rop is
     * even only when exact, so == is a true tie, and then the even one:
     * 2251799813685247.75 (ulp 1/4) gives 2251799813685247.8. */
    uint64_t mid = (s + t) << 1;
    return vb < mid || (vb == mid && (s & 1) == 0) ? s : t;
}

/* ---- writing the digits ---- */

static const char DIGIT_PAIRS[200] =
    "00010203040506070809101112131415161718192021222324252627282930313233"
    "34353637383940414243444546474849505152535455565758596061626364656667"
    "6869707172737475767778798081828384858687888990919293949596979899";

static const uint64_t POW10[20] = {
    1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u,
    100000000u, 1000000000u, 10000000000u, 100000000000u,
    1000000000000u, 10000000000000u, 100000000000000u,
    1000000000000000u, 10000000000000000u, 100000000000000000u,
    1000000000000000000u, 10000000000000000000u};

/* Number of decimal digits of f > 0. */
static inline int count_digits(uint64_t f)
{
#if defined(__GNUC__) && !defined(FMT_DOUBLE_PORTABLE)
    /* f has b bits, so about b log10(2) ~ b 1233 / 2^12 digits; t is
     * that or one less, and one comparison settles it. */
    int b = 64 - __builtin_clzll(f);
    int t = (b * 1233) >> 12;
    return t + (f >= POW10[t]);
#else
    int n = 1;
    while (n < 20 && f >= POW10[n])
        n++;
    return n;
#endif
}

/* Writes the 8 digits of v < 10^8 to p[0..7]. The halves are independent,
 * so their divisions overlap in the pipeline. */
static inline void write8(char *p, uint32_t v)
{
    uint32_t hi = v / 10000, lo = v % 10000;
    memcpy(p, DIGIT_PAIRS + 2 * (hi / 100), 2);
    memcpy(p + 2, DIGIT_PAIRS + 2 * (hi % 100), 2);
    memcpy(p + 4, DIGIT_PAIRS + 2 * (lo / 100), 2);
    memcpy(p + 6, DIGIT_PAIRS + 2 * (lo % 100), 2);
}

/* Writes the n decimal digits of f to d[0..n-1]. */
static void write_digits(uint64_t f, char *d, int n)
{
    char *p = d + n;
    while (f >= 100000000) { /* at most twice: f < 10^17 */
        p -= 8;
        write8(p, (uint32_t)(f % 100000000));
        f /= 100000000;
    }
    uint32_t r = (uint32_t)f;
    while (r >= 100) {
        p -= 2;
        memcpy(p, DIGIT_PAIRS + 2 * (r % 100), 2);
        r /= 100;
    }
    if (r >= 10) {
        p -= 2;
        memcpy(p, DIGIT_PAIRS + 2 * r, 2);
    } else {
        *--p = (char)('0' + r);
    }
}

/* Lays out f 10^e (f > 0 without trailing zeros) as described in the
 * header, after the sign; returns the end. */
static char *layout(char *p, uint64_t f, int e)
{
    char d[20];
    int n = count_digits(f);
    write_digits(f, d, n);
    int x = e + n - 1; /* the exponent of the first digit, d.ddd 10^x */

    if (x >= -4 && x < 17) {
        if (x < 0) { /* 0.000ddd */
            memcpy(p, "0.000", (size_t)(1 - x));
            p += 1 - x;
            memcpy(p, d, (size_t)n);
            return p + n;
        }
        if (x >= n - 1) { /* ddd000, an integer */
            memcpy(p, d, (size_t)n);
            p += n;
            memset(p, '0', (size_t)(x - n + 1));
            return p + (x - n + 1);
        }
        memcpy(p, d, (size_t)x + 1); /* dd.ddd */
        p += x + 1;
        *p++ = '.';
        memcpy(p, d + x + 1, (size_t)(n - x - 1));
        return p + (n - x - 1);
    }

    *p++ = d[0]; /* d.ddde+XX, as in C's %e */
    if (n > 1) {
        *p++ = '.';
        memcpy(p, d + 1, (size_t)n - 1);
        p += n - 1;
    }
    *p++ = 'e';
    *p++ = x < 0 ? '-' : '+';
    unsigned ax = (unsigned)(x < 0 ? -x : x);
    if (ax >= 100) {
        *p++ = (char)('0' + ax / 100);
        ax %= 100;
    }
    memcpy(p, DIGIT_PAIRS + 2 * ax, 2);
    return p + 2;
}

/* The text of a value with sign bit neg, fraction bits frac and biased
 * exponent bq (all ones: NaN or infinity) in format b, whose significand
 * has `bits` bits after the point. */
static size_t format(char *buf, int neg, uint64_t frac, int bq, int bq_max,
                     int bits, binary_format b)
{
    char *p = buf;
    if (neg)
        *p++ = '-';
    if (bq == bq_max) {
        if (frac) { /* NaN: no sign, whatever its sign bit */
            memcpy(buf, "nan", 4);
            return 3;
        }
        memcpy(p, "inf", 4);
        return (size_t)(p + 3 - buf);
    }

    uint64_t c, f;
    int q, e;
    if (bq != 0) {
        c = frac | b.c_normal_min;
        q = bq - 1 + b.q_min; /* v = c 2^q, 2^bits <= c < 2^(bits+1) */
        /* Integers below 2^(bits+1) are their own shortest form: R is at
         * most 1 wide with v in the middle, so holds no other integer,
         * and a decimal with a fraction needs more digits than v has. */
        if (q <= 0 && q > -(bits + 1) &&
            (c & ((((uint64_t)1) << -q) - 1)) == 0) {
            f = c >> -q;
            e = 0;
        } else {
            f = to_decimal(c, q, b, &e);
        }
    } else if (frac != 0) {
        f = to_decimal(frac, b.q_min, b, &e); /* subnormal */
    } else {
        *p++ = '0';
        *p = '\0';
        return (size_t)(p - buf);
    }

    /* Drop trailing zeros, eight at a time first. */
    while (f % 100000000 == 0) {
        f /= 100000000;
        e += 8;
    }
    if (f % 10000 == 0) {
        f /= 10000;
        e += 4;
    }
    if (f % 100 == 0) {
        f /= 100;
        e += 2;
    }
    if (f % 10 == 0) {
        f /= 10;
        e += 1;
    }

    p = layout(p, f, e);
    *p = '\0';
    return (size_t)(p - buf);
}

size_t fmt_double(double v, char *buf)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    return format(buf, (int)(bits >> 63), bits & (C_NORMAL_MIN - 1),
                  (int)(bits >> 52) & 0x7ff, 0x7ff, 52, DOUBLE);
}

size_t fmt_float(float v, char *buf)
{
    uint32_t bits;
    memcpy(&bits, &v, sizeof bits);
    return format(buf, (int)(bits >> 31), bits & (FLOAT.c_normal_min - 1),
                  (int)(bits >> 23) & 0xff, 0xff, 23, FLOAT);
}

size_t fmt_number(double v, bool single, char *buf)
{
    return single ? fmt_float((float)v, buf) : fmt_double(v, buf);
}
