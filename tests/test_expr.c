/* Typed expressions (src/core/expr.h): values, gradients and Hessians of
 * a table of expressions, special values, AD against central differences
 * on random expressions, printing, the objective. Errors are in
 * test_expr_errors.c. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "expr.h"
#include "objective.h"
#include "suites.h"

static expr *compile_ok(const char *text)
{
    expr_error err = {0, ""};
    expr *e = expr_compile(text, &err);
    CHECKF(e != NULL, "compile \"%s\": column %d: %s", text, err.column,
           err.message);
    return e;
}

static int close_to(double got, double want, double tol)
{
    if (isnan(want))
        return isnan(got);
    if (isinf(want))
        return got == want;
    return fabs(got - want) <= tol * (1.0 + fabs(want));
}

/* ---- the table
 * Expected numbers from tests/gen/expr_table.py: sympy differentiates each
 * text symbolically (numbers as exact rationals) and evaluates with 40
 * digits at a dyadic point, which the C side holds exactly. Tolerance t
 * means |got - want| <= t (1 + |want|). The default 1e-13 is about 450
 * ulps at 1: each row has at most a few dozen operations, each rounded
 * (0.5 ulp) or from glibc's libm (under 2 ulps), on well-conditioned
 * data; rows with cancellation say why they need more. */
typedef struct {
    const char *text;
    double x, y;
    double value, g[2], h[3];   /* h: xx, xy, yy */
    double tol;
} table_row;

