// SPDX-License-Identifier: Apache-2.0
#pragma once
// Actors from the entities layer. The dictionaries name countries, organisations and a few
// hundred dated people; the entities layer finds every person, organisation and place of an
// article, links "Cruz" and "he" to "Ted Cruz", and reads the titles the article gives them.
// This module codes each entity as an actor on the article's date, and turns its mentions in
// a sentence into actor hits that find_actor_phrases() merges with the dictionary's:
//   - a person: the dictionary row of the full name valid on the date ("Donald Trump" is
//     USAPTY in 2016 and USAGOV in 2025), else the sector and country of a title the article
//     gives ("Gambian President" -> GMBGOV, "Sen." -> LEG), else named but uncoded;
//   - an organisation: the dictionary row of its name, else the sector and country words in
//     it ("Mexican Interior Ministry"), else named but uncoded;
//   - a place or nationality: its country from the gazetteer ("New Jersey" -> USA, so the
//     Channel Island "Jersey" inside it is not matched).
// Pronouns and descriptions ("he", "the president") carry their entity's code.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/document.h"
#include "events/actor_dictionary.h"
#include "events/word_view.h"

namespace dateline::events {

/// How one entity of doc.entities is coded as an actor.
struct EntityActor {
  /// kActor with a full code ("USALEG"), kCountry for places (code = country), kAgent when
  /// only a sector is known ("LEG" from "Sen."), kNamed when nothing codes it (code "").
  ActorEntry entry;
  bool participant = false;  ///< a person, organisation, group or place that may act
};

/// One EntityActor per doc.entities index, valid on `date` (ISO, may be "").
std::vector<EntityActor> code_entities(const ActorDictionary& dict, const Document& doc,
                                       std::string_view date);

/// The indices into doc.mentions of each sentence's mentions, by sentence: built once per
/// article, so that finding a sentence's mentions does not scan the whole article.
std::vector<std::vector<uint32_t>> mentions_by_sentence(const Document& doc);

/// The actor hits of `mentions` (indices into doc.mentions, all of one sentence) whose entity
/// is a participant, over `words` (that sentence's words). Each hit's entry points into
/// `actors`, which must outlive the hits. Ensures: hits are disjoint and in text order.
std::vector<ActorHit> entity_hits(const Document& doc, std::span<const uint32_t> mentions,
                                  const std::vector<Word>& words,
                                  std::span<const EntityActor> actors);

}  // namespace dateline::events
