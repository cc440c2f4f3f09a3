// SPDX-License-Identifier: Apache-2.0
#pragma once
// Pairing of quotation marks: which words of a WordView stand between an opening and a
// closing mark, for straight ("), curly (“ ”) and guillemet marks, single marks nested
// inside double ones, and quotations that run over several paragraphs (each paragraph
// opens with a mark again, only the last one closes).

#include <cstdint>
#include <string_view>
#include <vector>

#include "quotes/words.h"

namespace dateline::quotes {

/// One pair of double quotation marks (or a quotation left open at a paragraph's end).
struct QuoteRegion {
  uint32_t open = 0;    ///< word index of the opening mark
  uint32_t close = 0;   ///< word index of the closing mark; one past the unit when unclosed
  bool closed = true;   ///< false when the paragraph ended first
  /// True when the quotation goes on in the next paragraph (it ended unclosed and the next
  /// paragraph opens with a mark), the convention for multi-paragraph quotations.
  bool continues = false;
  uint8_t depth = 1;    ///< 1 for outermost double marks, 2 when nested
  /// Number of non-punctuation words inside.
  uint32_t words = 0;
};

/// Pairs the quotation marks of `view` unit by unit, fills Word::quote_depth and
/// Word::quote (innermost region) of the words inside, and returns the regions in order
/// of their opening marks. Single marks (‘…’) are paired so that their apostrophe use
/// does not confuse the double ones, but only double marks make regions.
/// `text` is the document text the spans point into.
std::vector<QuoteRegion> pair_quote_marks(WordView& view, std::string_view text);

}  // namespace dateline::quotes
