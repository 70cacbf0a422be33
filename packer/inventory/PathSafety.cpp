//===- PathSafety.cpp - Refuse paths that escape a function's tree --------===//

#include "inventory/PathSafety.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace brisk {

Expected<std::string> normaliseEntryPath(StringRef Path) {
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
