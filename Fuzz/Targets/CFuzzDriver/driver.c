#include "CFuzzDriver.h"

static MaasFuzzInput registered;

// The runtime's own `main` is linked too (and left unused) and names this symbol.
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    return registered ? registered(data, size) : 0;
}

int maas_fuzz_main(int argc, char **argv, MaasFuzzInput callback) {
    registered = callback;
    return LLVMFuzzerRunDriver(&argc, &argv, callback);
}
