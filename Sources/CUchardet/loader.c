/* uchardet's functions defined under their own names (hidden), forwarding to the library loaded on first use:
 * see include/CUchardet.h and CLazyLibrary.h. */
#include "CUchardet.h"
#include <CLazyLibrary.h>

#define PK_UCHARDET_FUNCTIONS(X, V) \
    X(uchardet_t, uchardet_new, (void), ()) \
    V(uchardet_delete, (uchardet_t ud), (ud)) \
    X(int, uchardet_handle_data, (uchardet_t ud, const char *data, size_t len), (ud, data, len)) \
    V(uchardet_data_end, (uchardet_t ud), (ud)) \
    X(const char *, uchardet_get_charset, (uchardet_t ud), (ud))

PK_UCHARDET_FUNCTIONS(PK_LAZY_POINTER, PK_LAZY_POINTER_V)
static const pk_lazy_symbol symbols[] = {PK_UCHARDET_FUNCTIONS(PK_LAZY_SYMBOL, PK_LAZY_SYMBOL_V)};
/* Debian's libuchardet0; else libuchardet.so, the development link libuchardet-dev installs. */
static const pk_lazy_file files[] = {{"libuchardet.so.0", "libuchardet.so", "libuchardet0", PK_LAZY_SYMBOLS(symbols)}};
PK_LAZY_LIBRARY("uchardet", files, pk_uchardet_load, pk_uchardet_load_error)
PK_UCHARDET_FUNCTIONS(PK_LAZY_FORWARD, PK_LAZY_FORWARD_V)
