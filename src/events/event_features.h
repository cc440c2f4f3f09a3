// SPDX-License-Identifier: Apache-2.0
#pragma once
// Features of a candidate trigger for the trigger model (trigger_model.h): what the word is
// (lemma, WordNet files and hypernyms, word cluster, the dictionaries' reading), what it
// governs (particle, object, obliques, complement, with their WordNet files), where it stands
// (relation to its head, governing verb, "if"/"whether", modal auxiliaries, negation, a
// question, a quotation) and who acts (subject and object: a coded actor, a named one, a
// pronoun, a common noun). Each feature is a template number and hashed values
// (model::feature_key), so extraction allocates nothing but the output vector.

#include <cstdint>
#include <string>
#include <vector>

#include "events/triggers.h"

namespace dateline::events {

/// The version of the feature templates; a model records it and is refused by a coder whose
/// templates differ.
inline constexpr const char* kTriggerFeaturesVersion = "event-triggers-v2";

/// Appends the feature keys of trigger `t` to `keys`; with `names`, one readable name per key
/// ("lemma=attack", "obj.wn=person"), for `why` and for debugging.
/// Requires: in.parse.parsed().
void trigger_features(const CoderInput& in, const Trigger& t, std::vector<uint64_t>& keys,
                      std::vector<std::string>* names = nullptr);

/// Lexical features only (lemma, particle, object word, WordNet, cluster, dictionary type),
/// for training instances made from dictionary entries rather than sentences.
void lexical_features(const EventDictionaries& dicts, std::string_view lemma,
                      std::string_view particle, std::string_view object,
                      std::vector<uint64_t>& keys, std::vector<std::string>* names = nullptr);

}  // namespace dateline::events
