//===- SizeBudget.cpp - How much of an input brisk-pack will read ---------===//

#include "inventory/SizeBudget.h"

namespace brisk {

char OverLimitError::ID = 0;

} // namespace brisk
