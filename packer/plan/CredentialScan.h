//===- CredentialScan.h - AWS keys written into a file's text -------------===//
//
// The pattern brisk-check's hardcoded-credential rule names (design.md): an
// AWS access key id (AKIA or ASIA and 16 of [A-Z2-7], standing alone) with
// a 40-character secret access key (letters of both cases, digits, '/' and
// '+', standing alone, at least one upper-case letter, one lower-case
// letter and one digit or '/' or '+') within 256 bytes of it, before or
// after. AWS's documentation placeholders (ids and secrets containing
// EXAMPLE, which botocore's own examples ship) and look-alikes (a key id
// alone, a 40-character hex digest, a longer run of base64) are not
// secrets. The file is read a chunk at a time; memory stays constant.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_PLAN_CREDENTIALSCAN_H
#define BRISK_PACKER_PLAN_CREDENTIALSCAN_H

#include "inventory/FileSource.h"

#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>

namespace brisk {

/// The 1-based line of the first access key id in \p Source that has a
/// secret next to it, or nothing.
llvm::Expected<std::optional<uint64_t>>
findAwsCredential(const FileSource &Source);

/// The same over bytes in memory, for tests and small texts.
std::optional<uint64_t> findAwsCredentialIn(llvm::StringRef Text);

} // namespace brisk

#endif
