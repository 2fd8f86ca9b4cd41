#ifndef PRESSKIT_CUCHARDET_SHIM_H
#define PRESSKIT_CUCHARDET_SHIM_H
#include <uchardet.h>
#endif
