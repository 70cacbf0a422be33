//===- ReportHtml.cpp - The size report as one self-contained page --------===//

#include "report/ReportHtml.h"
#include "layers/ByteCount.h"
#include "report/TreemapLayout.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <map>

using namespace llvm;
using nlohmann::ordered_json;

namespace brisk {

static std::string escape(const std::string &S) {
  std::string Out;
  for (char C : S) {
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '"':
      Out += "&quot;";
      break;
    default:
      Out += C;
    }
  }
  return Out;
}

static std::string megabytes(uint64_t Bytes) {
  std::string Out;
  raw_string_ostream OS(Out);
  if (Bytes >= 1000000)
    OS << format("%.1f MB", double(Bytes) / 1e6);
  else if (Bytes >= 1000)
    OS << format("%.1f kB", double(Bytes) / 1e3);
  else
    OS << Bytes << " B";
  return Out;
}

static std::string number(double V) {
  std::string Out;
  raw_string_ostream OS(Out);
  OS << format("%.2f", V);
  return Out;
}

static const char *colourOf(const std::string &Kind) {
  if (Kind == "elf-executable")
    return "#e07b53";
  if (Kind == "shared-object")
    return "#4f86c6";
  if (Kind == "symlink")
    return "#b8b8b8";
  return "#7fb069";
}

