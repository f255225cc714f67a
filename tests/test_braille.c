#include <stdlib.h>

#include "braille.h"
#include "suites.h"

static void code_points(void)
{
    braille_canvas c;
    CU_ASSERT_EQUAL_FATAL(braille_init(&c, 2, 1), 0);
    braille_set(&c, 0, 0, 1);  /* dot 1 */
    braille_set(&c, 1, 3, 1);  /* dot 8 */
    CU_ASSERT_EQUAL(braille_codepoint(c.dots[0]), 0x2881);
    braille_set(&c, 2, 1, 2);  /* second cell, dot 2 */
    braille_set(&c, 3, 2, 3);  /* dot 6 */
    CU_ASSERT_EQUAL(braille_codepoint(c.dots[1]), 0x2822);
    CU_ASSERT_EQUAL(c.color[1], 3);
    CU_ASSERT_EQUAL(c.color[0], 1);
    braille_free(&c);
}

static void all_dots(void)
{
    braille_canvas c;
    CU_ASSERT_EQUAL_FATAL(braille_init(&c, 1, 1), 0);
    for (int y = 0; y < 4; y++)
        for (int x = 0; x < 2; x++)
            braille_set(&c, x, y, 0);
    CU_ASSERT_EQUAL(braille_codepoint(c.dots[0]), 0x28ff);
    CU_ASSERT_EQUAL(braille_ascii(c.dots[0]), '#');
    CU_ASSERT_EQUAL(braille_ascii(0x01), '.');
    CU_ASSERT_EQUAL(braille_ascii(0x07), ':');
    CU_ASSERT_EQUAL(braille_ascii(0), ' ');
    braille_free(&c);
}

static void off_canvas_ignored(void)
{
    braille_canvas c;
    CU_ASSERT_EQUAL_FATAL(braille_init(&c, 1, 1), 0);
    braille_set(&c, -1, 0, 0);
    braille_set(&c, 2, 0, 0);
    braille_set(&c, 0, 4, 0);
    CU_ASSERT_EQUAL(c.dots[0], 0);
    CU_ASSERT_EQUAL(c.color[0], -1);
    braille_free(&c);
}

static void lines(void)
{
    braille_canvas c;
    CU_ASSERT_EQUAL_FATAL(braille_init(&c, 2, 1), 0);
    /* The top row of dots across both cells: dots 1 and 4 in each. */
    braille_line(&c, 0, 0, 3, 0, 5);
    CU_ASSERT_EQUAL(braille_codepoint(c.dots[0]), 0x2809);
    CU_ASSERT_EQUAL(braille_codepoint(c.dots[1]), 0x2809);
    braille_clear(&c);
    /* A diagonal from far outside is clipped, not walked: (0,0)..(3,3). */
    braille_line(&c, -1e9, -1e9, 3, 3, 1);
    CU_ASSERT_EQUAL(braille_codepoint(c.dots[0]), 0x2811); /* dots 1, 5 */
    CU_ASSERT_EQUAL(braille_codepoint(c.dots[1]), 0x2884); /* dots 3, 8 */
    braille_clear(&c);
    braille_line(&c, 0, 0, 0.0 / 0.0, 1, 1);
    CU_ASSERT_EQUAL(c.dots[0] | c.dots[1], 0);
    /* Entirely outside: nothing. */
    braille_line(&c, 10, 10, 20, 20, 1);
    CU_ASSERT_EQUAL(c.dots[0] | c.dots[1], 0);
    braille_free(&c);
}

void suite_braille(void)
{
    static const test_case tests[] = {
        {"code points", code_points}, {"all dots", all_dots},
        {"off canvas ignored", off_canvas_ignored}, {"lines", lines},
        {NULL, NULL}};
    add_suite("braille", tests);
}
