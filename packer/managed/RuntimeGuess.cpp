//===- RuntimeGuess.cpp - Which managed runtime a tree is for -------------===//

#include "managed/RuntimeGuess.h"
#include "elf/RuntimeProfile.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

#include <nlohmann/json.hpp>

#include <set>

using namespace llvm;

namespace brisk {

static bool atRoot(StringRef Path) { return !Path.contains('/'); }

// "3.11" from "x.cpython-311-x86_64-linux-gnu.so", or "".
static std::string extensionVersion(StringRef Path) {
  StringRef Name = sys::path::filename(Path);
  size_t At = Name.find(".cpython-3");
  if (At == StringRef::npos || !Name.ends_with(".so"))
    return "";
  StringRef Digits = Name.substr(At + strlen(".cpython-3"));
  Digits = Digits.take_while(isDigit);
  if (Digits.empty())
    return "";
  return ("3." + Digits).str();
}

static std::string knownList(StringRef RulesDir, StringRef Prefix) {
  std::vector<std::string> Names;
  for (const std::string &R : knownRuntimes(RulesDir))
    if (StringRef(R).starts_with(Prefix))
      Names.push_back(R);
  return join(Names, "|");
}

static Expected<std::string> guessPython(const Inventory &Inv,
                                         StringRef RulesDir, StringRef Module) {
  std::set<std::string> Versions;
  std::string Example;
  for (const InventoryFile &F : Inv.Files) {
    std::string V = extensionVersion(F.Path);
    if (V.empty())
      continue;
    if (Versions.insert(V).second && Example.empty())
      Example = F.Path;
  }
  std::string Ask = "pass --runtime=" + knownList(RulesDir, "python");
  if (Versions.empty())
    return createStringError("cannot tell its runtime: a Python tree ('" +
                             Module +
                             "'), but no compiled module (*.cpython-3XY-*.so) "
                             "says which Python: " +
                             Ask);
  if (Versions.size() > 1)
    return createStringError(
        "cannot tell its runtime: its compiled modules are for Python " +
        join(Versions, " and ") + ": " + Ask);
  std::string Runtime = "python" + *Versions.begin();
  if (!is_contained(knownRuntimes(RulesDir), Runtime))
    return createStringError("its compiled modules ('" + Example +
                             "') are for " + Runtime +
                             ", which is not a runtime Lambda offers: " + Ask);
  return Runtime;
}

// The major version a plain "engines.node" names ("20", "20.x", "^20.9",
// "~20.1.0", ">=20 <21" is not plain), or "".
static std::string engineMajor(StringRef Range) {
  Range = Range.trim();
  Range.consume_front("^") || Range.consume_front("~");
  StringRef Major = Range.take_while(isDigit);
  StringRef Rest = Range.drop_front(Major.size());
  if (Major.empty() ||
      !all_of(Rest, [](char C) { return isDigit(C) || C == '.' || C == 'x'; }))
    return "";
  return Major.str();
}

static Expected<std::string> guessNode(StringRef RulesDir,
                                       const InventoryFile &PackageJson) {
  std::string Ask = "pass --runtime=" + knownList(RulesDir, "nodejs");
  std::string Text;
  // A package.json is small; one that is not is not a guide to anything.
  constexpr uint64_t SizeMax = 1 << 20;
  if (PackageJson.Kind == FileKind::Other && PackageJson.Size <= SizeMax) {
    Expected<std::string> Bytes = peekSource(PackageJson.Source, SizeMax);
    if (!Bytes)
      return Bytes.takeError();
    Text = std::move(*Bytes);
  }
  nlohmann::json Root = nlohmann::json::parse(Text, nullptr,
                                              /*allow_exceptions=*/false);
  std::string Range;
  if (Root.is_object() && Root.contains("engines") &&
      Root["engines"].is_object() && Root["engines"].contains("node") &&
      Root["engines"]["node"].is_string())
    Range = Root["engines"]["node"].get<std::string>();
  if (Range.empty())
    return createStringError("cannot tell its runtime: a Node.js tree "
                             "(package.json), but no \"engines\": {\"node\"} "
                             "in it says which Node.js: " +
                             Ask);
  std::string Major = engineMajor(Range);
  std::string Runtime = "nodejs" + Major + ".x";
  if (Major.empty() || !is_contained(knownRuntimes(RulesDir), Runtime))
    return createStringError("cannot tell its runtime: package.json's "
                             "\"engines\": {\"node\": \"" +
                             Range + "\"} names no one Lambda runtime: " + Ask);
  return Runtime;
}

Expected<std::string> guessManagedRuntime(const Inventory &Inv,
                                          StringRef RulesDir) {
  const InventoryFile *PackageJson = Inv.find("package.json");
  auto Module = find_if(Inv.Files, [](const InventoryFile &F) {
    return atRoot(F.Path) && StringRef(F.Path).ends_with(".py") &&
           F.Kind != FileKind::Folder;
  });
  bool Python = Module != Inv.Files.end();
  if (Python && PackageJson)
    return createStringError(
        "cannot tell its runtime: it has both Python modules ('" +
        Module->Path + "') and a package.json at its root: pass --runtime");
  if (PackageJson)
    return guessNode(RulesDir, *PackageJson);
  if (Python)
    return guessPython(Inv, RulesDir, Module->Path);
  return "";
}

} // namespace brisk
