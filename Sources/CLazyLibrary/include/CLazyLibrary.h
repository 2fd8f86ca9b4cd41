#ifndef PRESSKIT_CLAZYLIBRARY_H
#define PRESSKIT_CLAZYLIBRARY_H
/* What the loader targets CLibXML2, CLibZip, CCMark and CUchardet share: a C library loaded on first use
 * (dlopen with RTLD_LAZY | RTLD_LOCAL, once, thread-safe) and functions that forward to it. A loader is only
 * its list of functions, written as an X-macro of rows
 *     X(return type, name, (parameters), (arguments))   or   V(name, (parameters), (arguments))  (void)
 * and expanded with the macros below:
 *
 *     #define PK_FOO_FUNCTIONS(X, V) X(int, foo_open, (const char *path), (path)) V(foo_close, (foo *f), (f))
 *     PK_FOO_FUNCTIONS(PK_LAZY_POINTER, PK_LAZY_POINTER_V)            the pointers dlsym fills
 *     static const pk_lazy_symbol foo_symbols[] = {PK_FOO_FUNCTIONS(PK_LAZY_SYMBOL, PK_LAZY_SYMBOL_V)};
 *     static const pk_lazy_file foo_files[] = {{"libfoo.so.1", "libfoo.so", "libfoo1", PK_LAZY_SYMBOLS(foo_symbols)}};
 *     PK_LAZY_LIBRARY("libfoo", foo_files, pk_foo_load, pk_foo_load_error)
 *     PK_FOO_FUNCTIONS(PK_LAZY_FORWARD, PK_LAZY_FORWARD_V)            foo_open, foo_close (hidden)
 *
 * The forwarding definitions have hidden visibility: they stay out of the executable's dynamic symbol
 * table, so a library's calls to its own functions never land in them. The first call of any of them loads
 * the library; when it cannot be loaded, that call prints why ("presskit: cannot load libfoo (libfoo.so.1 or
 * libfoo.so; install the libfoo1 package): …") and exits with status 70 (an internal error). Code that can
 * throw calls the load function (pk_foo_load) first and reports pk_foo_load_error() itself. */
#include <pthread.h>
#include <stddef.h>

/* One function to look up: its name and the pointer that receives it. */
typedef struct {
    const char *_Nonnull name;
    void *_Nullable *_Nonnull slot;
} pk_lazy_symbol;

/* One shared object: its soname, the development link tried after it (installed beside the headers this
 * was compiled against; another soname may differ in ABI, so none is tried blindly), the Debian package that
 * installs the soname, and the functions it holds. */
typedef struct {
    const char *_Nonnull soname;
    const char *_Nonnull link;
    const char *_Nonnull package;
    const pk_lazy_symbol *_Nonnull symbols;
    size_t symbol_count;
} pk_lazy_file;

/* A library of one or more files (cmark-gfm: two), named in messages as `name`. */
typedef struct {
    const char *_Nonnull name;
    const pk_lazy_file *_Nonnull files;
    size_t file_count;
    int loaded;
    char failure[512];
} pk_lazy_library;

/* Opens every file and looks up every symbol; sets `loaded`, or leaves it 0 and says why in `failure`. Call it
 * once (through pthread_once: PK_LAZY_LIBRARY does). */
void pk_lazy_open(pk_lazy_library *_Nonnull library);
/* Prints "presskit: <failure>" on stderr and exits with status 70. */
void pk_lazy_fail(const pk_lazy_library *_Nonnull library) __attribute__((noreturn));

/* A library's load function (pk_xml_load, pk_zip_load, …): 1 when loaded, 0 when it cannot be. */
typedef int (*pk_lazy_load_function)(void);
/* Loading ahead: one thread that calls the first `count` (at most 4) of `loads` in order while the caller goes
 * on, so a library the conversion will need is loaded on the second core while the first reads and converts.
 * A load function called later on the caller's thread waits for the load under way (pthread_once) and gives
 * its result, error message included. NULL when no thread could be started: then nothing is loaded ahead. */
