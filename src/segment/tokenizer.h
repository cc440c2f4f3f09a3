// SPDX-License-Identifier: Apache-2.0
#pragma once
// Word tokenization following Universal Dependencies English (EWT/GUM) conventions, the
// conventions the syntax layer is trained on.

#include <cstdint>
#include <string_view>
#include <vector>

namespace dateline::segment {

/// One syntactic word found by the tokenizer: a byte span of the text. Several words that
/// share one surface token ("do" + "n't") are linked by `fused_with_next`.
struct RawToken {
  uint32_t begin = 0;         ///< byte offset into the text
  uint32_t end = 0;           ///< one past the last byte
  bool space_after = true;    ///< white space (or the end of the text) follows
  bool fused_with_next = false;
};

/// Appends the words of text[begin, end) to `out`, in order. Stateless and thread-safe.
/// Requires: begin <= end <= text.size(), both on code point boundaries.
/// Ensures: every non-space byte of the range is in exactly one token; tokens hold no white
/// space; spans start and end on code point boundaries.
void tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<RawToken>& out);

/// True when `word` (without its final period) is an abbreviation that keeps its period:
/// a listed abbreviation ("Gen", "Inc", "Jan"), a single letter ("J"), or a dotted form
/// ("U.S", "a.m", "Ph.D").
bool is_abbreviation(std::string_view word);

/// True when `word` (without its period) is a title or similar that precedes a name and so
/// never ends a sentence ("Mr", "Dr", "Gen", "St").
bool is_title_abbreviation(std::string_view word);

}  // namespace dateline::segment
