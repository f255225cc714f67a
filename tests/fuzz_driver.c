#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_driver.h"

void fuzz_fail(const char *what, const uint8_t *input, size_t size)
{
    fprintf(stderr, "fuzz-%s: %s: \"", fuzz_name, what);
    for (size_t i = 0; i < size && i < 400; i++)
        fprintf(stderr, input[i] >= 32 && input[i] < 127 && input[i] != '"'
                            ? "%c" : "\\x%02x", input[i]);
    fprintf(stderr, "%s\"\n", size > 400 ? "..." : "");
    abort();
}

void fuzz_check_place(long line, long column, const char *message,
                      const uint8_t *input, size_t size)
{
    /* Lines end at LF, CRLF or a lone CR, as the CSV reader (and
     * Python's csv) count them. */
    long lines = 1;
    for (size_t i = 0; i < size; i++)
        lines += input[i] == '\n' ||
                 (input[i] == '\r' && (i + 1 == size || input[i + 1] != '\n'));
    if (line < 0 || line > lines + 1)
        fuzz_fail("a problem outside the input", input, size);
    if (column < 0)
        fuzz_fail("a negative column", input, size);
    if (!message || !message[0])
        fuzz_fail("a problem without a message", input, size);
}

char *fuzz_text(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (text) {
        memcpy(text, data, size);
        text[size] = '\0';
    }
    return text;
}

static char dir[64];
static int have_dir;

static void remove_dir(void)
{
    DIR *d = opendir(dir);
    char path[sizeof dir + 300];
    for (struct dirent *e; d && (e = readdir(d));)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
    if (d)
        closedir(d);
    rmdir(dir);
}

const char *fuzz_dir(void)
{
    if (!have_dir) {
        /* In memory where there is /dev/shm: the targets write a file an
         * input, and progress saves are synced. */
        snprintf(dir, sizeof dir, "%s/descent-fuzz-XXXXXX",
                 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
        if (!mkdtemp(dir)) {
            perror("fuzz: mkdtemp");
            abort();
        }
        have_dir = 1;
        atexit(remove_dir);
    }
    return dir;
}

const char *fuzz_file(const char *name, const uint8_t *data, size_t size)
{
    static char path[sizeof dir + 300];
    snprintf(path, sizeof path, "%s/%s", fuzz_dir(), name);
    FILE *f = fopen(path, "wb");
    if (!f)
        return NULL;
    size_t n = fwrite(data, 1, size, f);
    return fclose(f) == 0 && n == size ? path : NULL;
}

#ifndef DESCENT_LIBFUZZER

enum { MAX_INPUT = 8192, MAX_TOKENS = 512 };

typedef struct {
    uint64_t s;
} rng;

static uint64_t next(rng *r)
{
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 2685821657736338717ULL;
}

static size_t below(rng *r, size_t n) { return n ? next(r) % n : 0; }

typedef struct {
    char *text;
    size_t len;
} token;

static token tokens[MAX_TOKENS];
static size_t n_tokens;

/* The quoted value of a dictionary line (name="value" or "value", with
 * \\, \" and \xNN escapes) into a new token; false for comments. */
static int dict_token(const char *line, token *t)
{
    const char *q = strchr(line, '"');
    if (line[0] == '#' || !q)
        return 0;
    t->text = malloc(strlen(q));
    t->len = 0;
    for (const char *p = q + 1; t->text && *p && *p != '"'; p++) {
        if (*p == '\\' && p[1] == 'x' && p[2] && p[3]) {
            char hex[3] = {p[2], p[3], 0};
            t->text[t->len++] = (char)strtol(hex, NULL, 16);
            p += 3;
        } else {
            if (*p == '\\' && p[1])
                p++;
            t->text[t->len++] = *p;
        }
    }
    return t->text != NULL;
}

static void read_dict(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "fuzz-%s: cannot read %s\n", fuzz_name, path);
        exit(2);
    }
    char line[1024];
    while (n_tokens < MAX_TOKENS && fgets(line, sizeof line, f))
        n_tokens += (size_t)dict_token(line, &tokens[n_tokens]);
    fclose(f);
}

/* One mutation of buf (len bytes, room for MAX_INPUT); returns the new
 * length. other is another corpus entry, for splicing. */
