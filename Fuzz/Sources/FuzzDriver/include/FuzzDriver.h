#ifndef CIID_FUZZ_DRIVER_H
#define CIID_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer on `test` with the process's arguments (`-runs=`, `-max_total_time=`, corpus
/// folders...) and returns its exit status. Each fuzz target's `main` calls it: SwiftPM names the
/// executable's entry point after the module, so libFuzzer's own `main` is not used.
int ciid_fuzz_run(int argc, char **argv, int (*test)(const uint8_t *data, size_t size));

#endif
