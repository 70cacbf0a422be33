//===- SecretFilter.h - Files that must not ship by accident --------------===//

#ifndef BRISK_PACKER_PLAN_SECRETFILTER_H
#define BRISK_PACKER_PLAN_SECRETFILTER_H

#include "llvm/ADT/StringRef.h"

namespace brisk {

/// Why the tree-relative \p Path looks like a secret (".env file", "private
/// key", ...), or "" when it does not: .env files, *.pem, ssh private keys
/// (id_rsa*, id_ed25519*, ...), .aws/credentials, anything under .git/.
llvm::StringRef secretReason(llvm::StringRef Path);

} // namespace brisk

#endif
