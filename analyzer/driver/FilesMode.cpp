//===- FilesMode.cpp - The FILEs a run reports on -------------------------===//

#include "driver/FilesMode.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace brisk {

const std::string &CanonicalPaths::get(llvm::StringRef Path) {
  auto [It, Inserted] = Known.try_emplace(Path);
  if (!Inserted)
    return It->second;
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Path, Real)) {
    Real = Path;
    llvm::sys::fs::make_absolute(Real);
    llvm::sys::path::remove_dots(Real, /*remove_dot_dot=*/true);
  }
  It->second = std::string(Real);
  return It->second;
}

FileSelection
selectFiles(llvm::ArrayRef<std::string> Named, llvm::ArrayRef<std::string> TUs,
            llvm::ArrayRef<std::vector<std::string>> UserFilesRead,
            CanonicalPaths &Paths) {
  FileSelection Out;
  Out.All = Named.empty();
  Out.ReportedTUs.assign(TUs.size(), Out.All);
  if (Out.All)
    return Out;
  llvm::StringSet<> Wanted;
  for (const std::string &N : Named)
    Wanted.insert(Paths.get(N));
  for (size_t I = 0; I < TUs.size(); ++I) {
    auto Select = [&](llvm::StringRef File) {
      const std::string &C = Paths.get(File);
      if (Wanted.contains(C)) {
        Out.Files.insert(C);
        Out.ReportedTUs[I] = true;
      }
    };
    Select(TUs[I]);
    if (I < UserFilesRead.size())
      for (const std::string &F : UserFilesRead[I])
        Select(F);
  }
  for (const std::string &N : Named)
    if (!Out.Files.contains(Paths.get(N)))
      Out.Skipped.push_back(N);
  return Out;
}

} // namespace brisk
