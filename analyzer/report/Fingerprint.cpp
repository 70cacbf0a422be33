//===- Fingerprint.cpp - A finding's identity that survives moved lines ---===//

#include "report/Fingerprint.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA256.h"

#include <cctype>

namespace brisk {

std::string lineHash(const Finding &F, SourceFiles &Sources) {
  std::string Key = F.Rule + ":";
  if (auto Line = Sources.line(F.Loc.File, F.Loc.Line)) {
    for (char C : *Line)
      if (!std::isspace(static_cast<unsigned char>(C)))
        Key.push_back(C);
  } else {
    Key += F.Message;
  }
  auto Digest = llvm::SHA256::hash(llvm::arrayRefFromStringRef(Key));
  return llvm::toHex(llvm::ArrayRef(Digest).take_front(8), /*LowerCase=*/true);
}

std::string relativeToRoot(llvm::StringRef File, llvm::StringRef Root) {
  std::string Dir = Root.ends_with("/") ? Root.str() : Root.str() + "/";
  if (!Root.empty() && File.starts_with(Dir))
    return File.substr(Dir.size()).str();
  return File.str();
}

} // namespace brisk
