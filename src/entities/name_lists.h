// SPDX-License-Identifier: Apache-2.0
#pragma once
// Large name lists read only as evidence for the NER model: GeoNames cities (every place of
// 1,000 people or more) and WordNet's proper names typed person / organization / location.
// Unlike the hand-written gazetteer (gazetteer.h), these lists are far too noisy to create or
// retype an entity on their own ("Mobile", "Reading" and "Visit" are towns too): the model
// learns from training data how far to trust each list, per word shape and context.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dateline/status.h"

namespace dateline::entities {

/// Which lists a phrase is in; one word can carry several bits.
enum NameListBit : uint32_t {
  kListCity = 1u << 0,        ///< a GeoNames place (population >= 1,000)
  kListBigCity = 1u << 1,     ///< a GeoNames place of 100,000 people or more
  kListPerson = 1u << 2,      ///< a WordNet person (an individual, e.g. "Einstein")
  kListOrg = 1u << 3,         ///< a WordNet organization
  kListLocation = 1u << 4,    ///< a WordNet location (country, river, region, building...)
  kListBegin = 1u << 5,       ///< first word of a multi-word match
  kListInside = 1u << 6,      ///< a later word of a multi-word match
  kListKnownPlace = 1u << 7,  ///< a hand-written or ISO place name (gazetteer.h), any case
  kListKnownOrg = 1u << 8,    ///< an organizations.tsv name, any case
};
inline constexpr int kNameListBits = 9;

/// Where a GeoNames place is, for the places that have no hand-written gazetteer entry.
struct CityInfo {
  std::string country;  ///< ISO 3166 alpha-3
  double latitude = 0, longitude = 0;
  uint32_t population = 0;
  uint32_t geonames_id = 0;
};

/// Built once by load(), then immutable and safe to share between threads.
class NameLists {
 public:
  /// Reads geonames_cities.tsv and wordnet_names.tsv (written by tools/gen_name_lists.py)
  /// from `lexicons_dir`; a list whose file
  /// is absent is simply empty (`*content_out` collects what was read, for fingerprints). A
  /// malformed row is kBadInput with file:line.
  static Result<NameLists> load(const std::string& lexicons_dir, std::string* content_out);

  struct Phrase {
    uint32_t bits = 0;  ///< NameListBit flags
    int32_t city = -1;  ///< index of its largest GeoNames place, -1 when none
  };
  /// Adds one phrase (tests; load() uses it too); returns its entry, or null when the phrase
  /// is too short or too long to be listed.
  Phrase* add(std::string_view phrase, uint32_t bits);

  /// Per-word NameListBit flags from greedy longest matches, left to right, compared
  /// case-insensitively (ASCII) so that lower-case web text matches too.
  std::vector<uint32_t> bits(std::span<const std::string_view> words) const;

  /// The most populous GeoNames place called `name` (case-insensitive), or null.
  const CityInfo* city(std::string_view name) const;

  bool empty() const { return phrases_.empty(); }
  size_t size() const { return phrases_.size(); }

 private:
  std::unordered_map<std::string, Phrase> phrases_;       // lower-case words, one space apart
  std::unordered_map<std::string, uint8_t> first_words_;  // first word -> longest phrase length
  std::vector<CityInfo> cities_;
};

}  // namespace dateline::entities
