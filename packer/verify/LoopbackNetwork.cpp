//===- LoopbackNetwork.cpp - A network namespace with only loopback -------===//

#include "verify/LoopbackNetwork.h"
#include "verify/SystemError.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace llvm;

namespace brisk {

Expected<int> enterLoopbackOnlyNetwork() {
  if (unshare(CLONE_NEWNET) != 0)
    return systemError("cannot create a network namespace");
  // A new namespace has "lo", down; bring it up so 127.0.0.1 works.
  int Socket = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (Socket < 0)
    return systemError("cannot open a socket in the new network namespace");
  struct ifreq Request = {};
  std::strncpy(Request.ifr_name, "lo", IFNAMSIZ - 1);
  bool Up = ioctl(Socket, SIOCGIFFLAGS, &Request) == 0;
  if (Up) {
    Request.ifr_flags |= IFF_UP | IFF_RUNNING;
    Up = ioctl(Socket, SIOCSIFFLAGS, &Request) == 0;
  }
  int Saved = errno;
  close(Socket);
  if (!Up) {
    errno = Saved;
    return systemError("cannot bring up loopback in the new network namespace");
  }
  int Namespace = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
  if (Namespace < 0)
    return systemError("cannot open /proc/thread-self/ns/net");
  return Namespace;
}

} // namespace brisk
