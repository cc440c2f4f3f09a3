// SPDX-License-Identifier: Apache-2.0
#include "entities/gazetteer.h"

#include <sstream>

#include <nlohmann/json.hpp>

#include "model/hash.h"
#include "text/file.h"
#include "text/utf8.h"

namespace dateline::entities {

void lower_ascii(std::string_view in, std::string& out) {
  out.resize(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    out[i] = static_cast<char>(model::ascii_lower(static_cast<unsigned char>(in[i])));
  }
}

namespace {

using text::read_file;

struct TsvRow {
  std::vector<std::string> fields;
  int line = 0;
};

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

// Reads a lexicon TSV: '#' lines are the header (name, version, source, licence) and
// comments; every other non-empty line must have at least `min_fields` tab-separated fields.
Result<std::vector<TsvRow>> read_tsv(const std::string& path, size_t min_fields,
                                     std::string* content) {
  DL_ASSIGN_OR_RETURN(*content, read_file(path));
  std::vector<TsvRow> rows;
  std::istringstream in(*content);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    TsvRow row;
    row.line = number;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      row.fields.push_back(trim(std::string_view(line).substr(
          start, tab == std::string::npos ? std::string::npos : tab - start)));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (row.fields.size() < min_fields || row.fields[0].empty()) {
      return error(ErrorCode::kBadInput, path + ":" + std::to_string(number) + ": expected " +
                                             std::to_string(min_fields) + " fields");
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

bool is_connector(std::string_view lower) {
  return lower == "of" || lower == "de" || lower == "and" || lower == "the" || lower == "del" ||
         lower == "la" || lower == "da" || lower == "do" || lower == "al" || lower == "el" ||
         lower == "for" || lower == "on";
}

bool all_caps(std::string_view s) {
  bool letter = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
  }
  return letter;
}

bool starts_upper(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0xC0;  // non-ASCII initials count as capitals
}

// Splits a name into words at spaces; punctuation stays inside words ("U.S.", "Washington,").
std::vector<std::string> split_words(std::string_view name) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && name[i] == ' ') ++i;
    size_t b = i;
    while (i < name.size() && name[i] != ' ') ++i;
    if (i > b) words.emplace_back(name.substr(b, i - b));
  }
  return words;
}

GazetteerKind place_kind(std::string_view s) {
  if (s == "country") return GazetteerKind::kCountry;
  if (s == "city") return GazetteerKind::kCity;
  if (s == "subdivision") return GazetteerKind::kSubdivision;
  return GazetteerKind::kRegion;
}

}  // namespace

