// SPDX-License-Identifier: Apache-2.0
#pragma once
// Step 3a of attribution completion (attribution_finder.cc): a cue with no content whose
// source and cue close a clause after a comma ("<content>, three people familiar with the
// talks told the outlet.", "<content>, said Mr. Barrett, the lawyer.", "<content>,
// according to the report.") or right after a closed quotation ("“…?” Trump said."): the
// content is the clause before the comma, back to the sentence start or to the end of an
// earlier span of the sentence, or the whole quotation. Following PolNeAR, a plain content
// stops before the comma and a quotation keeps its final punctuation and closing mark. When
// a clause follows (", <clause>"), source and cue are interposed and that clause is the
// content's second fragment; a colon after source and cue introduces the quotation that
// follows. Works on any cue the tagger found, not on a list of phrasings.

#include <cstdint>
#include <utility>
#include <vector>

#include "dateline/document.h"
#include "quotes/indirect_finder.h"
#include "quotes/quote_marks.h"
#include "quotes/words.h"

namespace dateline::quotes {

/// The word range of the subject the parse gives a's cue: the nsubj subtree of the cue's
/// verb, or of the verb it is coordinated with or complements ("Trump tweeted … and
/// encouraged …", "the groups sent a letter urging …"); {0, 0} when there is none (or no
/// parse).
std::pair<uint32_t, uint32_t> parse_subject(const Document& doc, const WordView& v,
                                            const WordAttribution& a);

/// Step 3a on every attribution of `found` with a cue and no content. `taken` marks the
/// words some span holds and is kept up to date.
void complete_post_posed(const Document& doc, const WordView& v,
                         const std::vector<QuoteRegion>& regions, std::vector<bool>& taken,
                         std::vector<WordAttribution>& found);

/// The parts of complete_post_posed(), over one document's attributions (which it
/// modifies; not thread-safe, one instance per call).
class PostPosedCompletion {
 public:
  PostPosedCompletion(const Document& doc, const WordView& v,
                      const std::vector<QuoteRegion>& regions, std::vector<bool>& taken,
                      std::vector<WordAttribution>& found);

  /// Completes found[k] when it is this construction.
  void complete(size_t k);

  /// A sourceless cue right after ", <noun phrase>" that the tagger read as the tail of
  /// another content, and followed by nothing but an object, a time or an apposition: the
  /// noun phrase (the cue's subject in the parse, else the verbless words back to the comma,
  /// at most 11) becomes its source and the other content ends before the comma. Returns
  /// whether it did.
  bool take_source(size_t k);

  /// "Said Ellis: “…”", "The Times reports: ¶ “…”": a colon after source and cue (ending at
  /// `last`) introduces the closed quotation that opens after it, which becomes the content
  /// (taken from a quotation with neither cue nor source that holds it). Returns whether it
  /// did.
  bool take_quotation_after_colon(size_t k, uint32_t last);

  /// What follows source and cue (from `last` to the end of the sentence). Not usable:
  /// quoted words, or a verb that does not start a ", <clause>". Interposed: a ", <clause>"
  /// of two words or more (not a participle adjunct, "…,” Trump said, looking out …"),
  /// which is `tail`, its final punctuation left out.
  struct Following {
    bool usable = false;
    bool interposed = false;
    std::pair<uint32_t, uint32_t> tail{0, 0};
  };
  Following following(uint32_t sentence, uint32_t last) const;

  /// The content before source and cue, `pre` being the word before them: after a comma, the
  /// clause back to the sentence start, absorbing attributions that lie wholly inside it;
  /// after a closing quotation mark (when not interposed), the whole quotation, absorbing a
  /// quotation the tagger kept with no cue and no source. Empty when neither.
  struct Before {
    uint32_t begin = 0, end = 0;
    std::vector<size_t> absorbed;  ///< indices into found
  };
  Before content_before(size_t k, uint32_t sentence, uint32_t pre, bool interposed) const;

  /// Gives found[k] the content `before` (and the interposed `tail`) unless a word of them is
  /// taken by an attribution that is not absorbed; clears the absorbed ones. Returns whether
  /// it did.
  bool commit(size_t k, const Before& before, std::pair<uint32_t, uint32_t> tail);

  /// Which attribution holds word i (-1: none).
  int32_t owner(uint32_t i) const { return owner_[i]; }

 private:
  bool is_verb(uint32_t k) const;

  const Document& doc_;
  const WordView& v_;
  const std::vector<QuoteRegion>& regions_;
  std::vector<bool>& taken_;
  std::vector<WordAttribution>& found_;
  bool syntax_;
  std::vector<int32_t> owner_;
};

}  // namespace dateline::quotes
