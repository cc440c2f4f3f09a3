// SPDX-License-Identifier: Apache-2.0
#pragma once
// Coding the events of one sentence. Not thread-safe by itself: each call works on its own
// SentenceView and the caller's DocumentContext.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "dateline/document.h"
#include "events/actor_coder.h"
#include "events/event_coder.h"
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
};

/// Splits sentence `s` into words and finds its actor phrases.
SentenceView view_sentence(const EventDictionaries& dicts, const Document& doc, uint32_t s,
                           const std::string& date);

/// Counts the actor countries of `view` into ctx.actor_counts (a pre-pass over the article).
void count_actors(const SentenceView& view, DocumentContext& ctx);

/// Gives a country to phrases that name only a sector, from their context: "forces in Guinea",
/// "its government", "whose administration", "local authorities", the entities layer. Updates
/// ctx.last_country and ctx.last_place_country.
void resolve_phrases(const Document& doc, SentenceView& view, DocumentContext& ctx);

/// Appends the events of the sentence to `out`.
void code_sentence(const EventDictionaries& dicts, const Document& doc, const SentenceView& view,
                   const DocumentContext& ctx, std::vector<Event>& out);

}  // namespace dateline::events
