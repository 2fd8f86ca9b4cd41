/* cmark-gfm's functions that presskit calls, defined under their own names (hidden) and forwarding to the
 * libraries loaded on first use: see include/CCMark.h and CLazyLibrary.h. The headers' export macros are
 * emptied so that they do not declare the names with default visibility first. */
#define CMARK_GFM_STATIC_DEFINE
#define CMARK_GFM_EXTENSIONS_STATIC_DEFINE
#include "CCMark.h"
#include <CLazyLibrary.h>

/* libcmark-gfm's. */
#define PK_CMARK_FUNCTIONS(X, V) \
    X(cmark_syntax_extension *, cmark_find_syntax_extension, (const char *name), (name)) \
    X(int, cmark_parser_attach_syntax_extension, (cmark_parser *parser, cmark_syntax_extension *extension), \
      (parser, extension)) \
    X(cmark_node *, cmark_node_first_child, (cmark_node *node), (node)) \
    V(cmark_node_free, (cmark_node *node), (node)) \
    X(int, cmark_node_get_end_line, (cmark_node *node), (node)) \
    X(const char *, cmark_node_get_fence_info, (cmark_node *node), (node)) \
    X(int, cmark_node_get_heading_level, (cmark_node *node), (node)) \
    X(cmark_delim_type, cmark_node_get_list_delim, (cmark_node *node), (node)) \
    X(int, cmark_node_get_list_start, (cmark_node *node), (node)) \
    X(int, cmark_node_get_list_tight, (cmark_node *node), (node)) \
    X(cmark_list_type, cmark_node_get_list_type, (cmark_node *node), (node)) \
    X(const char *, cmark_node_get_literal, (cmark_node *node), (node)) \
    X(int, cmark_node_get_start_column, (cmark_node *node), (node)) \
    X(int, cmark_node_get_start_line, (cmark_node *node), (node)) \
    X(const char *, cmark_node_get_title, (cmark_node *node), (node)) \
    X(cmark_node_type, cmark_node_get_type, (cmark_node *node), (node)) \
    X(const char *, cmark_node_get_type_string, (cmark_node *node), (node)) \
    X(const char *, cmark_node_get_url, (cmark_node *node), (node)) \
    X(cmark_node *, cmark_node_next, (cmark_node *node), (node)) \
    X(cmark_node *, cmark_node_parent, (cmark_node *node), (node)) \
    V(cmark_parser_feed, (cmark_parser *parser, const char *buffer, size_t len), (parser, buffer, len)) \
    X(cmark_node *, cmark_parser_finish, (cmark_parser *parser), (parser)) \
    V(cmark_parser_free, (cmark_parser *parser), (parser)) \
    X(cmark_parser *, cmark_parser_new, (int options), (options))

/* libcmark-gfm-extensions'. */
#define PK_CMARK_EXTENSIONS_FUNCTIONS(X, V) \
    V(cmark_gfm_core_extensions_ensure_registered, (void), ()) \
    X(uint8_t *, cmark_gfm_extensions_get_table_alignments, (cmark_node *node), (node)) \
    X(uint16_t, cmark_gfm_extensions_get_table_columns, (cmark_node *node), (node)) \
    X(bool, cmark_gfm_extensions_get_tasklist_item_checked, (cmark_node *node), (node))

PK_CMARK_FUNCTIONS(PK_LAZY_POINTER, PK_LAZY_POINTER_V)
PK_CMARK_EXTENSIONS_FUNCTIONS(PK_LAZY_POINTER, PK_LAZY_POINTER_V)
static const pk_lazy_symbol symbols[] = {PK_CMARK_FUNCTIONS(PK_LAZY_SYMBOL, PK_LAZY_SYMBOL_V)};
static const pk_lazy_symbol extensions_symbols[] = {PK_CMARK_EXTENSIONS_FUNCTIONS(PK_LAZY_SYMBOL, PK_LAZY_SYMBOL_V)};
/* The sonames of Debian's libcmark-gfm0.29.0.gfm.6 and libcmark-gfm-extensions0.29.0.gfm.6; else the
 * development links libcmark-gfm-dev and libcmark-gfm-extensions-dev install beside the headers. */
static const pk_lazy_file files[] = {
    {"libcmark-gfm.so.0.29.0.gfm.6", "libcmark-gfm.so", "libcmark-gfm0.29.0.gfm.6", PK_LAZY_SYMBOLS(symbols)},
    {"libcmark-gfm-extensions.so.0.29.0.gfm.6", "libcmark-gfm-extensions.so", "libcmark-gfm-extensions0.29.0.gfm.6",
     PK_LAZY_SYMBOLS(extensions_symbols)},
};
PK_LAZY_LIBRARY("cmark-gfm", files, pk_cmark_load, pk_cmark_load_error)
PK_CMARK_FUNCTIONS(PK_LAZY_FORWARD, PK_LAZY_FORWARD_V)
PK_CMARK_EXTENSIONS_FUNCTIONS(PK_LAZY_FORWARD, PK_LAZY_FORWARD_V)
