/* uchardet's functions defined under their own names, forwarding to the library loaded on first use: see
 * include/CUchardet.h. Hidden visibility (PK_HIDDEN) keeps them out of the executable's dynamic symbol table. */
#include "CUchardet.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static __typeof__(uchardet_new) *p_uchardet_new;
static __typeof__(uchardet_delete) *p_uchardet_delete;
static __typeof__(uchardet_handle_data) *p_uchardet_handle_data;
static __typeof__(uchardet_data_end) *p_uchardet_data_end;
static __typeof__(uchardet_get_charset) *p_uchardet_get_charset;

static void *handle;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[512];

static void load(void) {
    /* Debian's libuchardet0; else libuchardet.so, the development link libuchardet-dev installs. */
    static const char *const names[] = {"libuchardet.so.0", "libuchardet.so"};
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !handle; i++) {
        handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (!handle) {
        const char *why = dlerror();
        snprintf(failure, sizeof failure,
                 "cannot load uchardet (libuchardet.so.0 or libuchardet.so; install the libuchardet0 package): %s",
                 why ? why : "unknown error");
        return;
    }
    const char *missing = NULL;
    if (!(p_uchardet_new = (__typeof__(uchardet_new) *)dlsym(handle, "uchardet_new"))) missing = "uchardet_new";
    if (!(p_uchardet_delete = (__typeof__(uchardet_delete) *)dlsym(handle, "uchardet_delete"))) missing = "uchardet_delete";
    if (!(p_uchardet_handle_data = (__typeof__(uchardet_handle_data) *)dlsym(handle, "uchardet_handle_data"))) missing = "uchardet_handle_data";
    if (!(p_uchardet_data_end = (__typeof__(uchardet_data_end) *)dlsym(handle, "uchardet_data_end"))) missing = "uchardet_data_end";
    if (!(p_uchardet_get_charset = (__typeof__(uchardet_get_charset) *)dlsym(handle, "uchardet_get_charset"))) missing = "uchardet_get_charset";
    if (missing) {
        snprintf(failure, sizeof failure, "the uchardet found has no %s", missing);
        handle = NULL;
    }
}

int pk_uchardet_load(void) {
    pthread_once(&once, load);
    return handle != NULL;
}

const char *pk_uchardet_load_error(void) {
    pk_uchardet_load();
    return failure;
}

#define PK_HIDDEN __attribute__((visibility("hidden")))

static void require_uchardet(void) {
    if (!pk_uchardet_load()) {
        fprintf(stderr, "presskit: %s\n", failure);
        exit(70);
    }
}

PK_HIDDEN uchardet_t uchardet_new(void) {
    require_uchardet();
    return p_uchardet_new();
}

PK_HIDDEN void uchardet_delete(uchardet_t ud) {
    require_uchardet();
    p_uchardet_delete(ud);
}

PK_HIDDEN int uchardet_handle_data(uchardet_t ud, const char *data, size_t len) {
    require_uchardet();
    return p_uchardet_handle_data(ud, data, len);
}

PK_HIDDEN void uchardet_data_end(uchardet_t ud) {
    require_uchardet();
    p_uchardet_data_end(ud);
}

PK_HIDDEN const char *uchardet_get_charset(uchardet_t ud) {
    require_uchardet();
    return p_uchardet_get_charset(ud);
}
