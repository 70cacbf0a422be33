//===- TreeIndex.cpp - Look-ups over a plan's sorted paths ----------------===//

#include "managed/TreeIndex.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Path.h"

#include <algorithm>

using namespace llvm;

namespace brisk {

static bool pathLess(const PlannedFile &F, StringRef Path) {
  return StringRef(F.ZipPath) < Path;
}

std::optional<size_t> TreeIndex::find(StringRef Path) const {
  auto It = std::lower_bound(Files.begin(), Files.end(), Path, pathLess);
  if (It == Files.end() || It->ZipPath != Path)
    return std::nullopt;
  return It - Files.begin();
}

std::pair<size_t, size_t> TreeIndex::under(StringRef Path) const {
  std::string Prefix = (Path + "/").str();
  auto First = std::lower_bound(Files.begin(), Files.end(), Prefix, pathLess);
  auto Last = First;
  while (Last != Files.end() && StringRef(Last->ZipPath).starts_with(Prefix))
    ++Last;
  return {size_t(First - Files.begin()), size_t(Last - Files.begin())};
}

bool TreeIndex::isFolder(StringRef Path) const {
  if (std::optional<size_t> I = find(Path))
    return Files[*I].isFolder();
  auto [First, Last] = under(Path);
  return First != Last;
}

std::string TreeIndex::normalise(StringRef Path) {
  SmallVector<StringRef, 16> Parts;
  SmallVector<StringRef, 16> In;
  Path.split(In, '/', -1, /*KeepEmpty=*/false);
  for (StringRef P : In) {
    if (P == ".")
      continue;
    if (P == "..") {
      if (Parts.empty())
        return "";
      Parts.pop_back();
      continue;
    }
    Parts.push_back(P);
  }
  std::string Out;
  for (StringRef P : Parts) {
    if (!Out.empty())
      Out += '/';
    Out += P;
  }
  return Out;
}

std::string TreeIndex::resolveLink(StringRef LinkPath, StringRef Target) {
  if (Target.starts_with("/"))
    return "";
  StringRef Dir = sys::path::parent_path(LinkPath, sys::path::Style::posix);
  return normalise(Dir.empty() ? Target.str() : (Dir + "/" + Target).str());
}

Expected<std::string> TreeIndex::readSmall(size_t Index, uint64_t Max) const {
  const PlannedFile &F = Files[Index];
  if (F.Bytes > Max)
    return createStringError("'" + F.ZipPath + "' is " + Twine(F.Bytes) +
                             " bytes, more than metadata ever is (" +
                             Twine(Max) + ")");
  std::string Text;
  if (Error E = F.read([&](StringRef Chunk) {
        Text += Chunk;
        return Error::success();
      }))
    return E;
  return Text;
}

} // namespace brisk
