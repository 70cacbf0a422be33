//===- PackOptions.cpp - What one brisk-pack run is asked to do -----------===//

#include "plan/PackOptions.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace brisk {

Expected<BootstrapStyle> parseBootstrapStyle(StringRef Text) {
  if (Text == "script")
    return BootstrapStyle::Script;
  if (Text == "exec")
    return BootstrapStyle::Exec;
  return createStringError("bootstrap must be 'script' or 'exec', not '" +
                           Text + "'");
}

Error checkFunctionName(StringRef Name) {
  if (Name.empty() || Name.size() > 64 ||
      !all_of(Name, [](char C) { return isAlnum(C) || C == '-' || C == '_'; }))
    return createStringError("function name '" + Name +
                             "' must be 1 to 64 letters, digits, '-' or '_'");
  return Error::success();
}

Expected<FunctionSpec> parseFunctionArgument(StringRef Arg) {
  auto [Name, Path] = Arg.split('=');
  if (Path.empty() || Name.size() == Arg.size())
    return createStringError("'" + Arg + "' is not NAME=PATH");
  if (Error E = checkFunctionName(Name))
    return E;
  FunctionSpec Spec;
  Spec.Name = Name.str();
  Spec.Input = Path.str();
  return Spec;
}

} // namespace brisk
