#include "CLibZip.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void *handle;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[512];

static __typeof__(zip_close) *p_zip_close;
static __typeof__(zip_discard) *p_zip_discard;
static __typeof__(zip_error_fini) *p_zip_error_fini;
static __typeof__(zip_error_init) *p_zip_error_init;
static __typeof__(zip_fclose) *p_zip_fclose;
static __typeof__(zip_file_add) *p_zip_file_add;
static __typeof__(zip_file_set_dostime) *p_zip_file_set_dostime;
static __typeof__(zip_fopen_index) *p_zip_fopen_index;
static __typeof__(zip_fread) *p_zip_fread;
static __typeof__(zip_get_num_entries) *p_zip_get_num_entries;
static __typeof__(zip_open_from_source) *p_zip_open_from_source;
static __typeof__(zip_set_file_compression) *p_zip_set_file_compression;
static __typeof__(zip_source_buffer) *p_zip_source_buffer;
static __typeof__(zip_source_buffer_create) *p_zip_source_buffer_create;
static __typeof__(zip_source_close) *p_zip_source_close;
static __typeof__(zip_source_free) *p_zip_source_free;
static __typeof__(zip_source_keep) *p_zip_source_keep;
static __typeof__(zip_source_open) *p_zip_source_open;
static __typeof__(zip_source_read) *p_zip_source_read;
static __typeof__(zip_source_seek) *p_zip_source_seek;
static __typeof__(zip_source_tell) *p_zip_source_tell;
static __typeof__(zip_source_zip) *p_zip_source_zip;
static __typeof__(zip_stat_index) *p_zip_stat_index;
static __typeof__(zip_stat_init) *p_zip_stat_init;

static void load(void) {
    /* Debian 11/12's libzip4; else libzip.so, the development link libzip-dev installs beside the headers
     * this was compiled against (another soname may differ in ABI, so it is not tried blindly). */
    static const char *const names[] = {"libzip.so.4", "libzip.so"};
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !handle; i++) {
        handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (!handle) {
        const char *why = dlerror();
        snprintf(failure, sizeof failure, "cannot load libzip (libzip.so.4 or libzip.so; install the libzip4 package): %s",
                 why ? why : "unknown error");
        return;
    }
    const char *missing = NULL;
    if (!(p_zip_close = (__typeof__(zip_close) *)dlsym(handle, "zip_close"))) missing = "zip_close";
    if (!(p_zip_discard = (__typeof__(zip_discard) *)dlsym(handle, "zip_discard"))) missing = "zip_discard";
    if (!(p_zip_error_fini = (__typeof__(zip_error_fini) *)dlsym(handle, "zip_error_fini"))) missing = "zip_error_fini";
    if (!(p_zip_error_init = (__typeof__(zip_error_init) *)dlsym(handle, "zip_error_init"))) missing = "zip_error_init";
    if (!(p_zip_fclose = (__typeof__(zip_fclose) *)dlsym(handle, "zip_fclose"))) missing = "zip_fclose";
    if (!(p_zip_file_add = (__typeof__(zip_file_add) *)dlsym(handle, "zip_file_add"))) missing = "zip_file_add";
    if (!(p_zip_file_set_dostime = (__typeof__(zip_file_set_dostime) *)dlsym(handle, "zip_file_set_dostime"))) missing = "zip_file_set_dostime";
    if (!(p_zip_fopen_index = (__typeof__(zip_fopen_index) *)dlsym(handle, "zip_fopen_index"))) missing = "zip_fopen_index";
    if (!(p_zip_fread = (__typeof__(zip_fread) *)dlsym(handle, "zip_fread"))) missing = "zip_fread";
    if (!(p_zip_get_num_entries = (__typeof__(zip_get_num_entries) *)dlsym(handle, "zip_get_num_entries"))) missing = "zip_get_num_entries";
    if (!(p_zip_open_from_source = (__typeof__(zip_open_from_source) *)dlsym(handle, "zip_open_from_source"))) missing = "zip_open_from_source";
    if (!(p_zip_set_file_compression = (__typeof__(zip_set_file_compression) *)dlsym(handle, "zip_set_file_compression"))) missing = "zip_set_file_compression";
    if (!(p_zip_source_buffer = (__typeof__(zip_source_buffer) *)dlsym(handle, "zip_source_buffer"))) missing = "zip_source_buffer";
    if (!(p_zip_source_buffer_create = (__typeof__(zip_source_buffer_create) *)dlsym(handle, "zip_source_buffer_create"))) missing = "zip_source_buffer_create";
    if (!(p_zip_source_close = (__typeof__(zip_source_close) *)dlsym(handle, "zip_source_close"))) missing = "zip_source_close";
    if (!(p_zip_source_free = (__typeof__(zip_source_free) *)dlsym(handle, "zip_source_free"))) missing = "zip_source_free";
    if (!(p_zip_source_keep = (__typeof__(zip_source_keep) *)dlsym(handle, "zip_source_keep"))) missing = "zip_source_keep";
    if (!(p_zip_source_open = (__typeof__(zip_source_open) *)dlsym(handle, "zip_source_open"))) missing = "zip_source_open";
    if (!(p_zip_source_read = (__typeof__(zip_source_read) *)dlsym(handle, "zip_source_read"))) missing = "zip_source_read";
    if (!(p_zip_source_seek = (__typeof__(zip_source_seek) *)dlsym(handle, "zip_source_seek"))) missing = "zip_source_seek";
    if (!(p_zip_source_tell = (__typeof__(zip_source_tell) *)dlsym(handle, "zip_source_tell"))) missing = "zip_source_tell";
    if (!(p_zip_source_zip = (__typeof__(zip_source_zip) *)dlsym(handle, "zip_source_zip"))) missing = "zip_source_zip";
    if (!(p_zip_stat_index = (__typeof__(zip_stat_index) *)dlsym(handle, "zip_stat_index"))) missing = "zip_stat_index";
    if (!(p_zip_stat_init = (__typeof__(zip_stat_init) *)dlsym(handle, "zip_stat_init"))) missing = "zip_stat_init";
    if (missing) {
        snprintf(failure, sizeof failure, "the libzip found has no %s", missing);
        handle = NULL;
    }
}

int pk_zip_load(void) {
    pthread_once(&once, load);
    return handle != NULL;
}

const char *pk_zip_load_error(void) {
    pk_zip_load();
    return failure;
}

/* A pk_ function called without a successful pk_zip_load() is a bug in the caller. */
static void require_libzip(void) {
    if (!pk_zip_load()) {
        fprintf(stderr, "presskit: %s\n", failure);
        abort();
    }
}

int pk_zip_close(zip_t *_Nonnull a0) {
    require_libzip();
    return p_zip_close(a0);
}

void pk_zip_discard(zip_t *_Nonnull a0) {
    require_libzip();
    p_zip_discard(a0);
}

void pk_zip_error_fini(zip_error_t *_Nonnull a0) {
    require_libzip();
    p_zip_error_fini(a0);
}

void pk_zip_error_init(zip_error_t *_Nonnull a0) {
    require_libzip();
    p_zip_error_init(a0);
}

int pk_zip_fclose(zip_file_t *_Nonnull a0) {
    require_libzip();
    return p_zip_fclose(a0);
}

zip_int64_t pk_zip_file_add(zip_t *_Nonnull a0, const char *_Nonnull a1, zip_source_t *_Nonnull a2, zip_flags_t a3) {
    require_libzip();
    return p_zip_file_add(a0, a1, a2, a3);
}

int pk_zip_file_set_dostime(zip_t *_Nonnull a0, zip_uint64_t a1, zip_uint16_t a2, zip_uint16_t a3, zip_flags_t a4) {
    require_libzip();
    return p_zip_file_set_dostime(a0, a1, a2, a3, a4);
}

zip_file_t *_Nullable pk_zip_fopen_index(zip_t *_Nonnull a0, zip_uint64_t a1, zip_flags_t a2) {
    require_libzip();
    return p_zip_fopen_index(a0, a1, a2);
}

zip_int64_t pk_zip_fread(zip_file_t *_Nonnull a0, void *_Nonnull a1, zip_uint64_t a2) {
    require_libzip();
    return p_zip_fread(a0, a1, a2);
}

zip_int64_t pk_zip_get_num_entries(zip_t *_Nonnull a0, zip_flags_t a1) {
    require_libzip();
    return p_zip_get_num_entries(a0, a1);
}

zip_t *_Nullable pk_zip_open_from_source(zip_source_t *_Nonnull a0, int a1, zip_error_t *_Nullable a2) {
    require_libzip();
    return p_zip_open_from_source(a0, a1, a2);
}

int pk_zip_set_file_compression(zip_t *_Nonnull a0, zip_uint64_t a1, zip_int32_t a2, zip_uint32_t a3) {
    require_libzip();
    return p_zip_set_file_compression(a0, a1, a2, a3);
}

zip_source_t *_Nullable pk_zip_source_buffer(zip_t *_Nonnull a0, const void *_Nullable a1, zip_uint64_t a2, int a3) {
    require_libzip();
    return p_zip_source_buffer(a0, a1, a2, a3);
}

zip_source_t *_Nullable pk_zip_source_buffer_create(const void *_Nullable a0, zip_uint64_t a1, int a2, zip_error_t *_Nullable a3) {
    require_libzip();
    return p_zip_source_buffer_create(a0, a1, a2, a3);
}

int pk_zip_source_close(zip_source_t *_Nonnull a0) {
    require_libzip();
    return p_zip_source_close(a0);
}

void pk_zip_source_free(zip_source_t *_Nullable a0) {
    require_libzip();
    p_zip_source_free(a0);
}

void pk_zip_source_keep(zip_source_t *_Nonnull a0) {
    require_libzip();
    p_zip_source_keep(a0);
}

int pk_zip_source_open(zip_source_t *_Nonnull a0) {
    require_libzip();
    return p_zip_source_open(a0);
}

zip_int64_t pk_zip_source_read(zip_source_t *_Nonnull a0, void *_Nonnull a1, zip_uint64_t a2) {
    require_libzip();
    return p_zip_source_read(a0, a1, a2);
}

int pk_zip_source_seek(zip_source_t *_Nonnull a0, zip_int64_t a1, int a2) {
    require_libzip();
    return p_zip_source_seek(a0, a1, a2);
}

zip_int64_t pk_zip_source_tell(zip_source_t *_Nonnull a0) {
    require_libzip();
    return p_zip_source_tell(a0);
}

zip_source_t *_Nullable pk_zip_source_zip(zip_t *_Nonnull a0, zip_t *_Nonnull a1, zip_uint64_t a2, zip_flags_t a3, zip_uint64_t a4, zip_int64_t a5) {
    require_libzip();
    return p_zip_source_zip(a0, a1, a2, a3, a4, a5);
}

int pk_zip_stat_index(zip_t *_Nonnull a0, zip_uint64_t a1, zip_flags_t a2, zip_stat_t *_Nonnull a3) {
    require_libzip();
    return p_zip_stat_index(a0, a1, a2, a3);
}

void pk_zip_stat_init(zip_stat_t *_Nonnull a0) {
    require_libzip();
    p_zip_stat_init(a0);
}
