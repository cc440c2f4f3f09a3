// SPDX-License-Identifier: Apache-2.0
// Exact-match span scores of named entities (span and type must both match).
#include <algorithm>
#include <cstdio>

#include "entities/ner_model.h"

namespace dateline::entities {

void NerScore::add(const std::vector<NerSpan>& gold, const std::vector<NerSpan>& predicted) {
  auto counts = [&](const std::string& type) -> Counts& {
    for (auto& [t, c] : by_type)
      if (t == type) return c;
    by_type.emplace_back(type, Counts{});
    std::sort(by_type.begin(), by_type.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [t, c] : by_type)
      if (t == type) return c;
    return overall;  // unreachable
  };
  for (const NerSpan& g : gold) {
    ++counts(g.type).gold;
    ++overall.gold;
  }
  for (const NerSpan& s : predicted) {
    ++counts(s.type).predicted;
    ++overall.predicted;
    if (std::find(gold.begin(), gold.end(), s) != gold.end()) {
      ++counts(s.type).correct;
      ++overall.correct;
    }
  }
}

std::string NerScore::to_string() const {
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line, "%-8s %6s %6s %6s %7s %7s %7s\n", "type", "gold", "pred",
                "right", "P", "R", "F1");
  out += line;
  auto row = [&](const std::string& name, const Counts& c) {
    std::snprintf(line, sizeof line, "%-8s %6d %6d %6d %7.2f %7.2f %7.2f\n", name.c_str(), c.gold,
                  c.predicted, c.correct, c.precision(), c.recall(), c.f1());
    out += line;
  };
  for (const auto& [t, c] : by_type) row(t, c);
  row("overall", overall);
  return out;
}

}  // namespace dateline::entities
