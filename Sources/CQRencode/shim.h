#ifndef CIID_CQRENCODE_SHIM_H
#define CIID_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
