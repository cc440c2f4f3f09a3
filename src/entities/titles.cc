// SPDX-License-Identifier: Apache-2.0
// Title extraction. A title is a run of words around a person name that contains a head word
// from titles.tsv ("secretary", "adviser", "director"):
//  - before the name: capitalised words, title words, organisation and country names, and
//    lower-case nouns directly left of a title word ("homeland security adviser"), joined by
//    "of"/"for"/"and" between capitalised words ("Deputy Chief of Staff for Policy");
//  - after the name, between commas: an optional determiner or possessor ("the", "Trump's"),
//    then the role up to a preposition that introduces its organisation ("at", "within");
//  - after the name, in a relative clause: ", who served as Trump's deputy chief of staff";
//  - before the name, set off by a comma: "The president's adviser, Stephen Miller, said"
//    (a determiner or possessor must open the role, and the name must close the phrase).
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
                    "The", "A", "An", "But", "And", "As", "At", "When", "While", "After",
                    "Before", "Like", "Unlike", "During", "Including", "With", "Without", "For",
                    "From", "To", "By", "Under", "Then", "Now", "Even", "Both", "Also", "Since",
                    "Until", "Against", "Among", "Between", "If", "Though", "Although",
                    "Because", "Despite", "Dear", "Thanks", "Meanwhile"});
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
    lower.assign(words[i].lower);
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
    // Only before a lower-case title word: "homeland security adviser", but not "during
    // President" or "including Senator".
    const bool right_is_lower_title =
        right_is_title && c.words[k + 1].text[0] >= 'a' && c.words[k + 1].text[0] <= 'z' &&
        !one_of(c.words[k + 1].text, {"former", "acting", "interim", "retired", "then", "late"});
    if (right_is_lower_title && !is_stop(lower) && w.size() > 2 && w[0] >= 'a' && w[0] <= 'z') {
      i = k;
      continue;
    }
    break;
  }
  if (i == b) return;
  Title t;
  if (make_title(c, i, b, "", "premodifier before the name", t)) out.push_back(std::move(t));
}

// "director of the Americas Programme": the organisation named after the first "of" of the
// role words [b, e), or "".
std::string organisation_after_of(const Ctx& c, size_t b, size_t e) {
  for (size_t k = b; k + 1 < e; ++k) {
    if (c.words[k].text != "of") continue;
    size_t m = k + 1;
    if (m < e && c.words[m].text == "the") ++m;
    if (m < e && c.name_at[m] >= 0 && c.names[c.name_at[m]].type == EntityType::kOrg)
      return c.text(c.names[c.name_at[m]].begin, c.names[c.name_at[m]].end);
    break;
  }
  return "";
}

// The role stated from word i on (after an appositive comma or "served as"): an optional
// determiner or possessor, then role words up to a clause word or punctuation; an
// organisation after "at" / "within" / ... becomes Title::organization. `possessive_why`,
// when given, replaces `why` for a role that opens with its possessor ("Trump's ...").
void role_from(const Ctx& c, size_t i, const char* why, std::vector<Title>& out,
               const char* possessive_why = nullptr) {
  const size_t n = c.words.size();
  std::string lower;
  if (i < n) {
    lower.assign(c.words[i].lower);
    const bool determiner = one_of(lower, {"the", "a", "an", "his", "her", "its", "their"});
    if (determiner) ++i;
    // "Trump's senior director", "the bill's floor manager": a possessive role (the
    // possessor need not be a name).
    size_t owner_end = i < n && c.name_at[i] >= 0 ? c.names[c.name_at[i]].end : i + 1;
    if (owner_end + 1 < n && (c.words[owner_end].text == "'s" ||
                              c.words[owner_end].text == "\xE2\x80\x99s")) {
      i = owner_end + 1;
      if (!determiner && possessive_why) why = possessive_why;
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
                       "was", "will", "would", "and", "but", "whose", "until", "before",
                       "after", "when", "between", "under", "where"})) {
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
  if (org.empty()) org = organisation_after_of(c, start, role_end);
  Title t;
  if (make_title(c, start, role_end, org, why, t)) out.push_back(std::move(t));
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
  role_from(c, i, "appositive after the name", out, "possessive role in an appositive");
}

