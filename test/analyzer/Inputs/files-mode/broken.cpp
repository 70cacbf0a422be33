#include "missing/config.h"

int brokenHelper() { return 1; }
