//===- ReportData.h - The size report as data (--report=FILE.json) --------===//
//
// Everything the size report shows, as one JSON document: per function and
// per layer every file with its size before and after stripping and in its
// zip, where it went and why it is there (the DT_NEEDED chain); what each
// step saved; the layer plan against its lower bound; the budget ledger.
// The HTML page is rendered from this same document.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_REPORT_REPORTDATA_H
#define BRISK_PACKER_REPORT_REPORTDATA_H

#include "plan/PackRun.h"

#include <nlohmann/json.hpp>

namespace brisk {

nlohmann::ordered_json reportData(const PackResult &Result);

} // namespace brisk

#endif
