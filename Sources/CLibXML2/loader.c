/* libxml2's functions that presskit calls, defined under their own names (hidden) and forwarding to libxml2
 * loaded on first use: see include/CLibXML2.h and CLazyLibrary.h. */
#include "CLibXML2.h"
#include <CLazyLibrary.h>

#define PK_XML_FUNCTIONS(X, V) \
    X(htmlParserCtxtPtr, htmlCreateMemoryParserCtxt, (const char *buffer, int size), (buffer, size)) \
    X(int, htmlCtxtUseOptions, (htmlParserCtxtPtr ctxt, int options), (ctxt, options)) \
    V(htmlFreeParserCtxt, (htmlParserCtxtPtr ctxt), (ctxt)) \
    X(int, htmlIsBooleanAttr, (const xmlChar *name), (name)) \
    X(int, htmlParseDocument, (htmlParserCtxtPtr ctxt), (ctxt)) \
    X(htmlDocPtr, htmlReadMemory, (const char *buffer, int size, const char *URL, const char *encoding, int options), \
      (buffer, size, URL, encoding, options)) \
    X(xmlChar *, xmlCharStrdup, (const char *cur), (cur)) \
    X(xmlNodePtr, xmlDocGetRootElement, (const xmlDoc *doc), (doc)) \
    X(xmlCharEncodingHandlerPtr, xmlFindCharEncodingHandler, (const char *name), (name)) \
    V(xmlFreeDoc, (xmlDocPtr cur), (cur)) \
    V(xmlInitParser, (void), ()) \
    X(xmlDocPtr, xmlReadMemory, (const char *buffer, int size, const char *URL, const char *encoding, int options), \
      (buffer, size, URL, encoding, options)) \
    V(xmlSetGenericErrorFunc, (void *ctx, xmlGenericErrorFunc handler), (ctx, handler)) \
    V(xmlSetStructuredErrorFunc, (void *ctx, xmlStructuredErrorFunc handler), (ctx, handler)) \
    X(int, xmlSwitchToEncoding, (xmlParserCtxtPtr ctxt, xmlCharEncodingHandlerPtr handler), (ctxt, handler)) \
    V(xmlThrDefSetGenericErrorFunc, (void *ctx, xmlGenericErrorFunc handler), (ctx, handler)) \
    V(xmlThrDefSetStructuredErrorFunc, (void *ctx, xmlStructuredErrorFunc handler), (ctx, handler))

PK_XML_FUNCTIONS(PK_LAZY_POINTER, PK_LAZY_POINTER_V)
/* `xmlFree` is a variable (a function pointer): its address. */
static void *p_xmlFree;
static const pk_lazy_symbol symbols[] = {PK_XML_FUNCTIONS(PK_LAZY_SYMBOL, PK_LAZY_SYMBOL_V){"xmlFree", &p_xmlFree}};
/* The soname of libxml2 2.x; else libxml2.so, the development link libxml2-dev installs beside the headers this
 * was compiled against. */
static const pk_lazy_file files[] = {{"libxml2.so.2", "libxml2.so", "libxml2", PK_LAZY_SYMBOLS(symbols)}};
PK_LAZY_LIBRARY("libxml2", files, pk_xml_load, pk_xml_load_error)
PK_XML_FUNCTIONS(PK_LAZY_FORWARD, PK_LAZY_FORWARD_V)

void presskit_xmlFree(void *p) {
    pk_lazy_require();
    (*(xmlFreeFunc *)p_xmlFree)(p);
}

static void silent_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void silent_structured(void *ctx, xmlErrorPtr err) { (void)ctx; (void)err; }

void presskit_xml_silence_errors(void) {
    pk_lazy_require();
    PK_LAZY_CALL(xmlSetGenericErrorFunc)(NULL, silent_generic);
    PK_LAZY_CALL(xmlSetStructuredErrorFunc)(NULL, silent_structured);
    PK_LAZY_CALL(xmlThrDefSetGenericErrorFunc)(NULL, silent_generic);
    PK_LAZY_CALL(xmlThrDefSetStructuredErrorFunc)(NULL, silent_structured);
}
