// SPDX-License-Identifier: Apache-2.0
#include "events/word_classes.h"

namespace dateline::events {

bool has_word(const std::string& list, std::string_view w) {
  size_t pos = 0;
  while ((pos = list.find(w, pos)) != std::string::npos) {
    const bool start = pos == 0 || list[pos - 1] == ' ';
    const bool end = pos + w.size() == list.size() || list[pos + w.size()] == ' ';
    if (start && end) return true;
    pos += w.size();
  }
  return false;
}

bool is_conflict(PloverType type) {
  return type == PloverType::kAssault || type == PloverType::kCoerce ||
         type == PloverType::kSanction || type == PloverType::kProtest ||
         type == PloverType::kMobilize || type == PloverType::kReject ||
         type == PloverType::kThreaten;
}

bool is_hard_boundary(const Word& w) {
  return w.norm == "." || w.norm == ";" || w.norm == ":" || w.norm == "?" || w.norm == "!";
}

bool is_adverb(const Word& w) {
  return one_of(w.norm, kAdverbs) ||
         (w.norm.size() > 4 && w.norm.ends_with("ly") && !w.capitalized && w.norm != "only");
}

}  // namespace dateline::events
