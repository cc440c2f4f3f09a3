// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the sentence coder reads about one sentence (its words and actor phrases) and about
// the article around it (the running context of the two passes, event_coder.cc).

#include <cstdint>
#include <string>
#include <unordered_map>
#include <span>
#include <vector>

#include "events/actor_coder.h"
#include "events/word_view.h"

namespace dateline::events {

/// A sentence split into words, with its actor phrases.
struct SentenceView {
  uint32_t index = 0;
  std::vector<Word> words;
  std::vector<ActorPhrase> phrases;
  std::vector<int32_t> phrase_at;  ///< per word: index of the phrase covering it, or -1
};

/// What the coder knows about the article while it walks through it, sentence by sentence.
struct DocumentContext {
  std::string date;                ///< the article's date, for dated dictionary entries
  std::string last_country;        ///< country of the last coded actor phrase
  std::string last_place_country;  ///< country of the last place named ("in Mexico")
  /// How often each country names an actor in the whole article (not places).
  std::unordered_map<std::string, int> actor_counts;
  /// The first code each named entity gets in the article from a phrase with a country
  /// ("Moroccan King Hassan" -> MARGOV), by entity index; its other mentions take it.
  struct EntityCode {
    std::string country, sector, code, source;
  };
  std::unordered_map<int32_t, EntityCode> entity_codes;
  /// By sentence: the indices into Document::mentions of its mentions, and into
  /// Document::quotes of the quotes whose cue or content overlaps it. Built once per article
  /// so that no sentence or trigger scans the whole article.
  std::vector<std::vector<uint32_t>> mentions_by_sentence, quotes_by_sentence;
  std::span<const uint32_t> mentions_of(uint32_t s) const {
    return s < mentions_by_sentence.size() ? std::span<const uint32_t>(mentions_by_sentence[s])
                                           : std::span<const uint32_t>();
  }
  std::span<const uint32_t> quotes_of(uint32_t s) const {
    return s < quotes_by_sentence.size() ? std::span<const uint32_t>(quotes_by_sentence[s])
                                         : std::span<const uint32_t>();
  }
};

}  // namespace dateline::events
