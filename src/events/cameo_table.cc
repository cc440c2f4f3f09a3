// SPDX-License-Identifier: Apache-2.0
#include "events/cameo_table.h"

#include <cstdlib>

#include "events/tsv.h"

namespace dateline::events {

Result<CameoTable> CameoTable::load(const std::string& path) {
  CameoTable table;
  Status s = for_each_tsv_row(path, [&](const std::vector<std::string_view>& f, int line) {
    auto bad = [&](const std::string& why) {
      return error(ErrorCode::kBadInput, path + ":" + std::to_string(line) + ": " + why);
    };
    if (f.size() < 3) return bad("want 5 columns");
    CameoCode c;
    c.goldstein = std::strtod(std::string(f[1]).c_str(), nullptr);
    c.quad_class = std::atoi(std::string(f[2]).c_str());
    const PloverType expected = plover_type_of_cameo(f[0]);
    if (f.size() > 3 && !f[3].empty()) {
      std::optional<PloverType> t = plover_type_from_name(f[3]);
      if (!t) return bad("'" + std::string(f[3]) + "' is not a PLOVER type");
      c.plover = *t;
    }
    if (c.plover != expected) {
      return bad("CAMEO " + std::string(f[0]) + " is a code of '" +
                 std::string(to_string(expected)) + "', not '" + std::string(to_string(c.plover)) +
                 "'");
    }
    if (f.size() > 4) c.plover_mode = std::string(f[4]);
    if (!is_plover_mode(c.plover, c.plover_mode)) {
      return bad("'" + c.plover_mode + "' is not a mode of " + std::string(to_string(c.plover)));
    }
    table.codes_[std::string(f[0])] = std::move(c);
    return ok_status();
  });
  if (!s.ok()) return s;
  return table;
}

const CameoCode* CameoTable::find(std::string_view code) const {
  for (size_t n = code.size(); n >= 2; --n) {
    auto it = codes_.find(std::string(code.substr(0, n)));
    if (it != codes_.end()) return &it->second;
  }
  return nullptr;
}

}  // namespace dateline::events
