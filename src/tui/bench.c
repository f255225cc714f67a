/* tui_bench: the TUI's figures, rendered into a real newterm whose
 * output goes to a temporary file, so the bytes ncurses writes are
 * exactly what a terminal would receive. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "app.h"
#include "tui.h"

enum { BENCH_COLS = 200, BENCH_ROWS = 60, BENCH_FRAMES = 300 };

static long file_size(FILE *f)
{
    struct stat st;
    fflush(f);
    return fstat(fileno(f), &st) == 0 ? (long)st.st_size : 0;
}

int tui_bench(void)
{
    /* Not a tty: ncurses takes the size from LINES and COLUMNS. */
    char cols[16], rows[16];
    snprintf(cols, sizeof cols, "%d", BENCH_COLS);
    snprintf(rows, sizeof rows, "%d", BENCH_ROWS);
    setenv("COLUMNS", cols, 1);
    setenv("LINES", rows, 1);
    setenv("TERM", "xterm-256color", 1);
    FILE *out = tmpfile(), *in = fopen("/dev/null", "r");
    if (!out || !in) {
        fprintf(stderr, "descent: bench: cannot open a temporary file\n");
        return 1;
    }
    static app a;
    tui_options o = tui_options_default();
    double t0 = app_now();
    if (tui_open(&a, &o, out, in) != 0)
        return 1;
    app_render(&a);
    double first = app_now() - t0;
    a.s.running = true;
    double render = 0.0;
    long bytes0 = file_size(out);
    for (int i = 0; i < BENCH_FRAMES; i++) {
        session_step(&a.s);
        double t = app_now();
        app_render(&a);
        render += app_now() - t;
    }
    long bytes = file_size(out) - bytes0;
    tui_close(&a);
    fclose(out);
    fclose(in);
    printf("frame_render_ms %.3f ms\n", render / BENCH_FRAMES * 1e3);
    printf("frame_bytes_running %.0f bytes\n", (double)bytes / BENCH_FRAMES);
    printf("first_frame_ms %.3f ms\n", first * 1e3);
    return 0;
}
