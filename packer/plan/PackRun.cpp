//===- PackRun.cpp - One brisk-pack run: inputs to zips and manifest ------===//
//
// Per function: inventory -> plan -> strip -> limits -> zip. Outputs are
// staged and only renamed into OUT_DIR when every function packed.
//
//===----------------------------------------------------------------------===//

#include "plan/PackRun.h"
#include "archive/ZipWriter.h"
#include "inventory/Inventory.h"
#include "managed/ManagedPlanner.h"
#include "managed/SitePackages.h"
#include "output/OutputStage.h"
#include "plan/Limits.h"
#include "plan/Manifest.h"
#include "plan/Planner.h"
#include "plan/SizeReport.h"
#include "plan/StripStep.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Base64.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace brisk {

/// \p Path absolute, with symlinks resolved when it exists.
static SmallString<256> resolved(StringRef Path) {
  SmallString<256> Abs(Path);
  sys::fs::make_absolute(Abs);
  sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  SmallString<256> Real;
  if (!sys::fs::real_path(Abs, Real))
    return Real;
  return Abs;
}

namespace {
class Run {
public:
  Run(const PackOptions &Options, raw_ostream &Err)
      : Options(Options), Err(Err) {}

  PackExit pack(std::vector<PackedFunction> &Packed);

private:
  /// The one place that names the input: lower layers name only the files
  /// they found inside or next to it.
  PackExit fail(StringRef Subject, const Twine &What) {
    Err << "brisk-pack: error: " << Subject << ": " << What << "\n";
    return BadInput;
  }
  /// An error from a lower layer: an over-limit one is exit 1.
  PackExit fail(StringRef Subject, Error E) {
    bool Over = E.isA<OverLimitError>();
    PackExit Code = fail(Subject, toString(std::move(E)));
    return Over ? LimitNotMet : Code;
  }
  /// An error about the run as a whole, not about one input.
  PackExit failRun(const Twine &What) {
    Err << "brisk-pack: error: " << What << "\n";
    return BadInput;
  }
  void warn(StringRef Subject, const Twine &What) {
    Err << "brisk-pack: warning: " << Subject << ": " << What << "\n";
  }
  void warnAll(const std::vector<std::string> &Warnings) {
    for (const std::string &W : Warnings)
      Err << "brisk-pack: warning: " << W << "\n";
  }
  PackExit packFunction(const FunctionSpec &Spec, PackedFunction &Out);
  Error writeFunctionZip(PackedFunction &Out);
  Expected<TreeFilter> filterFor(const FunctionSpec &Spec) const;

  const PackOptions &Options;
  raw_ostream &Err;
  std::unique_ptr<OutputStage> Stage;
  LambdaLimits Limits;
  std::vector<DebugFile> DebugFiles;
};
} // namespace

Error Run::writeFunctionZip(PackedFunction &Out) {
  Out.ZipPath = "functions/" + Out.Plan.Name + ".zip";
  std::vector<ZipEntry> Entries;
  for (const PlannedFile &F : Out.Plan.Files) {
    ZipEntry E;
    E.Path = F.ZipPath;
    E.Executable = F.Executable;
    E.LinkTarget = F.LinkTarget;
    E.Folder = F.isFolder();
    E.Size = F.Bytes;
    E.Contents = [&F](function_ref<Error(StringRef)> Consume) {
      return F.read(Consume);
    };
    Entries.push_back(std::move(E));
  }
  return Stage->writeFile(Out.ZipPath, [&](int FD) -> Error {
    Expected<ZipDigest> Zip =
        writeZip(std::move(Entries), FD, Options.CompressionLevel);
    if (!Zip)
      return Zip.takeError();
    Out.ZipBytes = Zip->Bytes;
    // As Lambda reports CodeSha256.
    Out.CodeSha256 = encodeBase64(Zip->Sha256);
    return Error::success();
  });
}

