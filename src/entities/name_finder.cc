// SPDX-License-Identifier: Apache-2.0
// From a sentence to typed names. The sequence model proposes PER/ORG/LOC spans (the label set
// of its training data); gazetteers then refine and complete them:
//  - a model LOC is a GPE when it is a country, city or state, LOC for regions and natural
//    features, FAC for buildings and infrastructure (by head word);
//  - nationality and group words are NORP ("Mexican", "Democrats"), whatever the model said;
//  - strong gazetteer names the model missed are added (countries, cities, known
//    organizations), weak ones (ISO subdivisions, which include common words) never are;
//  - ORG spans headed by "Summit", "War", "Olympics" are EVENTs.
#include "entities/name_finder.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace dateline::entities {
namespace {

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Splits "theWhite" when the lower-case head is a function word and the rest a capitalised
// word: a missing space is a common typo in news copy, camelCase names ("iPhone", "eBay")
// do not start with a function word.
size_t glued_split(std::string_view w) {
  static constexpr std::string_view kHeads[] = {"the", "of", "and", "in", "on", "at", "to",
                                                "for", "by", "with", "from", "a", "an"};
  for (std::string_view h : kHeads) {
    if (w.size() >= h.size() + 3 && w.substr(0, h.size()) == h && w[h.size()] >= 'A' &&
        w[h.size()] <= 'Z' && w[h.size() + 1] >= 'a' && w[h.size() + 1] <= 'z') {
      return h.size();
    }
  }
  return 0;
}

// Byte length of "counter-" in "counter-China" (lower-case letters, a hyphen, a capital).
size_t hyphen_prefix(std::string_view w) {
  size_t i = 0;
  while (i < w.size() && w[i] >= 'a' && w[i] <= 'z') ++i;
  if (i >= 2 && i + 2 < w.size() && w[i] == '-' && w[i + 1] >= 'A' && w[i + 1] <= 'Z') return i + 1;
  return 0;
}

// Byte length of a trailing possessive ("'s", "’s"), 0 if none.
size_t possessive_suffix(std::string_view w) {
  if (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s") return 4;
  if (w.size() > 2 && w.substr(w.size() - 2) == "'s") return 2;
  return 0;
}

EntityType place_type(const GazetteerEntry& e) {
  if (e.kind == GazetteerKind::kRegion) return EntityType::kLoc;
  if (e.kind == GazetteerKind::kOrganization) return EntityType::kOrg;
  if (e.kind == GazetteerKind::kDemonym) return EntityType::kNorp;
  return EntityType::kGpe;
}

// Type of a model LOC span that no gazetteer knows, from its last word.
EntityType loc_type(std::string_view last) {
  if (one_of(last, {"Airport", "Bridge", "Street", "Avenue", "Road", "Square", "Tower",
                    "Stadium", "Hospital", "Prison", "Base", "Headquarters", "Building",
                    "Palace", "Port", "Highway", "Station", "Embassy", "Dam", "Mosque",
                    "Church", "Cathedral", "Museum", "Hotel", "Mall", "Park"})) {
    return EntityType::kFac;
  }
  if (one_of(last, {"River", "Sea", "Ocean", "Mountains", "Mountain", "Lake", "Gulf", "Bay",
                    "Island", "Islands", "Desert", "Valley", "Peninsula", "Coast", "Strait",
                    "Canal", "Basin", "Region", "Forest", "Hills", "Border"})) {
    return EntityType::kLoc;
  }
  return EntityType::kGpe;
}

bool is_event_head(std::string_view last) {
  return one_of(last, {"War", "Summit", "Olympics", "Games", "Cup", "Conference", "Election",
                       "Championship", "Festival", "Revolution", "Crisis", "Forum", "Expo",
                       "Marathon", "Tournament"});
}

bool is_org_head(std::string_view last) {
  return one_of(last, {"Council", "Committee", "Department", "Ministry", "Agency", "Party",
                       "University", "Institute", "Bank", "Command", "Corporation", "Inc",
                       "Inc.", "Corp", "Corp.", "Ltd", "Company", "Association", "Commission",
                       "Court", "Parliament", "Army", "Navy", "Force", "Forces", "Times",
                       "Post", "News", "Group", "Foundation", "Center", "Centre", "Office",
                       "Service", "Union", "Organization", "Organisation", "Board",
                       "Assembly"});
}

// Institutions that a model may call a place because a place name heads them
// ("Hofstra University", "Georgia Institute of Technology"); their place is their campus.
bool is_institution_head(std::string_view last) {
  return one_of(last, {"University", "College", "Institute", "Academy"});
}

// Without a model: capitalised runs that are not sentence-initial function words, typed by
// head word or by a preceding title or honorific (a person).
std::vector<Name> rule_names(const Gazetteer& gazetteer, std::span<const std::string_view> words) {
  std::vector<Name> out;
  std::string lower;
  for (size_t i = 0; i < words.size();) {
    if (!is_capitalized(words[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < words.size() && (is_capitalized(words[j]) ||
                                (j > i && j + 1 < words.size() && words[j] == "of" &&
                                 is_capitalized(words[j + 1])))) {
      ++j;
    }
    // Leading title words belong to the title, not the name ("President Donald Trump").
    size_t b = i;
    bool titled = false;
    while (b < j) {
      lower_ascii(words[b], lower);
      if (gazetteer.title_word(lower).kind == TitleWord::Kind::kNone) break;
      titled = true;
      ++b;
    }
    if (b < j && !(i == 0 && j - b == 1 && !titled)) {
      Name n{static_cast<uint32_t>(b), static_cast<uint32_t>(j), EntityType::kOther, -1, ""};
      std::string_view last = words[j - 1];
      if (is_org_head(last)) {
        n.type = EntityType::kOrg;
        n.why = "rule: organisation head word";
      } else if (titled || gazetteer.given_name_gender(words[b]) != 0) {
        n.type = EntityType::kPerson;
        n.why = titled ? "rule: after a title" : "rule: given name";
      }
      if (n.type != EntityType::kOther) out.push_back(n);
    }
    i = j;
  }
  return out;
}

}  // namespace

bool is_capitalized(std::string_view w) {
  if (w.empty()) return false;
  unsigned char c = static_cast<unsigned char>(w[0]);
  // Lead byte 0xE2 starts U+2000-U+2FFF: quotation marks, dashes, symbols, not letters.
  return (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c != 0xE2);
}

std::vector<Word> sentence_words(const Document& doc, const Sentence& s) {
  std::vector<Word> words;
  words.reserve(s.token_end - s.token_begin + 4);
  for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
    Span sp = doc.tokens[t].span;
    std::string_view w = doc.slice(sp);
    int32_t tok = static_cast<int32_t>(t);
    if (size_t k = glued_split(w); k) {
      words.push_back({{sp.begin, sp.begin + static_cast<uint32_t>(k)}, w.substr(0, k), tok});
      sp.begin += static_cast<uint32_t>(k);
      w = w.substr(k);
    }
    // "counter-China", "pro-Washington", "anti-American": a lower-case prefix glued to a name.
    if (size_t k = hyphen_prefix(w); k) {
      words.push_back({{sp.begin, sp.begin + static_cast<uint32_t>(k)}, w.substr(0, k), tok});
      sp.begin += static_cast<uint32_t>(k);
      w = w.substr(k);
    }
    if (size_t k = possessive_suffix(w); k) {
      uint32_t cut = sp.end - static_cast<uint32_t>(k);
      words.push_back({{sp.begin, cut}, w.substr(0, w.size() - k), tok});
      words.push_back({{cut, sp.end}, w.substr(w.size() - k), tok});
      continue;
    }
    words.push_back({sp, w, tok});
  }
  return words;
}

std::vector<Name> find_names(const Gazetteer& gazetteer, const NerModel* model,
                             std::span<const std::string_view> words,
                             std::span<const std::string_view> upos,
                             std::span<const uint8_t> document) {
  std::vector<Name> names;
  if (model && !model->empty()) {
    std::vector<uint32_t> bits = gazetteer_bits(gazetteer, words);
    for (const NerSpan& s : model->predict(NerInput{words, upos, bits, document})) {
      Name n{s.begin, s.end, EntityType::kOther, -1, "model: " + s.type};
      n.type = s.type == "PER"   ? EntityType::kPerson
               : s.type == "ORG" ? EntityType::kOrg
               : s.type == "LOC" ? EntityType::kLoc
                                 : EntityType::kOther;
      if (n.type != EntityType::kOther) names.push_back(std::move(n));
    }
  } else {
    names = rule_names(gazetteer, words);
  }

  // Refine model spans with exact gazetteer matches and head words.
  std::string lower;
  for (Name& n : names) {
    Gazetteer::Match m = gazetteer.longest_match(words, n.begin);
    if (m.entry >= 0 && n.begin + m.length == n.end) {
      const GazetteerEntry& e = gazetteer.entries()[m.entry];
      bool retype = n.type != EntityType::kPerson || !e.weak;
      if (e.kind == GazetteerKind::kOrganization && n.type == EntityType::kLoc) retype = true;
      if (retype && !(e.weak && n.type == EntityType::kOrg)) {
        n.gazetteer_entry = m.entry;
        n.type = place_type(e);
        n.why += "; gazetteer " + e.source;
        continue;
      }
    }
    std::string_view last = words[n.end - 1];
    if (n.type == EntityType::kLoc && n.end - n.begin >= 2 && is_institution_head(last)) {
      n.type = EntityType::kOrg;
      n.why += "; institution head word";
    } else if (n.type == EntityType::kLoc) {
      n.type = loc_type(last);
      n.why += "; head word";
    } else if (n.type == EntityType::kOrg && is_event_head(last)) {
      n.type = EntityType::kEvent;
      n.why += "; event head word";
    }
  }

  // "President Trump", "Ms. Sheinbaum": a capitalised word after a capitalised title or an
  // honorific is a person when nothing else claimed it.
  {
    std::vector<Name> titled;
    size_t k = 0;
    for (size_t i = 0; i + 1 < words.size(); ++i) {
      while (k < names.size() && names[k].end <= i + 1) ++k;
      if (!is_capitalized(words[i]) || !is_capitalized(words[i + 1])) continue;
      if (k < names.size() && names[k].begin <= i + 1) continue;
      lower_ascii(words[i], lower);
      TitleWord tw = gazetteer.title_word(lower);
      if (tw.kind != TitleWord::Kind::kHead && tw.kind != TitleWord::Kind::kHonorific) continue;
      lower_ascii(words[i + 1], lower);
      if (gazetteer.title_word(lower).kind != TitleWord::Kind::kNone) continue;
      Gazetteer::Match m = gazetteer.longest_match(words, i + 1);
      if (m.entry >= 0 && !gazetteer.entries()[m.entry].weak) continue;
      size_t end = i + 2;
      while (end < words.size() && is_capitalized(words[end]) &&
             !(k < names.size() && names[k].begin <= end))
        ++end;
      // "General Assembly", "Commander-in-Chief Forum": an institution or event, no person.
      if (is_org_head(words[end - 1]) || is_event_head(words[end - 1])) {
        i = end - 1;
        continue;
      }
      titled.push_back({static_cast<uint32_t>(i + 1), static_cast<uint32_t>(end),
                        EntityType::kPerson, -1, "rule: capitalised name after a title"});
      i = end - 1;
    }
    if (!titled.empty()) {
      names.insert(names.end(), titled.begin(), titled.end());
      std::sort(names.begin(), names.end(),
                [](const Name& a, const Name& b) { return a.begin < b.begin; });
    }
  }

  // Add gazetteer names nobody found: strong entries only, not overlapping a model span.
  std::vector<Name> added;
  size_t next = 0;
  for (size_t i = 0; i < words.size();) {
    while (next < names.size() && names[next].end <= i) ++next;
    if (next < names.size() && names[next].begin <= i) {
      i = names[next].end;
      continue;
    }
    Gazetteer::Match m = gazetteer.longest_match(words, i);
    if (m.entry < 0) {
      ++i;
      continue;
    }
    uint32_t end = static_cast<uint32_t>(i) + m.length;
    bool overlaps = next < names.size() && names[next].begin < end;
    const GazetteerEntry& e = gazetteer.entries()[m.entry];
    // A capitalised word right after the match continues a longer name the gazetteer does
    // not know ("Mexico City Council", "Miami Herald"): leave it to the model.
    bool continues = end < words.size() && is_capitalized(words[end]) &&
                     e.kind != GazetteerKind::kDemonym;
    if (!overlaps && !e.weak && !continues) {
      added.push_back({static_cast<uint32_t>(i), end, place_type(e), m.entry, "gazetteer " + e.source});
    }
    i = end;
  }
  if (!added.empty()) {
    names.insert(names.end(), added.begin(), added.end());
    std::sort(names.begin(), names.end(),
              [](const Name& a, const Name& b) { return a.begin < b.begin; });
  }
  return names;
}

namespace {

bool has_capital(std::span<const std::string_view> words) {
  for (std::string_view w : words)
    for (char c : w)
      if (c >= 'A' && c <= 'Z') return true;
  return false;
}

// Adds `added` to `names` and restores the order.
void merge_names(std::vector<Name>& names, std::vector<Name>& added) {
  if (added.empty()) return;
  names.insert(names.end(), std::make_move_iterator(added.begin()),
               std::make_move_iterator(added.end()));
  added.clear();
  std::sort(names.begin(), names.end(),
            [](const Name& a, const Name& b) { return a.begin < b.begin; });
}

// covered[i]: some name of the sentence covers word i.
std::vector<bool> covered_words(size_t n, const std::vector<Name>& names) {
  std::vector<bool> covered(n, false);
  for (const Name& name : names)
    for (uint32_t i = name.begin; i < name.end && i < n; ++i) covered[i] = true;
  return covered;
}

// Initials of a name's words, function words left out: "Housing Authority of New Orleans"
// -> "HANO".
std::string initials(std::span<const std::string_view> name) {
  static constexpr std::string_view kSkipped[] = {"of", "the", "and", "for", "on", "in", "&"};
  std::string out;
  for (std::string_view w : name) {
    if (std::find(std::begin(kSkipped), std::end(kSkipped), w) != std::end(kSkipped)) continue;
    const char c = w.empty() ? 0 : w[0];
    if (c < 'A' || c > 'Z') return "";
    out += c;
  }
  return out;
}

// Step 1 of propagate_names().
void name_defined_acronyms(std::span<const std::vector<std::string_view>> words,
                           std::span<std::vector<Name>> names) {
  std::vector<Name> added;
  for (size_t k = 0; k < words.size(); ++k) {
    const std::vector<std::string_view>& sw = words[k];
    std::vector<Name>& sn = names[k];
    std::vector<bool> covered = covered_words(sw.size(), sn);
    const size_t count = sw.size();
    auto closes = [&](size_t w) {  // word w ends the acronym's phrase
      return w >= count || sw[w] == "," || sw[w] == "." || sw[w] == ")" || sw[w] == ";";
    };
    // The long name sn[i] and the word `at` that spells its initials.
    auto define = [&](size_t i, size_t at, const char* why) {
      const Name& n = sn[i];
      const std::string_view acronym = sw[at];
      std::string letters;
      for (char c : acronym)
        if (c >= 'A' && c <= 'Z') letters += c;
      if (letters.size() < 2 || letters.size() + 1 < acronym.size() ||
          letters != initials({sw.data() + n.begin, n.end - n.begin}))
        return;
      std::string long_form;
      for (uint32_t w = n.begin; w < n.end; ++w) {
        if (!long_form.empty()) long_form += ' ';
        long_form += sw[w];
      }
      // The acronym may already be a name of its own (the model knows "CSIS"): it becomes
      // the same entity as the long name; a word some other name covers is left alone.
      auto own = std::find_if(sn.begin(), sn.end(), [&](const Name& m) {
        return m.begin == at && m.end == at + 1;
      });
      if (own != sn.end()) {
        own->type = n.type;
        own->long_form = std::move(long_form);
        own->why += std::string("; ") + why;
      } else if (!covered[at]) {
        added.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(at + 1), n.type,
                         n.gazetteer_entry, why, std::move(long_form)});
      }
    };
    for (size_t i = 0; i < sn.size(); ++i) {
      const Name& n = sn[i];
      if (n.end - n.begin < 2) continue;
      // "Name ( ACRONYM )"
      if (n.end + 2 < count && sw[n.end] == "(" && sw[n.end + 2] == ")") {
        define(i, n.end + 1, "acronym defined after the name");
        continue;
      }
      // "Name , or ACRONYM ," and "Name , known as ACRONYM ,"
      if (n.end + 2 < count && sw[n.end] == ",") {
        size_t at = 0;
        if (sw[n.end + 1] == "or") at = n.end + 2;
        if (sw[n.end + 1] == "known" && n.end + 3 < count && sw[n.end + 2] == "as") at = n.end + 3;
        if (at && closes(at + 1)) {
          define(i, at, "acronym defined after the name");
          continue;
        }
      }
      // "ACRONYM , the Name ," (the acronym first, then what it stands for)
      if (n.begin >= 2 && closes(n.end)) {
        size_t at = n.begin >= 3 && sw[n.begin - 1] == "the" && sw[n.begin - 2] == ","
                        ? n.begin - 3
                        : (sw[n.begin - 1] == "," ? n.begin - 2 : count);
        if (at < count) define(i, at, "acronym defined before the name");
      }
    }
    merge_names(sn, added);
  }
}

// Step 2 of propagate_names().
void propagate_spellings(std::span<const std::vector<std::string_view>> words,
                         std::span<std::vector<Name>> names) {
  struct Named {
    std::vector<std::string_view> words;
    std::vector<std::pair<EntityType, int>> votes;  // type -> occurrences, first seen first
    int32_t gazetteer_entry = -1;
    std::string long_form;
    EntityType type() const {
      auto best = votes.begin();
      for (auto it = votes.begin(); it != votes.end(); ++it)
        if (it->second > best->second) best = it;
      return best->first;
    }
  };
  std::vector<Named> named;
  std::map<std::vector<std::string_view>, size_t> index;  // spelling -> named[]
  for (size_t k = 0; k < words.size(); ++k) {
    for (const Name& n : names[k]) {
      std::vector<std::string_view> w(words[k].begin() + n.begin, words[k].begin() + n.end);
      if (!has_capital(w)) continue;
      auto [at, inserted] = index.emplace(w, named.size());
      if (inserted) named.push_back({std::move(w), {}, -1, {}});
      Named* it = &named[at->second];
      auto vote = std::find_if(it->votes.begin(), it->votes.end(),
                               [&](const auto& v) { return v.first == n.type; });
      if (vote == it->votes.end()) {
        it->votes.push_back({n.type, 1});
      } else {
        ++vote->second;
      }
      if (it->gazetteer_entry < 0) it->gazetteer_entry = n.gazetteer_entry;
      if (it->long_form.empty()) it->long_form = n.long_form;
    }
  }
  if (named.empty()) return;
  // Every name spelt like a defined acronym is that acronym ("CSIS" after "... (CSIS)").
  const bool acronyms = std::any_of(named.begin(), named.end(),
                                    [](const Named& x) { return !x.long_form.empty(); });
  for (size_t k = 0; acronyms && k < words.size(); ++k) {
    for (Name& n : names[k]) {
      if (!n.long_form.empty()) continue;
      auto at = index.find({words[k].begin() + n.begin, words[k].begin() + n.end});
      if (at != index.end()) n.long_form = named[at->second].long_form;
    }
  }
  // Longest first, so "New Orleans Saints" wins over "New Orleans" at the same place.
  std::stable_sort(named.begin(), named.end(), [](const Named& a, const Named& b) {
    return a.words.size() > b.words.size();
  });
  // Candidates by first word, so a long article costs one look-up per word.
  std::unordered_map<std::string_view, std::vector<size_t>> by_first_word;
  for (size_t x = 0; x < named.size(); ++x) by_first_word[named[x].words.front()].push_back(x);
  std::vector<Name> added;
  for (size_t k = 0; k < words.size(); ++k) {
    const std::vector<std::string_view>& sw = words[k];
    std::vector<bool> covered = covered_words(sw.size(), names[k]);
    for (size_t i = 0; i < sw.size(); ++i) {
      if (covered[i]) continue;
      auto candidates = by_first_word.find(sw[i]);
      if (candidates == by_first_word.end()) continue;
      for (size_t x : candidates->second) {
        const size_t len = named[x].words.size();
        if (i + len > sw.size() ||
            !std::equal(named[x].words.begin(), named[x].words.end(), sw.begin() + i) ||
            std::any_of(covered.begin() + i, covered.begin() + i + len, [](bool c) { return c; }))
          continue;
        added.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + len),
                         named[x].type(), named[x].gazetteer_entry,
                         "same words as a name elsewhere in the article", named[x].long_form});
        std::fill(covered.begin() + i, covered.begin() + i + len, true);
        break;
      }
    }
    merge_names(names[k], added);
  }
}

