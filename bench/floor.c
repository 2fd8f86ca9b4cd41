/* The floor for presskit's speed: libxml2's bare HTML parse and zlib's deflate of the same bytes.
 * Usage: floor FILE... ; prints JSON: {"files": N, "bytes": B, "parse_seconds": s, "deflate_seconds": s}
 * Each file is parsed (htmlReadMemory, the options presskit uses) and deflated (level 6) REPEAT times
 * (env FLOOR_REPEAT, default 1). CPU time of this process only. */
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

static double cpu_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void silent(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

int main(int argc, char **argv) {
    int repeat = getenv("FLOOR_REPEAT") ? atoi(getenv("FLOOR_REPEAT")) : 1;
    xmlInitParser();
    xmlSetGenericErrorFunc(NULL, silent);
    double parse = 0, deflate_t = 0;
    long total = 0;
    int files = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) continue;
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *buf = malloc(n + 1);
        if (fread(buf, 1, n, f) != (size_t)n) { fclose(f); free(buf); continue; }
        fclose(f);
        uLongf cap = compressBound(n);
        Bytef *out = malloc(cap);
        for (int r = 0; r < repeat; r++) {
            double t0 = cpu_now();
            htmlDocPtr doc = htmlReadMemory(buf, (int)n, NULL, "UTF-8",
                HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC);
            if (doc) xmlFreeDoc(doc);
            double t1 = cpu_now();
            uLongf outLen = cap;
            compress2(out, &outLen, (const Bytef *)buf, n, 6);
            double t2 = cpu_now();
            parse += t1 - t0;
            deflate_t += t2 - t1;
        }
        free(out);
        free(buf);
        total += n;
        files++;
    }
    printf("{\"files\": %d, \"bytes\": %ld, \"repeat\": %d, \"parse_seconds\": %.6f, \"deflate_seconds\": %.6f}\n",
           files, total, repeat, parse, deflate_t);
    return 0;
}