// ", who served as ...", ", who is the ...", ", who was named ...", ", who became ...".
void relative_role(const Ctx& c, const Name& person, std::vector<Title>& out) {
  const size_t n = c.words.size();
  size_t i = person.end;
  std::string lower;
  auto at = [&](size_t k) -> const std::string& {
    lower.assign(k < n ? c.words[k].lower : std::string_view());
    return lower;
  };
  if (i + 2 >= n || c.words[i].text != "," || at(i + 1) != "who") return;
  i += 2;
  while (i < n && one_of(at(i), {"has", "had", "have", "also", "previously", "once", "formerly",
                                  "later", "then", "now", "currently", "briefly", "recently"}))
    ++i;
  if (i >= n) return;
  bool needs_as = false, copula = false;
  if (one_of(at(i), {"was", "is", "been", "became", "becomes", "remains", "remained"})) {
    ++i;
    copula = true;
    if (i < n && one_of(at(i), {"named", "appointed", "elected", "confirmed"})) {
      ++i;
      copula = false;
    }
  } else if (one_of(at(i), {"served", "serves", "worked", "works", "acted", "acts"})) {
    ++i;
    needs_as = true;
  } else {
    return;
  }
  if (i < n && at(i) == "as") {
    ++i;
  } else if (needs_as) {
    return;
  }
  while (i < n && one_of(at(i), {"now", "also", "still", "currently", "then", "later",
                                  "formerly", "previously", "once"}))
    ++i;
  // "who is a leader who ..." describes; "who is a professor at Yale" states a role.
  const bool indefinite = i < n && one_of(at(i), {"a", "an"});
  const size_t before = out.size();
  role_from(c, i, "role in a relative clause after the name", out);
  if (copula && indefinite && out.size() > before && out.back().organization.empty() &&
      out.back().country.empty())
    out.pop_back();
}

// "The president's adviser, Stephen Miller, said" / "said the company's chief, Ana Ruiz.".
void reverse_appositive(const Ctx& c, const Name& person, std::vector<Title>& out) {
  const size_t n = c.words.size();
  if (person.begin < 3 || c.words[person.begin - 1].text != ",") return;
  // The name closes the phrase: not "the adviser, Miller and Roe".
  if (person.end < n && !one_of(c.words[person.end].text, {",", ".", "!", "?", ")", ";"})) return;
  const size_t comma = person.begin - 1;
  std::string lower;
  size_t b = comma;
  while (b > 0) {
    const size_t k = b - 1;
    std::string_view w = c.words[k].text;
    if (int32_t nm = c.name_at[k]; nm >= 0) {
      if (c.names[nm].type == EntityType::kPerson) break;
      b = c.names[nm].begin;
      continue;
    }
    lower_ascii(w, lower);
    if (c.title_word(k) && c.kind(k) != TitleWord::Kind::kHonorific) {
      b = k;
      continue;
    }
    if (is_punct(w) || is_stop(lower) || is_calendar(w)) {
      // "of" / "for" (and "of the") inside the role, when a role word is left of it:
      // "director of the Americas Programme".
      const size_t joint = lower == "the" && k > 0 ? k - 1 : k;
      std::string joint_lower;
      joint_lower.assign(c.words[joint].lower);
      if (is_connector(joint_lower) && joint > 0 && c.name_at[joint - 1] < 0 &&
          c.title_word(joint - 1)) {
        b = joint;
        continue;
      }
      break;
    }
    b = k;
  }
  if (b == comma) return;
  // The role must open with a determiner or a possessor.
  std::string org, country;
  if (b == 0) return;
  std::string_view before = c.words[b - 1].text;
  size_t opener = b - 1;  // first word of the determiner or possessor
  if (before == "'s" || before == "\xE2\x80\x99s") {
    if (b < 2) return;
    opener = b - 2;
    if (int32_t nm = c.name_at[b - 2]; nm >= 0) {
      const Name& owner = c.names[nm];
      opener = owner.begin;
      std::string t = c.text(owner.begin, owner.end);
      if (owner.type == EntityType::kOrg) org = t;
      if (is_place_or_group(owner.type)) country = c.gaz.country_of(t);
    }
  } else {
    lower_ascii(before, lower);
    if (!one_of(lower, {"the", "a", "an", "his", "her", "its", "their", "our"})) return;
  }
  // Not a contrast or a replacement: "Unlike the former director, Miller ...".
  if (opener > 0) {
    lower.assign(c.words[opener - 1].lower);
    if (one_of(lower, {"unlike", "like", "than", "besides", "replacing", "replaced", "succeeding",
                       "succeeded", "against", "versus", "defeated", "beat", "after", "before"}))
      return;
  }
  if (org.empty()) org = organisation_after_of(c, b, comma);
  Title t;
  if (!make_title(c, b, comma, org, "role before the name, set off by a comma", t)) return;
  if (t.country.empty()) t.country = std::move(country);
  out.push_back(std::move(t));
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
  relative_role(c, names[person], out);
  if (out.empty()) reverse_appositive(c, names[person], out);
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