Result<Gazetteer> Gazetteer::load(const std::string& lexicons_dir,
                                  const std::string& iso_codes_dir) {
  Gazetteer g;
  std::string all;  // everything read, for the fingerprint
  std::string content;
  std::unordered_map<std::string, size_t> country_coords;  // alpha-3 -> entry with coordinates

  DL_ASSIGN_OR_RETURN(auto places, read_tsv(lexicons_dir + "/places.tsv", 5, &content));
  all += content;
  for (const TsvRow& r : places) {
    GazetteerEntry e;
    e.name = r.fields[0];
    e.kind = place_kind(r.fields[1]);
    e.type = e.kind == GazetteerKind::kRegion ? EntityType::kLoc : EntityType::kGpe;
    e.country = r.fields[2];
    char* end = nullptr;
    e.latitude = std::strtod(r.fields[3].c_str(), &end);
    e.has_coordinates = end != r.fields[3].c_str();
    e.longitude = std::strtod(r.fields[4].c_str(), nullptr);
    if (r.fields.size() > 5) e.wikidata = r.fields[5];
    e.source = "places.tsv:" + std::to_string(r.line);
    if (e.kind == GazetteerKind::kCountry && e.has_coordinates) {
      country_coords.emplace(e.country, g.entries_.size());
    }
    g.entries_.push_back(std::move(e));
  }

  DL_ASSIGN_OR_RETURN(auto orgs, read_tsv(lexicons_dir + "/organizations.tsv", 1, &content));
  all += content;
  for (const TsvRow& r : orgs) {
    GazetteerEntry e;
    e.name = r.fields[0];
    e.kind = GazetteerKind::kOrganization;
    e.type = EntityType::kOrg;
    if (r.fields.size() > 1) e.country = r.fields[1];
    if (r.fields.size() > 2) e.wikidata = r.fields[2];
    e.source = "organizations.tsv:" + std::to_string(r.line);
    g.entries_.push_back(std::move(e));
  }

  DL_ASSIGN_OR_RETURN(auto demonyms, read_tsv(lexicons_dir + "/demonyms.tsv", 2, &content));
  all += content;
  for (const TsvRow& r : demonyms) {
    GazetteerEntry e;
    e.name = r.fields[0];
    e.kind = GazetteerKind::kDemonym;
    e.type = EntityType::kNorp;
    e.country = r.fields[1];
    e.source = "demonyms.tsv:" + std::to_string(r.line);
    g.entries_.push_back(std::move(e));
  }

  DL_ASSIGN_OR_RETURN(auto titles, read_tsv(lexicons_dir + "/titles.tsv", 2, &content));
  all += content;
  for (const TsvRow& r : titles) {
    TitleWord w;
    const std::string& k = r.fields[1];
    w.kind = k == "head"       ? TitleWord::Kind::kHead
             : k == "modifier" ? TitleWord::Kind::kModifier
                               : TitleWord::Kind::kHonorific;
    if (r.fields.size() > 2 && !r.fields[2].empty()) w.gender = r.fields[2][0];
    std::string key;
    lower_ascii(r.fields[0], key);
    g.titles_[key] = w;
  }

  DL_ASSIGN_OR_RETURN(auto names, read_tsv(lexicons_dir + "/given_names.tsv", 2, &content));
  all += content;
  for (const TsvRow& r : names) g.given_names_[r.fields[0]] = r.fields[1].empty() ? '\0' : r.fields[1][0];

  // Debian iso-codes: every country by its ISO short name (the part before ", Republic of"),
  // common and official names; subdivisions as weak entries.
  std::unordered_map<std::string, std::string> alpha2_to_3;
  auto iso1 = read_file(iso_codes_dir + "/iso_3166-1.json");
  if (iso1.ok()) {
    all += *iso1;
    nlohmann::json j = nlohmann::json::parse(*iso1, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.contains("3166-1")) {
      return error(ErrorCode::kBadInput, iso_codes_dir + "/iso_3166-1.json: not iso-codes JSON");
    }
    for (const auto& c : j["3166-1"]) {
      std::string a3 = c.value("alpha_3", ""), a2 = c.value("alpha_2", "");
      alpha2_to_3[a2] = a3;
      for (const char* field : {"name", "common_name", "official_name"}) {
        std::string name = c.value(field, "");
        size_t cut = name.find_first_of(",(");
        if (cut != std::string::npos) name = trim(name.substr(0, cut));
        if (name.empty()) continue;
        GazetteerEntry e;
        e.name = name;
        e.kind = GazetteerKind::kCountry;
        e.country = a3;
        e.source = "iso_3166-1:" + a3;
        if (auto it = country_coords.find(a3); it != country_coords.end()) {
          const GazetteerEntry& known = g.entries_[it->second];
          e.latitude = known.latitude;
          e.longitude = known.longitude;
          e.has_coordinates = true;
          e.wikidata = known.wikidata;
        }
        g.entries_.push_back(std::move(e));
      }
    }
  }
  auto iso2 = read_file(iso_codes_dir + "/iso_3166-2.json");
  if (iso2.ok()) {
    all += *iso2;
    nlohmann::json j = nlohmann::json::parse(*iso2, nullptr, false);
    if (!j.is_discarded() && j.contains("3166-2")) {
      for (const auto& s : j["3166-2"]) {
        std::string code = s.value("code", ""), name = s.value("name", "");
        size_t cut = name.find_first_of(",(");
        if (cut != std::string::npos) name = trim(name.substr(0, cut));
        if (name.empty() || code.size() < 2) continue;
        GazetteerEntry e;
        e.name = name;
        e.kind = GazetteerKind::kSubdivision;
        e.country = alpha2_to_3[code.substr(0, 2)];
        e.weak = true;
        e.source = "iso_3166-2:" + code;
        g.entries_.push_back(std::move(e));
      }
    }
  }
  DL_ASSIGN_OR_RETURN(g.name_lists_, NameLists::load(lexicons_dir, &all));
  g.fingerprint_ = model::content_hash(all);
  g.index();
  // The strict entries also become case-blind model evidence: web text writes "mexico" and
  // "the un" too, which longest_match() rightly refuses to turn into entities.
  for (const GazetteerEntry& e : g.entries_) {
    if (e.weak || e.kind == GazetteerKind::kDemonym) continue;
    g.name_lists_.add(e.name, e.kind == GazetteerKind::kOrganization ? kListKnownOrg
                                                                     : kListKnownPlace);
  }
  return g;
}

