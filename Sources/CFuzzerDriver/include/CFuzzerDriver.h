#ifndef PRESSKIT_CFUZZERDRIVER_H
#define PRESSKIT_CFUZZERDRIVER_H
#include <stddef.h>
#include <stdint.h>
/* libFuzzer's entry point for programs with their own main (SwiftPM hides libFuzzer's main). */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif
