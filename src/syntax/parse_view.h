// SPDX-License-Identifier: Apache-2.0
#pragma once
// The parse view every stage reads the dependency tree through: whether the document is
// parsed (asked once), each token's children, and walks up the tree bounded by a step
// limit so that a malformed tree (a cycle from a hand-built or loaded Document) cannot
// make a stage loop. udpipe keeps the same thing as `word.children`.

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "dateline/document.h"

namespace dateline::syntax {

/// Steps a walk up the tree takes at most: deeper than any UD EWT or GUM tree.
inline constexpr int kMaxWalk = 40;

/// True when the document's tokens carry a parse (Token::head is set).
bool has_syntax(const Document& doc);

/// True when token `t` is `top` or below it, following at most `max_steps` heads.
bool in_subtree(const Document& doc, int32_t t, int32_t top, int max_steps = kMaxWalk);

/// The first and last token of `top`'s subtree within its sentence (the tokens for which
/// in_subtree() holds). Requires: has_syntax(doc), 0 <= top < tokens.size().
std::pair<int32_t, int32_t> subtree_extent(const Document& doc, int32_t top);

/// Children lists of a parsed document. Built once per document; immutable.
class ParseView {
 public:
  explicit ParseView(const Document& doc);

  bool parsed() const { return parsed_; }
  /// Dependents of token `t`, in token order (empty when not parsed).
  std::span<const uint32_t> children(uint32_t t) const {
    if (!parsed_) return {};
    return std::span<const uint32_t>(children_).subspan(first_[t], first_[t + 1] - first_[t]);
  }

 private:
  bool parsed_ = false;
  std::vector<uint32_t> first_;     ///< children of t are children_[first_[t], first_[t + 1])
  std::vector<uint32_t> children_;
};

}  // namespace dateline::syntax