void *_Nullable pk_lazy_prefetch_start(const pk_lazy_load_function _Nonnull *_Nonnull loads, size_t count);
/* Waits for the thread pk_lazy_prefetch_start started (so none outlives the work that asked for it). */
void pk_lazy_prefetch_join(void *_Nullable prefetch);

/* How many libraries these loaders have loaded so far (what a look for a library they may bring in can wait
 * for). */
unsigned pk_lazy_loads(void);

/* SHA-1 through libcrypto's SHA1_Init/Update/Final (SHA extensions or vector code: a tenth of a portable
 * SHA-1's time), used only when the process has loaded libcrypto already (libzip depends on it); nothing
 * is loaded for it. pk_sha1_begin gives NULL when libcrypto is not loaded (or a context cannot be made):
 * the caller then hashes with its own SHA-1, which gives the same digest. A context is finished or
 * discarded exactly once; pk_sha1_copy duplicates one (NULL when out of memory). */
void *_Nullable pk_sha1_begin(void);
void pk_sha1_update(void *_Nonnull context, const void *_Nonnull data, size_t count);
void *_Nullable pk_sha1_copy(const void *_Nonnull context);
void pk_sha1_finish(void *_Nonnull context, unsigned char *_Nonnull digest);
void pk_sha1_discard(void *_Nonnull context);

#define PK_LAZY_SYMBOLS(symbols) symbols, sizeof symbols / sizeof symbols[0]

#define PK_LAZY_POINTER(type, name, params, args) static void *p_##name;
#define PK_LAZY_POINTER_V(name, params, args) static void *p_##name;
#define PK_LAZY_SYMBOL(type, name, params, args) {#name, &p_##name},
#define PK_LAZY_SYMBOL_V(name, params, args) {#name, &p_##name},

/* Defines `int load(void)` (1 when the library is loaded; loads it on the first call, thread-safe, 0 when it
 * cannot be), `const char *load_error(void)` (why not; "" when it loaded) and the static pk_lazy_require()
 * that the forwarding definitions call. */
#define PK_LAZY_LIBRARY(display_name, files, load, load_error) \
    static pk_lazy_library pk_lazy_this = {display_name, files, sizeof files / sizeof files[0], 0, ""}; \
    static pthread_once_t pk_lazy_once = PTHREAD_ONCE_INIT; \
    static void pk_lazy_open_this(void) { pk_lazy_open(&pk_lazy_this); } \
    int load(void) { \
        pthread_once(&pk_lazy_once, pk_lazy_open_this); \
        return pk_lazy_this.loaded; \
    } \
    const char *load_error(void) { \
        load(); \
        return pk_lazy_this.failure; \
    } \
    static void pk_lazy_require(void) { \
        if (!load()) pk_lazy_fail(&pk_lazy_this); \
    }

#define PK_LAZY_HIDDEN __attribute__((visibility("hidden")))
/* The loaded function `name`, with its declared type. */
#define PK_LAZY_CALL(name) ((__typeof__(name) *)p_##name)
/* A definition of `prefix##name` that loads the library and calls the loaded `name`. */
#define PK_LAZY_FORWARD_AS(prefix, type, name, params, args) \
    PK_LAZY_HIDDEN type prefix##name params { \
        pk_lazy_require(); \
        return PK_LAZY_CALL(name) args; \
    }
#define PK_LAZY_FORWARD_AS_V(prefix, name, params, args) \
    PK_LAZY_HIDDEN void prefix##name params { \
        pk_lazy_require(); \
        PK_LAZY_CALL(name) args; \
    }
/* Definitions under the library's own names. */
#define PK_LAZY_FORWARD(type, name, params, args) PK_LAZY_FORWARD_AS(, type, name, params, args)
#define PK_LAZY_FORWARD_V(name, params, args) PK_LAZY_FORWARD_AS_V(, name, params, args)
#endif
