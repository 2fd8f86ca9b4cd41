#ifndef PRESSKIT_CLIBZIP_SHIM_H
#define PRESSKIT_CLIBZIP_SHIM_H
#include <zip.h>
#endif
