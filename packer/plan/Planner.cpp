//===- Planner.cpp - Decide what goes into one function's zip -------------===//

#include "plan/Planner.h"
#include "managed/ManagedPlanner.h"
#include "managed/RuntimeGuess.h"
#include "plan/CredentialScan.h"
#include "plan/NativePlanner.h"
#include "plan/SecretFilter.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace brisk {

static constexpr StringRef DefaultNativeRuntime = "provided.al2023";

static bool isNativeRuntime(StringRef Runtime) {
  return Runtime.starts_with("provided.");
}

static Error planTree(const FunctionSpec &Spec, const Inventory &Inv,
                      const PackOptions &Options, FunctionPlan &Plan) {
  Expected<SecretFilter> Secrets =
      SecretFilter::load(Options.RulesDir, Options.Secrets);
  if (!Secrets)
    return Secrets.takeError();
  for (const InventoryFile &F : Inv.Files) {
    bool Regular = F.Kind != FileKind::Folder && F.Kind != FileKind::Symlink;
    Expected<std::string> Reason = Secrets->reason(
        F.Path, F.Kind == FileKind::Folder, Regular ? &F.Source : nullptr);
    if (!Reason)
      return Reason.takeError();
    if (!Reason->empty() && !is_contained(Spec.AllowSecrets, F.Path))
      return createStringError(
          "'" + F.Path + "' looks like a secret (" + *Reason +
          "); exclude it, or allow it with \"allow_secrets\" in the config");
    if (F.Kind == FileKind::Other && !is_contained(Spec.AllowSecrets, F.Path)) {
      Expected<std::optional<uint64_t>> Line = findAwsCredential(F.Source);
      if (!Line)
        return Line.takeError();
      if (*Line)
        return createStringError(
            "'" + F.Path + "' line " + Twine(**Line) +
            ": an AWS access key id next to a secret access key; remove "
            "them, or allow the file with \"allow_secrets\" in the config");
    }
    Plan.Files.push_back(plannedFromInventory(F, F.Path));
  }
  for (const std::string &Include : Spec.Includes) {
    Expected<PlannedFile> File =
        plannedFromHost(Include, ("lib/" + sys::path::filename(Include)).str());
    if (!File)
      return File.takeError();
    // An added library is shareable, as a bundled one is.
    File->Unit = File->ZipPath;
    File->Why = "--include " + Include;
    Plan.Files.push_back(std::move(*File));
  }
  if (isNativeRuntime(Plan.Runtime)) {
    auto Boot = find_if(Plan.Files, [](const PlannedFile &F) {
      return F.ZipPath == "bootstrap";
    });
    if (Boot == Plan.Files.end())
      return createStringError("has no 'bootstrap' at its root, which " +
                               Plan.Runtime + " runs");
    // The entry point must be executable: a lost exec bit is the most common
    // reason a custom runtime zip fails to start.
    Boot->Executable = true;
  }
  return Error::success();
}

Expected<FunctionPlan> planFunction(const FunctionSpec &Spec,
                                    const Inventory &Inv,
                                    const PackOptions &Options) {
  FunctionPlan Plan;
  Plan.Name = Spec.Name;
  Plan.InputPath = Spec.Input;
  Plan.Runtime = Spec.Runtime;
  bool Native = Inv.Input == InputKind::ElfExecutable;
  if (Plan.Runtime.empty()) {
    if (Native || Inv.find("bootstrap")) {
      Plan.Runtime = DefaultNativeRuntime.str();
    } else {
      Expected<std::string> Guess = guessManagedRuntime(Inv, Options.RulesDir);
      if (!Guess)
        return Guess.takeError();
      if (Guess->empty())
        return createStringError(
            "cannot tell its runtime (no ELF executable, no bootstrap, no "
            "*.py module or package.json at its root): pass --runtime");
      Plan.Runtime = *Guess;
    }
  }
  if (Native && !isNativeRuntime(Plan.Runtime))
    return createStringError("is a native executable, but runtime '" +
                             Plan.Runtime + "' is not provided.*");
  if (Error E = Native ? planNative(Spec, Inv, Options, Plan)
                       : planTree(Spec, Inv, Options, Plan))
    return E;
  if (!Native && isManagedRuntime(Plan.Runtime))
    if (Error E = planManagedFunction(Spec, Options, Plan))
      return E;
  llvm::sort(Plan.Files, [](const PlannedFile &A, const PlannedFile &B) {
    return A.ZipPath < B.ZipPath;
  });
  for (size_t I = 1; I < Plan.Files.size(); ++I)
    if (Plan.Files[I].ZipPath == Plan.Files[I - 1].ZipPath)
      return createStringError("two files would go to '" +
                               Plan.Files[I].ZipPath + "'");
  return Plan;
}

} // namespace brisk
