#include <math.h>

#include "clip.h"
#include "suites.h"

static void by_norm(void)
{
    double g[2] = {3, 4}, out[2], scale;
    CU_ASSERT_TRUE(clip_apply((clip_setting){CLIP_NORM, 1.0}, g, 2, out, &scale));
    CU_ASSERT_DOUBLE_EQUAL(scale, 0.2, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(out[0], 0.6, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(out[1], 0.8, 1e-15);
    CU_ASSERT_FALSE(clip_apply((clip_setting){CLIP_NORM, 5.0}, g, 2, out, &scale));
    CU_ASSERT_EQUAL(scale, 1.0);
    CU_ASSERT_EQUAL(out[0], 3.0);
}

static void by_value(void)
{
    double g[3] = {-7, 0.5, 2}, out[3], scale;
    CU_ASSERT_TRUE(clip_apply((clip_setting){CLIP_VALUE, 1.0}, g, 3, out, &scale));
    CU_ASSERT_EQUAL(out[0], -1.0);
    CU_ASSERT_EQUAL(out[1], 0.5);
    CU_ASSERT_EQUAL(out[2], 1.0);
    CU_ASSERT_EQUAL(scale, 1.0);
}

static void none_copies(void)
{
    double g[2] = {1e300, -1e300}, out[2], scale;
    CU_ASSERT_FALSE(clip_apply((clip_setting){CLIP_NONE, 0}, g, 2, out, &scale));
    CU_ASSERT_EQUAL(out[0], 1e300);
    CU_ASSERT_EQUAL(out[1], -1e300);
}

void suite_clip(void)
{
    static const test_case tests[] = {
        {"by norm", by_norm}, {"by value", by_value},
        {"none copies", none_copies}, {NULL, NULL}};
    add_suite("clip", tests);
}
