// SPDX-License-Identifier: Apache-2.0
#pragma once
// Event coding: who did what to whom, in PLOVER 2.0 and CAMEO, with negation, modality, date
// and place. See sentence_coder.h for how one sentence is coded.

#include <memory>
#include <optional>
#include <string>

#include "clusters/word_clusters.h"
#include "dateline/document.h"
#include "dateline/status.h"
#include "events/actor_dictionary.h"
#include "events/cameo_table.h"
#include "events/trigger_model.h"
#include "events/verb_dictionary.h"
#include "events/wordnet_lexicon.h"

namespace dateline::events {

struct EventCoderOptions {
  /// Folder of actors.tsv, agents.tsv, verbs.tsv, cameo.tsv and wordnet_events.tsv
  /// (data/lexicons).
  std::string lexicons_dir;
  /// Optional folder of PETRARCH/Phoenix dictionaries to load on top of our own.
  std::string dictionaries_dir;
  /// Folder of the trigger model (events.dlm) and the word clusters (en_clusters.dlc); ""
  /// codes with the dictionaries alone. A missing model file is not an error (the dictionaries
  /// decide, as without a parse); a damaged one is.
  std::string models_dir;
  /// Load the model's feature resources (WordNet, clusters) but not the model: for training
  /// one (`dateline train events`).
  bool features_only = false;
};

/// A candidate trigger as the trigger model sees it, for training and evaluating the model.
struct TriggerCandidate {
  uint32_t sentence = 0;
  Span head;     ///< the head word (the verb, or the noun of a light verb) in Document::text
  Span trigger;  ///< the trigger words
  std::string lemma;
  PloverType dictionary_type = PloverType::kNone;  ///< kNone when only the model proposes it
  std::string dictionary_cameo;
  std::vector<uint64_t> keys;
  std::vector<std::string> names;  ///< feature names, one per key, when asked for
};

/// The dictionaries and models an EventCoder codes with.
struct EventDictionaries {
  ActorDictionary actors;
  VerbDictionary verbs;
  CameoTable cameo;
  WordNetLexicon wordnet;                          ///< empty without wordnet_events.tsv
  std::optional<clusters::WordClusters> clusters;  ///< for the model's features
  std::optional<TriggerModel> model;               ///< decides triggers on parsed sentences
};

/// Built once from its lexicons, then immutable: annotate() is const and one instance may
/// serve many threads. A default-constructed coder has no dictionaries and adds nothing.
class EventCoder {
 public:
  EventCoder() = default;
  static Result<EventCoder> load(const EventCoderOptions& options);
  /// For tests and tools: a coder over dictionaries built in memory.
  static EventCoder from_dictionaries(EventDictionaries dictionaries, std::string fingerprint);

  /// Fills doc.events from the sentences, tokens (and their syntax when present), entities
  /// and times of `doc`. Requires: doc is segmented. Ensures: events are in text order.
  Status annotate(Document& doc) const;

  /// Every candidate trigger of the parsed sentences of `doc`, with its features, in text
  /// order. Requires: loaded with models_dir (the feature resources); doc annotated up to the
  /// quotes stage.
  std::vector<TriggerCandidate> candidates(const Document& doc, bool names = false) const;

  /// The dictionaries and models in use (nullptr for a default-constructed coder).
  const EventDictionaries* dictionaries() const { return dicts_.get(); }

  /// Hex fingerprint of the lexicons (and imported dictionaries) this instance was built from.
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  template <typename F>
  void for_each_sentence(const Document& doc, F&& code) const;

  std::unique_ptr<const EventDictionaries> dicts_;
  std::string fingerprint_;
};

}  // namespace dateline::events
