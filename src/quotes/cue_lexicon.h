// SPDX-License-Identifier: Apache-2.0
#pragma once
// The cue lexicon: words that introduce attributions (say, told, believes), speech nouns
// (statement) and the head nouns of unnamed sources (officials, people familiar with...).
// Loaded from data/lexicons/attribution.tsv; immutable after load.

#include <string>
#include <string_view>
#include <unordered_map>

#include "dateline/status.h"

namespace dateline::quotes {

enum class CueClass : uint8_t {
  kNone,
  kSpeech,     ///< say, add, argue
  kThought,    ///< believe, want, hope: QuoteMode::kThought
  kTell,       ///< tell, warn, ask: speech whose object is the addressee
  kNoun,       ///< statement, interview ("said in a statement")
  kAnonymous,  ///< officials, sources, people: an unnamed source
  kGroup,      ///< experts, critics: a collective source
};

class CueLexicon {
 public:
  /// Reads `path` (TSV: form, class; '#' comments). Verb lemmas of the speech, thought and
  /// tell classes also get their regular inflections (says, said is listed, noted, noting).
  static Result<CueLexicon> load(const std::string& path);
  /// Builds from TSV text directly (tests).
  static Result<CueLexicon> parse(std::string_view tsv, const std::string& origin);

  /// The class of a lower-cased word form, kNone when absent.
  CueClass lookup(std::string_view lower) const;
  bool is_verb_cue(std::string_view lower) const {
    CueClass c = lookup(lower);
    return c == CueClass::kSpeech || c == CueClass::kThought || c == CueClass::kTell;
  }
  /// Hex content hash of the file it was read from.
  const std::string& fingerprint() const { return fingerprint_; }
  size_t size() const { return forms_.size(); }

 private:
  std::unordered_map<std::string, CueClass> forms_;
  std::string fingerprint_;
};

}  // namespace dateline::quotes
