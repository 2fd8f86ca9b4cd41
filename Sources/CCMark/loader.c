/* cmark-gfm's functions that presskit calls, defined under their own names and forwarding to the libraries
 * loaded on first use: see include/CCMark.h. Hidden visibility (PK_HIDDEN) keeps these definitions out of the
 * executable's dynamic symbol table, so cmark-gfm's calls to its own functions never land here; the headers'
 * export macros are emptied so that they do not declare the names with default visibility first. */
#define CMARK_GFM_STATIC_DEFINE
#define CMARK_GFM_EXTENSIONS_STATIC_DEFINE
#include "CCMark.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* X(return type, name, (parameters), (arguments), library); V(…) for functions returning void. The library is
 * 0 for libcmark-gfm, 1 for libcmark-gfm-extensions. */
#define PK_CMARK_FUNCTIONS(X, V) \
    X(cmark_syntax_extension *, cmark_find_syntax_extension, (const char *name), (name), 0) \
    X(int, cmark_parser_attach_syntax_extension, (cmark_parser *parser, cmark_syntax_extension *extension), \
      (parser, extension), 0) \
    X(cmark_node *, cmark_node_first_child, (cmark_node *node), (node), 0) \
    V(cmark_node_free, (cmark_node *node), (node), 0) \
    X(int, cmark_node_get_end_line, (cmark_node *node), (node), 0) \
    X(const char *, cmark_node_get_fence_info, (cmark_node *node), (node), 0) \
    X(int, cmark_node_get_heading_level, (cmark_node *node), (node), 0) \
    X(cmark_delim_type, cmark_node_get_list_delim, (cmark_node *node), (node), 0) \
    X(int, cmark_node_get_list_start, (cmark_node *node), (node), 0) \
    X(int, cmark_node_get_list_tight, (cmark_node *node), (node), 0) \
    X(cmark_list_type, cmark_node_get_list_type, (cmark_node *node), (node), 0) \
    X(const char *, cmark_node_get_literal, (cmark_node *node), (node), 0) \
    X(int, cmark_node_get_start_column, (cmark_node *node), (node), 0) \
    X(int, cmark_node_get_start_line, (cmark_node *node), (node), 0) \
    X(const char *, cmark_node_get_title, (cmark_node *node), (node), 0) \
    X(cmark_node_type, cmark_node_get_type, (cmark_node *node), (node), 0) \
    X(const char *, cmark_node_get_type_string, (cmark_node *node), (node), 0) \
    X(const char *, cmark_node_get_url, (cmark_node *node), (node), 0) \
    X(cmark_node *, cmark_node_next, (cmark_node *node), (node), 0) \
    X(cmark_node *, cmark_node_parent, (cmark_node *node), (node), 0) \
    V(cmark_parser_feed, (cmark_parser *parser, const char *buffer, size_t len), (parser, buffer, len), 0) \
    X(cmark_node *, cmark_parser_finish, (cmark_parser *parser), (parser), 0) \
    V(cmark_parser_free, (cmark_parser *parser), (parser), 0) \
    X(cmark_parser *, cmark_parser_new, (int options), (options), 0) \
    V(cmark_gfm_core_extensions_ensure_registered, (void), (), 1) \
    X(uint8_t *, cmark_gfm_extensions_get_table_alignments, (cmark_node *node), (node), 1) \
    X(uint16_t, cmark_gfm_extensions_get_table_columns, (cmark_node *node), (node), 1) \
    X(bool, cmark_gfm_extensions_get_tasklist_item_checked, (cmark_node *node), (node), 1)

#define PK_POINTER(type, name, params, args, library) static __typeof__(name) *p_##name;
#define PK_POINTER_V(name, params, args, library) static __typeof__(name) *p_##name;
PK_CMARK_FUNCTIONS(PK_POINTER, PK_POINTER_V)

static void *handles[2];
static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[512];

static void load(void) {
    /* The sonames of Debian's libcmark-gfm0.29.0.gfm.6 and libcmark-gfm-extensions0.29.0.gfm.6; else the
     * development links libcmark-gfm-dev and libcmark-gfm-extensions-dev install beside the headers. */
    static const char *const names[2][2] = {
        {"libcmark-gfm.so.0.29.0.gfm.6", "libcmark-gfm.so"},
        {"libcmark-gfm-extensions.so.0.29.0.gfm.6", "libcmark-gfm-extensions.so"},
    };
    static const char *const packages[2] = {"libcmark-gfm0.29.0.gfm.6", "libcmark-gfm-extensions0.29.0.gfm.6"};
    for (int library = 0; library < 2; library++) {
        for (size_t i = 0; i < 2 && !handles[library]; i++) {
            handles[library] = dlopen(names[library][i], RTLD_NOW | RTLD_LOCAL);
        }
        if (!handles[library]) {
            const char *why = dlerror();
            snprintf(failure, sizeof failure, "cannot load cmark-gfm (%s or %s; install the %s package): %s",
                     names[library][0], names[library][1], packages[library], why ? why : "unknown error");
            handles[0] = NULL;
            return;
        }
    }
    const char *missing = NULL;
#define PK_LOOKUP(type, name, params, args, library) \
    if (!(p_##name = (__typeof__(name) *)dlsym(handles[library], #name))) missing = #name;
#define PK_LOOKUP_V(name, params, args, library) PK_LOOKUP(void, name, params, args, library)
    PK_CMARK_FUNCTIONS(PK_LOOKUP, PK_LOOKUP_V)
    if (missing) {
        snprintf(failure, sizeof failure, "the cmark-gfm found has no %s", missing);
        handles[0] = handles[1] = NULL;
    }
}

int pk_cmark_load(void) {
    pthread_once(&once, load);
    return handles[0] != NULL && handles[1] != NULL;
}

const char *pk_cmark_load_error(void) {
    pk_cmark_load();
    return failure;
}

/* Reached only by a caller that could not throw (or did not check pk_cmark_load): the message that a throwing
 * caller gives, and the exit status of an internal error. */
static void require_cmark(void) {
    if (!pk_cmark_load()) {
        fprintf(stderr, "presskit: %s\n", failure);
        exit(70);
    }
}

#define PK_HIDDEN __attribute__((visibility("hidden")))
#define PK_WRAPPER(type, name, params, args, library) \
    PK_HIDDEN type name params { \
        require_cmark(); \
        return p_##name args; \
    }
#define PK_WRAPPER_V(name, params, args, library) \
    PK_HIDDEN void name params { \
        require_cmark(); \
        p_##name args; \
    }
PK_CMARK_FUNCTIONS(PK_WRAPPER, PK_WRAPPER_V)
