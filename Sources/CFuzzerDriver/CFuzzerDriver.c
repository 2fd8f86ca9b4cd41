/* Declarations only: LLVMFuzzerRunDriver comes from libFuzzer when built with -sanitize=fuzzer. */
#include "CFuzzerDriver.h"
