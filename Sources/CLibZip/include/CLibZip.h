#ifndef PRESSKIT_CLIBZIP_H
#define PRESSKIT_CLIBZIP_H
/* libzip, loaded on first use (dlopen of libzip.so.4) instead of at process start: libzip brings libcrypto,
 * whose 4,000 eager symbol bindings were a fifth of a small non-zip conversion's start-up. The functions are
 * libzip's own, with a pk_ prefix; call pk_zip_load() first (it is cheap after the first call): when it
 * returns 0, pk_zip_load_error() says why and no other pk_ function may be called. */
#include <zip.h>

/* 1 when libzip is loaded (loads it on the first call, thread-safe), 0 when it cannot be. */
int pk_zip_load(void);
/* Why the load failed ("" when it did not). */
const char *_Nonnull pk_zip_load_error(void);

/* The functions, as X(return type, libzip's name, (parameters), (arguments)) or V(…) for void: each is declared
 * here as pk_<name> and defined in loader.c (CLazyLibrary.h). */
#define PK_ZIP_FUNCTIONS(X, V) \
    X(int, zip_close, (zip_t *_Nonnull a0), (a0)) \
    V(zip_discard, (zip_t *_Nonnull a0), (a0)) \
    V(zip_error_fini, (zip_error_t *_Nonnull a0), (a0)) \
    V(zip_error_init, (zip_error_t *_Nonnull a0), (a0)) \
    X(int, zip_fclose, (zip_file_t *_Nonnull a0), (a0)) \
    X(zip_int64_t, zip_file_add, (zip_t *_Nonnull a0, const char *_Nonnull a1, zip_source_t *_Nonnull a2, zip_flags_t a3), \
      (a0, a1, a2, a3)) \
    X(int, zip_file_set_dostime, (zip_t *_Nonnull a0, zip_uint64_t a1, zip_uint16_t a2, zip_uint16_t a3, zip_flags_t a4), \
      (a0, a1, a2, a3, a4)) \
    X(zip_file_t *_Nullable, zip_fopen_index, (zip_t *_Nonnull a0, zip_uint64_t a1, zip_flags_t a2), (a0, a1, a2)) \
    X(zip_int64_t, zip_fread, (zip_file_t *_Nonnull a0, void *_Nonnull a1, zip_uint64_t a2), (a0, a1, a2)) \
    X(zip_int64_t, zip_get_num_entries, (zip_t *_Nonnull a0, zip_flags_t a1), (a0, a1)) \
    X(zip_t *_Nullable, zip_open_from_source, (zip_source_t *_Nonnull a0, int a1, zip_error_t *_Nullable a2), (a0, a1, a2)) \
    X(int, zip_set_file_compression, (zip_t *_Nonnull a0, zip_uint64_t a1, zip_int32_t a2, zip_uint32_t a3), \
      (a0, a1, a2, a3)) \
    X(zip_source_t *_Nullable, zip_source_buffer, (zip_t *_Nonnull a0, const void *_Nullable a1, zip_uint64_t a2, int a3), \
      (a0, a1, a2, a3)) \
    X(zip_source_t *_Nullable, zip_source_buffer_create, \
      (const void *_Nullable a0, zip_uint64_t a1, int a2, zip_error_t *_Nullable a3), (a0, a1, a2, a3)) \
    X(int, zip_source_close, (zip_source_t *_Nonnull a0), (a0)) \
    V(zip_source_free, (zip_source_t *_Nullable a0), (a0)) \
    V(zip_source_keep, (zip_source_t *_Nonnull a0), (a0)) \
    X(int, zip_source_open, (zip_source_t *_Nonnull a0), (a0)) \
    X(zip_int64_t, zip_source_read, (zip_source_t *_Nonnull a0, void *_Nonnull a1, zip_uint64_t a2), (a0, a1, a2)) \
    X(int, zip_source_seek, (zip_source_t *_Nonnull a0, zip_int64_t a1, int a2), (a0, a1, a2)) \
    X(zip_int64_t, zip_source_tell, (zip_source_t *_Nonnull a0), (a0)) \
    X(zip_source_t *_Nullable, zip_source_zip, \
      (zip_t *_Nonnull a0, zip_t *_Nonnull a1, zip_uint64_t a2, zip_flags_t a3, zip_uint64_t a4, zip_int64_t a5), \
      (a0, a1, a2, a3, a4, a5)) \
    X(int, zip_stat_index, (zip_t *_Nonnull a0, zip_uint64_t a1, zip_flags_t a2, zip_stat_t *_Nonnull a3), \
      (a0, a1, a2, a3)) \
    V(zip_stat_init, (zip_stat_t *_Nonnull a0), (a0))

#define PK_ZIP_DECLARE(type, name, params, args) type pk_##name params;
#define PK_ZIP_DECLARE_V(name, params, args) void pk_##name params;
PK_ZIP_FUNCTIONS(PK_ZIP_DECLARE, PK_ZIP_DECLARE_V)
#endif
