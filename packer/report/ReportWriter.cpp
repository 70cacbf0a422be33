//===- ReportWriter.cpp - Where --report goes, and in which form ----------===//

#include "report/ReportWriter.h"
#include "report/ReportData.h"
#include "report/ReportHtml.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace brisk {

Expected<ReportTarget> reportTarget(StringRef Path, StringRef RealOut,
                                    StringRef ShownOut) {
  ReportTarget T;
  if (Path.empty())
    return T;
  StringRef Ext = sys::path::extension(Path);
  if (Ext == ".html" || Ext == ".htm")
    T.Html = true;
  else if (Ext != ".json")
    return createStringError(
        "--report must name a .html or a .json file, not '" + Path + "'");
  SmallString<256> Abs(Path);
  sys::fs::make_absolute(Abs);
  sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  SmallString<256> Parent(sys::path::parent_path(Abs));
  SmallString<256> RealParent;
  if (!sys::fs::real_path(Parent, RealParent)) {
    Parent = RealParent;
    sys::path::append(Parent, sys::path::filename(Abs));
    Abs = Parent;
  }
  StringRef Full = Abs;
  if (Full.consume_front(RealOut) && Full.consume_front("/")) {
    if (Full == "manifest.json")
      return createStringError("--report cannot be '" + ShownOut +
                               "/manifest.json', the manifest's own name");
    T.InOutDir = Full.str();
    return T;
  }
  if (sys::fs::is_directory(Abs))
    return createStringError("--report '" + Path + "' is a folder");
  T.Outside = Abs.str().str();
  return T;
}

std::string renderReport(const PackResult &Result, const ReportTarget &Target) {
  nlohmann::ordered_json Data = reportData(Result);
  if (Target.Html)
    return renderHtmlReport(Data);
  return Data.dump(2) + "\n";
}

Error writeReportOutside(StringRef Path, StringRef Text) {
  if (Error E = writeToOutput(Path, [&](raw_ostream &OS) {
        OS << Text;
        return Error::success();
      }))
    return createStringError("cannot write the report '" + Path +
                             "': " + toString(std::move(E)));
  return Error::success();
}

} // namespace brisk
