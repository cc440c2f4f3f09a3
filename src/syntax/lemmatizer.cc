// SPDX-License-Identifier: Apache-2.0
// Lemma lookup first by the exact form, then by its lower-cased form, then by the longest
// suffix of the lower-cased form that has a learned rule for the tag. English inflection is
// almost entirely suffixal, so this covers unseen regular forms; irregular ones are frequent
// and therefore in the lexicon.
#include "syntax/lemmatizer.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "model/hash.h"

namespace dateline::syntax {

using model::feature_key;
using model::hash_bytes;
namespace {

uint64_t form_key(int tag, std::string_view form) {
  return feature_key(1, static_cast<uint64_t>(tag), hash_bytes(form));
}
uint64_t suffix_key(int tag, std::string_view suffix) {
  return feature_key(2, static_cast<uint64_t>(tag), hash_bytes(suffix));
}

std::string tag_form(int tag, std::string_view form) {
  return std::to_string(tag) + '\t' + std::string(form);
}

}  // namespace

void KeyIndex::rehash(size_t capacity) {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(capacity, Slot{});
  const size_t mask = capacity - 1;
  for (const Slot& s : old) {
    if (!s.key) continue;
    size_t i = s.key & mask;
    while (slots_[i].key) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

void KeyIndex::reserve(size_t n) {
  size_t cap = 16;
  while (cap < n * 2) cap *= 2;
  if (cap > slots_.size()) rehash(cap);
}

void KeyIndex::set(uint64_t key, uint32_t value) {
  if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
  const size_t mask = slots_.size() - 1;
  size_t i = key & mask;
  while (slots_[i].key && slots_[i].key != key) i = (i + 1) & mask;
  if (!slots_[i].key) ++size_;
  slots_[i] = Slot{key, value};
}

std::vector<std::pair<uint64_t, uint32_t>> KeyIndex::items() const {
  std::vector<std::pair<uint64_t, uint32_t>> out;
  out.reserve(size_);
  for (const Slot& s : slots_) {
    if (s.key) out.emplace_back(s.key, s.value);
  }
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

LemmaRule lemma_rule_for(std::string_view form, std::string_view lemma) {
  auto edit = [&](std::string_view f, bool lower) {
    size_t p = 0;
    while (p < f.size() && p < lemma.size() && f[p] == lemma[p]) ++p;
    LemmaRule r;
    r.lower = lower;
    r.strip = static_cast<uint8_t>(std::min<size_t>(f.size() - p, 255));
    r.append = std::string(lemma.substr(p));
    return r;
  };
  LemmaRule keep = edit(form, false);
  std::string lower = ascii_lower(form);
  if (lower == form) return keep;
  LemmaRule low = edit(lower, true);
  return low.strip + low.append.size() < keep.strip + keep.append.size() ? low : keep;
}

std::string apply_lemma_rule(const LemmaRule& rule, std::string_view form) {
  if (rule.strip > form.size()) return std::string(form);
  std::string out = rule.lower ? ascii_lower(form) : std::string(form);
  out.resize(out.size() - rule.strip);
  out += rule.append;
  return out.empty() ? std::string(form) : out;
}

void Lemmatizer::add_example(std::string_view form, int tag, std::string_view lemma) {
  if (form.empty() || lemma.empty() || lemma == "_") return;
  ++counts_[tag_form(tag, form)][std::string(lemma)];
}

void Lemmatizer::build(int min_rule_count) {
  lexicon_.clear();
  lemmas_.clear();
  rule_of_.clear();
  rules_.clear();
  // Deterministic order: std::map over the collected keys.
  std::map<std::string, std::string> best;
  for (const auto& [key, lemma_counts] : counts_) {
    std::string top;
    int top_n = -1;
    for (const auto& [lemma, n] : lemma_counts) {
      if (n > top_n || (n == top_n && lemma < top)) {
        top = lemma;
        top_n = n;
      }
    }
    best[key] = top;
  }
  std::map<std::string, uint32_t> lemma_ids;
  // rule counts per (tag, suffix): key "tag\tsuffix" -> (lower, strip, append) -> count
  std::map<std::string, std::map<std::tuple<bool, int, std::string>, int>> rule_counts;
  for (const auto& [key, lemma] : best) {
    size_t tab = key.find('\t');
    int tag = std::stoi(key.substr(0, tab));
    std::string form = key.substr(tab + 1);
    auto [it, added] = lemma_ids.emplace(lemma, static_cast<uint32_t>(lemmas_.size()));
    if (added) lemmas_.push_back(lemma);
    lexicon_.set(form_key(tag, form), it->second);
    // Rules learn from word types, so frequent irregular words do not swamp them.
    LemmaRule rule = lemma_rule_for(form, lemma);
    std::string lower = ascii_lower(form);
    for (int k = 0; k <= kMaxSuffix && k <= static_cast<int>(lower.size()); ++k) {
      std::string suffix = lower.substr(lower.size() - k);
      ++rule_counts[std::to_string(tag) + '\t' + suffix][{rule.lower, rule.strip, rule.append}];
    }
  }
  std::map<std::tuple<bool, int, std::string>, uint32_t> rule_ids;
  for (const auto& [key, counts] : rule_counts) {
    const std::tuple<bool, int, std::string>* top = nullptr;
    int top_n = 0;
    for (const auto& [rule, n] : counts) {
      if (n > top_n) {
        top = &rule;
        top_n = n;
      }
    }
    size_t tab = key.find('\t');
    std::string suffix = key.substr(tab + 1);
    if (!top || (top_n < min_rule_count && !suffix.empty())) continue;
    auto [it, added] = rule_ids.emplace(*top, static_cast<uint32_t>(rules_.size()));
    if (added) {
      rules_.push_back({std::get<0>(*top), static_cast<uint8_t>(std::get<1>(*top)),
                        std::get<2>(*top)});
    }
    rule_of_.set(suffix_key(std::stoi(key.substr(0, tab)), suffix), it->second);
  }
  counts_.clear();
}

void Lemmatizer::lemmatize(std::string_view form, int tag, std::string* out) const {
  if (const uint32_t* id = lexicon_.find(form_key(tag, form))) {
    out->assign(lemmas_[*id]);
    return;
  }
  std::string lower = ascii_lower(form);
  if (lower != form) {
    if (const uint32_t* id = lexicon_.find(form_key(tag, lower))) {
      out->assign(lemmas_[*id]);
      return;
    }
  }
  for (int k = std::min<int>(kMaxSuffix, static_cast<int>(lower.size())); k >= 0; --k) {
    const uint32_t* r =
        rule_of_.find(suffix_key(tag, std::string_view(lower).substr(lower.size() - k)));
    if (r) {
      *out = apply_lemma_rule(rules_[*r], form);
      return;
    }
  }
  out->assign(form);
}

void Lemmatizer::save(model::ByteWriter& w) const {
  const auto lex_items = lexicon_.items();
  std::map<uint64_t, uint32_t> lex(lex_items.begin(), lex_items.end());
  std::vector<uint64_t> keys;
  std::vector<uint32_t> ids;
  for (const auto& [k, v] : lex) {
    keys.push_back(k);
    ids.push_back(v);
  }
  w.put_vector(keys);
  w.put_vector(ids);
  w.put_strings(lemmas_);
  const auto rule_items = rule_of_.items();
  std::map<uint64_t, uint32_t> rules(rule_items.begin(), rule_items.end());
  keys.clear();
  ids.clear();
  for (const auto& [k, v] : rules) {
    keys.push_back(k);
    ids.push_back(v);
  }
  w.put_vector(keys);
  w.put_vector(ids);
  w.put(static_cast<uint64_t>(rules_.size()));
  for (const LemmaRule& r : rules_) {
    w.put(static_cast<uint8_t>(r.lower));
    w.put(r.strip);
    w.put_string(r.append);
  }
}

Status Lemmatizer::load(model::ByteReader& r) {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> ids;
  DL_RETURN_IF_ERROR(r.get_vector(&keys, "lemma keys"));
  DL_RETURN_IF_ERROR(r.get_vector(&ids, "lemma ids"));
  DL_RETURN_IF_ERROR(r.get_strings(&lemmas_, "lemmas"));
  if (keys.size() != ids.size()) return r.corrupt("lemma tables differ in length");
  lexicon_.clear();
  lexicon_.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    if (ids[i] >= lemmas_.size()) return r.corrupt("lemma index out of range");
    if (keys[i] == 0) return r.corrupt("zero lemma key");
    lexicon_.set(keys[i], ids[i]);
  }
  DL_RETURN_IF_ERROR(r.get_vector(&keys, "rule keys"));
  DL_RETURN_IF_ERROR(r.get_vector(&ids, "rule ids"));
  uint64_t n = 0;
  DL_RETURN_IF_ERROR(r.get(&n, "rule count"));
  if (keys.size() != ids.size() || n > 10'000'000) return r.corrupt("bad rule tables");
  rules_.resize(n);
  for (LemmaRule& rule : rules_) {
    uint8_t lower = 0;
    DL_RETURN_IF_ERROR(r.get(&lower, "rule case"));
    DL_RETURN_IF_ERROR(r.get(&rule.strip, "rule strip"));
    DL_RETURN_IF_ERROR(r.get_string(&rule.append, "rule suffix"));
    rule.lower = lower != 0;
  }
  rule_of_.clear();
  rule_of_.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    if (ids[i] >= rules_.size()) return r.corrupt("rule index out of range");
    if (keys[i] == 0) return r.corrupt("zero rule key");
    rule_of_.set(keys[i], ids[i]);
  }
  return ok_status();
}

}  // namespace dateline::syntax
