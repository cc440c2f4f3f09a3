// SPDX-License-Identifier: Apache-2.0
#pragma once
// Event coding: who did what to whom, in PLOVER 2.0 and CAMEO, with negation, modality, date
// and place. See sentence_coder.h for how one sentence is coded.

#include <memory>
#include <string>

#include "dateline/document.h"
#include "dateline/status.h"
#include "events/actor_dictionary.h"
#include "events/cameo_table.h"
#include "events/verb_dictionary.h"

namespace dateline::events {

struct EventCoderOptions {
  /// Folder of actors.tsv, agents.tsv, verbs.tsv and cameo.tsv (data/lexicons).
  std::string lexicons_dir;
  /// Optional folder of PETRARCH/Phoenix dictionaries to load on top of our own.
  std::string dictionaries_dir;
};

/// The dictionaries an EventCoder codes with.
struct EventDictionaries {
  ActorDictionary actors;
  VerbDictionary verbs;
  CameoTable cameo;
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

  /// Hex fingerprint of the lexicons (and imported dictionaries) this instance was built from.
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  std::unique_ptr<const EventDictionaries> dicts_;
  std::string fingerprint_;
};

}  // namespace dateline::events
