//===- PackRun.cpp - One brisk-pack run: inputs to zips and manifest ------===//
//
// Per function: inventory -> plan. Then, over all functions at once: the
// content step (each distinct file read, hashed and stripped once), the
// layer plan, the layers assembled, and every zip written in parallel.
// Outputs are staged and only renamed into OUT_DIR when everything packed.
//
//===----------------------------------------------------------------------===//

#include "plan/PackRun.h"
#include "archive/ZipMerge.h"
#include "content/ContentStore.h"
#include "inventory/Inventory.h"
#include "layers/LayerPlanner.h"
#include "managed/ManagedPlanner.h"
#include "managed/SitePackages.h"
#include "output/OutputStage.h"
#include "plan/LayerShadowing.h"
#include "plan/Limits.h"
#include "plan/Manifest.h"
#include "plan/Planner.h"
#include "plan/ReusedLayers.h"
#include "plan/SizeReport.h"
#include "plan/UnitCollection.h"
#include "report/ReportWriter.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Base64.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

#include <mutex>
#include <tuple>
#include <unistd.h>

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
/// One zip to write, a function's or a layer's, cut into runs of entries
/// written as parts at once and joined (archive/ZipMerge.h).
struct ZipJob {
  std::string Path;
  std::string *CodeSha256 = nullptr;
  uint64_t *ZipBytes = nullptr;
  std::map<std::string, uint64_t> *EntryBytes = nullptr;
  std::vector<std::vector<ZipEntry>> Runs;
  std::vector<ZipPart> Parts;
  std::string Error;
};

class Run {
public:
  Run(const PackOptions &Options, raw_ostream &Err)
      : Options(Options), Err(Err) {}

  PackExit pack(PackResult &Result);

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
  PackExit planOne(const FunctionSpec &Spec, FunctionPlan &Plan);
  PackExit planLayersFor(PackResult &Result, std::vector<FunctionPlan> &Plans);
  PackExit writeZips(PackResult &Result);
  Error writeText(StringRef RelPath, StringRef Text);
  Expected<TreeFilter> filterFor(const FunctionSpec &Spec) const;

  const PackOptions &Options;
  raw_ostream &Err;
  std::unique_ptr<OutputStage> Stage;
  LambdaLimits Limits;
  std::vector<DebugFile> DebugFiles;
};
} // namespace

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

PackExit Run::planOne(const FunctionSpec &Spec, FunctionPlan &Plan) {
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
  Expected<FunctionPlan> Planned = planFunction(Spec, *Inv, Options);
  if (!Planned)
    return fail(Input, Planned.takeError());
  Plan = std::move(*Planned);
  for (const std::string &W : Plan.Warnings)
    warn(Input, W);
  // Before the content step, which hashes and weighs the bytecode added.
  if (Plan.Managed)
    if (Error E = precompileManagedFunction(Plan, Options, Stage->scratchDir()))
      return fail(Input, std::move(E));
  return PackedOk;
}

PackExit Run::planLayersFor(PackResult &Result,
                            std::vector<FunctionPlan> &Plans) {
  LayerLimits L;
  L.MaxLayers = Options.MaxLayers;
  L.UnzippedBytesMax = Limits.UnzippedBytesMax;
  L.ZipBytesMax = Limits.DirectUploadZipBytesMax;
  L.AllowS3Upload = Options.AllowS3Upload;
  L.MinShare = Options.MinShare;
  CollectedUnits Units = collectUnits(Plans, L);
  if (!Options.ReuseLayers.empty()) {
    Expected<std::vector<OldLayer>> Old = readReusedLayers(Options.ReuseLayers);
    if (!Old)
      return failRun(toString(Old.takeError()));
    Result.ReusedFrom = Options.ReuseLayers;
    for (const OldLayer &O : *Old)
      Result.OldLayerNames.push_back(O.Name);
    Units.Problem.Kept =
        keptLayersFor(*Old, Units.Problem, Result.Plan.NotKept);
  }
  std::vector<std::string> Gone = std::move(Result.Plan.NotKept);
  Result.Plan = planLayers(Units.Problem);
  Gone.insert(Gone.end(), Result.Plan.NotKept.begin(),
              Result.Plan.NotKept.end());
  Result.Plan.NotKept = std::move(Gone);
  Result.Layers = assembleLayers(Plans, Units, Result.Plan, Options.LayerPrefix,
                                 Options.CompressionLevel);
  for (const std::string &Note :
       findShadowing(Plans, Result.Layers, Units.Problem))
    Err << "brisk-pack: warning: " << Note << "\n";
  for (FunctionPlan &Plan : Plans)
    for (PlannedFile &F : Plan.Files)
      if (!F.Interpreter.empty())
        if (Error E = pointAtInterpreter(F, F.Interpreter, Stage->scratchDir()))
          return fail(Plan.InputPath, std::move(E));
  return PackedOk;
}