static size_t mutate(rng *r, char *buf, size_t len, const char *other,
                     size_t other_len)
{
    switch (below(r, 7)) {
    case 0:     /* flip a bit */
        if (len)
            buf[below(r, len)] ^= (char)(1u << below(r, 8));
        return len;
    case 1:     /* truncate */
        return below(r, len + 1);
    case 2: {   /* delete a range */
        if (!len)
            return len;
        size_t at = below(r, len), n = 1 + below(r, len - at);
        memmove(buf + at, buf + at + n, len - at - n);
        return len - n;
    }
    case 3:
    case 4: {   /* insert a token (a byte without a dictionary) */
        char byte = (char)below(r, 256);
        const char *t = &byte;
        size_t n = 1;
        if (n_tokens) {
            const token *k = &tokens[below(r, n_tokens)];
            t = k->text;
            n = k->len;
        }
        size_t at = below(r, len + 1);
        if (len + n > MAX_INPUT)
            return len;
        memmove(buf + at + n, buf + at, len - at);
        memcpy(buf + at, t, n);
        return len + n;
    }
    case 5: {   /* duplicate a range */
        if (!len)
            return len;
        size_t at = below(r, len), n = 1 + below(r, len - at);
        size_t to = below(r, len + 1);
        if (len + n > MAX_INPUT)
            return len;
        char tmp[MAX_INPUT];
        memcpy(tmp, buf + at, n);
        memmove(buf + to + n, buf + to, len - to);
        memcpy(buf + to, tmp, n);
        return len + n;
    }
    default: {  /* splice: a prefix of buf and a suffix of other */
        size_t keep = below(r, len + 1), from = below(r, other_len + 1);
        size_t n = other_len - from;
        if (keep + n > MAX_INPUT)
            n = MAX_INPUT - keep;
        memcpy(buf + keep, other + from, n);
        return keep + n;
    }
    }
}

static char *read_input(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = f ? malloc(MAX_INPUT + 1) : NULL;
    if (buf) {
        *len = fread(buf, 1, MAX_INPUT, f);
        buf[*len] = '\0';
    }
    if (f)
        fclose(f);
    return buf;
}

int main(int argc, char **argv)
{
    long inputs = 20000;
    uint64_t seed = 1;
    int first = 1;
    while (first + 1 < argc && argv[first][0] == '-') {
        if (strcmp(argv[first], "-n") == 0)
            inputs = atol(argv[first + 1]);
        else if (strcmp(argv[first], "-s") == 0)
            seed = strtoull(argv[first + 1], NULL, 10);
        else if (strcmp(argv[first], "-dict") == 0)
            read_dict(argv[first + 1]);
        else
            break;
        first += 2;
    }
    int files = argc - first;
    if (files <= 0) {
        fprintf(stderr, "usage: fuzz-%s [-n INPUTS] [-s SEED] [-dict FILE] "
                "FILE...\n", fuzz_name);
        return 2;
    }
    char **corpus = calloc((size_t)files, sizeof *corpus);
    size_t *lens = calloc((size_t)files, sizeof *lens);
    if (!corpus || !lens)
        return 1;
    /* All read before any runs: a target may change directory. */
    for (int i = 0; i < files; i++)
        if (!(corpus[i] = read_input(argv[first + i], &lens[i]))) {
            fprintf(stderr, "fuzz-%s: cannot read %s\n", fuzz_name,
                    argv[first + i]);
            return 2;
        }
    for (int i = 0; i < files; i++)
        (void)LLVMFuzzerTestOneInput((const uint8_t *)corpus[i], lens[i]);
    rng r = {seed * 0x9E3779B97F4A7C15ULL + 1};
    static char buf[MAX_INPUT + 1];
    long run = 0;
    while (run < inputs) {
        size_t i = below(&r, (size_t)files), j = below(&r, (size_t)files);
        size_t len = lens[i];
        memcpy(buf, corpus[i], len);
        int steps = 1 + (int)below(&r, 8);
        for (int k = 0; k < steps && run < inputs; k++, run++) {
            len = mutate(&r, buf, len, corpus[j], lens[j]);
            (void)LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
        }
    }
    printf("fuzz-%s: %d files, %ld mutated inputs, no failure\n", fuzz_name,
           files, run);
    for (int i = 0; i < files; i++)
        free(corpus[i]);
    for (size_t i = 0; i < n_tokens; i++)
        free(tokens[i].text);
    free(corpus);
    free(lens);
    return 0;
}

#endif