static const table_row table[] = {
/* BEGIN GENERATED ROWS (python3 tests/gen/expr_table.py) */
    {"1 + 2*3", 0.0, 0.0,
     7.0, {0.0, 0.0},
     {0.0, 0.0, 0.0}, 1e-13},
    {"(1 + 2)*3", 0.0, 0.0,
     9.0, {0.0, 0.0},
     {0.0, 0.0, 0.0}, 1e-13},
    {"2^3^2", 0.0, 0.0,  /* right-associative: 2^9 */
     512.0, {0.0, 0.0},
     {0.0, 0.0, 0.0}, 1e-13},
    {"(2^3)^2", 0.0, 0.0,
     64.0, {0.0, 0.0},
     {0.0, 0.0, 0.0}, 1e-13},
    {"-2^2", 0.0, 0.0,  /* -(2^2) */
     -4.0, {0.0, 0.0},
     {0.0, 0.0, 0.0}, 1e-13},
    {"2^-1", 0.0, 0.0,
     0.5, {0.0, 0.0},
     {0.0, 0.0, 0.0}, 1e-13},
    {"-x^2", 1.5, 0.25,  /* -(x^2) */
     -2.25, {-3.0, 0.0},
     {-2.0, 0.0, 0.0}, 1e-13},
    {"x - y - 1", 1.5, 0.25,  /* left-associative */
     0.25, {1.0, -1.0},
     {0.0, 0.0, 0.0}, 1e-13},
    {"x / y / 2", 1.5, 0.25,  /* left-associative */
     3.0, {2.0, -12.0},
     {0.0, -8.0, 96.0}, 1e-13},
    {"x / y * 2", 1.5, 0.25,  /* (x/y)*2 */
     12.0, {8.0, -48.0},
     {0.0, -32.0, 384.0}, 1e-13},
    {"2*x^3", -1.25, 0.5,
     -3.90625, {9.375, 0.0},
     {-15.0, 0.0, 0.0}, 1e-13},
    {"x^2^0.5", 1.25, 0.5,  /* x^(2^0.5) */
     1.3710441963293285, {1.5511594376494855, 0.0},
     {0.5140090211819521, 0.0, 0.0}, 1e-13},
    {"- -x", 0.75, 0.5,
     0.75, {1.0, 0.0},
     {0.0, 0.0, 0.0}, 1e-13},
    {"-(x + y)", 0.75, 0.5,
     -1.25, {-1.0, -1.0},
     {0.0, 0.0, 0.0}, 1e-13},
    {"+x * +y", 0.75, -0.5,  /* unary plus */
     -0.375, {-0.5, 0.75},
     {0.0, 1.0, 0.0}, 1e-13},
    {"x^-y", 1.25, 0.75,
     0.8458970107524513, {-0.5075382064514707, -0.18875646302537627},
     {0.7105534890320591, -0.5634637307867353, 0.042119787492991785}, 1e-13},
    {"-x^-y", 1.25, 0.75,  /* -(x^(-y)) */
     -0.8458970107524513, {0.5075382064514707, 0.18875646302537627},
     {-0.7105534890320591, 0.5634637307867353, -0.042119787492991785}, 1e-13},
    {"2^-x^2", 0.75, 0.5,  /* 2^(-(x^2)) */
     0.6771277734684463, {-0.7040238105877304, 0.0},
     {-0.20671023508304243, 0.0, 0.0}, 1e-13},
    {"x*-y", 0.75, -0.5,
     0.375, {0.5, -0.75},
     {0.0, -1.0, 0.0}, 1e-13},
    {"1 - -1 + x", 0.75, -0.5,
     2.75, {1.0, 0.0},
     {0.0, 0.0, 0.0}, 1e-13},
    {"x - y^2/4 + 3*x*y", 0.75, -0.5,
     -0.4375, {-0.5, 2.5},
     {0.0, 3.0, -0.5}, 1e-13},
    {"x*y - x/y + y^x", 1.5, 2.5,
     7.102847075210474, {5.721957139531218, 4.111708245126285},
     {3.3187657581978813, 4.914313113802921, 0.2823416490252569}, 1e-13},
    {"pi*x", 0.75, 0.5,
     2.356194490192345, {3.141592653589793, 0.0},
     {0.0, 0.0, 0.0}, 1e-13},
    {"e^x", 0.75, 0.5,
     2.117000016612675, {2.117000016612675, 0.0},
     {2.117000016612675, 0.0, 0.0}, 1e-13},
    {"2*pi*x + e*y", 0.75, 0.5,
     6.071529894614213, {6.283185307179586, 2.718281828459045},
     {0.0, 0.0, 0.0}, 1e-13},
    {"x0*x1 + x1", 0.75, 0.5,  /* x0, x1 name x, y */
     0.875, {0.5, 1.75},
     {0.0, 1.0, 0.0}, 1e-13},
    {"1e-3*x + .5*y + 2.*x*y", 0.75, 0.5,
     1.00075, {1.001, 2.0},
     {0.0, 2.0, 0.0}, 1e-13},
    {"1.5e2*x - 2E-1*y + 1e+1", 0.75, 0.5,
     122.4, {150.0, -0.2},
     {0.0, 0.0, 0.0}, 1e-13},
    {"0.000125*x^4", 2.5, 0.5,
     0.0048828125, {0.0078125, 0.0},
     {0.009375, 0.0, 0.0}, 1e-13},
    {"  x\t*\n y  ", 0.75, 0.5,  /* whitespace anywhere */
     0.375, {0.5, 0.75},
     {0.0, 1.0, 0.0}, 1e-13},
    {"( ( x ) )", 0.75, 0.5,
     0.75, {1.0, 0.0},
     {0.0, 0.0, 0.0}, 1e-13},
    {"sin(x + y)", 0.75, 0.5,
     0.9489846193555862, {0.3153223623952687, 0.3153223623952687},
     {-0.9489846193555862, -0.9489846193555862, -0.9489846193555862}, 1e-13},
    {"cos(x*y)", 0.75, 0.5,
     0.9305076219123143, {-0.18313626454302379, -0.2747043968145357},
     {-0.23262690547807857, -0.7152128873031655, -0.5234105373256768}, 1e-13},
    {"tan(x/2)", 0.75, 0.5,
     0.39362657592563277, {0.577470940637469, 0.0},
     {0.22730790905968123, 0.0, 0.0}, 1e-13},
    {"asin(x/2)", 0.75, 0.5,
     0.3843967744956391, {0.5393598899705937, 0.0},
     {0.11767852144812953, 0.0, 0.0}, 1e-13},
    {"acos(y)", 0.75, -0.375,
     1.9551931012905357, {0.0, -1.0787197799411874},
     {0.0, 0.0, 0.4707140857925181}, 1e-13},
    {"atan(x*y)", 0.75, 0.5,
     0.35877067027057225, {0.4383561643835616, 0.6575342465753424},
     {-0.1441170951398011, 0.6605366860574217, -0.3242634640645525}, 1e-13},
    {"sinh(x - y)", 0.75, -0.5,
     1.6019190803008256, {1.8884238771610158, -1.8884238771610158},
     {1.6019190803008256, -1.6019190803008256, 1.6019190803008256}, 1e-13},
    {"cosh(x)/y", 0.75, -0.5,
     -2.5893665693536896, {-1.64463346387166, -5.178733138707379},
     {-2.5893665693536896, -3.28926692774332, -20.714932554829517}, 1e-13},
    {"tanh(2*x*y)", 0.75, 0.5,
     0.6351489523872873, {0.5965858082813315, 0.8948787124219971},
     {-0.7578417022780214, 0.05640906314563077, -1.7051438301255482}, 1e-13},
    {"exp(-x^2 - y^2)", 0.75, 0.5,
     0.44374731008107987, {-0.6656209651216198, -0.44374731008107987},
     {0.11093682752026997, 0.6656209651216198, -0.44374731008107987}, 1e-13},
    {"log(x^2 + y^2)", 0.75, 0.5,
     -0.2076393647782445, {1.8461538461538463, 1.2307692307692308},
     {-0.9467455621301775, -2.272189349112426, 0.9467455621301775}, 1e-13},
    {"log10(x*x + 1)", 0.75, 0.5,
     0.19382002601611284, {0.4169227026271218, 0.0},
     {0.15565114231412547, 0.0, 0.0}, 1e-13},
    {"sqrt(x^2 + y^2 + 1)", 0.75, 0.5,
     1.346291201783626, {0.5570860145311556, 0.3713906763541037},
     {0.5122630018677293, -0.15367890056031877, 0.6403287523346616}, 1e-13},
    {"abs(x - y)", 0.25, 0.5,  /* negative argument */
     0.25, {-1.0, 1.0},
     {0.0, 0.0, 0.0}, 1e-13},
    {"abs(x*y)", 0.75, 0.5,
     0.375, {0.5, 0.75},
     {0.0, 1.0, 0.0}, 1e-13},
    {"min(x, y)", 0.75, 0.5,  /* second chosen */
     0.5, {0.0, 1.0},
     {0.0, 0.0, 0.0}, 1e-13},
    {"max(x, y)", 0.75, 0.5,  /* first chosen */
     0.75, {1.0, 0.0},
     {0.0, 0.0, 0.0}, 1e-13},
    {"min(x^2, y)", 0.75, 0.5,
     0.5, {0.0, 1.0},
     {0.0, 0.0, 0.0}, 1e-13},
    {"max(-x, y*y)", 0.75, 0.5,
     0.25, {0.0, 1.0},
     {0.0, 0.0, 2.0}, 1e-13},
    {"sin(cos(x))*exp(sin(y))", 0.75, 0.5,
     1.0791231487450574, {-0.8191558989845775, 0.9470196574708933},
     {-1.3806978601825137, -0.7188769324184969, 0.3137287403564871}, 1e-13},
    {"sqrt(exp(x) + log(1 + y^2))", 0.75, 0.5,
     1.5297527800029926, {0.6919418759312642, 0.26148015890464177},
     {0.3789608727744401, -0.11827340602769092, 0.26908146981657916}, 1e-13},
    {"atan(tanh(x) + sinh(y))", 0.75, 0.5,
     0.857733036791653, {0.25528931839805263, 0.48253052632075377},
     {-0.4750044587681452, -0.2848636415226181, -0.3154442676173727}, 1e-13},
    {"log(1 + exp(x*y))", 0.75, 0.5,  /* softplus */
     0.89812326413984, {0.2963332999770349, 0.4444999499655523},
     {0.0603532253132381, 0.6831964379239269, 0.1357947569547857}, 1e-13},
    {"max(sin(x), cos(y))", 0.75, 0.5,
     0.8775825618903728, {0.0, -0.479425538604203},
     {0.0, 0.0, -0.8775825618903728}, 1e-13},
    {"exp(sin(x)^2)", 0.75, 0.5,
     1.5914274792670444, {1.5874409321128047, 0.0},
     {1.8086106243934639, 0.0, 0.0}, 1e-13},
    {"cos(sin(cos(sin(x*y))))", 0.75, 0.5,
     0.6939700730318525, {0.07136918552070279, 0.10705377828105418},
     {0.08176845636828635, 0.26539105559383513, 0.18397902682864428}, 1e-13},
    {"x^y", 1.25, 0.75,  /* variable exponent */
     1.1821770112539698, {0.7093062067523819, 0.2637951765732293},
     {-0.14186124135047637, 1.1040187149471135, 0.058864192520109423}, 1e-13},
    {"y^x", 1.25, 0.75,
     0.6979536443265747, {-0.2007887508751422, 1.1632560738776245},
     {0.05776332397676525, 0.5959569409768626, 0.3877520246258748}, 1e-13},
    {"(x^2 + 1)^(y/2)", 1.25, 0.75,
     1.423144349420527, {0.5206625668611684, 0.6695775647867601},
     {0.09905287857358813, 0.9391841575661448, 0.3150306681457294}, 1e-13},
    {"2^x*3^y", 1.25, 0.75,  /* constant bases */
     5.421612021659069, {3.757975086902889, 5.956249591385407},
     {2.6048298361012527, 4.128557610980121, 6.543608995470415}, 1e-13},
    {"x^3.5", 1.25, 0.75,
     2.1836601342771385, {6.114248375975987, 0.0},
     {12.228496751951974, 0.0, 0.0}, 1e-13},
    {"(-x)^3", 1.25, 0.75,  /* negative base, constant exponent */
     -1.953125, {-4.6875, 0.0},
     {-7.5, 0.0, 0.0}, 1e-13},
    {"(x - 2)^2", 1.25, 0.75,  /* negative base squared */
     0.5625, {-1.5, 0.0},
     {2.0, 0.0, 0.0}, 1e-13},
    {"x^0 + y^1", 1.25, 0.75,
     1.75, {0.0, 1.0},
     {0.0, 0.0, 0.0}, 1e-13},
    {"sin(x)^cos(y)", 1.25, 0.75,
     0.9624114705056209, {0.2339822089387333, 0.034350811285401794},
     {-0.7250458957289291, -0.209625602162459, 0.038099123243409604}, 1e-13},
    {"x/(1 + y^2)", 1.25, 0.75,
     0.8, {0.64, -0.768},
     {0.0, -0.6144, 0.45056}, 1e-13},
    {"(x + 1)/(y - 2)", 1.25, 0.75,
     -1.8, {-0.8, -1.44},
     {0.0, -0.64, -2.304}, 1e-13},
    {"3/(x + y)", 1.25, 0.75,
     1.5, {-0.75, -0.75},
     {0.75, 0.75, 0.75}, 1e-13},
    {"y/x + x/y", 1.25, 0.75,
     2.2666666666666666, {0.8533333333333334, -1.4222222222222223},
     {0.768, -2.417777777777778, 5.925925925925926}, 1e-13},
    {"x/(y*y)", 1.25, 0.75,
     2.2222222222222223, {1.7777777777777777, -5.925925925925926},
     {0.0, -4.7407407407407405, 23.703703703703702}, 1e-13},
    {"(x*y)/3", 1.25, 0.75,
     0.3125, {0.25, 0.4166666666666667},
     {0.0, 0.3333333333333333, 0.0}, 1e-13},
    {"1 - (x + y)", 1.25, 0.75,
     -1.0, {-1.0, -1.0},
     {0.0, 0.0, 0.0}, 1e-13},
    {"y - x*x", 1.25, 0.75,
     -0.8125, {-2.5, 1.0},
     {-2.0, 0.0, 0.0}, 1e-13},
    {"x*(y + 1) + (x + 2)*y", 1.25, 0.75,
     4.625, {2.5, 4.5},
     {0.0, 2.0, 0.0}, 1e-13},
    {"(x + y)*(x - y)", 1.25, 0.75,
     1.0, {2.5, -1.5},
     {2.0, 0.0, -2.0}, 1e-13},
    {"(x + 1) - (y*2) - x", 1.25, 0.75,
     -0.5, {0.0, -2.0},
     {0.0, 0.0, 0.0}, 1e-13},
    {"(1-x)^2 + 100*(y-x^2)^2", -1.25, 1.5,  /* rosenbrock */
     5.453125, {-35.75, -12.5},
     {1277.0, 500.0, 200.0}, 1e-13},
    {"0.5*(((x+y)/sqrt(2))^2 + 100*((x-y)/sqrt(2))^2)", 0.75, 0.5,  /* ill */
     1.953125, {13.125, -11.875},
     {50.5, -49.5, 50.5}, 1e-13},
    {"20 + (x^2 - 10*cos(2*pi*x)) + (y^2 - 10*cos(2*pi*y))", 0.75, -1.25,  /* rastrigin */
     22.125, {-61.33185307179586, -65.33185307179586},
     {2.0, 0.0, 2.0}, 1e-13},
    {"(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2", 0.75, -0.5,  /* camel */
     0.519873046875, {2.430859375, 2.75},
     {-3.0109375, 1.0, 4.0}, 1e-13},
    {"(1 + (x+y+1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))*(30 + (2*x-3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))", 0.75, -0.5,  /* goldstein; sums of terms near 1e3 cancel */
     76.53515625, {59.0625, 59.0625},
     {7282.125, -11086.3125, 16466.34375}, 1e-12},
    {"(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2", 2.5, 0.75,  /* beale */
     3.49420166015625, {-2.813232421875, 23.00048828125},
     {1.17626953125, -0.208984375, 114.326171875}, 1e-13},
    {"(x^2+y-11)^2 + (x+y^2-7)^2", 2.5, 1.75,  /* himmelblau */
     11.06640625, {-32.875, -16.0625},
     {40.0, 17.0, 20.75}, 1e-13},
    {"(x+2*y-7)^2 + (2*x+y-5)^2", 2.5, 1.75,  /* booth */
     4.0625, {5.0, -0.5},
     {10.0, 8.0, 10.0}, 1e-13},
    {"(1-x)^2 + 20*(3*y-x^2)^2", 0.75, 0.5,  /* banana */
     17.640625, {-56.75, 112.5},
     {17.0, -180.0, 360.0}, 1e-13},
    {"x^2 - y^2", 0.75, 0.5,  /* saddle */
     0.3125, {1.5, -1.0},
     {2.0, 0.0, -2.0}, 1e-13},
/* END GENERATED ROWS */
};

