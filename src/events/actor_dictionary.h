// SPDX-License-Identifier: Apache-2.0
#pragma once
// Actor dictionaries: countries (names, demonyms, capitals used as metonyms), named actors
// (people, organisations, IGOs, armed groups) with CAMEO-style codes, and agents (sector words:
// "government" -> GOV, "cartels" -> CRM). Phrases are matched on normalised words, longest
// first. Loaded from data/lexicons/actors.tsv and agents.tsv, and optionally from PETRARCH/
// Phoenix dictionaries (petrarch_importer.h).

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dateline/status.h"
#include "events/word_view.h"

namespace dateline::events {

enum class ActorKind : uint8_t {
  kCountry,  ///< code is a country (ISO alpha-3) or IGO/NGO prefix
  kActor,    ///< code is a full actor code ("USAGOV", "IGOUNO")
  kAgent,    ///< code is a sector ("GOV", "MIL"); needs a country from elsewhere
  kNamed,    ///< a named person or organisation that nothing codes (code ""; entity_actors.h)
};

/// How a dictionary phrase must be written in the text to match.
enum class CaseRule : uint8_t {
  kAny,          ///< "officials", "cartels"
  kCapitalized,  ///< "Mexico": the first word must start with a capital ("turkey" is not Turkey)
  kAllCaps,      ///< "US", "UN": every word in capitals ("us" is a pronoun)
};

struct ActorEntry {
  std::string code;
  ActorKind kind = ActorKind::kCountry;
  CaseRule case_rule = CaseRule::kAny;
  /// Validity ranges [from, to] as ISO dates ("" = open); empty = always valid.
  std::vector<std::pair<std::string, std::string>> valid;
  std::string source;  ///< "actors.tsv:42"
};

/// A dictionary hit over words [begin, end).
struct ActorHit {
  uint32_t begin = 0, end = 0;
  const ActorEntry* entry = nullptr;
  int32_t entity = -1;  ///< index into Document::entities for hits of the entities layer
};

/// Immutable once loaded; lookups are const and thread-safe.
class ActorDictionary {
 public:
  /// Adds a phrase (words separated by spaces or '_'). A later entry for the same phrase and
  /// kind replaces the earlier one, so the project's own lexicon can be loaded last to win.
  void add(std::string_view phrase, ActorEntry entry);

  /// Loads data/lexicons/actors.tsv (phrase, code, kind, [validity]).
  Status load_actors_tsv(const std::string& path);
  /// Loads data/lexicons/agents.tsv (phrase, sector).
  Status load_agents_tsv(const std::string& path);

  /// The longest phrase starting at words[i] that is valid on `date` (ISO, may be ""),
  /// agents and actors alike; {i, i, nullptr} when none.
  ActorHit longest_match(const std::vector<Word>& words, size_t i, std::string_view date) const;

  /// True when the normalised phrase `norm` has a country entry ("albanian").
  bool has_country(std::string_view norm) const;

  size_t size() const { return entries_.size(); }

 private:
  // Key: normalised words joined by ' '. Several entries may share a key (e.g. an actor and
  // an agent reading); the first valid one wins, actors before agents.
  std::unordered_map<std::string, std::vector<ActorEntry>> entries_;
  std::unordered_map<std::string, uint32_t> max_words_;  ///< by first word
};

/// True when `date` (ISO, possibly partial or "") falls in one of the entry's ranges.
bool entry_valid_on(const ActorEntry& entry, std::string_view date);

}  // namespace dateline::events
