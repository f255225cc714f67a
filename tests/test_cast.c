/* The asciicast v2 writer: the header, events with increasing times,
 * output split inside a UTF-8 character, JSON escapes, the end event,
 * and the file written whole or not at all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cast.h"
#include "suites.h"

static char dir[64], path[96];

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/descent-cast-XXXXXX");
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/r.cast", dir);
}

static void teardown(void)
{
    unlink(path);
    rmdir(dir);
}

/* The file's lines as JSON values (at most max), or -1. */
static int read_lines(json_t **v, int max)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[4096];
    int n = 0;
    while (n < max && fgets(line, sizeof line, f)) {
        json_error_t e;
        v[n] = json_loads(line, 0, &e);
        CHECKF(v[n] != NULL, "line %d: %s", n + 1, e.text);
        if (!v[n])
            break;
        n++;
    }
    fclose(f);
    return n;
}

static double ev_time(json_t *e) { return json_real_value(json_array_get(e, 0)); }
static const char *ev_kind(json_t *e)
{
    return json_string_value(json_array_get(e, 1));
}
static const char *ev_data(json_t *e)
{
    return json_string_value(json_array_get(e, 2));
}

static void test_events(void)
{
    setup();
    cast_writer c;
    char err[256];
    CU_ASSERT_EQUAL_FATAL(cast_open(&c, path, false, err, sizeof err), 0);
    cast_header(&c, 100, 30, 1700000000, "descent \"demo\"", "xterm", NULL);
    /* é (C3 A9) split between two writes of the same frame; a write at a
     * later time; one that is not UTF-8 at all. */
    cast_output(&c, 0.5, "a\xC3", 2);
    cast_output(&c, 0.5, "\xA9\x1b[H\n\"\\", 7);
    cast_output(&c, 1.25, "\xE2\x82", 2);
    cast_resize(&c, 1.5, 120, 40);
    cast_output(&c, 1.5, "\xAC!\xFF", 3);
    CU_ASSERT_EQUAL(cast_close(&c, 4.0, err, sizeof err), 0);

    json_t *v[16];
    int n = read_lines(v, 16);
    CU_ASSERT_EQUAL_FATAL(n, 5);
    CU_ASSERT_EQUAL(json_integer_value(json_object_get(v[0], "version")), 2);
    CU_ASSERT_EQUAL(json_integer_value(json_object_get(v[0], "width")), 100);
    CU_ASSERT_EQUAL(json_integer_value(json_object_get(v[0], "height")), 30);
    CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(v[0], "title")),
                           "descent \"demo\"");
    CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(
                               json_object_get(v[0], "env"), "TERM")), "xterm");
    /* The two writes at 0.5 are one event, the character whole. */
    CU_ASSERT_STRING_EQUAL(ev_kind(v[1]), "o");
    CU_ASSERT_STRING_EQUAL(ev_data(v[1]), "a\xC3\xA9\x1b[H\n\"\\");
    CU_ASSERT_DOUBLE_EQUAL(ev_time(v[1]), 0.5, 1e-9);
    /* The euro sign waits for its last byte: nothing at 1.25 but the
     * resize at 1.5 comes before it. */
    CU_ASSERT_STRING_EQUAL(ev_kind(v[2]), "r");
    CU_ASSERT_STRING_EQUAL(ev_data(v[2]), "120x40");
    CU_ASSERT_STRING_EQUAL(ev_data(v[3]), "\xE2\x82\xAC!\xEF\xBF\xBD");
    /* The end: an empty event at 4 s. */
    CU_ASSERT_STRING_EQUAL(ev_data(v[4]), "");
    CU_ASSERT_DOUBLE_EQUAL(ev_time(v[4]), 4.0, 1e-9);
    /* Strictly increasing: the output at the resize's 1.5 s is a
     * microsecond after it. */
    for (int i = 2; i < n; i++)
        CHECKF(ev_time(v[i]) > ev_time(v[i - 1]), "event %d at %.6f, after "
               "%.6f", i, ev_time(v[i]), ev_time(v[i - 1]));
    for (int i = 0; i < n; i++)
        json_decref(v[i]);
    teardown();
}

static void test_whole_or_nothing(void)
{
    setup();
    cast_writer c;
    char err[256];
    FILE *f = fopen(path, "w");
    fputs("kept\n", f);
    fclose(f);
    /* An existing file is not replaced without force... */
    CU_ASSERT_EQUAL_FATAL(cast_open(&c, path, false, err, sizeof err), 0);
    cast_header(&c, 80, 24, 0, NULL, NULL, NULL);
    cast_output(&c, 0.1, "x", 1);
    CU_ASSERT_EQUAL(cast_close(&c, 1.0, err, sizeof err), -1);
    CHECKF(strstr(err, "exists") != NULL, "%s", err);
    char line[64] = "";
    f = fopen(path, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_PTR_NOT_NULL(fgets(line, sizeof line, f));
    fclose(f);
    CU_ASSERT_STRING_EQUAL(line, "kept\n");
    /* ...an abandoned one leaves nothing beside it... */
    CU_ASSERT_EQUAL_FATAL(cast_open(&c, path, true, err, sizeof err), 0);
    cast_output(&c, 0.1, "x", 1);
    cast_abort(&c);
    char listing[256];
    snprintf(listing, sizeof listing, "ls -A %s | wc -l | grep -qx 1", dir);
    CHECKF(system(listing) == 0, "only the first file is left in %s", dir);
    /* ...and with force it is replaced. */
    json_t *v[2];
    CU_ASSERT_EQUAL_FATAL(cast_open(&c, path, true, err, sizeof err), 0);
    cast_header(&c, 80, 24, 0, NULL, NULL, NULL);
    CU_ASSERT_EQUAL(cast_close(&c, 0.0, err, sizeof err), 0);
    CU_ASSERT_EQUAL_FATAL(read_lines(v, 2), 2); /* the header, the end */
    json_decref(v[0]);
    json_decref(v[1]);
    CHECKF(system(listing) == 0, "only the recording is left in %s", dir);
    teardown();
}

void suite_cast(void)
{
    static const test_case tests[] = {
        {"events: merged, split characters, escapes, times", test_events},
        {"whole or nothing", test_whole_or_nothing},
        {NULL, NULL}};
    add_suite("cast", tests);
}