static void test_table(void)
{
    size_t n = sizeof table / sizeof table[0];
    CU_ASSERT(n >= 60);
    for (size_t i = 0; i < n; i++) {
        const table_row *r = &table[i];
        expr *e = compile_ok(r->text);
        if (!e)
            continue;
        double x[2] = {r->x, r->y}, g[2], g2[2], h[4];
        double v = expr_value(e, x);
        double vg = expr_gradient(e, x, g);
        double vh = expr_hessian(e, x, g2, h);
        CHECKF(close_to(v, r->value, r->tol), "%s at (%g, %g): value %.17g, "
               "want %.17g", r->text, r->x, r->y, v, r->value);
        for (int k = 0; k < 2; k++)
            CHECKF(close_to(g[k], r->g[k], r->tol),
                   "%s at (%g, %g): g[%d] %.17g, want %.17g", r->text, r->x,
                   r->y, k, g[k], r->g[k]);
        static const int hk[4] = {0, 1, 1, 2};
        for (int k = 0; k < 4; k++)
            CHECKF(close_to(h[k], r->h[hk[k]], r->tol),
                   "%s at (%g, %g): h[%d] %.17g, want %.17g", r->text, r->x,
                   r->y, k, h[k], r->h[hk[k]]);
        /* one value whatever the evaluation; the same first derivatives
         * from the first- and second-order duals */
        CHECKF(memcmp(&v, &vg, sizeof v) == 0 &&
                   memcmp(&v, &vh, sizeof v) == 0,
               "%s: values %.17g %.17g %.17g differ", r->text, v, vg, vh);
        CHECKF(g[0] == g2[0] && g[1] == g2[1], "%s: gradients differ",
               r->text);
        CHECKF(h[1] == h[2], "%s: Hessian not symmetric", r->text);
        expr_free(e);
    }
}

