//===- PackOptions.cpp - What one brisk-pack run is asked to do -----------===//

#include "plan/PackOptions.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"

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

Expected<GconvMode> parseGconvMode(StringRef Text) {
  if (Text == "auto")
    return GconvMode::Auto;
  if (Text == "all")
    return GconvMode::All;
  if (Text == "none")
    return GconvMode::None;
  return createStringError("gconv must be 'auto', 'all' or 'none', not '" +
                           Text + "'");
}

Error checkFunctionName(StringRef Name) {
  if (Name.empty() || Name.size() > 64 ||
      !all_of(Name, [](char C) { return isAlnum(C) || C == '-' || C == '_'; }))
    return createStringError("function name '" + Name +
                             "' must be 1 to 64 letters, digits, '-' or '_'");
  return Error::success();
}

static bool isNameChar(char C) { return isAlnum(C) || C == '-' || C == '_'; }

Error checkLayerPrefix(StringRef Prefix) {
  // The name is <prefix>-<12 hex digits>, and Lambda allows 64 characters.
  if (Prefix.empty() || Prefix.size() > 51 || !all_of(Prefix, isNameChar))
    return createStringError("layer prefix '" + Prefix +
                             "' must be 1 to 51 letters, digits, '-' or '_'");
  return Error::success();
}

std::string layerPrefixFrom(StringRef Name) {
  std::string Out;
  for (char C : Name.take_front(51))
    Out += isNameChar(C) ? C : '-';
  StringRef Trimmed = StringRef(Out).trim('-');
  return Trimmed.empty() ? "brisk" : Trimmed.str();
}

static bool isNumber(StringRef S) { return !S.empty() && all_of(S, isDigit); }

Error checkRuntimeName(StringRef Runtime) {
  StringRef Rest = Runtime;
  bool Known = Runtime == "provided.al2023" || Runtime == "provided.al2" ||
               (Rest.consume_front("python3.") && isNumber(Rest)) ||
               ((Rest = Runtime).consume_front("nodejs") &&
                Rest.consume_back(".x") && isNumber(Rest)) ||
               ((Rest = Runtime).consume_front("java") && isNumber(Rest)) ||
               ((Rest = Runtime).consume_front("ruby3.") && isNumber(Rest)) ||
               ((Rest = Runtime).consume_front("dotnet") && isNumber(Rest));
  if (Known)
    return Error::success();
  return createStringError("unknown runtime '" + Runtime +
                           "': expected provided.al2023, provided.al2, "
                           "python3.N, nodejsN.x, javaN, ruby3.N or dotnetN");
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
  auto [Handler, Site] = Path.rsplit(':');
  if (!Site.empty() && !Handler.empty() && !sys::fs::exists(Path) &&
      sys::fs::exists(Handler) && sys::fs::exists(Site)) {
    Spec.Input = Handler.str();
    Spec.SitePackages = Site.str();
  }
  return Spec;
}

} // namespace brisk
