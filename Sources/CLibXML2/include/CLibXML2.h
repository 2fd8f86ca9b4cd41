#ifndef PRESSKIT_CLIBXML2_H
#define PRESSKIT_CLIBXML2_H
/* libxml2, loaded on first use (dlopen of libxml2.so.2) instead of at process start: libxml2 brings ICU
 * (libicuuc, libicudata), libstdc++ and liblzma, whose loading and symbol binding were a third of a small
 * Markdown or text conversion's instructions, and a conversion that reads no HTML or XML needs none of it.
 *
 * The types, constants and function declarations are libxml2's own headers (`libxml` here is a link to
 * /usr/include/libxml2/libxml, from libxml2-dev: the build links no libxml2). The functions presskit calls
 * are defined in loader.c under their libxml2 names, with hidden visibility, each forwarding to libxml2's
 * function found by dlsym: Swift calls them as it called libxml2 directly. Only the functions listed in
 * loader.c exist; calling another libxml2 function fails to link.
 *
 * The first call of any of them loads libxml2 (thread-safe); when it cannot be loaded, that call prints why
 * and exits with status 70 (an internal error). Code that can throw calls pk_xml_load() first instead. */
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU; its headers clash with Foundation's ICU module. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/globals.h>

/* 1 when libxml2 is loaded (loads it on the first call, thread-safe), 0 when it cannot be. */
int pk_xml_load(void);
/* Why the load failed ("" when it did not). */
const char *_Nonnull pk_xml_load_error(void);

/* `xmlFree` is a variable (a function pointer) Swift cannot call: this calls it. */
void presskit_xmlFree(void *_Nullable p);

/* Error handlers are per thread in libxml2: install silent ones before each parse. */
void presskit_xml_silence_errors(void);
#endif
