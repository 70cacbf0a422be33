#include "clients.h"

void archive() { upload(); }
