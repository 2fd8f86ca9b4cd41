/* Loading a library on first use: see include/CLazyLibrary.h. */
#include "CLazyLibrary.h"
#include <dlfcn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

static atomic_uint pk_lazy_load_count;

unsigned pk_lazy_loads(void) { return atomic_load_explicit(&pk_lazy_load_count, memory_order_acquire); }

void pk_lazy_open(pk_lazy_library *library) {
    const char *missing = NULL;
    for (size_t f = 0; f < library->file_count; f++) {
        const pk_lazy_file *file = &library->files[f];
        /* RTLD_LAZY: the functions presskit calls are found with dlsym below (a missing one is an error here);
         * lazy binding only defers the library's own calls into its dependencies (libxml2 into ICU, ICU and
         * uchardet into libstdc++) to their first use. Binding them all at once was 1.3 M of the 4.4 M
         * instructions of loading libxml2, 1.1 M of uchardet's 3.1 M. */
        void *handle = dlopen(file->soname, RTLD_LAZY | RTLD_LOCAL);
        if (!handle) handle = dlopen(file->link, RTLD_LAZY | RTLD_LOCAL);
        if (!handle) {
            const char *why = dlerror();
            snprintf(library->failure, sizeof library->failure, "cannot load %s (%s or %s; install the %s package): %s",
                     library->name, file->soname, file->link, file->package, why ? why : "unknown error");
            return;
        }
        for (size_t i = 0; i < file->symbol_count; i++) {
            if (!(*file->symbols[i].slot = dlsym(handle, file->symbols[i].name))) missing = file->symbols[i].name;
        }
    }
    if (missing) {
        snprintf(library->failure, sizeof library->failure, "the %s found has no %s", library->name, missing);
        return;
    }
    library->loaded = 1;
    atomic_fetch_add_explicit(&pk_lazy_load_count, 1, memory_order_release);
}

void pk_lazy_fail(const pk_lazy_library *library) {
    fprintf(stderr, "presskit: %s\n", library->failure);
    exit(70);
}

typedef struct {
    pthread_t thread;
    pk_lazy_load_function loads[4];
    size_t count;
} pk_lazy_prefetch;

static void *pk_lazy_prefetch_run(void *argument) {
    pk_lazy_prefetch *prefetch = argument;
    for (size_t i = 0; i < prefetch->count; i++) (void)prefetch->loads[i]();
    return NULL;
}

void *pk_lazy_prefetch_start(const pk_lazy_load_function *loads, size_t count) {
    if (count == 0) return NULL;
    pk_lazy_prefetch *prefetch = calloc(1, sizeof *prefetch);
    if (!prefetch) return NULL;
    prefetch->count = count < 4 ? count : 4;
    for (size_t i = 0; i < prefetch->count; i++) prefetch->loads[i] = loads[i];
    if (pthread_create(&prefetch->thread, NULL, pk_lazy_prefetch_run, prefetch) != 0) {
        free(prefetch);
        return NULL;
    }
    return prefetch;
}

void pk_lazy_prefetch_join(void *argument) {
    pk_lazy_prefetch *prefetch = argument;
    if (!prefetch) return;
    pthread_join(prefetch->thread, NULL);
    free(prefetch);
}