// Leaves out the function's excludes and, for a folder input holding them,
// brisk-pack's own output, staging folder and debug files.
Expected<TreeFilter> Run::filterFor(const FunctionSpec &Spec) const {
  Expected<TreeFilter> Filter = TreeFilter::create(Spec.Excludes);
  if (!Filter)
    return Filter.takeError();
  Filter->excludeOwn(Spec.Input, Stage->realOutDir());
  Filter->excludeOwn(Spec.Input, Stage->siblingPrefix(), /*AsPrefix=*/true);
  Filter->excludeOwn(Spec.Input, Options.KeepDebugDir);
  return Filter;
}

PackExit Run::packFunction(const FunctionSpec &Spec, PackedFunction &Out) {
  StringRef Input = Spec.Input;
  Expected<TreeFilter> Filter = filterFor(Spec);
  if (!Filter)
    return fail(Input, Filter.takeError());
  InventoryOptions Reading;
  Reading.Threads = Options.Threads;
  Reading.ScratchDir = Stage->scratchDir().str();
  Reading.Budget = SizeBudget::forLimit(Limits.UnzippedBytesMax);
  Reading.Filter = &*Filter;
  Expected<Inventory> Inv = readInventory(Input, Reading);
  if (!Inv)
    return fail(Input, Inv.takeError());
  if (!Spec.SitePackages.empty()) {
    Expected<Inventory> Site = readInventory(Spec.SitePackages, Reading);
    if (!Site)
      return fail(Spec.SitePackages, Site.takeError());
    Inv = joinSitePackages(std::move(*Inv), std::move(*Site));
    if (!Inv)
      return fail(Input, Inv.takeError());
  }
  for (const std::string &W : Inv->Warnings)
    warn(Input, W);
  Expected<FunctionPlan> Plan = planFunction(Spec, *Inv, Options);
  if (!Plan)
    return fail(Input, Plan.takeError());
  Out.Plan = std::move(*Plan);
  for (const std::string &W : Out.Plan.Warnings)
    warn(Input, W);

  StripOptions Stripping;
  Stripping.Mode = Options.Strip;
  Stripping.ExtractDebug = !Options.KeepDebugDir.empty();
  Stripping.CompressDebug = Options.CompressDebug;
  Stripping.Threads = Options.Threads;
  Stripping.ScratchDir = Reading.ScratchDir;
  Stripping.FileBytesMax = Limits.UnzippedBytesMax;
  Expected<StripOutcome> Stripped = stripPlan(Out.Plan, Stripping);
  if (!Stripped)
    return fail(Input, Stripped.takeError());
  for (const std::string &W : Stripped->Warnings)
    warn(Input, W);
  for (DebugFile &D : Stripped->DebugFiles) {
    D.RelativePath = Out.Plan.Name + "/" + D.RelativePath;
    DebugFiles.push_back(std::move(D));
  }
  if (Out.Plan.Managed)
    if (Error E = finishManagedFunction(Out.Plan, Options, Reading.ScratchDir))
      return fail(Input, std::move(E));

  uint64_t Unzipped = Out.Plan.unzippedBytes();
  if (Unzipped > Limits.UnzippedBytesMax) {
    Err << "brisk-pack: error: " << Input << ": unzipped size " << Unzipped
        << " bytes is over Lambda's limit of " << Limits.UnzippedBytesMax
        << " bytes; stripping saved " << Out.Plan.stripSavedBytes()
        << " bytes; largest files:\n";
    printLargestFiles(Out.Plan, 10, Err);
    return LimitNotMet;
  }

  if (Error E = writeFunctionZip(Out))
    return fail(Input, std::move(E));
  if (Out.ZipBytes > Limits.DirectUploadZipBytesMax)
    warn(Input, Out.ZipPath + " is " + Twine(Out.ZipBytes) +
                    " bytes, over the " +
                    Twine(Limits.DirectUploadZipBytesMax) +
                    "-byte direct upload limit: deploy it through S3");
  return PackedOk;
}

