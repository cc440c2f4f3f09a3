// SPDX-License-Identifier: Apache-2.0
// Title extraction. A title is a run of words around a person name that contains a head word
// from titles.tsv ("secretary", "adviser", "director"):
//  - before the name: capitalised words, title words, organisation and country names, and
//    lower-case nouns directly left of a title word ("homeland security adviser"), joined by
//    "of"/"for"/"and" between capitalised words ("Deputy Chief of Staff for Policy");
//  - after the name, between commas: an optional determiner or possessor ("the", "Trump's"),
//    then the role up to a preposition that introduces its organisation ("at", "within").
// Names of organisations before the first title word become Title::organization and are kept
// in the text ("White House official"); a country name or demonym becomes Title::country and
// is dropped from the text ("US Defence Secretary" -> "Defence Secretary", USA).
#include "entities/titles.h"

#include <algorithm>

namespace dateline::entities {
namespace {

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool is_stop(std::string_view lower) {
  return one_of(lower, {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your",
                        "said", "says", "say", "told", "tells", "according", "to", "and", "or",
                        "but", "that", "which", "who", "whom", "as", "by", "with", "from", "in",
                        "on", "at", "for", "of", "when", "while", "after", "before", "was", "is",
                        "were", "are", "be", "been", "has", "have", "had", "will", "would",
                        "could", "should", "may", "might", "also", "then", "than", "not", "it",
                        "this", "these", "those", "there", "here", "we", "they", "he", "she",
                        "i", "you", "if", "because", "so", "did", "does", "do", "where", "how",
                        "why", "what", "about", "into", "over", "under", "against", "between"});
}

bool is_calendar(std::string_view w) {
  return one_of(w, {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                    "Sunday", "January", "February", "March", "April", "May", "June", "July",
                    "August", "September", "October", "November", "December", "On", "In",
                    "The", "A", "An", "But", "And", "As", "At", "When", "While", "After"});
}

bool is_connector(std::string_view w) { return one_of(w, {"of", "for", "and", "on"}); }

bool is_punct(std::string_view w) {
  return !w.empty() && !is_capitalized(w) && !(w[0] >= 'a' && w[0] <= 'z') &&
         !(w[0] >= '0' && w[0] <= '9');
}

struct Ctx {
  const Document& doc;
  const Gazetteer& gaz;
  std::span<const Word> words;
  std::span<const Name> names;
  std::vector<int32_t> name_at;  // per word: index of the name covering it, or -1

