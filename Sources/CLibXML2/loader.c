/* libxml2's functions that presskit calls, defined under their own names and forwarding to libxml2 loaded
 * on first use: see include/CLibXML2.h. Hidden visibility (PK_HIDDEN) keeps these definitions out of the
 * executable's dynamic symbol table, so libxml2's calls to its own functions never land here. */
#include "CLibXML2.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* X(return type, name, (parameters), (arguments)); V(…) for functions returning void. */
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

#define PK_POINTER(type, name, params, args) static __typeof__(name) *p_##name;
#define PK_POINTER_V(name, params, args) static __typeof__(name) *p_##name;
PK_XML_FUNCTIONS(PK_POINTER, PK_POINTER_V)
static xmlFreeFunc *p_xmlFree;

static void *handle;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[512];

static void load(void) {
    /* The soname of libxml2 2.x; else libxml2.so, the development link libxml2-dev installs beside the
     * headers this was compiled against. */
    static const char *const names[] = {"libxml2.so.2", "libxml2.so"};
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !handle; i++) {
        handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (!handle) {
        const char *why = dlerror();
        snprintf(failure, sizeof failure, "cannot load libxml2 (libxml2.so.2 or libxml2.so; install the libxml2 package): %s",
                 why ? why : "unknown error");
        return;
    }
    const char *missing = NULL;
#define PK_LOOKUP(type, name, params, args) \
    if (!(p_##name = (__typeof__(name) *)dlsym(handle, #name))) missing = #name;
#define PK_LOOKUP_V(name, params, args) PK_LOOKUP(void, name, params, args)
    PK_XML_FUNCTIONS(PK_LOOKUP, PK_LOOKUP_V)
    if (!(p_xmlFree = (xmlFreeFunc *)dlsym(handle, "xmlFree"))) missing = "xmlFree";
    if (missing) {
        snprintf(failure, sizeof failure, "the libxml2 found has no %s", missing);
        handle = NULL;
    }
}

int pk_xml_load(void) {
    pthread_once(&once, load);
    return handle != NULL;
}

const char *pk_xml_load_error(void) {
    pk_xml_load();
    return failure;
}

/* Reached only by a caller that could not throw (or did not check pk_xml_load): the message that a throwing
 * caller gives, and the exit status of an internal error. */
static void require_libxml2(void) {
    if (!pk_xml_load()) {
        fprintf(stderr, "presskit: %s\n", failure);
        exit(70);
    }
}

#define PK_HIDDEN __attribute__((visibility("hidden")))
#define PK_WRAPPER(type, name, params, args) \
    PK_HIDDEN type name params { \
        require_libxml2(); \
        return p_##name args; \
    }
#define PK_WRAPPER_V(name, params, args) \
    PK_HIDDEN void name params { \
        require_libxml2(); \
        p_##name args; \
    }
PK_XML_FUNCTIONS(PK_WRAPPER, PK_WRAPPER_V)

void presskit_xmlFree(void *p) {
    require_libxml2();
    (*p_xmlFree)(p);
}

static void silent_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void silent_structured(void *ctx, xmlErrorPtr err) { (void)ctx; (void)err; }

void presskit_xml_silence_errors(void) {
    require_libxml2();
    p_xmlSetGenericErrorFunc(NULL, silent_generic);
    p_xmlSetStructuredErrorFunc(NULL, silent_structured);
    p_xmlThrDefSetGenericErrorFunc(NULL, silent_generic);
    p_xmlThrDefSetStructuredErrorFunc(NULL, silent_structured);
}