PackExit Run::pack(std::vector<PackedFunction> &Packed) {
  if (Options.OutDir.empty())
    return failRun("no output folder: pass -o OUT_DIR");
  if (Options.Functions.empty())
    return failRun("no function to pack: pass NAME=PATH or -c");
  Expected<LambdaLimits> L = loadLambdaLimits(Options.RulesDir);
  if (!L)
    return failRun(toString(L.takeError()));
  Limits = *L;

  StringSet<> Names;
  for (const FunctionSpec &Spec : Options.Functions)
    if (!Names.insert(Spec.Name).second)
      return failRun("function '" + Spec.Name +
                     "' is named twice in the config");

  std::vector<std::string> Warnings;
  Expected<std::unique_ptr<OutputStage>> Opened = OutputStage::open(
      Options.OutDir, ManifestFileName, readManifestOutputs, Warnings);
  warnAll(Warnings);
  if (!Opened)
    return failRun(toString(Opened.takeError()));
  Stage = std::move(*Opened);
  StringRef Out = Stage->realOutDir();
  if (!Options.KeepDebugDir.empty()) {
    SmallString<256> Debug = resolved(Options.KeepDebugDir);
    if (Debug == Out || Debug.starts_with(Out.str() + "/"))
      return failRun("--keep-debug folder '" + Options.KeepDebugDir +
                     "' is inside OUT_DIR '" + Options.OutDir +
                     "', which brisk-pack replaces whole: put it elsewhere");
  }
  for (const FunctionSpec &Spec : Options.Functions)
    if (resolved(Spec.Input) == Out)
      return fail(Spec.Input, "is OUT_DIR itself, which brisk-pack replaces "
                              "whole: pack it into another folder");

  // Functions in name order: the manifest does not depend on the order they
  // were named in.
  std::vector<const FunctionSpec *> Specs;
  for (const FunctionSpec &Spec : Options.Functions)
    Specs.push_back(&Spec);
  llvm::sort(Specs, [](const FunctionSpec *A, const FunctionSpec *B) {
    return A->Name < B->Name;
  });
  for (const FunctionSpec *Spec : Specs) {
    Packed.emplace_back();
    if (PackExit Code = packFunction(*Spec, Packed.back()); Code != PackedOk)
      return Code;
  }

  std::string Text = renderManifest(Packed);
  if (Error E = Stage->writeFile(ManifestFileName, [&](int FD) -> Error {
        raw_fd_ostream OS(FD, /*shouldClose=*/false);
        OS << Text;
        OS.flush();
        if (OS.has_error())
          return createStringError(OS.error(), "cannot write " +
                                                   ManifestFileName + ": " +
                                                   OS.error().message());
        return Error::success();
      }))
    return failRun(toString(std::move(E)));
  // Debug files first: if one cannot be written, OUT_DIR stays untouched.
  // One at a time from the scratch folder, where stripping left them.
  for (const DebugFile &D : DebugFiles) {
    Expected<std::unique_ptr<MemoryBuffer>> Bytes =
        mapSource(D.Source, D.RelativePath);
    if (!Bytes)
      return fail(Options.KeepDebugDir, Bytes.takeError());
    if (Error E = writeDebugFile(Options.KeepDebugDir, D.BuildId,
                                 D.RelativePath, (*Bytes)->getBuffer(),
                                 /*Compress=*/false))
      return fail(Options.KeepDebugDir, std::move(E));
  }
  Warnings.clear();
  Error Committed = Stage->commit(Warnings);
  warnAll(Warnings);
  if (Committed)
    return failRun(toString(std::move(Committed)));
  return PackedOk;
}

PackExit runPack(const PackOptions &Options, raw_ostream &Out,
                 raw_ostream &Err) {
  std::vector<PackedFunction> Packed;
  PackExit Code = Run(Options, Err).pack(Packed);
  if (Code == PackedOk)
    printSizeReport(Packed, {Options.ListPruned, Options.ListPackages}, Out);
  return Code;
}

} // namespace brisk
