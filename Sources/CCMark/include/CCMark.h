#ifndef PRESSKIT_CCMARK_H
#define PRESSKIT_CCMARK_H
/* cmark-gfm (with its extensions library), loaded on first use (dlopen of libcmark-gfm.so.0.29.0.gfm.6 and
 * libcmark-gfm-extensions.so.0.29.0.gfm.6) instead of at process start: only Markdown input needs it. The
 * declarations are cmark-gfm's own headers; loader.c defines the functions presskit calls under their
 * cmark-gfm names (hidden visibility), each forwarding to the library's function found by dlsym, so Swift calls
 * them as it called cmark-gfm directly. Only the functions listed in loader.c exist.
 *
 * The first call of any of them loads both libraries (thread-safe); when they cannot be loaded, that call
 * prints why and exits with status 70 (an internal error). Code that can throw calls pk_cmark_load() first. */
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

/* 1 when cmark-gfm is loaded (loads it on the first call, thread-safe), 0 when it cannot be. */
int pk_cmark_load(void);
/* Why the load failed ("" when it did not). */
const char *_Nonnull pk_cmark_load_error(void);
#endif
