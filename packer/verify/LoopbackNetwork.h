//===- LoopbackNetwork.h - A network namespace with only loopback ---------===//
//
// verify's sandbox may reach the Runtime API emulator and nothing else. The
// emulator's thread moves into a fresh network namespace, whose only
// interface is loopback, before it binds its socket; the sandbox then joins
// that namespace, so 127.0.0.1 inside it is the emulator and no other
// address leads anywhere.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_VERIFY_LOOPBACKNETWORK_H
#define BRISK_PACKER_VERIFY_LOOPBACKNETWORK_H

#include "llvm/Support/Error.h"

namespace brisk {

/// Moves the calling thread (only it: network namespaces are per thread)
/// into a new network namespace with the loopback interface up, and returns
/// an O_CLOEXEC descriptor of that namespace for setns(2). Needs
/// CAP_SYS_ADMIN; fails with EPERM without it.
llvm::Expected<int> enterLoopbackOnlyNetwork();

} // namespace brisk

#endif
