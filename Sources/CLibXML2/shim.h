#ifndef PRESSKIT_CLIBXML2_SHIM_H
#define PRESSKIT_CLIBXML2_SHIM_H
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

static inline void presskit_xmlFree(void *p) { xmlFree(p); }

static void presskit_xml_silent_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void presskit_xml_silent_structured(void *ctx, xmlErrorPtr err) { (void)ctx; (void)err; }

/* Error handlers are per thread in libxml2: install the silent ones before each parse. */
static inline void presskit_xml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, presskit_xml_silent_generic);
    xmlSetStructuredErrorFunc(NULL, presskit_xml_silent_structured);
    xmlThrDefSetGenericErrorFunc(NULL, presskit_xml_silent_generic);
    xmlThrDefSetStructuredErrorFunc(NULL, presskit_xml_silent_structured);
}
#endif