/* ---- special values: domains, kinks, ties, infinities */

typedef struct {
    const char *text;
    double x, y;
    double value, g[2];
} special_row;

static void test_special_values(void)
{
    static const special_row rows[] = {
        {"log(x)", -1, 0, NAN, {NAN, 0}},
        {"log(x)", 0, 0, -INFINITY, {INFINITY, 0}},
        {"1/x", 0, 0, INFINITY, {-INFINITY, 0}},
        {"sqrt(x)", 0, 1, 0, {INFINITY, 0}},       /* d/dy stays 0 */
        {"sqrt(x)", -1, 1, NAN, {NAN, 0}},
        {"sqrt(-x)", 0, 1, 0, {-INFINITY, 0}},     /* sqrt(-0) is -0 */
        {"abs(x)", 0, 0, 0, {0, 0}},               /* abs'(0) = 0 */
        {"abs(x - y)", 0.5, 0.5, 0, {0, 0}},
        {"min(x, y)", 0.5, 0.5, 0.5, {1, 0}},      /* tie: the first */
        {"max(y, x)", 0.5, 0.5, 0.5, {0, 1}},
        {"min(x, 2*x - 0.5)", 0.5, 0, 0.5, {1, 0}},
        {"min(log(x), 1)", -1, 0, NAN, {NAN, 0}},  /* NaN propagates */
        {"max(1, log(x))", -1, 0, NAN, {NAN, 0}},
        {"x^2", -2, 0, 4, {-4, 0}},                /* constant exponent */
        {"x^3", -2, 0, -8, {12, 0}},
        {"x^0", 0, 0, 1, {0, 0}},                  /* not 0*inf */
        {"x^1", 0, 0, 0, {1, 0}},
        {"x^0.5", 0, 0, 0, {INFINITY, 0}},
        {"x^-1", 0, 0, INFINITY, {-INFINITY, 0}},
        {"x^0.5", -1, 0, NAN, {NAN, 0}},
        {"0^x", 2, 0, 0, {0, 0}},                  /* 0^x: derivative 0 */
        {"x^y", 0, 2, 0, {0, 0}},                  /* the limits at 0+ */
        {"x^y", -2, 2, 4, {-4, NAN}},              /* log of a negative */
        {"(-2)^x", 2, 0, 4, {NAN, 0}},
        {"asin(x)", 1, 0, 1.5707963267948966, {INFINITY, 0}},
        {"acos(x)", -1, 0, 3.1415926535897931, {-INFINITY, 0}},
        {"asin(x)", 2, 0, NAN, {NAN, 0}},
        {"exp(x)", 1000, 0, INFINITY, {INFINITY, 0}},
        {"exp(x)*y", 1000, 2, INFINITY, {INFINITY, INFINITY}},
        {"0*x", 0, 0, 0, {0, 0}},
        {"x/y", 1, 0, INFINITY, {INFINITY, -INFINITY}},
        {"0/0 + x", 1, 0, NAN, {1, 0}},            /* a NaN constant */
        {"1e308*10 + x", 1, 0, INFINITY, {1, 0}},   /* folded to inf */
        {"log10(x)", 0, 0, -INFINITY, {INFINITY, 0}},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const special_row *r = &rows[i];
        expr *e = compile_ok(r->text);
        if (!e)
            continue;
        double x[2] = {r->x, r->y}, g[2], g2[2], h[4];
        double v = expr_gradient(e, x, g);
        double vh = expr_hessian(e, x, g2, h);
        CHECKF(close_to(v, r->value, 1e-15), "%s at (%g, %g): value %.17g, "
               "want %.17g", r->text, r->x, r->y, v, r->value);
        CHECKF(close_to(expr_value(e, x), r->value, 1e-15), "%s: value",
               r->text);
        CHECKF(close_to(vh, r->value, 1e-15), "%s: Hessian's value",
               r->text);
        for (int k = 0; k < 2; k++) {
            CHECKF(close_to(g[k], r->g[k], 1e-15), "%s at (%g, %g): g[%d] "
                   "%.17g, want %.17g", r->text, r->x, r->y, k, g[k],
                   r->g[k]);
            CHECKF(close_to(g2[k], r->g[k], 1e-15), "%s at (%g, %g): "
                   "Hessian's g[%d] %.17g, want %.17g", r->text, r->x, r->y,
                   k, g2[k], r->g[k]);
        }
        expr_free(e);
    }
}

/* Second derivatives where they are special. */
static void test_special_hessians(void)
{
    static const struct {
        const char *text;
        double x, y, h[4];
    } rows[] = {
        {"abs(x)*y", 0.5, 2, {0, 1, 1, 0}},
        {"x^0", 0, 0, {0, 0, 0, 0}},
        {"x^1", 0, 0, {0, 0, 0, 0}},
        {"x^2", 0, 0, {2, 0, 0, 0}},
        {"sqrt(x)", 0, 0, {-INFINITY, 0, 0, 0}},
        {"max(x*x, y)", 2, 1, {2, 0, 0, 0}},
        {"x^y", 0, 3, {0, 0, 0, 0}},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        expr *e = compile_ok(rows[i].text);
        if (!e)
            continue;
        double x[2] = {rows[i].x, rows[i].y}, g[2], h[4];
        (void)expr_hessian(e, x, g, h);
        for (int k = 0; k < 4; k++)
            CHECKF(close_to(h[k], rows[i].h[k], 1e-15), "%s: h[%d] %.17g, "
                   "want %.17g", rows[i].text, k, h[k], rows[i].h[k]);
        expr_free(e);
    }
}

/* Constants are folded and operands fused; the results must not change:
 * each pair is one function written two ways, computed with the same
 * roundings. */
