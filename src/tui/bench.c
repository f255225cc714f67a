/* tui_bench: the TUI's figures, rendered into a real newterm whose
 * output goes to a temporary file, so the bytes ncurses writes are
 * exactly what a terminal would receive. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "app.h"
#include "model_open.h"
#include "tui.h"

enum { BENCH_COLS = 200, BENCH_ROWS = 60, BENCH_FRAMES = 300 };

static long file_size(FILE *f)
{
    struct stat st;
    fflush(f);
    return fstat(fileno(f), &st) == 0 ? (long)st.st_size : 0;
}

/* Mean milliseconds of a frame while running (an update, then the
 * frame), and the bytes written per frame. */
static double running_frames(app *a, FILE *out, double *bytes)
{
    a->s.running = true;
    double render = 0.0;
    long bytes0 = file_size(out);
    for (int i = 0; i < BENCH_FRAMES; i++) {
        session_step(&a->s);
        double t = app_now();
        app_render(a);
        render += app_now() - t;
    }
    *bytes = (double)(file_size(out) - bytes0) / BENCH_FRAMES;
    return render / BENCH_FRAMES * 1e3;
}

/* The live screen on the default objective. */
static int bench_builtin(FILE *out, FILE *in)
{
    static app a;
    tui_options o = tui_options_default();
    double t0 = app_now();
    if (tui_open(&a, &o, out, in) != 0)
        return 1;
    app_render(&a);
    double first = app_now() - t0, bytes;
    double frame = running_frames(&a, out, &bytes);
    tui_close(&a);
    printf("frame_render_ms %.3f ms\n", frame);
    printf("frame_bytes_running %.0f bytes\n", bytes);
    printf("first_frame_ms %.3f ms\n", first * 1e3);
    return 0;
}

/* The seed's MLP (769 parameters) on its random slice: the slice
 * sampled across frames at the plot's cell resolution while paused,
 * then frames while running (half the resolution each way). */
static int bench_mlp(FILE *out, FILE *in)
{
    static app a;
    objective obj;
    data_file_error err;
    model_spec spec = model_spec_default();
    if (model_open(&model_mlp, &spec, &obj, &err) != 0)
        return 1;
    tui_options o = tui_options_default();
    o.opened = &obj;
    o.settings.opt = &optim_sgd;
    o.settings.lr = 0.01;
    if (tui_open(&a, &o, out, in) != 0)
        return 1;
    double t0 = app_now();
    int frames = 0;
    do {
        app_render(&a);
        frames++;
    } while (a.sc.pending);
    double slice = app_now() - t0, bytes;
    int points = a.sc.lat.nx * a.sc.lat.ny;
    double frame = running_frames(&a, out, &bytes);
    tui_close(&a);
    printf("mlp_slice_recompute_ms %.3f ms\n", slice * 1e3);
    printf("mlp_slice_points %d points\n", points);
    printf("mlp_slice_frames %d frames\n", frames);
    printf("mlp_frame_render_ms %.3f ms\n", frame);
    return 0;
}

int tui_bench(void)
{
    tui_headless(BENCH_COLS, BENCH_ROWS);
    FILE *out = tmpfile(), *in = fopen("/dev/null", "r");
    if (!out || !in) {
        fprintf(stderr, "descent: bench: cannot open a temporary file\n");
        return 1;
    }
    int rc = bench_builtin(out, in) | bench_mlp(out, in);
    fclose(out);
    fclose(in);
    return rc;
}
