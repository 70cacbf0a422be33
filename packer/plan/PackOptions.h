//===- PackOptions.h - What one brisk-pack run is asked to do -------------===//
//
// Filled from brisk-pack.json first, then overridden by the command line;
// everything downstream reads only this.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_PLAN_PACKOPTIONS_H
#define BRISK_PACKER_PLAN_PACKOPTIONS_H

#include "elf/Stripper.h"
#include "managed/PruneTier.h"
#include "plan/SecretFilter.h"

#include "llvm/Support/Error.h"

#include <map>
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
  /// Python: a site-packages folder whose packages join Input's root.
  std::string SitePackages;
  /// Globs over tree paths or package names whose ELF files stay unstripped.
  std::vector<std::string> StripExclude;
  /// Globs over tree paths that --prune keeps.
  std::vector<std::string> PruneKeep;
  /// The function's environment variables as Lambda will set them (only
  /// NODE_OPTIONS is read, for source maps).
  std::map<std::string, std::string> Environment;
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
  /// What pruning removes from Python and Node.js packages.
  PruneTier Prune = PruneTier::Safe;
  /// Profiles extending rules/prune/python.json or node.json.
  std::vector<std::string> PruneProfiles;
  bool PruneLicenses = false;
  /// List every file --prune removed, and every package, in the summary.
  bool ListPruned = false;
  bool ListPackages = false;
  /// Leave out the packages the managed runtime ships itself (boto3, the
  /// AWS SDK for JavaScript v3).
  bool DropRuntimeProvided = false;
  /// Add bytecode for Python modules that lack it, with the host's
  /// interpreter of the runtime's version.
  bool PrecompilePython = false;
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

/// Splits a NAME=PATH argument; NAME=HANDLER_DIR:SITE_PACKAGES_DIR when PATH
/// does not exist as it is but both halves do.
llvm::Expected<FunctionSpec> parseFunctionArgument(llvm::StringRef Arg);

} // namespace brisk

#endif
