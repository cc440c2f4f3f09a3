// SPDX-License-Identifier: Apache-2.0
#pragma once
// Actor coding of noun phrases: finds the phrases of a sentence that name an actor and codes
// each CAMEO-style as country (or IGO/NGO/IMG prefix) plus sector: "Mexican authorities" ->
// MEXGOV, "the president of Venezuela" -> VENGOV, "US military forces" -> USAMIL,
// "Six Mexican cartels" -> MEXCRM. A phrase with a sector but no country ("local
// authorities", "whose administration") is left for the event coder to resolve from context.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "events/actor_dictionary.h"
#include "events/verb_dictionary.h"
#include "events/word_view.h"

namespace dateline::events {

/// An actor-bearing noun phrase over words [begin, end) of one sentence.
struct ActorPhrase {
  uint32_t begin = 0, end = 0;
  std::string country;  ///< "MEX", "IGO", "" when the phrase names none
  std::string sector;   ///< "GOV", "CRM", "" when none
  std::string code;     ///< full code when the dictionary gave one ("IGOUNO", "USAGOV")
  bool local = false;   ///< "local authorities": the country is that of the story's place
  /// A people named by a demonym ("Albanians", "ethnic Turks"): the country is where they
  /// live when the sentence says so ("Albanians of southern Serbia"), not the nation state.
  bool people = false;
  bool ethnic = false;  ///< "ethnic Albanians": never the nation state's own country
  int32_t entity = -1;  ///< the entities layer's entity the phrase names, -1 when none
  bool named = false;   ///< names a person or organisation (the entities layer found it)
  std::string source;   ///< dictionary entries used ("actors.tsv:12 + agents.tsv:3")

  /// The code to report: the dictionary's full code, else country + sector, else "".
  std::string final_code() const;
};

/// Finds the actor phrases in `words` using `dict`, valid on `date` (ISO or "").
/// With `verbs`, up to two unknown lower-case words that are not verbs may sit between a
/// country and its sector word ("Irish nationalist guerrillas"). `entity_hits` (disjoint,
/// in text order; entity_actors.h) join the dictionary's hits: one overlapping a dictionary
/// hit replaces it only when it is coded and covers longer places inside it ("New Jersey"
/// over the Channel Island "Jersey"), and is dropped otherwise.
/// Ensures: phrases are disjoint and in text order.
std::vector<ActorPhrase> find_actor_phrases(const ActorDictionary& dict,
                                            const std::vector<Word>& words, std::string_view date,
                                            const VerbDictionary* verbs = nullptr,
                                            std::span<const ActorHit> entity_hits = {});

/// True for words that may sit inside an actor phrase between two dictionary hits
/// ("of", "the", "'s", "senior", a capitalised name, ...).
bool is_phrase_filler(const Word& w, bool between_countries);

}  // namespace dateline::events
