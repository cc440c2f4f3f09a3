// SPDX-License-Identifier: Apache-2.0
#include "syntax/parse_view.h"

#include <algorithm>

namespace dateline::syntax {

bool has_syntax(const Document& doc) {
  return !doc.tokens.empty() && doc.tokens[0].head != Token::kNoHead;
}

bool in_subtree(const Document& doc, int32_t t, int32_t top, int max_steps) {
  int32_t cur = t;
  for (int step = 0; step < max_steps && cur >= 0 && cur != top; ++step) {
    cur = doc.tokens[static_cast<size_t>(cur)].head;
  }
  return cur == top;
}

std::pair<int32_t, int32_t> subtree_extent(const Document& doc, int32_t top) {
  const Sentence& s = doc.sentences[doc.tokens[static_cast<size_t>(top)].sentence];
  int32_t lo = top, hi = top;
  for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
    if (!in_subtree(doc, static_cast<int32_t>(k), top)) continue;
    lo = std::min(lo, static_cast<int32_t>(k));
    hi = std::max(hi, static_cast<int32_t>(k));
  }
  return {lo, hi};
}

ParseView::ParseView(const Document& doc) : parsed_(has_syntax(doc)) {
  if (!parsed_) return;
  const size_t n = doc.tokens.size();
  first_.assign(n + 1, 0);
  for (const Token& t : doc.tokens) {
    if (t.head >= 0 && static_cast<size_t>(t.head) < n) ++first_[static_cast<size_t>(t.head) + 1];
  }
  for (size_t i = 0; i < n; ++i) first_[i + 1] += first_[i];
  children_.resize(first_[n]);
  std::vector<uint32_t> next(first_.begin(), first_.end() - 1);
  for (size_t i = 0; i < n; ++i) {
    const int32_t h = doc.tokens[i].head;
    if (h >= 0 && static_cast<size_t>(h) < n) children_[next[static_cast<size_t>(h)]++] = static_cast<uint32_t>(i);
  }
}

}  // namespace dateline::syntax
