//===- EventLibrary.cpp - The events verify and invoke deliver ------------===//

#include "verify/EventLibrary.h"
#include "verify/RuntimeApiEmulator.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <nlohmann/json.hpp>

using namespace llvm;

namespace brisk {

std::vector<std::string> standardEventNames(StringRef RulesDir) {
  SmallString<256> Dir(RulesDir);
  sys::path::append(Dir, "events");
  std::vector<std::string> Names;
  std::error_code EC;
  for (sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    StringRef Name = sys::path::filename(It->path());
    if (Name.consume_back(".json"))
      Names.push_back(Name.str());
  }
  llvm::sort(Names);
  return Names;
}

Expected<Event> loadEvent(StringRef RulesDir, StringRef Spec) {
  SmallString<256> Path(Spec);
  if (!sys::fs::is_regular_file(Path)) {
    std::vector<std::string> Known = standardEventNames(RulesDir);
    if (!llvm::is_contained(Known, Spec.str()))
      return createStringError("--event: '" + Spec +
                               "' is neither a file nor a standard event (" +
                               join(Known, ", ") + ")");
    Path = RulesDir;
    sys::path::append(Path, "events", Spec + ".json");
  }
  uint64_t Size = 0;
  if (!sys::fs::file_size(Path, Size) && Size > MaxPayloadBytes)
    return createStringError(Path + ": " + Twine(Size) +
                             " bytes, more than Lambda's invocation payload "
                             "limit");
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return createStringError(
        Buffer.getError(),
        Path + ": cannot read: " + Buffer.getError().message());
  StringRef Text = (*Buffer)->getBuffer();
  if (!nlohmann::json::accept(Text.begin(), Text.end()))
    return createStringError(Path + ": not valid JSON (Lambda delivers JSON "
                                    "events only)");
  return Event{Spec.str(), Text.str()};
}

} // namespace brisk
