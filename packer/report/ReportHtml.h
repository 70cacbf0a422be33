//===- ReportHtml.h - The size report as one self-contained page ----------===//
//
// One HTML file with its styles inline and its treemaps as inline SVG: no
// script, font or image is fetched, so it opens anywhere, offline, and is
// byte-identical for the same data.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_REPORT_REPORTHTML_H
#define BRISK_PACKER_REPORT_REPORTHTML_H

#include <nlohmann/json.hpp>

#include <string>

namespace brisk {

/// Renders reportData()'s document as HTML.
std::string renderHtmlReport(const nlohmann::ordered_json &Data);

} // namespace brisk

#endif
