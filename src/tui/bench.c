/* tui_bench: the TUI's figures, rendered into a real newterm whose
 * output goes to a temporary file, so the bytes ncurses writes are
 * exactly what a terminal would receive. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <time.h>

#include "app.h"
#include "model_open.h"
#include "tui.h"

enum { BENCH_COLS = 200, BENCH_ROWS = 60, BENCH_FRAMES = 300 };

/* This thread's processor time: a frame's cost, whatever else the
 * machine is doing. */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static long file_size(FILE *f)
{
    struct stat st;
    fflush(f);
    return fstat(fileno(f), &st) == 0 ? (long)st.st_size : 0;
}

typedef void (*emit_fn)(const char *name, double value, const char *unit);

/* Mean milliseconds of a frame while running (an update, then the
 * frame), and the bytes written per frame. */
static double running_frames(app *a, FILE *out, int frames, double *bytes)
{
    a->s.running = true;
    double render = 0.0;
    long bytes0 = file_size(out);
    for (int i = 0; i < frames; i++) {
        session_step(&a->s);
        double t = cpu_now();
        app_render(a);
        render += cpu_now() - t;
    }
    *bytes = (double)(file_size(out) - bytes0) / frames;
    return render / frames * 1e3;
}

/* The live screen on the default objective. */
static int bench_builtin(FILE *out, FILE *in, int frames, emit_fn emit)
{
    static app a;
    tui_options o = tui_options_default();
    double t0 = cpu_now();
    if (tui_open(&a, &o, out, in) != 0)
        return 1;
    app_render(&a);
    double first = cpu_now() - t0, bytes;
    double frame = running_frames(&a, out, frames, &bytes);
    tui_close(&a);
    emit("frame_render_ms", frame, "ms");
    emit("frame_bytes_running", bytes, "bytes");
    emit("first_frame_ms", first * 1e3, "ms");
    return 0;
}

/* A model (θ0 on its random slice): the slice sampled across frames at
 * the plot's cell resolution while paused, then frames while running
 * (half the resolution each way). The longest of the slice's frames is
 * kept in *frame_max. */
static int bench_slice(FILE *out, FILE *in, const model_type *t,
                       const char *data, const char *name, int frames,
                       emit_fn emit, double *frame_max)
{
    static app a;
    objective obj;
    data_file_error err;
    model_spec spec = model_spec_default();
    spec.data = data;
    spec.opt.standardize = false;
    if (model_open(t, &spec, &obj, &err) != 0)
        return 1;
    tui_options o = tui_options_default();
    o.opened = &obj;
    o.settings.opt = &optim_sgd;
    o.settings.lr = 0.01;
    if (tui_open(&a, &o, out, in) != 0)
        return 1;
    double t0 = cpu_now();
    int n = 0;
    do {
        double f0 = cpu_now();
        app_render(&a);
        double f = cpu_now() - f0;
        if (f > *frame_max)
            *frame_max = f;
        n++;
    } while (a.sc.pending);
    double slice = cpu_now() - t0, bytes;
    int points = a.sc.lat.nx * a.sc.lat.ny;
    double frame = running_frames(&a, out, frames, &bytes);
    tui_close(&a);
    char key[64];
    snprintf(key, sizeof key, "%s_slice_recompute_ms", name);
    emit(key, slice * 1e3, "ms");
    snprintf(key, sizeof key, "%s_slice_points", name);
    emit(key, points, "points");
    snprintf(key, sizeof key, "%s_slice_frames", name);
    emit(key, n, "frames");
    snprintf(key, sizeof key, "%s_frame_render_ms", name);
    emit(key, frame, "ms");
    return 0;
}

/* Resident memory in kB (/proc/self/statm). */
static double rss_kb(void)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    return (double)resident * (double)sysconf(_SC_PAGESIZE) / 1024.0;
}

/* The live screen at its top speed, headless: updates with a frame
 * every 1,000 (the fastest speed's pace), RSS after 10^4 .. 10^7 of them
 * (quick: 10^5), and updates a second over each decade. */
static int bench_memory(FILE *out, FILE *in, bool quick, emit_fn emit)
{
    static app a;
    tui_options o = tui_options_default();
    o.settings.max_steps = 100000000;
    o.settings.lr = 1e-4;
    if (tui_open(&a, &o, out, in) != 0)
        return 1;
    a.s.running = true;
    a.s.speed = SESSION_SPEEDS - 1;
    long done = 0;
    for (long upto = 10000; upto <= (quick ? 100000 : 10000000); upto *= 10) {
        double t0 = cpu_now();
        long from = done;
        while (done < upto) {
            for (int k = 0; k < 1000; k++)
                session_step(&a.s);
            done += 1000;
            app_render(&a);
        }
        char key[64];
        snprintf(key, sizeof key, "tui_rss_at_%ld_kb", upto);
        emit(key, rss_kb(), "kB");
        snprintf(key, sizeof key, "tui_updates_per_s_to_%ld", upto);
        emit(key, (double)(done - from) / (cpu_now() - t0), "updates/s");
    }
    hist_band band[400];
    size_t work = 0;
    for (int s = 0; s < HS_COUNT; s++)
        work += hist_envelope(&a.s.runs[0].h, (hist_series)s,
                              (double)done, 400, band);
    emit("tui_chart_buckets_read", (double)work, "buckets");
    emit("tui_history_rows", (double)a.s.runs[0].h.nrows, "rows");
    tui_close(&a);
    return 0;
}

int tui_bench_memory(bool quick,
                     void (*emit)(const char *name, double value,
                                  const char *unit))
{
    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    if (!out || !in) {
        fprintf(stderr, "descent: bench: cannot open /dev/null\n");
        return 1;
    }
    tui_headless(BENCH_COLS, BENCH_ROWS);
    int rc = bench_memory(out, in, quick, emit);
    fclose(out);
    fclose(in);
    return rc;
}

int tui_bench(bool quick, emit_fn emit)
{
    tui_headless(BENCH_COLS, BENCH_ROWS);
    FILE *out = tmpfile(), *in = fopen("/dev/null", "r");
    if (!out || !in) {
        fprintf(stderr, "descent: bench: cannot open a temporary file\n");
        return 1;
    }
    int frames = quick ? BENCH_FRAMES / 10 : BENCH_FRAMES;
    double frame_max = 0.0;
    int rc = bench_builtin(out, in, frames, emit) |
             bench_slice(out, in, &model_mlp, NULL, "mlp", frames, emit,
                         &frame_max) |
             bench_slice(out, in, &model_softmax, "digits", "softmax",
                         frames / 10, emit, &frame_max);
    emit("slice_frame_max_ms", frame_max * 1e3, "ms");
    fclose(out);
    fclose(in);
    return rc;
}
