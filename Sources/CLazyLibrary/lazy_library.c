/* Loading a library on first use: see include/CLazyLibrary.h. */
#include "CLazyLibrary.h"
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

void pk_lazy_open(pk_lazy_library *library) {
    const char *missing = NULL;
    for (size_t f = 0; f < library->file_count; f++) {
        const pk_lazy_file *file = &library->files[f];
        void *handle = dlopen(file->soname, RTLD_NOW | RTLD_LOCAL);
        if (!handle) handle = dlopen(file->link, RTLD_NOW | RTLD_LOCAL);
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
}

void pk_lazy_fail(const pk_lazy_library *library) {
    fprintf(stderr, "presskit: %s\n", library->failure);
    exit(70);
}