static void test_folding_consistent(void)
{
    static const char *pairs[][2] = {
        {"2*pi*x", "(2*pi)*x"},
        {"x - 3", "x + -3"},
        {"x*2 + 1", "1 + 2*x"},
        {"sqrt(2)*x", "1.4142135623730951*x"},
        {"(x+1)^2", "(x+1)*(x+1)"},
        {"y - x", "y + -x"},
        {"min(x, 1) + max(2, y)", "min(x, 0.5*2) + max(1+1, y)"},
        /* squares fused with the operation before them, or not (min(a, a)
         * is a, but is not fused) */
        {"x^2 + y^2", "min(x, x)^2 + min(y, y)^2"},
        {"(x + 2)^2", "min(x + 2, x + 2)^2"},
        {"(2 - x)^2", "min(2 - x, 2 - x)^2"},
        {"(x*y + x)^2", "min(x*y + x, x*y + x)^2"},
        {"(x*y - x)^2", "min(x*y - x, x*y - x)^2"},
        {"(x - x*y)^2", "min(x - x*y, x - x*y)^2"},
        {"(1-x)^2 + 100*(y-x^2)^2",
         "min(1-x, 1-x)^2 + 100*min(y-min(x, x)^2, y-min(x, x)^2)^2"},
    };
    double pts[][2] = {{0.3, -1.7}, {2.5, 0.125}, {-3, 4}};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        expr *a = compile_ok(pairs[i][0]), *b = compile_ok(pairs[i][1]);
        if (a && b)
            for (size_t j = 0; j < 3; j++) {
                double ga[2], gb[2], ha[4], hb[4];
                double va = expr_hessian(a, pts[j], ga, ha);
                double vb = expr_hessian(b, pts[j], gb, hb);
                CHECKF(va == vb && ga[0] == gb[0] && ga[1] == gb[1] &&
                           ha[0] == hb[0] && ha[1] == hb[1] &&
                           ha[3] == hb[3],
                       "%s and %s differ at (%g, %g)", pairs[i][0],
                       pairs[i][1], pts[j][0], pts[j][1]);
            }
        expr_free(a);
        expr_free(b);
    }
}

/* ---- random expressions against central differences */

typedef struct {
    uint64_t s;
} rng;

static uint64_t rng_next(rng *r)
{
    /* xorshift64* */
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 2685821657736338717ULL;
}

static double rng_unit(rng *r)
{
    return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

static int rng_int(rng *r, int n) { return (int)(rng_next(r) % (uint64_t)n); }

typedef struct {
    char *buf;
    size_t cap, len;
} sbuf;

static void sb_put(sbuf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->len + n + 1 <= b->cap) {
        memcpy(b->buf + b->len, s, n + 1);
        b->len += n;
    }
}

static void sb_space(sbuf *b, rng *r)
{
    static const char *const spaces[] = {"", "", "", " ", "  ", "\t"};
    sb_put(b, spaces[rng_int(r, 6)]);
}

/* A random expression in x and y, every sub-expression in parentheses
 * (so the text does not depend on precedence), random spacing. */
static void gen_expr(sbuf *b, rng *r, int depth)
{
    static const char *const unary[] = {
        "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh",
        "tanh", "exp", "log", "log10", "sqrt", "abs", "-"};
    static const char *const binary[] = {"+", "-", "*", "/", "^"};
    int kind = depth <= 0 ? 0 : rng_int(r, 10);
    char num[32];
    sb_space(b, r);
    if (kind <= 2) {            /* leaf */
        int leaf = rng_int(r, 6);
        if (leaf < 2)
            sb_put(b, "x");
        else if (leaf < 4)
            sb_put(b, "y");
        else if (leaf == 4)
            sb_put(b, rng_int(r, 2) ? "pi" : "e");
        else {
            snprintf(num, sizeof num, "%.2f", 4 * rng_unit(r) - 2);
            sb_put(b, "(");
            sb_put(b, num);
            sb_put(b, ")");
        }
    } else if (kind <= 5) {     /* unary */
        const char *f = unary[rng_int(r, 15)];
        sb_put(b, f);
        sb_put(b, "(");
        gen_expr(b, r, depth - 1);
        sb_put(b, ")");
    } else if (kind == 6) {     /* min, max */
        sb_put(b, rng_int(r, 2) ? "min(" : "max(");
        gen_expr(b, r, depth - 1);
        sb_put(b, ",");
        gen_expr(b, r, depth - 1);
        sb_put(b, ")");
    } else {                    /* binary */
        const char *op = binary[rng_int(r, 5)];
        sb_put(b, "(");
        gen_expr(b, r, depth - 1);
        sb_put(b, ")");
        sb_space(b, r);
        sb_put(b, op);
        sb_space(b, r);
        if (op[0] == '^' && rng_int(r, 2)) {
            snprintf(num, sizeof num, "%d", 1 + rng_int(r, 3));
            sb_put(b, num);
        } else {
            sb_put(b, "(");
            gen_expr(b, r, depth - 1);
            sb_put(b, ")");
        }
    }
    sb_space(b, r);
}

/* Central difference along variable i, step s, of the value (out 0) or
 * of the AD gradient's component out-1. */
static double central(const expr *e, const double *x, int i, double s,
                      int out)
{
    double xp[2] = {x[0], x[1]}, xm[2] = {x[0], x[1]}, gp[2], gm[2];
    xp[i] += s;
    xm[i] -= s;
    double fp = expr_gradient(e, xp, gp), fm = expr_gradient(e, xm, gm);
    if (out > 0) {
        fp = gp[out - 1];
        fm = gm[out - 1];
    }
    return (fp - fm) / (2 * s);
}

/* AD gradient and Hessian against central differences (of the value, and
 * of the AD gradient for the Hessian, the gradient being checked too).
 *
 * Tolerance. With step s = 1e-4 max(1, |x_i|), a central difference is
 * off by about s^2 |f'''| / 6 (truncation) plus about 1e-16 |f| / s
 * (rounding). A point is used only where the function is smooth at that
 * scale: the differences with steps s and s/2 agree within
 * 1e-5 (1 + |d|) (no kink of abs/min/max, no pole or domain edge
 * nearby), |f| < 1e6 and the Hessian is under 1e8. The step-s/2
 * difference then has a truncation error about a third of that
 * disagreement and a rounding error under 1e-6, so
 * |AD - d(s/2)| <= 1e-5 (1 + |AD|) holds for a correct derivative, while
 * a wrong rule (a missing factor, a wrong sign) is off by O(1). */
