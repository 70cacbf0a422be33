// Another TU that reads client.h; it has no handler of its own.
#include "client.h"

int countBuckets() { return 0; }
