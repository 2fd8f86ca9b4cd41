#ifndef PRESSKIT_CZLIB_SHIM_H
#define PRESSKIT_CZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 is a macro Swift cannot call.
static inline int presskit_inflate_init2(z_streamp stream, int window_bits) {
    return inflateInit2(stream, window_bits);
}
#endif
