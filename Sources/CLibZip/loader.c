/* libzip's functions under a pk_ prefix (hidden), forwarding to libzip loaded on first use: see
 * include/CLibZip.h (the list) and CLazyLibrary.h. */
#include "CLibZip.h"
#include <CLazyLibrary.h>

PK_ZIP_FUNCTIONS(PK_LAZY_POINTER, PK_LAZY_POINTER_V)
static const pk_lazy_symbol symbols[] = {PK_ZIP_FUNCTIONS(PK_LAZY_SYMBOL, PK_LAZY_SYMBOL_V)};
/* Debian 11/12's libzip4; else libzip.so, the development link libzip-dev installs beside the headers this was
 * compiled against. */
static const pk_lazy_file files[] = {{"libzip.so.4", "libzip.so", "libzip4", PK_LAZY_SYMBOLS(symbols)}};
PK_LAZY_LIBRARY("libzip", files, pk_zip_load, pk_zip_load_error)

#define PK_ZIP_FORWARD(type, name, params, args) PK_LAZY_FORWARD_AS(pk_, type, name, params, args)
#define PK_ZIP_FORWARD_V(name, params, args) PK_LAZY_FORWARD_AS_V(pk_, name, params, args)
PK_ZIP_FUNCTIONS(PK_ZIP_FORWARD, PK_ZIP_FORWARD_V)
