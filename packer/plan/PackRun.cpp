//===- PackRun.cpp - One brisk-pack run: inputs to zips and manifest ------===//
//
// Per function: inventory -> plan -> strip -> limits -> zip. Outputs are
// staged and only renamed into OUT_DIR when every function packed.
//
//===----------------------------------------------------------------------===//

#include "plan/PackRun.h"
#include "archive/ZipWriter.h"
#include "inventory/Inventory.h"
#include "output/OutputStage.h"
#include "plan/Limits.h"
#include "plan/Manifest.h"
#include "plan/Planner.h"
#include "plan/SizeReport.h"
#include "plan/StripStep.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Base64.h"

using namespace llvm;

namespace brisk {

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
    E.Open = [&F] { return F.open(); };
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
  Expected<Inventory> Inv = readInventory(Input, Options.Threads);
  if (!Inv)
    return fail(Input, toString(Inv.takeError()));
  Expected<TreeFilter> Filter = filterFor(Spec);
  if (!Filter)
    return fail(Input, toString(Filter.takeError()));
  Expected<FunctionPlan> Plan = planFunction(Spec, *Inv, Options, *Filter);
  if (!Plan)
    return fail(Input, toString(Plan.takeError()));
  Out.Plan = std::move(*Plan);

  Expected<StripOutcome> Stripped = stripPlan(
      Out.Plan, Options.Strip, !Options.KeepDebugDir.empty(), Options.Threads);
  if (!Stripped)
    return fail(Input, toString(Stripped.takeError()));
  for (const std::string &W : Stripped->Warnings)
    warn(Input, W);
  for (DebugFile &D : Stripped->DebugFiles) {
    D.RelativePath = Out.Plan.Name + "/" + D.RelativePath;
    DebugFiles.push_back(std::move(D));
  }

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
    return fail(Input, toString(std::move(E)));
  Out.Plan.releaseContents();
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
      return fail(Spec.Name, "function named twice");

  std::vector<std::string> Warnings;
  Expected<std::unique_ptr<OutputStage>> Opened = OutputStage::open(
      Options.OutDir, ManifestFileName, readManifestOutputs, Warnings);
  warnAll(Warnings);
  if (!Opened)
    return failRun(toString(Opened.takeError()));
  Stage = std::move(*Opened);

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
  for (const DebugFile &D : DebugFiles)
    if (Error E =
            writeDebugFile(Options.KeepDebugDir, D.BuildId, D.RelativePath,
                           D.Bytes, Options.CompressDebug))
      return fail(Options.KeepDebugDir, toString(std::move(E)));
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
    printSizeReport(Packed, Out);
  return Code;
}

} // namespace brisk