// Step 3 of propagate_names().
void propagate_surnames(std::span<const std::vector<std::string_view>> words,
                        std::span<std::vector<Name>> names) {
  // A set, so that each word costs one look-up whatever the number of people named.
  std::unordered_set<std::string_view> surnames;
  for (size_t k = 0; k < words.size(); ++k)
    for (const Name& n : names[k])
      if (n.type == EntityType::kPerson &&
          (n.end - n.begin >= 2 || n.why == "rule: capitalised name after a title"))
        surnames.insert(words[k][n.end - 1]);
  if (surnames.empty()) return;
  std::vector<Name> added;
  for (size_t k = 0; k < words.size(); ++k) {
    std::vector<bool> covered = covered_words(words[k].size(), names[k]);
    for (uint32_t i = 0; i < words[k].size(); ++i) {
      std::string_view w = words[k][i];
      if (covered[i] || !is_capitalized(w) || !surnames.count(w)) continue;
      added.push_back(
          {i, i + 1, EntityType::kPerson, -1, "surname of a person named in the article"});
    }
    merge_names(names[k], added);
  }
}

}  // namespace

void propagate_names(std::span<const std::vector<std::string_view>> words,
                     std::span<std::vector<Name>> names) {
  DL_CHECK(words.size() == names.size());
  name_defined_acronyms(words, names);
  propagate_spellings(words, names);
  propagate_surnames(words, names);
}

}  // namespace dateline::entities
