// SPDX-License-Identifier: Apache-2.0
#pragma once
// Coding the events of one sentence. Not thread-safe by itself: each call works on its own
// SentenceView and the caller's DocumentContext.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "dateline/document.h"
#include "events/entity_actors.h"
#include "events/event_coder.h"
#include "events/sentence_view.h"

namespace dateline::events {

/// Splits sentence `s` into words and finds its actor phrases: the dictionaries' and those
/// the entities layer names (`entity_actors`, from code_entities(); `mentions`, the
/// sentence's mentions from mentions_by_sentence()).
SentenceView view_sentence(const EventDictionaries& dicts, const Document& doc, uint32_t s,
                           const std::string& date, std::span<const EntityActor> entity_actors,
                           std::span<const uint32_t> mentions);

/// Counts the actor countries of `view` into ctx.actor_counts (a pre-pass over the article).
void count_actors(const SentenceView& view, DocumentContext& ctx);

/// Gives a country to phrases that name only a sector, from their context: "forces in Guinea",
/// "its government", "whose administration", "local authorities", the entities layer. Updates
/// ctx.last_country and ctx.last_place_country.
void resolve_phrases(const Document& doc, SentenceView& view, DocumentContext& ctx);

/// Appends the events of the sentence to `out`: triggers.h, participants.h, event_builder.h.
void code_sentence(const EventDictionaries& dicts, const Document& doc, const SentenceView& view,
                   const DocumentContext& ctx, std::vector<Event>& out);

/// Appends the candidate triggers of the sentence with their features (the dictionaries'
/// triggers and the clause verbs the model may take), for training the trigger model.
/// With `names`, each candidate carries its feature names too. Requires: dicts has the
/// feature resources. Sentences without a parse give none.
void collect_candidates(const EventDictionaries& dicts, const Document& doc,
                        const SentenceView& view, const DocumentContext& ctx, bool names,
                        std::vector<TriggerCandidate>& out);

}  // namespace dateline::events