Gazetteer Gazetteer::from_entries(std::vector<GazetteerEntry> entries) {
  Gazetteer g;
  g.entries_ = std::move(entries);
  g.index();
  return g;
}

void Gazetteer::index() {
  std::string key, lower;
  for (size_t i = 0; i < entries_.size(); ++i) {
    std::vector<std::string> words = split_words(entries_[i].name);
    if (words.empty()) continue;
    key.clear();
    for (size_t w = 0; w < words.size(); ++w) {
      lower_ascii(words[w], lower);
      if (w) key += ' ';
      key += lower;
    }
    auto& list = by_key_[key];
    // The first source listed wins (places.tsv before iso-codes), so keep one entry per
    // key and kind: an ISO duplicate of a hand-written entry adds nothing.
    bool duplicate = false;
    for (int32_t other : list) duplicate |= entries_[other].kind == entries_[i].kind ||
                                           !entries_[other].weak;
    if (duplicate && entries_[i].source.rfind("iso_", 0) == 0) continue;
    list.push_back(static_cast<int32_t>(i));
    lower_ascii(words[0], lower);
    uint32_t& max_len = first_words_[lower];
    max_len = std::max<uint32_t>(max_len, static_cast<uint32_t>(words.size()));
  }
}

Gazetteer::Match Gazetteer::longest_match(std::span<const std::string_view> words,
                                          size_t i) const {
  Match best;
  if (i >= words.size() || !starts_upper(words[i])) return best;
  std::string key, lower;
  lower_ascii(words[i], key);
  auto first = first_words_.find(key);
  if (first == first_words_.end()) return best;
  size_t max_len = std::min<size_t>(first->second, words.size() - i);
  std::vector<std::string> lowered;
  lowered.reserve(max_len);
  for (size_t n = 1; n <= max_len; ++n) {
    std::string_view w = words[i + n - 1];
    if (n > 1) {
      lower_ascii(w, lower);
      if (!starts_upper(w) && !is_connector(lower)) break;
      key += ' ';
      key += lower;
    }
    auto it = by_key_.find(key);
    if (it == by_key_.end()) continue;
    for (int32_t e : it->second) {
      const std::string& name = entries_[e].name;
      if (all_caps(name) || (n == 1 && all_caps(w) && name.size() <= 3)) {
        // An acronym matches only as written; a short all-capitals word in the text must be
        // an acronym entry too ("US" is the country, "Us" at a sentence start is not).
        std::string written;
        for (size_t k = 0; k < n; ++k) {
          if (k) written += ' ';
          written += words[i + k];
        }
        if (written != name) continue;
      }
      if (static_cast<uint32_t>(n) > best.length ||
          (static_cast<uint32_t>(n) == best.length && entries_[best.entry].weak &&
           !entries_[e].weak)) {
        best.entry = e;
        best.length = static_cast<uint32_t>(n);
      }
    }
  }
  return best;
}

TitleWord Gazetteer::title_word(std::string_view lower) const {
  auto it = titles_.find(std::string(lower));
  return it == titles_.end() ? TitleWord{} : it->second;
}

char Gazetteer::given_name_gender(std::string_view name) const {
  auto it = given_names_.find(std::string(name));
  return it == given_names_.end() ? '\0' : it->second;
}

std::string Gazetteer::country_of(std::string_view phrase) const {
  std::vector<std::string> words = split_words(phrase);
  std::vector<std::string_view> views(words.begin(), words.end());
  Match m = longest_match(views, 0);
  if (m.entry < 0 || m.length != views.size()) return "";
  const GazetteerEntry& e = entries_[m.entry];
  if (e.kind == GazetteerKind::kCountry || e.kind == GazetteerKind::kDemonym) return e.country;
  return "";
}

}  // namespace dateline::entities
