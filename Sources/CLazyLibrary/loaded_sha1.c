/* SHA-1 through libcrypto when this process has loaded it already: see CLazyLibrary.h. */
#include "CLazyLibrary.h"
#include <dlfcn.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

typedef int (*pk_sha1_init_function)(void *context);
typedef int (*pk_sha1_update_function)(void *context, const void *data, size_t count);
typedef int (*pk_sha1_final_function)(unsigned char *digest, void *context);

typedef struct {
    pk_sha1_init_function init;
    pk_sha1_update_function update;
    pk_sha1_final_function final;
} pk_sha1_functions;

/* SHA_CTX is 96 bytes in OpenSSL 1.1 and 3 (five state words, two length words, sixteen block words, a count):
 * the context is allocated with room to spare. */
enum { pk_sha1_context_size = 256 };

static pk_sha1_functions pk_sha1_found;
static _Atomic(const pk_sha1_functions *) pk_sha1_ready;
static pthread_mutex_t pk_sha1_lock = PTHREAD_MUTEX_INITIALIZER;
/* pk_lazy_loads() at the last look that found nothing, plus one (0: no look yet). */
static unsigned pk_sha1_missed_at;

/* libcrypto's functions once it is loaded; NULL while it is not. Looked for again only after another library
 * has been loaded (libzip, which brings libcrypto, may be the one): a look is a dlopen, thousands of
 * instructions, in every hash of a run that writes no zip. RTLD_NOLOAD never loads anything. */
static const pk_sha1_functions *pk_sha1_functions_if_loaded(void) {
    const pk_sha1_functions *ready = atomic_load_explicit(&pk_sha1_ready, memory_order_acquire);
    if (ready) return ready;
    pthread_mutex_lock(&pk_sha1_lock);
    ready = atomic_load_explicit(&pk_sha1_ready, memory_order_relaxed);
    unsigned loads = pk_lazy_loads();
    if (!ready && pk_sha1_missed_at != loads + 1) {
        static const char *const sonames[] = {"libcrypto.so.3", "libcrypto.so.1.1"};
        for (size_t i = 0; i < sizeof sonames / sizeof sonames[0] && !ready; i++) {
            /* The handle is kept: the library stays loaded while its functions are in use. */
            void *handle = dlopen(sonames[i], RTLD_LAZY | RTLD_LOCAL | RTLD_NOLOAD);
            if (!handle) continue;
            pk_sha1_found.init = (pk_sha1_init_function)dlsym(handle, "SHA1_Init");
            pk_sha1_found.update = (pk_sha1_update_function)dlsym(handle, "SHA1_Update");
            pk_sha1_found.final = (pk_sha1_final_function)dlsym(handle, "SHA1_Final");
            if (pk_sha1_found.init && pk_sha1_found.update && pk_sha1_found.final) {
                ready = &pk_sha1_found;
                atomic_store_explicit(&pk_sha1_ready, ready, memory_order_release);
            } else {
                dlclose(handle);
            }
        }
        if (!ready) pk_sha1_missed_at = loads + 1;
    }
    pthread_mutex_unlock(&pk_sha1_lock);
    return ready;
}

void *pk_sha1_begin(void) {
    const pk_sha1_functions *functions = pk_sha1_functions_if_loaded();
    if (!functions) return NULL;
    void *context = malloc(pk_sha1_context_size);
    if (!context) return NULL;
    if (functions->init(context) != 1) {
        free(context);
        return NULL;
    }
    return context;
}

void pk_sha1_update(void *context, const void *data, size_t count) {
    if (count > 0) pk_sha1_found.update(context, data, count);
}

void *pk_sha1_copy(const void *context) {
    void *copy = malloc(pk_sha1_context_size);
    if (copy) memcpy(copy, context, pk_sha1_context_size);
    return copy;
}

void pk_sha1_finish(void *context, unsigned char *digest) {
    pk_sha1_found.final(digest, context);
    free(context);
}

void pk_sha1_discard(void *context) { free(context); }
