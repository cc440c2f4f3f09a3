// SPDX-License-Identifier: Apache-2.0
#include "entities/ner_decode.h"

namespace dateline::entities::ner {

std::vector<NerSpan> spans_from_labels(const std::vector<int>& labels,
                                       const std::vector<std::string>& types) {
  std::vector<NerSpan> spans;
  int open = -1;
  for (size_t i = 0; i < labels.size(); ++i) {
    int k = label_kind(labels[i]);
    if (k == kU) spans.push_back({uint32_t(i), uint32_t(i + 1), types[label_type(labels[i])]});
    if (k == kB) open = static_cast<int>(i);
    if (k == kL && open >= 0) {
      spans.push_back({uint32_t(open), uint32_t(i + 1), types[label_type(labels[i])]});
      open = -1;
    }
  }
  return spans;
}

std::vector<int> labels_from_spans(size_t n, const std::vector<NerSpan>& spans,
                                   const std::vector<std::string>& types) {
  std::vector<int> labels(n, 0);
  for (const NerSpan& s : spans) {
    auto it = std::find(types.begin(), types.end(), s.type);
    if (it == types.end() || s.end <= s.begin || s.end > n) continue;
    int t = static_cast<int>(it - types.begin());
    if (s.end - s.begin == 1) {
      labels[s.begin] = 1 + 4 * t + kU;
    } else {
      labels[s.begin] = 1 + 4 * t + kB;
      for (uint32_t k = s.begin + 1; k + 1 < s.end; ++k) labels[k] = 1 + 4 * t + kI;
      labels[s.end - 1] = 1 + 4 * t + kL;
    }
  }
  return labels;
}

}  // namespace dateline::entities::ner
