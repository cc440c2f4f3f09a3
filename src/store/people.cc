// SPDX-License-Identifier: Apache-2.0
#include "store/people.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <set>

namespace dateline::store {
namespace {


// Case-folds, strips accents and turns punctuation into spaces (except apostrophes and
// periods, which are dropped so that "O'Neill" and "U.S." stay one word).
std::string fold(std::string_view s) {
  utf8proc_uint8_t* mapped = nullptr;
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                        static_cast<utf8proc_ssize_t>(s.size()), &mapped,
                        static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                                       UTF8PROC_STRIPMARK | UTF8PROC_IGNORE));
  std::string folded;
  if (n >= 0) {
    folded.assign(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
  } else {
    // Invalid UTF-8 (should not reach the store): fall back to the bytes as they are.
    folded.assign(s);
  }
  std::free(mapped);
  std::string out;
  out.reserve(folded.size());
  for (size_t i = 0; i < folded.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(folded[i]);
    if (c == '\'' || c == '.') continue;
    // U+2019 RIGHT SINGLE QUOTATION MARK as an apostrophe.
    if (c == 0xE2 && i + 2 < folded.size() && static_cast<unsigned char>(folded[i + 1]) == 0x80 &&
        static_cast<unsigned char>(folded[i + 2]) == 0x99) {
      i += 2;
      continue;
    }
    if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
      out += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

bool is_one_of(const std::string& w, std::initializer_list<const char*> list) {
  for (const char* x : list) {
    if (w == x) return true;
  }
  return false;
}

// Title words that do not change which position is meant.
bool ignorable_title_word(const std::string& w) {
  return is_one_of(
      w, {"the", "a", "an", "of", "for", "and", "former", "acting", "interim", "then", "current",
          "incoming", "outgoing", "new", "caretaker", "de", "facto", "designate", "elect"});
}

// Title words that name a different rank of the same head: a vice president is not the
// president.
bool rank_word(const std::string& w) {
  return is_one_of(w, {"vice", "deputy", "assistant", "under", "associate", "lieutenant", "prime",
                       "first", "second", "junior", "co", "sub", "chief", "principal", "general",
                       "ranking", "shadow", "press", "permanent"});
}

std::string spelling(const std::string& w) {
  if (w == "defence") return "defense";
  if (w == "organisation") return "organization";
  if (w == "programme") return "program";
  return w;
}

struct TitleWords {
  std::string head;
  std::set<std::string> words, ranks;
};

TitleWords title_words(std::string_view title) {
  TitleWords t;
  std::vector<std::string> words = split_words(fold(title));
  // "Minister of Foreign Affairs": the head is the word before "of"/"for", else the last.
  size_t head_at = words.size();
  for (size_t i = 1; i < words.size(); ++i) {
    if (words[i] == "of" || words[i] == "for") {
      head_at = i;
      break;
    }
  }
  std::string head;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string w = spelling(words[i]);
    if (ignorable_title_word(w)) continue;
    if (i < head_at) head = w;
    if (rank_word(w)) {
      t.ranks.insert(w);
    } else {
      t.words.insert(w);
    }
  }
  t.head = head;
  return t;
}

bool subset(const std::set<std::string>& a, const std::set<std::string>& b) {
  return std::includes(b.begin(), b.end(), a.begin(), a.end());
}

bool conflict(const std::string& a, const std::string& b) {
  return !a.empty() && !b.empty() && fold(a) != fold(b);
}

bool is_honorific(const std::string& w) {
  return is_one_of(w, {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame"});
}

// Words of a title written before a name ("President", "Sen.", "Foreign Minister" is not:
// "foreign" is not one of them, so the name stays whole and the NER's span decides).
bool is_name_title(const std::string& w) {
  return is_one_of(w, {"president",   "vice",
                       "prime",       "minister",
                       "premier",     "chancellor",
                       "senator",     "sen",
                       "rep",         "representative",
                       "congressman", "congresswoman",
                       "gov",         "governor",
                       "mayor",       "secretary",
                       "ambassador",  "judge",
                       "justice",     "general",
                       "gen",         "lt",
                       "col",         "colonel",
                       "maj",         "major",
                       "capt",        "captain",
                       "sgt",         "sergeant",
                       "adm",         "admiral",
                       "king",        "queen",
                       "prince",      "princess",
                       "pope",        "rev",
                       "reverend",    "sheikh",
                       "chairman",    "chairwoman",
                       "speaker"});
}

// The number of leading words of `words` that are honorifics or titles, leaving one word.
size_t leading_title_words(const std::vector<std::string>& words) {
  size_t first = 0;
  while (first + 1 < words.size() && (is_honorific(words[first]) || is_name_title(words[first]))) {
    ++first;
  }
  return first;
}

// A full name key without its middle initials ("donald j trump" -> "donald trump"), and the
// initials it had ("j").
std::string without_middle_initials(std::string_view key, std::string* initials) {
  std::vector<std::string> words = split_words(key);
  std::vector<std::string> kept;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0 && i + 1 < words.size() && words[i].size() == 1) {
      *initials += words[i];
    } else {
      kept.push_back(words[i]);
    }
  }
  return join(kept);
}

}  // namespace

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string folded_words(std::string_view text) { return join(split_words(fold(text))); }

std::string name_title(std::string_view name) {
  std::vector<std::string> words = split_words(fold(name));
  std::vector<std::string> title;
  for (size_t i = 0, n = leading_title_words(words); i < n; ++i) {
    if (!is_honorific(words[i])) title.push_back(words[i]);
  }
  return join(title);
}

std::string name_key(std::string_view name) {
  std::vector<std::string> words = split_words(fold(name));
  const size_t first = leading_title_words(words);
  words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(first));
  return join(words);
}

