//===- PathSafety.cpp - Refuse paths that escape a function's tree --------===//

#include "inventory/PathSafety.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Format.h"

using namespace llvm;

namespace brisk {

static bool isUTF8(StringRef Text) {
  const UTF8 *Begin = reinterpret_cast<const UTF8 *>(Text.begin());
  return isLegalUTF8String(&Begin, reinterpret_cast<const UTF8 *>(Text.end()));
}

std::string printablePath(StringRef Path) {
  std::string Out;
  for (size_t I = 0; I < Path.size();) {
    unsigned Length = getNumBytesForUTF8(Path[I]);
    StringRef Char = Path.substr(I, Length);
    bool Printable =
        Char.size() == Length && (Length > 1 ? isUTF8(Char) : isPrint(Path[I]));
    if (!Printable) {
      Out += "\\x" + utohexstr(static_cast<unsigned char>(Path[I]),
                               /*LowerCase=*/true, /*Width=*/2);
      ++I;
      continue;
    }
    Out += Char;
    I += Length;
  }
  return Out;
}

bool isTreeRoot(StringRef Path) {
  if (Path.starts_with("/"))
    return false;
  SmallVector<StringRef, 4> Parts;
  Path.split(Parts, '/');
  return all_of(Parts, [](StringRef P) { return P.empty() || P == "."; });
}

Expected<std::string> normaliseEntryPath(StringRef Path) {
  if (!isUTF8(Path))
    return createStringError("name '" + printablePath(Path) +
                             "' is not UTF-8, which zip names must be");
  if (Path.starts_with("/"))
    return createStringError("absolute path '" + Path + "' in input");
  SmallVector<StringRef, 8> Parts;
  Path.split(Parts, '/');
  std::string Out;
  for (StringRef Part : Parts) {
    if (Part.empty() || Part == ".")
      continue;
    if (Part == "..")
      return createStringError("path '" + Path + "' climbs out with '..'");
    if (!Out.empty())
      Out += '/';
    Out += Part;
  }
  if (Out.empty())
    return createStringError("empty entry name '" + Path + "'");
  return Out;
}

Expected<std::string> resolveLinkInTree(StringRef LinkPath, StringRef Target) {
  if (Target.empty())
    return createStringError("symlink '" + LinkPath + "' has an empty target");
  if (Target.starts_with("/"))
    return createStringError("symlink '" + LinkPath + "' points to absolute '" +
                             Target + "', outside the tree");
  SmallVector<std::string, 8> Stack;
  SmallVector<StringRef, 8> Parts;
  StringRef(LinkPath).split(Parts, '/');
  for (StringRef Part : ArrayRef<StringRef>(Parts).drop_back())
    Stack.push_back(Part.str());
  Parts.clear();
  Target.split(Parts, '/');
  for (StringRef Part : Parts) {
    if (Part.empty() || Part == ".")
      continue;
    if (Part == "..") {
      if (Stack.empty())
        return createStringError("symlink '" + LinkPath + "' -> '" + Target +
                                 "' leaves the tree");
      Stack.pop_back();
      continue;
    }
    Stack.push_back(Part.str());
  }
  if (Stack.empty())
    return createStringError("symlink '" + LinkPath + "' -> '" + Target +
                             "' points at the tree root");
  return join(Stack, "/");
}

} // namespace brisk
