#ifndef PRESSKIT_CUCHARDET_H
#define PRESSKIT_CUCHARDET_H
/* uchardet, loaded on first use (dlopen of libuchardet.so.0) instead of at process start: it is C++ and is
 * needed only when a non-UTF-8 input without a declared charset is read. The declarations are uchardet's own
 * header; loader.c defines these functions under their uchardet names (hidden visibility), each forwarding
 * to uchardet's found by dlsym. The first call loads the library (thread-safe); when it cannot be loaded,
 * that call prints why and exits with status 70 (an internal error). pk_uchardet_load() checks first. */
#include <uchardet/uchardet.h>

/* 1 when uchardet is loaded (loads it on the first call, thread-safe), 0 when it cannot be. */
int pk_uchardet_load(void);
/* Why the load failed ("" when it did not). */
const char *_Nonnull pk_uchardet_load_error(void);
#endif
