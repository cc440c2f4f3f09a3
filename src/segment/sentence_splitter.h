// SPDX-License-Identifier: Apache-2.0
#pragma once
// Sentence boundaries inside one paragraph, over the tokenizer's words.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "segment/tokenizer.h"

namespace dateline::segment {

class BoundaryModel;

/// Splits the words of one paragraph into sentences by rule, and, when a BoundaryModel is
/// given, lets the model decide the positions rules leave open. Stateless: thread-safe.
/// Requires: `tokens` are the words of one paragraph of `text`, in order.
/// Ensures: appends to `ends` the index one past the last word of each sentence, in
/// increasing order; the last one appended is tokens.size() (when tokens is not empty).
void split_sentences(std::string_view text, std::span<const RawToken> tokens,
                     const BoundaryModel* model, std::vector<uint32_t>& ends);

}  // namespace dateline::segment