static int check_point(const expr *e, const char *text, const double *x)
{
    double g[2], gh[2], h[4];
    double v = expr_gradient(e, x, g);
    double vh = expr_hessian(e, x, gh, h);
    if (!isfinite(v) || fabs(v) > 1e6 || !isfinite(g[0]) ||
        !isfinite(g[1]))
        return 0;
    for (int k = 0; k < 4; k++)
        if (!isfinite(h[k]) || fabs(h[k]) > 1e8)
            return 0;
    double d1[3][2], d2[3][2];
    for (int out = 0; out < 3; out++)
        for (int i = 0; i < 2; i++) {
            double s = 1e-4 * fmax(1.0, fabs(x[i]));
            d1[out][i] = central(e, x, i, s, out);
            d2[out][i] = central(e, x, i, s / 2, out);
            if (!isfinite(d1[out][i]) || !isfinite(d2[out][i]) ||
                fabs(d1[out][i] - d2[out][i]) >
                    1e-5 * (1 + fabs(d2[out][i])))
                return 0;
        }
    CHECKF(memcmp(&v, &vh, sizeof v) == 0 && v == expr_value(e, x),
           "%s: values differ", text);
    CHECKF(g[0] == gh[0] && g[1] == gh[1], "%s: gradients differ", text);
    CHECKF(h[1] == h[2], "%s: Hessian not symmetric", text);
    for (int i = 0; i < 2; i++)
        CHECKF(fabs(g[i] - d2[0][i]) <= 1e-5 * (1 + fabs(g[i])),
               "%s at (%.17g, %.17g): g[%d] AD %.17g, central %.17g", text,
               x[0], x[1], i, g[i], d2[0][i]);
    /* h[2i + j] = d g_i / d x_j */
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            CHECKF(fabs(h[2 * i + j] - d2[1 + i][j]) <=
                       1e-5 * (1 + fabs(h[2 * i + j])),
                   "%s at (%.17g, %.17g): h[%d] AD %.17g, central %.17g",
                   text, x[0], x[1], 2 * i + j, h[2 * i + j], d2[1 + i][j]);
    return 1;
}

static void test_random_vs_central(void)
{
    rng r = {0x9E3779B97F4A7C15ULL};
    int checked_exprs = 0, checked_points = 0;
    char text[4096];
    for (int n = 0; n < 600 && checked_exprs < 200; n++) {
        sbuf b = {text, sizeof text, 0};
        text[0] = '\0';
        gen_expr(&b, &r, 2 + rng_int(&r, 3));
        expr *e = compile_ok(text);
        if (!e)
            continue;
        int ok = 0;
        for (int p = 0; p < 6; p++) {
            double x[2] = {4 * rng_unit(&r) - 2, 4 * rng_unit(&r) - 2};
            ok += check_point(e, text, x);
        }
        checked_points += ok;
        checked_exprs += ok > 0;
        expr_free(e);
    }
    CHECKF(checked_exprs >= 50, "only %d random expressions checked",
           checked_exprs);
    CHECKF(checked_points >= 200, "only %d random points checked",
           checked_points);
}

/* ---- printing */

/* Each case's text printed by print gives its expected text. */
static void check_prints(const char *const (*cases)[2], size_t n,
                         size_t (*print)(const expr *, char *, size_t))
{
    for (size_t i = 0; i < n; i++) {
        expr *e = compile_ok(cases[i][0]);
        if (!e)
            continue;
        char buf[256];
        size_t len = print(e, buf, sizeof buf);
        CHECKF(strcmp(buf, cases[i][1]) == 0 && len == strlen(cases[i][1]),
               "print \"%s\": \"%s\", want \"%s\"", cases[i][0], buf,
               cases[i][1]);
        expr_free(e);
    }
}

static void test_print(void)
{
    static const char *cases[][2] = {
        {"-x^2", "(-(x ^ 2))"},
        {"2^3^2", "(2 ^ (3 ^ 2))"},
        {"-2^2", "(-(2 ^ 2))"},
        {"2^-1", "(2 ^ (-1))"},
        {"x - y - 1", "((x - y) - 1)"},
        {"x/y*2", "((x / y) * 2)"},
        {"1 + 2*3", "(1 + (2 * 3))"},
        {"+x", "x"},
        {"((x))", "x"},
        {"max(x,1)", "max(x, 1)"},
        {"sin(cos(x))*e", "(sin(cos(x)) * e)"},
        {"1e-3 + .5 + 2. + x0*x1", "(((1e-3 + .5) + 2.) + (x0 * x1))"},
        {"(1-x)^2 + 100*(y-x^2)^2",
         "(((1 - x) ^ 2) + (100 * ((y - (x ^ 2)) ^ 2)))"},
        {"- -x", "(-(-x))"},
        {"2*pi*x", "((2 * pi) * x)"},
        {"-x*y", "((-x) * y)"},
    };
    check_prints(cases, sizeof cases / sizeof cases[0], expr_print);
}

/* As Python: only the parentheses that Python's precedence needs (the
 * operations keep their order), torch on the variables, math on
 * constants. */
static size_t print_python(const expr *e, char *buf, size_t cap)
{
    static const char *const vars[2] = {"x", "y"};
    return expr_print_python(e, vars, buf, cap);
}

static void test_print_python(void)
{
    static const char *const cases[][2] = {
        {"(1-x)^2 + 100*(y-x^2)^2", "(1 - x) ** 2 + 100 * (y - x ** 2) ** 2"},
        {"-x^2", "-x ** 2"},
        {"(-x)^2", "(-x) ** 2"},
        {"2^3^x", "2 ** 3 ** x"},
        {"(x^3)^2", "(x ** 3) ** 2"},
        {"x - (y - 1)", "x - (y - 1)"},
        {"x - y - 1", "x - y - 1"},
        {"x + (y + 1)", "x + (y + 1)"},
        {"x/(y*2)", "x / (y * 2)"},
        {"x*y/2", "x * y / 2"},
        {"2^-x", "2 ** (-x)"},
        {"- -x", "-(-x)"},
        {"-x*y", "-x * y"},
        {"x0 + x1", "x + y"},
        {"sin(2*pi*x) + cos(e)", "torch.sin(2 * math.pi * x) + math.cos(math.e)"},
        {"sqrt(2)*abs(y)", "math.sqrt(2) * torch.abs(y)"},
        {"max(x, 1) + min(2, y) + max(1, abs(-3))",
         "maximum(x, 1) + minimum(2, y) + max(1, abs(-3))"},
        {"log10(x)*1e-3", "torch.log10(x) * 1e-3"},
    };
    check_prints(cases, sizeof cases / sizeof cases[0], print_python);
}