std::string surname_of(std::string_view key) {
  std::vector<std::string> words = split_words(key);
  while (words.size() > 1 && is_one_of(words.back(), {"jr", "sr", "ii", "iii", "iv"})) {
    words.pop_back();
  }
  return words.empty() ? std::string() : words.back();
}

bool titles_compatible(const RoleKey& a, const RoleKey& b) {
  if (conflict(a.country, b.country) || conflict(a.organization, b.organization)) return false;
  TitleWords ta = title_words(a.title);
  TitleWords tb = title_words(b.title);
  if (ta.head.empty() || ta.head != tb.head || ta.ranks != tb.ranks) return false;
  return subset(ta.words, tb.words) || subset(tb.words, ta.words);
}

PersonDecision decide_person(std::string_view name, const std::vector<RoleKey>& given_roles,
                             const std::vector<PersonCandidate>& candidates) {
  const std::string key = name_key(name);
  if (key.empty()) return {0, false, "no name"};
  const std::string surname = surname_of(key);
  const bool full = key.find(' ') != std::string::npos;
  // A title written as part of the name ("President Trump") counts as one of its roles.
  std::vector<RoleKey> roles = given_roles;
  if (std::string title = name_title(name); !title.empty()) roles.push_back({title, "", ""});
  if (full) {
    for (const PersonCandidate& c : candidates) {
      if (c.name_key == key) return {c.id, false, "same full name"};
    }
    // Rule 1b: the same first name and surname, and middle initials that agree where both
    // names have them ("Donald J. Trump" = "Donald Trump", "George H W Bush" != "George W
    // Bush"), when exactly one person qualifies.
    std::string initials;
    const std::string bare = without_middle_initials(key, &initials);
    const PersonCandidate* same = nullptr;
    int qualifying = 0;
    for (const PersonCandidate& c : candidates) {
      std::string their_initials;
      if (without_middle_initials(c.name_key, &their_initials) != bare) continue;
      if (!initials.empty() && !their_initials.empty() && initials != their_initials) continue;
      ++qualifying;
      same = &c;
    }
    if (qualifying == 1) return {same->id, false, "same name but for a middle initial"};
    if (qualifying > 1) {
      return {0, false,
              "first seen: " + std::to_string(qualifying) +
                  " people have this name but for middle initials"};
    }
  }
  // Rule 2: the surname plus a compatible title, with exactly one person qualifying. A full
  // name may only meet a person known by the surname alone (two full names that differ are
  // two people).
  const PersonCandidate* match = nullptr;
  std::string why;
  int qualifying = 0;
  for (const PersonCandidate& c : candidates) {
    if (surname_of(c.name_key) != surname) continue;
    const bool candidate_full = c.name_key.find(' ') != std::string::npos;
    if (full && candidate_full) continue;
    for (const RoleKey& mine : roles) {
      const RoleKey* hit = nullptr;
      for (const RoleKey& theirs : c.roles) {
        if (titles_compatible(mine, theirs)) {
          hit = &theirs;
          break;
        }
      }
      if (hit) {
        ++qualifying;
        match = &c;
        why = "surname '" + surname + "' + compatible title '" + mine.title + "' ~ '" + hit->title +
              "'";
        break;
      }
    }
  }
  if (qualifying == 1) {
    return {match->id, full && match->name_key.find(' ') == std::string::npos, why};
  }
  if (qualifying > 1) {
    return {0, false,
            "first seen: " + std::to_string(qualifying) + " people named '" + surname +
                "' have a compatible title"};
  }
  if (full) return {0, false, "first seen: full name not seen before"};
  return {0, false,
          roles.empty() ? "first seen: surname only, no title to compare"
                        : "first seen: surname only, no person with a compatible title"};
}

}  // namespace dateline::store
