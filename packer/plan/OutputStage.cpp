//===- OutputStage.cpp - All of a run's outputs, or none ------------------===//

#include "plan/OutputStage.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace brisk {

Error OutputStage::makeFolders(StringRef Dir) {
  if (Dir.empty() || sys::fs::is_directory(Dir))
    return Error::success();
  if (Error E = makeFolders(sys::path::parent_path(Dir)))
    return E;
  if (std::error_code EC = sys::fs::create_directory(Dir))
    return createStringError(EC, "cannot create folder '" + Dir +
                                     "': " + EC.message());
  CreatedFolders.push_back(Dir.str());
  return Error::success();
}

Expected<sys::fs::TempFile *> OutputStage::create(StringRef RelPath) {
  SmallString<256> Final(OutDir);
  sys::path::append(Final, RelPath);
  if (Error E = makeFolders(sys::path::parent_path(Final)))
    return E;
  Expected<sys::fs::TempFile> Temp =
      sys::fs::TempFile::create(Final + ".tmp-%%%%%%%%");
  if (!Temp)
    return createStringError("cannot create a file next to '" + Final +
                             "': " + toString(Temp.takeError()));
  Files.push_back(std::unique_ptr<Pending>(
      new Pending{std::move(*Temp), Final.str().str()}));
  return &Files.back()->File;
}

Error OutputStage::commit() {
  for (std::unique_ptr<Pending> &P : Files)
    if (Error E = P->File.keep(P->Final))
      return createStringError("cannot write '" + P->Final +
                               "': " + toString(std::move(E)));
  Committed = true;
  return Error::success();
}

OutputStage::~OutputStage() {
  if (Committed)
    return;
  for (std::unique_ptr<Pending> &P : Files)
    consumeError(P->File.discard());
  for (auto It = CreatedFolders.rbegin(); It != CreatedFolders.rend(); ++It)
    sys::fs::remove(*It);
}

} // namespace brisk
