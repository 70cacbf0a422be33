//===- BaseImage.cpp - The stand-in for a runtime's base image ------------===//

#include "verify/BaseImage.h"
#include "elf/DependencyResolver.h"

#include "llvm/BinaryFormat/ELF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <unistd.h>

using namespace llvm;

namespace brisk {

/// The first file named Soname in Dirs that is ELF for Machine, symlinks
/// followed.
static std::string findLibrary(StringRef Soname,
                               const std::vector<std::string> &Dirs,
                               uint16_t Machine) {
  for (const std::string &Dir : Dirs) {
    SmallString<256> Candidate(Dir), Real;
    sys::path::append(Candidate, Soname);
    if (sys::fs::real_path(Candidate, Real) || !sys::fs::is_regular_file(Real))
      continue;
    auto Buffer = MemoryBuffer::getFile(Real, /*IsText=*/false,
                                        /*RequiresNullTerminator=*/false);
    if (!Buffer)
      continue;
    Expected<ElfInfo> Info = readElfInfo(**Buffer);
    if (!Info) {
      consumeError(Info.takeError());
      continue;
    }
    if (Info->Machine == Machine && Info->Is64Bit)
      return Real.str().str();
  }
  return "";
}

Expected<BaseImage> standInImage(const RuntimeProfile &Profile) {
  BaseImage Image;
  uint16_t Machine =
      Profile.Architecture == "arm64" ? ELF::EM_AARCH64 : ELF::EM_X86_64;
  std::string LoaderName = sys::path::filename(Profile.Loader).str();
  auto Add = [&](StringRef Soname, StringRef HostFile) {
    // Amazon Linux has merged /usr: the loader sits where its PT_INTERP path
    // leads through /lib64 -> usr/lib64, everything else in /usr/lib64.
    std::string Target = Soname == LoaderName ? "/usr" + Profile.Loader
                                              : ("/usr/lib64/" + Soname).str();
    Image.Mounts.push_back(
        {SandboxMount::ReadOnlyBind, HostFile.str(), Target});
    Image.Sonames.insert(Soname.str());
  };

  std::vector<std::string> Dirs =
      systemLibraryDirs(ResolveOptions(), Machine, /*Is64Bit=*/true);
  for (const std::string &Soname : Profile.ProvidedSonames) {
    std::vector<std::string> Where = Dirs;
    if (Soname == LoaderName)
      Where.insert(Where.begin(), sys::path::parent_path(Profile.Loader).str());
    std::string Host = findLibrary(Soname, Where, Machine);
    if (Host.empty())
      Image.Missing.push_back(Soname);
    else
      Add(Soname, Host);
  }

  // Every image has a shell, with the libraries it needs. On Amazon Linux
  // /bin/sh is bash, so bootstraps written for it may use bash's syntax:
  // the host's bash stands in, with sh a link to it, where there is one.
  SmallString<256> Shell;
  bool Bash = !sys::fs::real_path("/bin/bash", Shell);
  if (!Bash)
    if (std::error_code EC = sys::fs::real_path("/bin/sh", Shell))
      return createStringError(EC, "cannot find the host's /bin/sh: " +
                                       EC.message());
  if (Bash) {
    Image.Mounts.push_back(
        {SandboxMount::ReadOnlyBind, Shell.str().str(), "/usr/bin/bash"});
    Image.Mounts.push_back({SandboxMount::Symlink, "bash", "/usr/bin/sh"});
  } else {
    Image.Mounts.push_back(
        {SandboxMount::ReadOnlyBind, Shell.str().str(), "/usr/bin/sh"});
  }
  Expected<DependencyClosure> ShellLibraries =
      resolveDependencies(Shell, ResolveOptions(), Profile);
  if (!ShellLibraries)
    return ShellLibraries.takeError();
  for (const ResolvedLibrary &Lib : ShellLibraries->Libraries)
    if (!Lib.RealPath.empty() && !Image.Sonames.count(Lib.Soname))
      Add(Lib.Soname, Lib.RealPath);

  for (auto [Link, Target] :
       {std::pair<const char *, const char *>{"/lib64", "usr/lib64"},
        {"/lib", "usr/lib"},
        {"/bin", "usr/bin"},
        {"/sbin", "usr/sbin"}})
    Image.Mounts.push_back({SandboxMount::Symlink, Target, Link});
  return Image;
}

BaseImage hostBaseImage() {
  BaseImage Image;
  for (const char *Dir : {"/usr", "/lib", "/lib64", "/bin", "/sbin"}) {
    sys::fs::file_status Status;
    if (sys::fs::status(Dir, Status, /*follow=*/false))
      continue;
    if (Status.type() == sys::fs::file_type::symlink_file) {
      char Target[4096];
      ssize_t N = readlink(Dir, Target, sizeof(Target));
      if (N > 0)
        Image.Mounts.push_back(
            {SandboxMount::Symlink, std::string(Target, N), Dir});
    } else if (Status.type() == sys::fs::file_type::directory_file) {
      Image.Mounts.push_back({SandboxMount::ReadOnlyBind, Dir, Dir});
    }
  }
  return Image;
}

std::string lambdaPasswd(unsigned Uid, unsigned Gid) {
  return "root:x:0:0:root:/root:/bin/bash\n"
         "sbx_user1051:x:" +
         std::to_string(Uid) + ":" + std::to_string(Gid) +
         "::/home/sbx_user1051:/sbin/nologin\n";
}

std::string lambdaGroup(unsigned Gid) {
  return "root:x:0:\nsbx_user1051:x:" + std::to_string(Gid) + ":\n";
}

} // namespace brisk
