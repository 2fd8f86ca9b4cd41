#ifndef PRESSKIT_CZLIB_SHIM_H
#define PRESSKIT_CZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 is a macro Swift cannot call.
static inline int presskit_inflate_init2(z_streamp stream, int window_bits) {
    return inflateInit2(stream, window_bits);
}
/// deflateInit2 is a macro Swift cannot call.
static inline int presskit_deflate_init2(z_streamp stream, int level, int window_bits, int mem_level) {
    return deflateInit2(stream, level, Z_DEFLATED, window_bits, mem_level, Z_DEFAULT_STRATEGY);
}
#endif