static void test_print_truncates(void)
{
    expr *e = compile_ok("(1-x)^2 + 100*(y-x^2)^2");
    if (!e)
        return;
    const char *full = "(((1 - x) ^ 2) + (100 * ((y - (x ^ 2)) ^ 2)))";
    size_t len = strlen(full);
    CU_ASSERT_EQUAL(expr_print(e, NULL, 0), len);
    char buf[64];
    memset(buf, 'Z', sizeof buf);
    CU_ASSERT_EQUAL(expr_print(e, buf, 10), len);
    CU_ASSERT_STRING_EQUAL(buf, "(((1 - x)");
    CU_ASSERT_EQUAL(buf[10], 'Z');
    CU_ASSERT_EQUAL(expr_print(e, buf, 1), len);
    CU_ASSERT_EQUAL(buf[0], '\0');
    CU_ASSERT_EQUAL(expr_print(e, buf, len + 1), len);
    CU_ASSERT_STRING_EQUAL(buf, full);
    expr_free(e);
}

/* Printing then reading back gives the same program: the same doubles. */
static void check_reprint(const char *text, const double *pts, int npts)
{
    expr *e = compile_ok(text);
    if (!e)
        return;
    size_t n = expr_print(e, NULL, 0);
    char *buf = malloc(n + 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
    CU_ASSERT_EQUAL(expr_print(e, buf, n + 1), n);
    expr *f = compile_ok(buf);
    if (f) {
        for (int j = 0; j < npts; j++) {
            const double *x = pts + 2 * j;
            double ge[2], gf[2], he[4], hf[4];
            double ve = expr_hessian(e, x, ge, he);
            double vf = expr_hessian(f, x, gf, hf);
            CHECKF(memcmp(&ve, &vf, sizeof ve) == 0 &&
                       memcmp(ge, gf, sizeof ge) == 0 &&
                       memcmp(he, hf, sizeof he) == 0,
                   "\"%s\" printed as \"%s\" differs at (%g, %g)", text, buf,
                   x[0], x[1]);
        }
        /* printing is a fixed point after one round */
        char *again = malloc(n + 1);
        CU_ASSERT_PTR_NOT_NULL_FATAL(again);
        CU_ASSERT_EQUAL(expr_print(f, again, n + 1), n);
        CHECKF(strcmp(buf, again) == 0, "reprint of \"%s\": \"%s\"", buf,
               again);
        free(again);
        expr_free(f);
    }
    free(buf);
    expr_free(e);
}

static void test_print_reparse(void)
{
    static const double pts[] = {0.75, -0.5, 1.25, 2.5, -1.5, 0.375};
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        check_reprint(table[i].text, pts, 3);
    rng r = {12345};
    char text[4096];
    for (int n = 0; n < 200; n++) {
        sbuf b = {text, sizeof text, 0};
        text[0] = '\0';
        gen_expr(&b, &r, 1 + rng_int(&r, 4));
        check_reprint(text, pts, 3);
    }
}

/* ---- sizes: a long chain (no recursion), the nesting limit */

static void test_long_chain(void)
{
    enum { TERMS = 100000 };
    char *text = malloc(2 * TERMS + 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    for (int i = 0; i < TERMS; i++) {
        text[2 * i] = 'x';
        text[2 * i + 1] = '+';
    }
    text[2 * TERMS - 1] = '\0';
    expr *e = compile_ok(text);
    if (e) {
        double x[2] = {0.5, 0}, g[2], h[4];
        CU_ASSERT_DOUBLE_EQUAL(expr_value(e, x), 0.5 * TERMS, 0);
        (void)expr_hessian(e, x, g, h);
        CU_ASSERT_DOUBLE_EQUAL(g[0], TERMS, 0);
        CU_ASSERT_DOUBLE_EQUAL(g[1], 0, 0);
        CU_ASSERT_DOUBLE_EQUAL(h[0], 0, 0);
        size_t n = expr_print(e, NULL, 0);
        CU_ASSERT(n > 2 * TERMS);
        expr_free(e);
    }
    free(text);
}

static void test_nesting_limit(void)
{
    char text[4096];
    /* EXPR_MAX_DEPTH parentheses, exactly the limit: fine (this was
     * refused as "more than 64 levels") */
    int k = EXPR_MAX_DEPTH, n = 0;
    for (int i = 0; i < k; i++)
        text[n++] = '(';
    text[n++] = 'x';
    for (int i = 0; i < k; i++)
        text[n++] = ')';
    text[n] = '\0';
    expr *e = compile_ok(text);
    expr_free(e);
    /* one more: parenthesis 65 is the 65th level */
    n = 0;
    for (int i = 0; i <= k; i++)
        text[n++] = '(';
    text[n++] = 'x';
    for (int i = 0; i <= k; i++)
        text[n++] = ')';
    text[n] = '\0';
    expr_error err;
    e = expr_compile(text, &err);
    CU_ASSERT_PTR_NULL(e);
    expr_free(e);
    CU_ASSERT_EQUAL(err.column, EXPR_MAX_DEPTH + 2);
    CU_ASSERT_STRING_EQUAL(err.message, "expression nested too deeply "
                                        "(more than 64 levels)");
    /* very deep: no stack overflow */
    memset(text, '(', sizeof text - 1);
    text[sizeof text - 1] = '\0';
    e = expr_compile(text, &err);
    CU_ASSERT_PTR_NULL(e);
    CU_ASSERT_EQUAL(err.column, EXPR_MAX_DEPTH + 2);
    memset(text, '-', sizeof text - 1);
    e = expr_compile(text, &err);
    CU_ASSERT_PTR_NULL(e);
    CU_ASSERT_EQUAL(err.column, EXPR_MAX_DEPTH + 2);
}

/* s + s*s^(s + s*s^(...)), s = sin(x): three values wait on the stack per
 * level but only two nesting levels are used, so the evaluation stack
 * runs out first. */
static void test_stack_limit(void)
{
    char text[8192];
    for (int levels = 5; levels <= 30; levels += 25) {
        size_t n = 0;
        for (int i = 0; i < levels; i++)
            n += (size_t)snprintf(text + n, sizeof text - n,
                                  "sin(x) + sin(x)*sin(x)^(");
        n += (size_t)snprintf(text + n, sizeof text - n, "x");
        for (int i = 0; i < levels; i++)
            text[n++] = ')';
        text[n] = '\0';
        expr_error err;
        expr *e = expr_compile(text, &err);
        if (levels == 5) {
            CHECKF(e != NULL, "5 levels: %s", e ? "" : err.message);
            if (e) {
                double x[2] = {0.5, 0}, g[2];
                CU_ASSERT(isfinite(expr_gradient(e, x, g)));
            }
        } else {
            CU_ASSERT_PTR_NULL(e);
            CU_ASSERT_STRING_EQUAL(err.message,
                                   "expression nested too deeply (more "
                                   "than 64 levels)");
            CU_ASSERT(err.column > 1);
        }
        expr_free(e);
    }
}

/* ---- the objective */

static void test_objective(void)
{
    objective obj;
    expr_error err;
    const char *text = "x^2 + 3*sin(y)";
    CU_ASSERT_EQUAL_FATAL(expr_objective(text, &obj, &err), 0);
    CU_ASSERT_STRING_EQUAL(obj.name, text);
    CU_ASSERT_STRING_EQUAL(obj.formula, text);
    CU_ASSERT_PTR_NOT_EQUAL(obj.name, text);   /* a copy */
    CU_ASSERT_EQUAL(obj.dim, 2);
    CU_ASSERT_DOUBLE_EQUAL(obj.view[0], -2, 0);
    CU_ASSERT_DOUBLE_EQUAL(obj.view[1], 2, 0);
    CU_ASSERT_DOUBLE_EQUAL(obj.view[2], -2, 0);
    CU_ASSERT_DOUBLE_EQUAL(obj.view[3], 2, 0);
    CU_ASSERT_DOUBLE_EQUAL(obj.start[0], 1.5, 0);
    CU_ASSERT_DOUBLE_EQUAL(obj.start[1], 1.5, 0);
    CU_ASSERT_EQUAL(obj.n_minima, 0);
    CU_ASSERT(isnan(obj.min_value));
    CU_ASSERT_PTR_NULL(obj.ops->gradient);
    CU_ASSERT_PTR_NULL(obj.ops->hessian);
    CU_ASSERT_PTR_NOT_NULL(obj.ops->gradient_ad);
    CU_ASSERT_PTR_NOT_NULL(obj.ops->hessian_ad);
    double x[2] = {0.5, 0.25}, g[2], h[4];
    CU_ASSERT_DOUBLE_EQUAL(obj.ops->value(obj.ctx, x),
                           0.25 + 3 * sin(0.25), 1e-15);
    obj.ops->gradient_ad(obj.ctx, x, g);
    CU_ASSERT_DOUBLE_EQUAL(g[0], 1.0, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(g[1], 3 * cos(0.25), 1e-15);
    obj.ops->hessian_ad(obj.ctx, x, h);
    CU_ASSERT_DOUBLE_EQUAL(h[0], 2.0, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(h[1], 0.0, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(h[2], 0.0, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(h[3], -3 * sin(0.25), 1e-15);
    objective_free(&obj);
    CU_ASSERT_PTR_NULL(obj.ctx);
}

static void test_objective_start(void)
{
    static const struct {
        const char *text;
        double start[2];
    } rows[] = {
        {"sqrt(1 - x^2 - y^2)", {0.5, 0.5}},   /* NaN at (1.5, 1.5) */
        {"log(-x - y)", {-1.5, -1.5}},
        {"sqrt(x - 1.6)", {1.5, 1.5}},         /* nowhere: the default */
        {"1/(x - 1.5)", {-1.5, 1.5}},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        objective obj;
        expr_error err;
        CU_ASSERT_EQUAL_FATAL(expr_objective(rows[i].text, &obj, &err), 0);
        CHECKF(obj.start[0] == rows[i].start[0] &&
                   obj.start[1] == rows[i].start[1],
               "%s: start (%g, %g)", rows[i].text, obj.start[0],
               obj.start[1]);
        objective_free(&obj);
    }
}

static void test_objective_error(void)
{
    objective obj;
    expr_error err;
    memset(&obj, 0, sizeof obj);
    CU_ASSERT_EQUAL(expr_objective("x^2 + 3*sni(y)", &obj, &err), -1);
    CU_ASSERT_EQUAL(err.column, 9);
    CU_ASSERT_STRING_EQUAL(err.message,
                           "unknown function 'sni' (did you mean 'sin'?)");
    CU_ASSERT_PTR_NULL(obj.ctx);
}

/* The built-ins' expressions (DESIGN section 5) at their minima. */
static void test_builtin_texts(void)
{
    static const struct {
        const char *text;
        double x, y, value, tol;
    } rows[] = {
        {"x^2 + y^2", 0, 0, 0, 0},
        {"0.5*(((x+y)/sqrt(2))^2 + 100*((x-y)/sqrt(2))^2)", 0, 0, 0, 0},
        {"(1-x)^2 + 100*(y-x^2)^2", 1, 1, 0, 0},
        {"(1-x)^2 + 20*(3*y-x^2)^2", 1, 1.0 / 3, 0, 1e-30},
        {"(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
         3, 0.5, 0, 0},
        {"(x+2*y-7)^2 + (2*x+y-5)^2", 1, 3, 0, 0},
        {"(x^2+y-11)^2 + (x+y^2-7)^2", 3, 2, 0, 0},
        {"20 + (x^2 - 10*cos(2*pi*x)) + (y^2 - 10*cos(2*pi*y))", 0, 0, 0,
         0},
        {"(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2", 0.0898,
         -0.7126, -1.0316, 1e-4},
        {"(1 + (x+y+1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))"
         "*(30 + (2*x-3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + "
         "27*y^2))",
         0, -1, 3, 1e-13},
        {"x^2 - y^2", 0, 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        expr *e = compile_ok(rows[i].text);
        if (!e)
            continue;
        double x[2] = {rows[i].x, rows[i].y};
        double v = expr_value(e, x);
        CHECKF(fabs(v - rows[i].value) <= rows[i].tol, "%s: %.17g, want "
               "%.17g", rows[i].text, v, rows[i].value);
        expr_free(e);
    }
}

void suite_expr(void)
{
    static const test_case tests[] = {
        {"table of values, gradients, Hessians", test_table},
        {"special values", test_special_values},
        {"special Hessians", test_special_hessians},
        {"folding and fusing keep the values", test_folding_consistent},
        {"random expressions vs central differences",
         test_random_vs_central},
        {"print", test_print},
        {"print truncates like snprintf", test_print_truncates},
        {"print as Python", test_print_python},
        {"print then parse", test_print_reparse},
        {"long chain", test_long_chain},
        {"nesting limit", test_nesting_limit},
        {"stack limit", test_stack_limit},
        {"objective", test_objective},
        {"objective start", test_objective_start},
        {"objective error", test_objective_error},
        {"built-in formulas", test_builtin_texts},
        {NULL, NULL},
    };
    add_suite("expr", tests);
}