Error Run::writeText(StringRef RelPath, StringRef Text) {
  return Stage->writeFile(RelPath, [&](int FD) -> Error {
    raw_fd_ostream OS(FD, /*shouldClose=*/false);
    OS << Text;
    OS.flush();
    if (OS.has_error())
      return createStringError(OS.error(), "cannot write " + RelPath + ": " +
                                               OS.error().message());
    return Error::success();
  });
}

static std::vector<ZipEntry>
zipEntriesOf(const std::vector<PlannedFile> &Files) {
  std::vector<ZipEntry> Entries;
  for (const PlannedFile &F : Files) {
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
  return Entries;
}

static void record(ZipJob &Job, ZipDigest Digest) {
  *Job.ZipBytes = Digest.Bytes;
  // As Lambda reports CodeSha256.
  *Job.CodeSha256 = encodeBase64(Digest.Sha256);
  *Job.EntryBytes = std::move(Digest.EntryBytes);
}

// Writes run \p Run of \p Job: the whole zip into the stage when it is the
// only one, otherwise a part in the scratch folder.
static Error writeRun(OutputStage &Stage, ZipJob &Job, size_t Run,
                      unsigned Level) {
  if (Job.Runs.size() == 1)
    return Stage.writeFile(Job.Path, [&](int FD) -> Error {
      Expected<ZipDigest> Zip = writePreparedZip(Job.Runs[0], FD, Level);
      if (!Zip)
        return Zip.takeError();
      record(Job, std::move(*Zip));
      return Error::success();
    });
  int FD;
  SmallString<256> Part;
  if (std::error_code EC = sys::fs::createUniqueFile(
          Stage.scratchDir() + "/zip-part-%%%%%%%%", FD, Part))
    return createStringError(EC, "cannot create a file in '" +
                                     Stage.scratchDir() + "': " + EC.message());
  Expected<ZipDigest> Zip = writePreparedZip(Job.Runs[Run], FD, Level);
  ::close(FD);
  if (!Zip)
    return Zip.takeError();
  Job.Parts[Run] = {Part.str().str(), std::move(*Zip)};
  return Error::success();
}

static Error joinParts(OutputStage &Stage, ZipJob &Job) {
  return Stage.writeFile(Job.Path, [&](int FD) -> Error {
    Expected<ZipDigest> Zip = mergeZipParts(Job.Parts, FD);
    if (!Zip)
      return Zip.takeError();
    record(Job, std::move(*Zip));
    return Error::success();
  });
}

// Every zip at once, and every run of a large zip's entries at once, the
// largest first, so that the last to finish is small.
PackExit Run::writeZips(PackResult &Result) {
  std::vector<ZipJob> Jobs;
  std::vector<std::map<std::string, uint64_t>> LayerEntries(
      Result.Layers.size());
  std::vector<const std::vector<PlannedFile> *> Files;
  for (PackedFunction &F : Result.Functions) {
    F.ZipPath = "functions/" + F.Plan.Name + ".zip";
    Jobs.push_back({F.ZipPath, &F.CodeSha256, &F.ZipBytes, &F.EntryBytes});
    Files.push_back(&F.Plan.Files);
  }
  for (size_t L = 0; L < Result.Layers.size(); ++L) {
    LayerOutput &Layer = Result.Layers[L];
    Jobs.push_back(
        {Layer.ZipPath, &Layer.CodeSha256, &Layer.ZipBytes, &LayerEntries[L]});
    Files.push_back(&Layer.Files);
  }
  // (job, run, bytes) for every run.
  std::vector<std::tuple<size_t, size_t, uint64_t>> Tasks;
  for (size_t J = 0; J < Jobs.size(); ++J) {
    Expected<std::vector<ZipEntry>> Prepared =
        prepareZipEntries(zipEntriesOf(*Files[J]));
    if (!Prepared)
      return failRun(Jobs[J].Path + ": " + toString(Prepared.takeError()));
    Jobs[J].Runs = splitZipEntries(std::move(*Prepared));
    Jobs[J].Parts.resize(Jobs[J].Runs.size());
    for (size_t R = 0; R < Jobs[J].Runs.size(); ++R) {
      uint64_t Bytes = 0;
      for (const ZipEntry &E : Jobs[J].Runs[R])
        Bytes += E.Size;
      Tasks.emplace_back(J, R, Bytes);
    }
  }
  llvm::stable_sort(Tasks, [](const auto &A, const auto &B) {
    return std::get<2>(A) > std::get<2>(B);
  });
  {
    DefaultThreadPool Pool(hardware_concurrency(Options.Threads));
    std::mutex Failing;
    for (const auto &[J, R, Bytes] : Tasks)
      Pool.async([&, J = J, R = R] {
        if (Error E = writeRun(*Stage, Jobs[J], R, Options.CompressionLevel)) {
          std::lock_guard<std::mutex> Lock(Failing);
          Jobs[J].Error = toString(std::move(E));
        }
      });
    Pool.wait();
    for (ZipJob &Job : Jobs)
      if (Job.Runs.size() > 1 && Job.Error.empty())
        Pool.async([&] {
          if (Error E = joinParts(*Stage, Job))
            Job.Error = toString(std::move(E));
        });
    Pool.wait();
  }
  for (const ZipJob &J : Jobs)
    if (!J.Error.empty())
      return failRun(J.Error);

  // Measured bytes: each unit as written where it is stored, so the bound is
  // what this plan would cost with every shared unit stored once.
  for (const PackedFunction &F : Result.Functions)
    Result.StoredBytes += F.ZipBytes;
  for (const LayerOutput &L : Result.Layers)
    Result.StoredBytes += L.ZipBytes;
  // A layer costs its entries; its central directory is the price of
  // having layers at all.
  Result.LowerBound = Result.StoredBytes;
  for (size_t L = 0; L < Result.Layers.size(); ++L) {
    Result.LowerBound -= Result.Layers[L].ZipBytes;
    for (const auto &Entry : LayerEntries[L])
      Result.LowerBound += Entry.second;
  }
  // A unit kept in its functions although --min-share of them use it counts
  // once (file by file: a unit's files all have its number of copies).
  std::map<std::string, std::pair<uint64_t, unsigned>> KeptUnits;
  for (const PackedFunction &F : Result.Functions)
    for (const PlannedFile &File : F.Plan.Files)
      if (!File.Unit.empty() && !File.Sha256.empty()) {
        auto It = F.EntryBytes.find(File.ZipPath);
        if (It == F.EntryBytes.end())
          continue;
        auto &Kept = KeptUnits[File.ZipPath + "\n" + File.Sha256];
        Kept.first = It->second;
        ++Kept.second;
      }
  for (const auto &[Key, Kept] : KeptUnits)
    if (Kept.second >= std::max(1u, Options.MinShare))
      Result.LowerBound -= Kept.first * (Kept.second - 1);
  return PackedOk;
}

PackExit Run::pack(PackResult &Result) {
  if (Options.OutDir.empty())
    return failRun("no output folder: pass -o OUT_DIR");
  if (Options.Functions.empty())
    return failRun("no function to pack: pass NAME=PATH or -c");
  Expected<LambdaLimits> L = loadLambdaLimits(Options.RulesDir);
  if (!L)
    return failRun(toString(L.takeError()));
  Limits = *L;
  Result.MaxLayers = Options.MaxLayers;
  Result.UnzippedBytesMax = Limits.UnzippedBytesMax;
  Result.ZipBytesMax = Limits.DirectUploadZipBytesMax;

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
  Expected<ReportTarget> Report =
      reportTarget(Options.ReportPath, Out, Options.OutDir);
  if (!Report)
    return failRun(toString(Report.takeError()));

  // Functions in name order: the manifest does not depend on the order they
  // were named in.
  std::vector<const FunctionSpec *> Specs;
  for (const FunctionSpec &Spec : Options.Functions)
    Specs.push_back(&Spec);
  llvm::sort(Specs, [](const FunctionSpec *A, const FunctionSpec *B) {
    return A->Name < B->Name;
  });
  std::vector<FunctionPlan> Plans(Specs.size());
  for (size_t I = 0; I < Specs.size(); ++I)
    if (PackExit Code = planOne(*Specs[I], Plans[I]); Code != PackedOk)
      return Code;

  ContentOptions Content;
  Content.Mode = Options.Strip;
  Content.ExtractDebug = !Options.KeepDebugDir.empty();
  Content.CompressDebug = Options.CompressDebug;
  Content.Threads = Options.Threads;
  Content.ScratchDir = Stage->scratchDir().str();
  Content.FileBytesMax = Limits.UnzippedBytesMax;
  Content.CompressionLevel = Options.CompressionLevel;
  std::variant<ContentOutcome, ContentFailure> Processed =
      processContents(Plans, Content);
  if (auto *Failed = std::get_if<ContentFailure>(&Processed)) {
    PackExit Code = fail(Plans[Failed->Plan].InputPath, Failed->Message);
    return Failed->OverLimit ? LimitNotMet : Code;
  }
  ContentOutcome &Outcome = std::get<ContentOutcome>(Processed);
  for (const ContentWarning &W : Outcome.Warnings)
    warn(Plans[W.Plan].InputPath, W.Message);
  DebugFiles = std::move(Outcome.DebugFiles);
  Result.DistinctFiles = Outcome.DistinctFiles;
  Result.StrippedFiles = Outcome.StrippedFiles;

  for (FunctionPlan &Plan : Plans)
    if (Plan.Managed)
      if (Error E = describeManagedUnits(Plan))
        return fail(Plan.InputPath, std::move(E));
  for (const FunctionPlan &Plan : Plans) {
    uint64_t Unzipped = Plan.unzippedBytes();
    if (Unzipped <= Limits.UnzippedBytesMax)
      continue;
    Err << "brisk-pack: error: " << Plan.InputPath << ": unzipped size "
        << Unzipped << " bytes is over Lambda's limit of "
        << Limits.UnzippedBytesMax << " bytes; stripping saved "
        << Plan.stripSavedBytes() << " bytes; largest files:\n";
    printLargestFiles(Plan, 10, Err);
    return LimitNotMet;
  }
  for (const FunctionPlan &Plan : Plans) {
    Result.Functions.emplace_back();
    PackedFunction &F = Result.Functions.back();
    F.InputBytes = Plan.inputBytes();
    F.AloneBytes = Plan.unzippedBytes();
    F.AllFiles = Plan.Files;
  }
  if (PackExit Code = planLayersFor(Result, Plans); Code != PackedOk)
    return Code;
  for (size_t I = 0; I < Plans.size(); ++I) {
    PackedFunction &F = Result.Functions[I];
    F.Plan = std::move(Plans[I]);
    F.TotalUnzippedBytes = F.Plan.unzippedBytes();
    for (const LayerOutput &L : Result.Layers)
      if (is_contained(F.Plan.Layers, L.Name))
        F.TotalUnzippedBytes += L.unzippedBytes();
  }
  if (PackExit Code = writeZips(Result); Code != PackedOk)
    return Code;
  for (const PackedFunction &F : Result.Functions)
    if (F.ZipBytes > Limits.DirectUploadZipBytesMax)
      warn(F.Plan.InputPath, F.ZipPath + " is " + Twine(F.ZipBytes) +
                                 " bytes, over the " +
                                 Twine(Limits.DirectUploadZipBytesMax) +
                                 "-byte direct upload limit: deploy it "
                                 "through S3");
  for (const LayerOutput &L : Result.Layers)
    if (L.ZipBytes > Limits.DirectUploadZipBytesMax)
      Err << "brisk-pack: warning: " << L.ZipPath << " is " << L.ZipBytes
          << " bytes, over the " << Limits.DirectUploadZipBytesMax
          << "-byte direct upload limit: publish it through S3\n";

  if (Error E =
          writeText(ManifestFileName, renderManifest(Result, Report->InOutDir)))
    return failRun(toString(std::move(E)));
  if (!Report->InOutDir.empty())
    if (Error E = writeText(Report->InOutDir, renderReport(Result, *Report)))
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
  if (!Report->Outside.empty())
    if (Error E =
            writeReportOutside(Report->Outside, renderReport(Result, *Report)))
      return failRun(toString(std::move(E)));
  Warnings.clear();
  Error Committed = Stage->commit(Warnings);
  warnAll(Warnings);
  if (Committed)
    return failRun(toString(std::move(Committed)));
  return PackedOk;
}

PackExit runPack(const PackOptions &Options, raw_ostream &Out,
                 raw_ostream &Err) {
  PackResult Result;
  PackExit Code = Run(Options, Err).pack(Result);
  if (Code == PackedOk)
    printSizeReport(Result, {Options.ListPruned, Options.ListPackages}, Out);
  return Code;
}

} // namespace brisk