  TitleWord::Kind kind(size_t i) const {
    std::string lower;
    lower_ascii(words[i].text, lower);
    return gaz.title_word(lower).kind;
  }
  bool title_word(size_t i) const {
    TitleWord::Kind k = kind(i);
    return k == TitleWord::Kind::kHead || k == TitleWord::Kind::kModifier;
  }
  std::string text(size_t b, size_t e) const {
    return std::string(doc.slice({words[b].span.begin, words[e - 1].span.end}));
  }
};

bool is_place_or_group(EntityType t) {
  return t == EntityType::kGpe || t == EntityType::kNorp;
}

// Builds a Title from the role words [b, e): splits off a leading organisation or country
// and fills organization/country; `org`, when given, is the organisation stated after the
// role. Returns false when the words hold no title head.
bool make_title(const Ctx& c, size_t b, size_t e, std::string org, const char* why,
                Title& out) {
  while (b < e && (is_connector(c.words[b].text) || c.words[b].text == "the")) ++b;
  while (e > b && (is_connector(c.words[e - 1].text) || is_punct(c.words[e - 1].text))) --e;
  if (b >= e) return false;
  bool has_head = false;
  size_t first_title = e;
  for (size_t i = b; i < e; ++i) {
    if (c.name_at[i] >= 0) continue;
    TitleWord::Kind k = c.kind(i);
    if (k == TitleWord::Kind::kHead) has_head = true;
    if ((k == TitleWord::Kind::kHead || k == TitleWord::Kind::kModifier) && first_title == e)
      first_title = i;
  }
  if (!has_head) return false;
  std::string country;
  size_t text_begin = b;
  // Names before the first title word: a country or group gives the role's country, an
  // organisation its organization.
  for (size_t i = b; i < first_title;) {
    int32_t n = c.name_at[i];
    if (n < 0) {
      ++i;
      continue;
    }
    const Name& name = c.names[n];
    std::string t = c.text(name.begin, name.end);
    if (is_place_or_group(name.type)) {
      if (country.empty()) country = c.gaz.country_of(t);
      if (text_begin == i) text_begin = name.end;
    } else if (name.type == EntityType::kOrg && org.empty()) {
      org = t;
    }
    i = name.end;
  }
  if (text_begin >= e) return false;
  out.text = c.text(text_begin, e);
  out.span = {c.words[text_begin].span.begin, c.words[e - 1].span.end};
  out.organization = std::move(org);
  out.country = std::move(country);
  out.why = why;
  return true;
}

void premodifier(const Ctx& c, const Name& person, std::vector<Title>& out) {
  size_t b = person.begin;
  size_t i = b;
  std::string lower;
  while (i > 0) {
    size_t k = i - 1;
    std::string_view w = c.words[k].text;
    if (int32_t n = c.name_at[k]; n >= 0) {
      const Name& name = c.names[n];
      if (name.type == EntityType::kPerson) break;
      i = name.begin;
      continue;
    }
    lower_ascii(w, lower);
    TitleWord::Kind kind = c.gaz.title_word(lower).kind;
    if (kind == TitleWord::Kind::kHonorific) break;
    if (kind == TitleWord::Kind::kHead || kind == TitleWord::Kind::kModifier) {
      i = k;
      continue;
    }
    if (is_capitalized(w) && !is_calendar(w) && !is_punct(w)) {
      i = k;
      continue;
    }
    // "of"/"for"/"and" inside a capitalised title, lower-case nouns before a title word.
    bool right_is_title = k + 1 < b && c.title_word(k + 1);
    if (is_connector(w) && k > 0 && k + 1 < b && is_capitalized(c.words[k + 1].text) &&
        is_capitalized(c.words[k - 1].text)) {
      i = k;
      continue;
    }
    if (right_is_title && !is_stop(lower) && w.size() > 2 && w[0] >= 'a' && w[0] <= 'z') {
      i = k;
      continue;
    }
    break;
  }
  if (i == b) return;
  Title t;
  if (make_title(c, i, b, "", "premodifier before the name", t)) out.push_back(std::move(t));
}

void appositive(const Ctx& c, const Name& person, std::vector<Title>& out) {
  size_t i = person.end;
  const size_t n = c.words.size();
  if (i >= n || c.words[i].text != ",") return;
  ++i;
  // An age between commas ("Smith, 45, a former director").
  if (i + 1 < n && c.words[i].text[0] >= '0' && c.words[i].text[0] <= '9' &&
      c.words[i + 1].text == ",") {
    i += 2;
  }
  std::string lower;
  const char* why = "appositive after the name";
  if (i < n) {
    lower_ascii(c.words[i].text, lower);
    if (one_of(lower, {"the", "a", "an", "his", "her", "its", "their"})) {
      ++i;
    } else {
      // "Trump's senior director": a possessive role (the possessor need not be a name).
      size_t owner_end = c.name_at[i] >= 0 ? c.names[c.name_at[i]].end : i + 1;
      if (owner_end + 1 < n && (c.words[owner_end].text == "'s" ||
                                c.words[owner_end].text == "\xE2\x80\x99s")) {
        i = owner_end + 1;
        why = "possessive role in an appositive";
      }
    }
  }
  if (i >= n) return;
  if (int32_t nm = c.name_at[i]; nm >= 0 && c.names[nm].type == EntityType::kPerson) return;
  size_t start = i, cut = 0, end = i;
  for (; end < n; ++end) {
    if (end - start >= 16) return;  // too long for a role: a clause, not an appositive
    std::string_view w = c.words[end].text;
    if (c.name_at[end] >= 0) {
      end = c.names[c.name_at[end]].end - 1;
      continue;
    }
    lower_ascii(w, lower);
    if (is_punct(w) && w != "-" && w != "&") break;
    if (one_of(lower, {"who", "which", "that", "said", "says", "told", "has", "have", "is",
                       "was", "will", "would", "and", "but", "whose"})) {
      break;
    }
    if (!cut && one_of(lower, {"at", "within", "in", "with", "from", "since", "during"})) {
      cut = end;
    }
  }
  size_t role_end = cut ? cut : end;
  std::string org;
  if (cut) {
    for (size_t k = cut + 1; k < end; ++k) {
      int32_t nm = c.name_at[k];
      if (nm < 0) continue;
      size_t last = c.names[nm].end;
      // Adjacent names form one organisation ("White House National Security Council").
      while (last < end && c.name_at[last] >= 0) last = c.names[c.name_at[last]].end;
      if (c.names[nm].type == EntityType::kOrg || c.names[nm].type == EntityType::kGpe ||
          c.names[nm].type == EntityType::kFac) {
        org = c.text(k, last);
      }
      break;
    }
  }
  // "director of the Americas Programme": an organisation inside the role counts too.
  if (org.empty()) {
    for (size_t k = start; k + 1 < role_end; ++k) {
      if (c.words[k].text != "of") continue;
      size_t m = k + 1;
      if (m < role_end && c.words[m].text == "the") ++m;
      if (m < role_end && c.name_at[m] >= 0 && c.names[c.name_at[m]].type == EntityType::kOrg)
        org = c.text(c.names[c.name_at[m]].begin, c.names[c.name_at[m]].end);
      break;
    }
  }
  Title t;
  if (make_title(c, start, role_end, org, why, t)) out.push_back(std::move(t));
}

}  // namespace

std::vector<Title> find_titles(const Document& doc, const Gazetteer& gazetteer,
                               std::span<const Word> words, std::span<const Name> names,
                               size_t person) {
  Ctx c{doc, gazetteer, words, names, std::vector<int32_t>(words.size(), -1)};
  for (size_t n = 0; n < names.size(); ++n)
    for (uint32_t k = names[n].begin; k < names[n].end; ++k) c.name_at[k] = static_cast<int32_t>(n);
  std::vector<Title> out;
  premodifier(c, names[person], out);
  appositive(c, names[person], out);
  return out;
}

std::string title_head(const Gazetteer& gazetteer, std::string_view title) {
  std::string head, lower;
  size_t i = 0;
  while (i < title.size()) {
    while (i < title.size() && title[i] == ' ') ++i;
    size_t b = i;
    while (i < title.size() && title[i] != ' ') ++i;
    lower_ascii(title.substr(b, i - b), lower);
    if (lower == "of" || lower == "for" || lower == "at") break;
    if (gazetteer.title_word(lower).kind == TitleWord::Kind::kHead) head = lower;
  }
  return head;
}

}  // namespace dateline::entities
