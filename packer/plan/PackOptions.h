//===- PackOptions.h - What one brisk-pack run is asked to do -------------===//
//
// Filled from brisk-pack.json first, then overridden by the command line;
// everything downstream reads only this.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_PLAN_PACKOPTIONS_H
#define BRISK_PACKER_PLAN_PACKOPTIONS_H

#include "elf/Stripper.h"
#include "plan/SecretFilter.h"

#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace brisk {

/// How the bootstrap of a native function without bundled libraries is made:
/// a generated script running bin/<name>, or the executable itself.
enum class BootstrapStyle { Script, Exec };

llvm::Expected<BootstrapStyle> parseBootstrapStyle(llvm::StringRef Text);

/// Whether the bundled libc's gconv modules ship in lib/gconv: when a
/// shipped file imports iconv_open (auto), whenever libc is bundled (all),
/// or never (none).
enum class GconvMode { Auto, All, None };

llvm::Expected<GconvMode> parseGconvMode(llvm::StringRef Text);

struct FunctionSpec {
  std::string Name;
  /// An ELF executable, a folder or a zip/tar.
  std::string Input;
  /// Empty: decided from the input.
  std::string Runtime;
  /// Extra files for the closure (dlopen'd libraries), shipped in lib/.
  std::vector<std::string> Includes;
  /// Globs over tree-relative paths dropped from folder and archive inputs.
  std::vector<std::string> Excludes;
  /// Tree-relative paths that look like secrets but are meant to ship.
  std::vector<std::string> AllowSecrets;
};

struct PackOptions {
  std::string OutDir;
  std::vector<FunctionSpec> Functions;
  StripMode Strip = StripMode::Debug;
  /// Non-empty: split debug info goes there, named by build id.
  std::string KeepDebugDir;
  bool CompressDebug = false;
  std::vector<std::string> LibraryPath;
  bool AllowBundleLibc = true;
  BootstrapStyle Bootstrap = BootstrapStyle::Script;
  GconvMode Gconv = GconvMode::Auto;
  /// Patterns of likely secrets beyond rules/secrets.json.
  std::vector<SecretPattern> Secrets;
  // zip's own default: level 9 costs three times the CPU for 0.5% less.
  unsigned CompressionLevel = 6;
  /// 0: every core.
  unsigned Threads = 0;
  /// "x86_64" or "arm64"; empty: the input's.
  std::string Arch;
  /// Resolve libraries in this target root instead of the host's.
  std::string SysRoot;
  /// Layers: at most this many per function; units used by fewer than
  /// MinShare functions stay in them; layer zips over the direct upload
  /// limit only with AllowS3Upload.
  unsigned MaxLayers = 5;
  unsigned MinShare = 2;
  bool AllowS3Upload = false;
  /// Layers are named <LayerPrefix>-<short content hash>.
  std::string LayerPrefix = "brisk";
  /// A previous run's manifest.json whose layers are kept where they fit.
  std::string ReuseLayers;
  /// --report: FILE.html or FILE.json.
  std::string ReportPath;
  /// <prefix>/share/brisk/rules.
  std::string RulesDir;
};

/// Function names become file names and Lambda names: [A-Za-z0-9_-]+.
llvm::Error checkFunctionName(llvm::StringRef Name);

/// Lambda runtime identifiers: provided.al2023, provided.al2, python3.N,
/// nodejsN.x, javaN, ruby3.N, dotnetN.
llvm::Error checkRuntimeName(llvm::StringRef Runtime);

/// Layer names are [A-Za-z0-9_-]+ and at most 64 long with the hash.
llvm::Error checkLayerPrefix(llvm::StringRef Prefix);

/// \p Name with what a layer name cannot hold replaced by '-'; "brisk" when
/// nothing is left.
std::string layerPrefixFrom(llvm::StringRef Name);

/// Splits a NAME=PATH argument.
llvm::Expected<FunctionSpec> parseFunctionArgument(llvm::StringRef Arg);

} // namespace brisk

#endif