static constexpr const char *Style = R"(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1180px;color:#1d2330;padding:0 16px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #dde1e8;padding-bottom:4px}
h3{font-size:15px;margin:18px 0 6px}.muted{color:#667085}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}.card{background:#f4f6fa;border-radius:8px;padding:10px 14px;min-width:150px}
.card b{display:block;font-size:20px}table{border-collapse:collapse;width:100%;margin:6px 0}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eceff4;vertical-align:top}th{background:#f4f6fa;font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}code{font-size:12px}
.maps{display:flex;gap:16px;flex-wrap:wrap}.map{flex:1 1 520px}.map svg{width:100%;height:auto;border:1px solid #dde1e8;border-radius:4px}
.treemap rect{stroke:#fff;stroke-width:1}.treemap text{font-size:11px;fill:#fff;pointer-events:none}
.bar{display:flex;height:22px;background:#eef1f6;border-radius:4px;overflow:hidden;position:relative;margin:2px 0}
.seg{height:100%;border-right:1px solid #fff}.seg.own{background:#e07b53}.seg.layer{background:#4f86c6}
.limit{font-size:12px}.bad{color:#b42318;font-weight:600}.ok{color:#067647;font-weight:600}
.legend span{display:inline-block;width:10px;height:10px;margin:0 4px 0 10px;border-radius:2px}
)";

// One treemap of \p Files, sized by \p Key ("input_bytes" or "bytes").
static void treemap(raw_ostream &OS, const ordered_json &Files, const char *Key,
                    const std::string &Caption) {
  std::vector<const ordered_json *> Sorted;
  for (const ordered_json &F : Files)
    Sorted.push_back(&F);
  std::stable_sort(Sorted.begin(), Sorted.end(),
                   [&](const ordered_json *A, const ordered_json *B) {
                     return (*A)[Key].get<uint64_t>() >
                            (*B)[Key].get<uint64_t>();
                   });
  std::vector<uint64_t> Weights;
  uint64_t Total = 0;
  for (const ordered_json *F : Sorted) {
    Weights.push_back((*F)[Key].get<uint64_t>());
    Total += Weights.back();
  }
  constexpr double W = 560, H = 300;
  std::vector<TreemapRect> Rects = layoutTreemap(Weights, W, H);
  OS << "<div class=\"map\"><div class=\"muted\">" << escape(Caption) << ", "
     << megabytes(Total) << "</div>\n<svg class=\"treemap\" data-files=\""
     << Sorted.size() << "\" viewBox=\"0 0 " << W << " " << H
     << "\" role=\"img\" aria-label=\"" << escape(Caption) << "\">\n";
  for (size_t I = 0; I < Sorted.size(); ++I) {
    const ordered_json &F = *Sorted[I];
    const TreemapRect &R = Rects[I];
    std::string Path = F["path"].get<std::string>();
    OS << "<g><rect class=\"file\" x=\"" << number(R.X) << "\" y=\""
       << number(R.Y) << "\" width=\"" << number(R.Width) << "\" height=\""
       << number(R.Height) << "\" fill=\""
       << colourOf(F["kind"].get<std::string>()) << "\"><title>" << escape(Path)
       << ": " << groupedBytes(Weights[I]) << " bytes</title></rect>";
    if (R.Width > 70 && R.Height > 16) {
      std::string Name = Path.substr(Path.rfind('/') + 1);
      size_t Fits = size_t(R.Width / 6.5);
      if (Name.size() > Fits)
        Name = Name.substr(0, Fits > 1 ? Fits - 1 : 0) + "…";
      OS << "<text x=\"" << number(R.X + 4) << "\" y=\"" << number(R.Y + 13)
         << "\">" << escape(Name) << "</text>";
    }
    OS << "</g>\n";
  }
  OS << "</svg></div>\n";
}

static void maps(raw_ostream &OS, const ordered_json &Files) {
  OS << "<div class=\"maps\">\n";
  treemap(OS, Files, "input_bytes", "before stripping");
  treemap(OS, Files, "bytes", "after stripping");
  OS << "</div>\n";
}

static void savings(raw_ostream &OS, const ordered_json &S) {
  OS << "<h2>What each step saved</h2>\n<table><tr><th>step</th><th "
        "class=\"n\">bytes after it</th><th class=\"n\">saved</th></tr>\n";
  struct Row {
    const char *Step, *After, *Saved;
  } Rows[] = {{"input (every function's files, shared ones counted per "
               "function)",
               "input_bytes", nullptr},
              {"stripping", "after_strip_bytes", "strip_saved"},
              {"shared units stored once, in layers", "after_layers_bytes",
               "layers_saved"},
              {"deflate (all zips)", "zip_bytes", "deflate_saved"}};
  for (const Row &R : Rows) {
    OS << "<tr><td>" << R.Step << "</td><td class=\"n\">"
       << groupedBytes(S[R.After].get<uint64_t>()) << "</td><td class=\"n\">";
    if (R.Saved) {
      int64_t Saved = S[R.Saved].get<int64_t>();
      OS << (Saved < 0 ? "-" : "") << groupedBytes(Saved < 0 ? -Saved : Saved);
    }
    OS << "</td></tr>\n";
  }
  OS << "</table>\n";
}

static void plan(raw_ostream &OS, const ordered_json &Root) {
  const ordered_json &P = Root["plan"];
  OS << "<h2>Layer plan</h2>\n<p>Method: <b>"
     << escape(P["method"].get<std::string>()) << "</b> over "
     << P["groups"].get<uint64_t>()
     << (P["groups"].get<uint64_t>() == 1 ? " group" : " groups")
     << " of shared units. Stored: <b>"
     << groupedBytes(P["stored_bytes"].get<uint64_t>())
     << "</b> bytes; lower bound (every shared unit stored once): <b>"
     << groupedBytes(P["lower_bound_bytes"].get<uint64_t>())
     << "</b> bytes; plan <b>" << escape(P["ratio"].get<std::string>())
     << "</b> the lower bound.</p>\n";
  for (const ordered_json &B : P["binding"])
    OS << "<p class=\"bad\">Binding: " << escape(B.get<std::string>())
       << "</p>\n";
  for (const ordered_json &I : P["instead"])
    OS << "<p>Instead: " << escape(I.get<std::string>()) << "</p>\n";
  if (!P["reused_from"].get<std::string>().empty())
    OS << "<p>Layers reused from <code>"
       << escape(P["reused_from"].get<std::string>()) << "</code>.</p>\n";
  for (const ordered_json &N : P["not_kept"])
    OS << "<p>Not kept: " << escape(N.get<std::string>()) << "</p>\n";
  OS << "<table><tr><th>layer</th><th>used by</th><th class=\"n\">files</th>"
        "<th class=\"n\">unzipped</th><th class=\"n\">zip</th></tr>\n";
  for (const ordered_json &L : Root["layers"]) {
    std::string Users;
    for (const ordered_json &U : L["used_by"])
      Users += (Users.empty() ? "" : ", ") + U.get<std::string>();
    OS << "<tr><td><code>" << escape(L["name"].get<std::string>()) << "</code>"
       << (L["kept"].get<bool>() ? " (kept)" : "") << "</td><td>"
       << escape(Users) << "</td><td class=\"n\">" << L["files"].size()
       << "</td><td class=\"n\">"
       << groupedBytes(L["unzipped_bytes"].get<uint64_t>())
       << "</td><td class=\"n\">"
       << groupedBytes(L["zip_bytes"].get<uint64_t>()) << "</td></tr>\n";
  }
  OS << "</table>\n";
}

static void ledger(raw_ostream &OS, const ordered_json &Root) {
  OS << "<h2>Budget</h2>\n<p class=\"muted\">Each function with its layers, "
        "unzipped, against Lambda's limit of "
     << groupedBytes(Root["limits"]["unzipped_bytes_max"].get<uint64_t>())
     << " bytes (the full width).<span class=\"legend\"><span "
        "style=\"background:#e07b53\"></span>own zip<span "
        "style=\"background:#4f86c6\"></span>layers</span></p>\n<table>\n";
  for (const ordered_json &L : Root["ledger"]) {
    double Limit = std::max<double>(1, L["limit_bytes"].get<uint64_t>());
    uint64_t Total = L["total_bytes"].get<uint64_t>();
    OS << "<tr><td style=\"width:16%\"><b>"
       << escape(L["function"].get<std::string>())
       << "</b></td><td style=\"width:64%\"><div class=\"bar\"><div "
          "class=\"seg own\" "
          "style=\"width:"
       << number(std::min(100.0, 100 * L["own_bytes"].get<uint64_t>() / Limit))
       << "%\" title=\"own zip: "
       << groupedBytes(L["own_bytes"].get<uint64_t>()) << " bytes\"></div>";
    for (const ordered_json &Layer : L["layers"])
      OS << "<div class=\"seg layer\" style=\"width:"
         << number(
                std::min(100.0, 100 * Layer["bytes"].get<uint64_t>() / Limit))
         << "%\" title=\"" << escape(Layer["name"].get<std::string>()) << ": "
         << groupedBytes(Layer["bytes"].get<uint64_t>()) << " bytes\"></div>";
    OS << "</div></td><td class=\"n\">" << groupedBytes(Total)
       << " <span class=\"" << (Total <= Limit ? "ok" : "bad") << "\">"
       << number(100 * Total / Limit) << "%</span></td></tr>\n";
  }
  OS << "</table>\n";
}

// The largest files, each once (a layer's file is listed once with every
// function that gets it), largest first.
static void largest(raw_ostream &OS, const ordered_json &Root) {
  struct Row {
    const ordered_json *File;
    std::string Functions;
  };
  std::vector<Row> Rows;
  std::map<std::string, size_t> Seen;
  for (const ordered_json &F : Root["functions"])
    for (const ordered_json &File : F["files"]) {
      std::string Key =
          File["in"].get<std::string>() + "/" + File["path"].get<std::string>();
      std::string Name = F["name"].get<std::string>();
      auto [It, New] = Seen.try_emplace(Key, Rows.size());
      if (New)
        Rows.push_back({&File, Name});
      else
        Rows[It->second].Functions += ", " + Name;
    }
  std::stable_sort(Rows.begin(), Rows.end(), [](const Row &A, const Row &B) {
    return (*A.File)["bytes"].get<uint64_t>() >
           (*B.File)["bytes"].get<uint64_t>();
  });
  if (Rows.size() > 25)
    Rows.resize(25);
  OS << "<h2>Largest files</h2>\n<table><tr><th>file</th><th>in</th>"
        "<th>for</th><th class=\"n\">bytes</th><th class=\"n\">before "
        "strip</th><th>why it is there</th></tr>\n";
  for (const Row &R : Rows) {
    const ordered_json &F = *R.File;
    OS << "<tr><td><code>" << escape(F["path"].get<std::string>())
       << "</code></td><td>" << escape(F["in"].get<std::string>())
       << "</td><td>" << escape(R.Functions) << "</td><td class=\"n\">"
       << groupedBytes(F["bytes"].get<uint64_t>()) << "</td><td class=\"n\">"
       << groupedBytes(F["input_bytes"].get<uint64_t>()) << "</td><td><code>"
       << escape(F["why"].get<std::string>()) << "</code></td></tr>\n";
  }
  OS << "</table>\n";
}

std::string renderHtmlReport(const ordered_json &Root) {
  std::string Out;
  raw_string_ostream OS(Out);
  uint64_t Zips = Root["savings"]["zip_bytes"].get<uint64_t>();
  OS << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width\">"
        "<title>brisk-pack size report</title><style>"
     << Style << "</style></head>\n<body>\n<h1>brisk-pack size report</h1>\n"
     << "<div class=\"muted\">"
     << escape(Root["tool"]["name"].get<std::string>()) << " "
     << escape(Root["tool"]["version"].get<std::string>()) << "</div>\n"
     << "<div class=\"cards\"><div class=\"card\">functions<b>"
     << Root["functions"].size() << "</b></div><div class=\"card\">layers<b>"
     << Root["layers"].size() << "</b></div><div class=\"card\">input<b>"
     << megabytes(Root["savings"]["input_bytes"].get<uint64_t>())
     << "</b></div><div class=\"card\">all zips<b>" << megabytes(Zips)
     << "</b></div><div class=\"card\">plan vs lower bound<b>"
     << escape(Root["plan"]["ratio"].get<std::string>())
     << "</b></div></div>\n";
  savings(OS, Root["savings"]);
  plan(OS, Root);
  ledger(OS, Root);
  largest(OS, Root);
  OS << "<h2>Functions</h2>\n<p class=\"legend muted\">Each rectangle is a "
        "file, its area its size.<span style=\"background:#e07b53\"></span>"
        "program<span style=\"background:#4f86c6\"></span>library<span "
        "style=\"background:#7fb069\"></span>other<span "
        "style=\"background:#b8b8b8\"></span>link</p>\n";
  for (const ordered_json &F : Root["functions"]) {
    ordered_json Own = ordered_json::array();
    for (const ordered_json &File : F["files"])
      if (File["in"] == "function")
        Own.push_back(File);
    OS << "<h3>" << escape(F["name"].get<std::string>()) << " <span "
       << "class=\"muted\">" << escape(F["zip"].get<std::string>()) << ", "
       << groupedBytes(F["zip_bytes"].get<uint64_t>())
       << " bytes zipped</span></h3>\n";
    maps(OS, Own);
  }
  if (!Root["layers"].empty())
    OS << "<h2>Layers</h2>\n";
  for (const ordered_json &L : Root["layers"]) {
    OS << "<h3><code>" << escape(L["name"].get<std::string>())
       << "</code> <span "
       << "class=\"muted\">" << escape(L["zip"].get<std::string>()) << ", "
       << groupedBytes(L["zip_bytes"].get<uint64_t>())
       << " bytes zipped</span></h3>\n";
    maps(OS, L["files"]);
  }
  OS << "</body></html>\n";
  return Out;
}

} // namespace brisk
