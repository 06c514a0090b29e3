#ifndef CIID_CSODIUM_SHIM_H
#define CIID_CSODIUM_SHIM_H
#include <sodium.h>
#endif
