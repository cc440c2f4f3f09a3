// SPDX-License-Identifier: Apache-2.0
#pragma once
// Rule-based attribution finding: the path taken when no trained model is present, and the
// source of direct quotations the model left out. Three rules:
//  - direct: a quotation of a few words or more with a cue verb next to it ("…,” Berg
//    said. / Berg said: “…”);
//  - indirect, from the dependency parse when present: a cue verb with a clausal
//    complement (ccomp) or parataxis; content = that subtree, source = its nsubj subtree;
//  - indirect, token patterns when there is no parse: SOURCE CUE [that] CONTENT to the end
//    of the sentence, and "according to SOURCE".

#include <cstdint>
#include <vector>

#include "dateline/document.h"
#include "quotes/cue_lexicon.h"
#include "quotes/quote_marks.h"
#include "quotes/words.h"

namespace dateline::quotes {

/// An attribution in word indices (into WordView::words); ranges are [begin, end), an
/// empty range (begin == end) means the role is absent.
struct WordAttribution {
  uint32_t source_begin = 0, source_end = 0;
  uint32_t cue_begin = 0, cue_end = 0;
  std::vector<std::pair<uint32_t, uint32_t>> content;
  const char* why = "";
  bool has_source() const { return source_end > source_begin; }
  bool has_cue() const { return cue_end > cue_begin; }
};

/// Direct quotations (rule 1) of `view`: each closed, outermost region of at least
/// `min_words` words, with its cue and source when one stands next to it.
std::vector<WordAttribution> find_direct_quotes(const Document& doc, const WordView& view,
                                                const std::vector<QuoteRegion>& regions,
                                                const CueLexicon& lexicon, uint32_t min_words);

/// Indirect attributions (rules 2 and 3) whose cue is outside quotation marks.
std::vector<WordAttribution> find_indirect(const Document& doc, const WordView& view,
                                           const CueLexicon& lexicon);

}  // namespace dateline::quotes
