// SPDX-License-Identifier: Apache-2.0
#pragma once
// Speaker resolution: from the source span of an attribution to the person or group it
// names, through the entities layer (mentions, including pronouns and surnames, point to
// entities with full names and titles). Also flags unnamed sources ("three people familiar
// with the talks", "officials") and finds the addressee of tell-verbs.

#include <string>
#include <unordered_map>
#include <vector>

#include "dateline/document.h"
#include "quotes/cue_lexicon.h"
#include "quotes/words.h"

namespace dateline::quotes {

/// Speaker resolution over one document. Construction indexes what every lookup needs (the
/// mentions by position, the people's surnames, the capitalised names of the text), in
/// O(n log n); each lookup then costs O(log n + the source's length), so resolving all the
/// speakers of an article is O(n log n) rather than O(quotes x mentions).
/// Holds references to `doc`, `view` and `lexicon`, which must outlive it; const methods
/// only, so it may be shared by threads reading the same document.
class SpeakerResolver {
 public:
  SpeakerResolver(const Document& doc, const WordView& view, const CueLexicon& lexicon);

  /// The Speaker for `source` (byte span, may be empty) of an attribution whose cue is at
  /// byte `at`. Requires: doc.mentions/entities as the entities stage leaves them (may be
  /// empty: then a capitalised run of words inside the source stands for the name).
  Speaker resolve(Span source, uint32_t at) const;

  /// True when the source names nobody: its words hold no name and its head noun is one of
  /// the lexicon's anonymous or group nouns ("officials", "people familiar with...").
  bool is_anonymous(Span source) const;

 private:
  /// Indices into doc.mentions of the mentions inside `source`, in index order.
  std::vector<int32_t> mentions_in(Span source) const;

  const Document& doc_;
  const WordView& view_;
  const CueLexicon& lexicon_;
  std::vector<int32_t> by_position_;  ///< mention indices sorted by (span.begin, index)
  /// Lower-cased last word of a PERSON entity's name -> the first such entity.
  std::unordered_map<std::string, int32_t> person_by_surname_;
  /// A lower-cased word -> the first word index where a capitalised word (not a function
  /// word, not a cue) stands right before it in the same sentence: "Ana Ruiz" for "ruiz".
  std::unordered_map<std::string, uint32_t> first_name_pair_;
};

/// The addressee of a tell-class cue ("told Latin American defense leaders"): the words
/// after the cue up to "that", a clause break or `stop` (the content's start), else empty.
Span find_addressee(const Document& doc, const WordView& view, Span cue, uint32_t stop,
                    const CueLexicon& lexicon);

}  // namespace dateline::quotes
