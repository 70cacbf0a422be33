//===- BaseImage.h - The stand-in for a runtime's base image --------------===//
//
// What the sandbox has besides the package: by default exactly the files of
// the sonames rules/runtimes/<runtime>.json lists as provided, taken from the
// host, plus a shell (bash, /bin/sh linking to it, as on Amazon Linux) and
// what it needs, laid out as Amazon Linux does
// (/usr/lib64 with /lib64 a symlink to it). A package that leans on anything
// else of the host fails here as it would on Lambda. --host-base binds the
// host's /usr, /lib and /lib64 instead.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_VERIFY_BASEIMAGE_H
#define BRISK_PACKER_VERIFY_BASEIMAGE_H

#include "elf/RuntimeProfile.h"
#include "verify/SandboxSpec.h"

#include "llvm/Support/Error.h"

#include <set>
#include <string>
#include <vector>

namespace brisk {

struct BaseImage {
  std::vector<SandboxMount> Mounts;
  /// Sonames the image has, by library file name (empty for --host-base).
  std::set<std::string> Sonames;
  /// Provided sonames the host has no file for: the stand-in lacks them.
  std::vector<std::string> Missing;
};

/// The stand-in for \p Profile's image, from the host's libraries (found in
/// the folders the host's loader searches) for Profile's architecture.
llvm::Expected<BaseImage> standInImage(const RuntimeProfile &Profile);

/// The host's /usr, /lib, /lib64, /bin and /sbin as they are (symlinks kept).
BaseImage hostBaseImage();

/// /etc/passwd and /etc/group of the image as far as a function can tell:
/// root and Lambda's sandbox user, sbx_user1051, uid \p Uid and gid \p Gid,
/// home /home/sbx_user1051. Without them getpwuid fails, and so does what
/// relies on it, such as Node.js's os.homedir(), which the AWS SDK for
/// JavaScript calls while loading its configuration.
std::string lambdaPasswd(unsigned Uid, unsigned Gid);
std::string lambdaGroup(unsigned Gid);

} // namespace brisk

#endif
