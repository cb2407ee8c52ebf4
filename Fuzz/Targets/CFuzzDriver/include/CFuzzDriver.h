// libFuzzer's driver (in the toolchain's runtime, linked by -sanitize=fuzzer). A fuzz
// target calls it from its own main: SwiftPM gives every executable a `main`, so the
// runtime's `main` is never linked.
#include <stddef.h>
#include <stdint.h>

typedef int (*MaasFuzzInput)(const uint8_t *data, size_t size);

int LLVMFuzzerRunDriver(int *argc, char ***argv, MaasFuzzInput callback);

// Runs libFuzzer with the process's arguments and the input callback.
int maas_fuzz_main(int argc, char **argv, MaasFuzzInput callback);
