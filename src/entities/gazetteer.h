// SPDX-License-Identifier: Apache-2.0
#pragma once
// Name lists the entity stage looks words up in: places (Debian iso-codes plus
// data/lexicons/places.tsv), well-known organizations, nationality and group words (NORP),
// title words and given names (a weak gender cue for pronouns).

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dateline/document.h"
#include "dateline/status.h"
#include "entities/name_lists.h"

namespace dateline::entities {

/// What a gazetteer phrase names.
enum class GazetteerKind : uint8_t {
  kCountry,
  kCity,
  kSubdivision,  ///< a state or province; from iso_3166-2 these are weak (see `weak`)
  kRegion,       ///< a region or continent without a government
  kOrganization,
  kDemonym,      ///< nationality, religious or political group word
};

struct GazetteerEntry {
  std::string name;          ///< as written in the source
  GazetteerKind kind = GazetteerKind::kCountry;
  EntityType type = EntityType::kGpe;
  std::string country;       ///< ISO 3166 alpha-3, "" when none
  std::string wikidata;
  double latitude = 0, longitude = 0;
  bool has_coordinates = false;
  /// True for names that are also common words or rare places (ISO subdivisions): they type
  /// a span the model found but never create an entity on their own.
  bool weak = false;
  std::string source;        ///< "places.tsv:12", "iso_3166-1:VEN": the `why` of records
};

/// One entry of titles.tsv.
struct TitleWord {
  enum class Kind : uint8_t { kNone, kHead, kModifier, kHonorific };
  Kind kind = Kind::kNone;
  char gender = 0;  ///< 'm', 'f' or 0
};

/// Built once by load(), then immutable and safe to share between threads.
class Gazetteer {
 public:
  /// Reads places.tsv, organizations.tsv, demonyms.tsv, titles.tsv and given_names.tsv (and
  /// the optional name lists, see NameLists::load) from `lexicons_dir` and iso_3166-1.json /
  /// iso_3166-2.json from `iso_codes_dir` (Debian's /usr/share/iso-codes/json). A missing
  /// iso-codes folder is not an error (the TSVs still load); a missing or malformed TSV is
  /// kNotFound / kBadInput with file:line.
  static Result<Gazetteer> load(const std::string& lexicons_dir,
                                const std::string& iso_codes_dir = "/usr/share/iso-codes/json");

  /// Builds a gazetteer from in-memory entries (tests).
  static Gazetteer from_entries(std::vector<GazetteerEntry> entries);

  struct Match {
    int32_t entry = -1;   ///< index into entries(), -1 when nothing matched
    uint32_t length = 0;  ///< number of words matched
  };
  /// The longest entry matching words[i..]. Case rules: an all-capitals entry ("US", "NATO")
  /// matches only as written; others match case-insensitively but every word of the text
  /// except connectors ("of", "de", "and") must start with a capital letter, so "china" (the
  /// porcelain) and "us" do not match.
  Match longest_match(std::span<const std::string_view> words, size_t i) const;

  const std::vector<GazetteerEntry>& entries() const { return entries_; }
  /// Looks up a lower-case word in titles.tsv.
  TitleWord title_word(std::string_view lower) const;
  /// 'm', 'f' or 0 for a given name as written ("Stephen").
  char given_name_gender(std::string_view name) const;
  /// ISO alpha-3 of a country name or demonym as written ("US", "Mexican"), "" if unknown.
  std::string country_of(std::string_view phrase) const;

  /// GeoNames and WordNet name lists (empty when their files are absent): evidence for the
  /// NER model only, never entities by themselves.
  const NameLists& name_lists() const { return name_lists_; }

  /// Hex fingerprint of everything loaded.
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  void index();

  std::vector<GazetteerEntry> entries_;
  std::unordered_map<std::string, std::vector<int32_t>> by_key_;  // lower-case, single spaces
  std::unordered_map<std::string, uint32_t> first_words_;         // lower first word -> max len
  std::unordered_map<std::string, TitleWord> titles_;
  std::unordered_map<std::string, char> given_names_;
  NameLists name_lists_;
  std::string fingerprint_;
};

/// ASCII lower-casing into `out` (non-ASCII bytes are copied): cheap and enough for keys.
void lower_ascii(std::string_view in, std::string& out);

}  // namespace dateline::entities
