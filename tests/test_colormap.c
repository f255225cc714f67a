#include <math.h>

#include "colormap.h"
#include "suites.h"

static void heat_scale_log(void)
{
    heat_scale s = heat_scale_make(0.0, 1e4);
    CU_ASSERT_DOUBLE_EQUAL(heat_scale_t(&s, 0.0), 0.0, 0.0);
    CU_ASSERT_DOUBLE_EQUAL(heat_scale_t(&s, 1e4), 1.0, 0.0);
    CU_ASSERT_DOUBLE_EQUAL(heat_scale_t(&s, 2e4), 1.0, 0.0);
    CU_ASSERT_DOUBLE_EQUAL(heat_scale_t(&s, -5.0), 0.0, 0.0);
    CU_ASSERT_DOUBLE_EQUAL(heat_scale_t(&s, INFINITY), 1.0, 0.0);
    CU_ASSERT_EQUAL(heat_scale_t(&s, NAN), -1.0);
    /* δ = 1: t(1) = log(2)/log(10001). */
    CU_ASSERT_DOUBLE_EQUAL(heat_scale_t(&s, 1.0), log(2.0) / log(10001.0), 1e-15);
    /* Log scale: a hundredth of the range sits above the middle. */
    CU_ASSERT_TRUE(heat_scale_t(&s, 100.0) > 0.5);
    for (double t = 0.0; t <= 1.0; t += 0.125)
        CU_ASSERT_DOUBLE_EQUAL(heat_scale_t(&s, heat_scale_value(&s, t)), t, 1e-12);
    heat_scale flat = heat_scale_make(3.0, 3.0);
    CU_ASSERT_EQUAL(heat_scale_t(&flat, 3.0), 0.0);
}

static void palettes(void)
{
    CU_ASSERT_EQUAL(palette_rgb(PALETTE_MAGMA, 0.0), 0x0b0924u);
    CU_ASSERT_EQUAL(palette_rgb(PALETTE_VIRIDIS, 1.0), 0xbddf26u);
    CU_ASSERT_EQUAL(palette_rgb(PALETTE_VIRIDIS, 0.25), 0x3b528bu);
    /* Halfway between 0x440154 and 0x3b528b at t = 0.125. */
    CU_ASSERT_EQUAL(palette_rgb(PALETTE_VIRIDIS, 0.125), 0x402a70u);
    CU_ASSERT_EQUAL(palette_rgb(PALETTE_MAGMA, -1.0), 0x0b0924u);
}

static void xterm256(void)
{
    CU_ASSERT_EQUAL(rgb_to_xterm256(0x000000), 16);
    CU_ASSERT_EQUAL(rgb_to_xterm256(0xffffff), 231);
    CU_ASSERT_EQUAL(rgb_to_xterm256(0xff0000), 196);
    CU_ASSERT_EQUAL(rgb_to_xterm256(0x5f87af), 67);
    CU_ASSERT_EQUAL(rgb_to_xterm256(0x808080), 244);  /* grey ramp */
    CU_ASSERT_EQUAL(rgb_to_xterm256(0x121212), 233);
}

static void depths(void)
{
    CU_ASSERT_EQUAL(palette_color(PALETTE_MAGMA, DEPTH_TRUE, 0.0), 0x0b0924);
    /* 0x0b0924 is nearer the grey 0x121212 than the cube's black. */
    CU_ASSERT_EQUAL(palette_color(PALETTE_MAGMA, DEPTH_256, 0.0), 233);
    CU_ASSERT_EQUAL(palette_color(PALETTE_MAGMA, DEPTH_8, 0.0), 0);
    CU_ASSERT_EQUAL(palette_color(PALETTE_MAGMA, DEPTH_8, 1.0), 3);
    CU_ASSERT_EQUAL(palette_color(PALETTE_VIRIDIS, DEPTH_8, 0.5), 6);
    CU_ASSERT_EQUAL(palette_color(PALETTE_MAGMA, DEPTH_NONE, 0.5), -1);
    CU_ASSERT_EQUAL(palette_color(PALETTE_MAGMA, DEPTH_256, -1.0), -1);
    CU_ASSERT_EQUAL(color_at_depth(0xff0000, 1, DEPTH_8), 1);
    CU_ASSERT_EQUAL(color_at_depth(0xff0000, 1, DEPTH_256), 196);
}

void suite_colormap(void)
{
    static const test_case tests[] = {
        {"heat scale is logarithmic", heat_scale_log}, {"palettes", palettes},
        {"xterm 256", xterm256}, {"depths", depths}, {NULL, NULL}};
    add_suite("colormap", tests);
}
