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

int pk_zip_close(zip_t *_Nonnull a0);
void pk_zip_discard(zip_t *_Nonnull a0);
void pk_zip_error_fini(zip_error_t *_Nonnull a0);
void pk_zip_error_init(zip_error_t *_Nonnull a0);
int pk_zip_fclose(zip_file_t *_Nonnull a0);
zip_int64_t pk_zip_file_add(zip_t *_Nonnull a0, const char *_Nonnull a1, zip_source_t *_Nonnull a2, zip_flags_t a3);
int pk_zip_file_set_dostime(zip_t *_Nonnull a0, zip_uint64_t a1, zip_uint16_t a2, zip_uint16_t a3, zip_flags_t a4);
zip_file_t *_Nullable pk_zip_fopen_index(zip_t *_Nonnull a0, zip_uint64_t a1, zip_flags_t a2);
zip_int64_t pk_zip_fread(zip_file_t *_Nonnull a0, void *_Nonnull a1, zip_uint64_t a2);
zip_int64_t pk_zip_get_num_entries(zip_t *_Nonnull a0, zip_flags_t a1);
zip_t *_Nullable pk_zip_open_from_source(zip_source_t *_Nonnull a0, int a1, zip_error_t *_Nullable a2);
int pk_zip_set_file_compression(zip_t *_Nonnull a0, zip_uint64_t a1, zip_int32_t a2, zip_uint32_t a3);
zip_source_t *_Nullable pk_zip_source_buffer(zip_t *_Nonnull a0, const void *_Nullable a1, zip_uint64_t a2, int a3);
zip_source_t *_Nullable pk_zip_source_buffer_create(const void *_Nullable a0, zip_uint64_t a1, int a2, zip_error_t *_Nullable a3);
int pk_zip_source_close(zip_source_t *_Nonnull a0);
void pk_zip_source_free(zip_source_t *_Nullable a0);
void pk_zip_source_keep(zip_source_t *_Nonnull a0);
int pk_zip_source_open(zip_source_t *_Nonnull a0);
zip_int64_t pk_zip_source_read(zip_source_t *_Nonnull a0, void *_Nonnull a1, zip_uint64_t a2);
int pk_zip_source_seek(zip_source_t *_Nonnull a0, zip_int64_t a1, int a2);
zip_int64_t pk_zip_source_tell(zip_source_t *_Nonnull a0);
zip_source_t *_Nullable pk_zip_source_zip(zip_t *_Nonnull a0, zip_t *_Nonnull a1, zip_uint64_t a2, zip_flags_t a3, zip_uint64_t a4, zip_int64_t a5);
int pk_zip_stat_index(zip_t *_Nonnull a0, zip_uint64_t a1, zip_flags_t a2, zip_stat_t *_Nonnull a3);
void pk_zip_stat_init(zip_stat_t *_Nonnull a0);
#endif
