// SPDX-License-Identifier: Apache-2.0
#include "quotes/polnear.h"

#include <fstream>

#include <nlohmann/json.hpp>

namespace dateline::quotes {

Result<std::vector<PolnearArticle>> read_polnear(const std::string& path) {
  std::ifstream in(path);
  if (!in) return error(ErrorCode::kNotFound, path + ": cannot open");
  std::vector<PolnearArticle> out;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    const std::string where = path + ":" + std::to_string(line_no);
    if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string()) {
      return error(ErrorCode::kBadInput, where + ": not a PolNeAR article object");
    }
    PolnearArticle a;
    a.id = j.value("doc", std::to_string(line_no));
    a.text = j["text"].get<std::string>();
    if (j.contains("attributions") && j["attributions"].is_array()) {
      for (const auto& at : j["attributions"]) {
        GoldAttribution g;
        auto spans = [&](const char* role, std::vector<Span>& dst) -> bool {
          if (!at.contains(role) || !at[role].is_array()) return true;
          for (const auto& sp : at[role]) {
            if (!sp.is_object() || !sp.contains("start_byte") || !sp.contains("end_byte") ||
                !sp["start_byte"].is_number_integer() || !sp["end_byte"].is_number_integer()) {
              return false;
            }
            const int64_t b = sp["start_byte"].get<int64_t>();
            const int64_t e = sp["end_byte"].get<int64_t>();
            if (b < 0 || e < b || size_t(e) > a.text.size()) return false;
            dst.push_back({uint32_t(b), uint32_t(e)});
          }
          return true;
        };
        if (!spans("source", g.source) || !spans("cue", g.cue) || !spans("content", g.content)) {
          return error(ErrorCode::kBadInput, where + ": bad attribution span");
        }
        a.attributions.push_back(std::move(g));
      }
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace dateline::quotes
