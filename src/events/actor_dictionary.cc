// SPDX-License-Identifier: Apache-2.0
#include "events/actor_dictionary.h"

#include <algorithm>
#include <cctype>

#include "events/tsv.h"

namespace dateline::events {
namespace {

// Splits a dictionary phrase into normalised words; '_' and ' ' separate words. A trailing
// period stays with its word only for abbreviations ("U.S."), as split_words() does.
std::vector<std::string> phrase_words(std::string_view phrase, CaseRule* rule) {
  std::vector<std::string> words;
  std::string cur;
  bool any_lower = false, first_upper = false, first_seen = false;
  auto flush = [&] {
    // "People's" is two words in the text, as split_words() makes it.
    if (cur.size() > 2 && (cur.ends_with("'s") || cur.ends_with("'S"))) {
      words.push_back(normalize_word(cur.substr(0, cur.size() - 2)));
      words.push_back("'s");
    } else if (!cur.empty()) {
      words.push_back(normalize_word(cur));
    }
    cur.clear();
  };
  for (char ch : phrase) {
    if (ch == ' ' || ch == '_') {
      flush();
      continue;
    }
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalpha(c)) {
      if (!first_seen) {
        first_upper = std::isupper(c);
        first_seen = true;
      }
      if (std::islower(c)) any_lower = true;
    }
    cur += ch;
  }
  flush();
  if (rule) {
    *rule = !first_upper ? CaseRule::kAny : any_lower ? CaseRule::kCapitalized : CaseRule::kAllCaps;
  }
  return words;
}

bool case_ok(const ActorEntry& e, const std::vector<Word>& words, size_t b, size_t n) {
  switch (e.case_rule) {
    case CaseRule::kAny:
      return true;
    case CaseRule::kCapitalized:
      return words[b].capitalized;
    case CaseRule::kAllCaps:
      for (size_t k = b; k < b + n; ++k) {
        if (!words[k].all_caps && words[k].norm.size() > 1) return false;
        if (words[k].norm.size() == 1 && !words[k].capitalized) return false;
      }
      return true;
  }
  return true;
}

std::string line_ref(const std::string& path, int line) {
  return base_name(path) + ":" + std::to_string(line);
}

}  // namespace

bool entry_valid_on(const ActorEntry& entry, std::string_view date) {
  if (entry.valid.empty() || date.empty()) return true;
  for (const auto& [from, to] : entry.valid) {
    // Compare on the common prefix so partial dates ("2026-03") work.
    auto before = [](std::string_view a, std::string_view b) {
      size_t n = std::min(a.size(), b.size());
      return a.substr(0, n) < b.substr(0, n);
    };
    if (!from.empty() && before(date, from)) continue;
    if (!to.empty() && before(to, date)) continue;
    return true;
  }
  return false;
}

void ActorDictionary::add(std::string_view phrase, ActorEntry entry) {
  CaseRule rule = CaseRule::kAny;
  std::vector<std::string> words = phrase_words(phrase, &rule);
  if (words.empty()) return;
  if (entry.kind != ActorKind::kAgent) entry.case_rule = rule;
  std::string key;
  for (const std::string& w : words) {
    if (!key.empty()) key += ' ';
    key += w;
  }
  auto& list = entries_[key];
  auto same = std::find_if(list.begin(), list.end(), [&](const ActorEntry& e) {
    return e.kind == entry.kind && e.case_rule == entry.case_rule && e.valid == entry.valid;
  });
  if (same != list.end()) {
    *same = std::move(entry);
  } else {
    list.push_back(std::move(entry));
    std::stable_sort(list.begin(), list.end(), [](const ActorEntry& a, const ActorEntry& b) {
      return static_cast<int>(a.kind == ActorKind::kAgent) <
             static_cast<int>(b.kind == ActorKind::kAgent);
    });
  }
  uint32_t& m = max_words_[words[0]];
  m = std::max<uint32_t>(m, static_cast<uint32_t>(words.size()));
}

Status ActorDictionary::load_actors_tsv(const std::string& path) {
  return for_each_tsv_row(path, [&](const std::vector<std::string_view>& f, int line) {
    if (f.size() < 3) {
      return error(ErrorCode::kDataLoss, line_ref(path, line) + ": want phrase, code, kind");
    }
    ActorEntry e;
    e.code = std::string(f[1]);
    e.kind = f[2] == "actor" ? ActorKind::kActor : ActorKind::kCountry;
    e.source = line_ref(path, line);
    if (f.size() > 3 && !f[3].empty()) {
      std::string_view ranges = f[3];
      while (!ranges.empty()) {
        size_t comma = ranges.find(',');
        std::string_view r = ranges.substr(0, comma);
        size_t slash = r.find('/');
        e.valid.emplace_back(std::string(r.substr(0, slash)),
                             slash == std::string_view::npos ? "" : std::string(r.substr(slash + 1)));
        if (comma == std::string_view::npos) break;
        ranges.remove_prefix(comma + 1);
      }
    }
    add(f[0], std::move(e));
    return ok_status();
  });
}

Status ActorDictionary::load_agents_tsv(const std::string& path) {
  return for_each_tsv_row(path, [&](const std::vector<std::string_view>& f, int line) {
    if (f.size() < 2) return error(ErrorCode::kDataLoss, line_ref(path, line) + ": want phrase, sector");
    ActorEntry e;
    e.code = std::string(f[1]);
    e.kind = ActorKind::kAgent;
    e.source = line_ref(path, line);
    add(f[0], std::move(e));
    return ok_status();
  });
}

bool ActorDictionary::has_country(std::string_view norm) const {
  auto it = entries_.find(std::string(norm));
  if (it == entries_.end()) return false;
  for (const ActorEntry& e : it->second) {
    if (e.kind == ActorKind::kCountry) return true;
  }
  return false;
}

ActorHit ActorDictionary::longest_match(const std::vector<Word>& words, size_t i,
                                        std::string_view date) const {
  ActorHit none{static_cast<uint32_t>(i), static_cast<uint32_t>(i), nullptr};
  if (i >= words.size() || words[i].punct) return none;
  auto m = max_words_.find(words[i].norm);
  if (m == max_words_.end()) return none;
  size_t max_n = std::min<size_t>(m->second, words.size() - i);
  std::string key;
  for (size_t n = max_n; n >= 1; --n) {
    key.clear();
    for (size_t k = i; k < i + n; ++k) {
      if (k > i) key += ' ';
      key += words[k].norm;
    }
    auto it = entries_.find(key);
    if (it == entries_.end()) continue;
    for (const ActorEntry& e : it->second) {
      if (case_ok(e, words, i, n) && entry_valid_on(e, date)) {
        return {static_cast<uint32_t>(i), static_cast<uint32_t>(i + n), &e};
      }
    }
  }
  return none;
}

}  // namespace dateline::events
