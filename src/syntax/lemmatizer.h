// SPDX-License-Identifier: Apache-2.0
#pragma once
// Lemmatizer: a lexicon of (form, tag) -> lemma read off the training treebanks, backed by
// suffix edit rules for unseen forms ("-ies" + NNS -> "-y"). Tags are the tagger's joint
// UPOS+XPOS class ids. Immutable after build or load; lemmatize() is const and thread-safe.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/model_file.h"

namespace dateline::syntax {

/// How to turn a form into its lemma: optionally lower-case it, drop `strip` trailing bytes,
/// then append `append`.
struct LemmaRule {
  bool lower = false;
  uint8_t strip = 0;
  std::string append;
  friend bool operator==(const LemmaRule&, const LemmaRule&) = default;
};

/// The rule that maps `form` to `lemma` with the shortest edit (ties keep the case).
LemmaRule lemma_rule_for(std::string_view form, std::string_view lemma);

/// Applies `rule` to `form`; returns `form` unchanged when the rule strips too much.
std::string apply_lemma_rule(const LemmaRule& rule, std::string_view form);

/// ASCII lower-casing (non-ASCII bytes pass through unchanged).
std::string ascii_lower(std::string_view s);

/// uint64 -> uint32 map over hashed keys (never 0, which marks an empty slot): open
/// addressing with linear probing in one array kept at most half full. The keys are already
/// well-mixed hashes, so their low bits index the table directly; a look-up is usually one
/// cache miss, where std::unordered_map adds a modulo and a chase through a list node.
class KeyIndex {
 public:
  void clear() {
    slots_.clear();
    size_ = 0;
  }
  /// Room for `n` keys without growing.
  void reserve(size_t n);
  /// Inserts `key` or overwrites its value. Requires: key != 0.
  void set(uint64_t key, uint32_t value);
  /// The value stored for `key`, or nullptr.
  const uint32_t* find(uint64_t key) const {
    if (slots_.empty()) return nullptr;
    const size_t mask = slots_.size() - 1;
    for (size_t i = key & mask;; i = (i + 1) & mask) {
      if (slots_[i].key == key) return &slots_[i].value;
      if (slots_[i].key == 0) return nullptr;
    }
  }
  size_t size() const { return size_; }
  /// (key, value) pairs in table order.
  std::vector<std::pair<uint64_t, uint32_t>> items() const;

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t value = 0;
  };
  void rehash(size_t capacity);
  std::vector<Slot> slots_;  ///< power-of-two size, or empty
  size_t size_ = 0;
};

class Lemmatizer {
 public:
  /// Collects (form, tag, lemma) triples, then build() turns them into tables.
  void add_example(std::string_view form, int tag, std::string_view lemma);
  /// Keeps, per (form, tag), the most frequent lemma, and per (tag, suffix up to
  /// kMaxSuffix bytes) the most frequent rule seen at least `min_rule_count` times.
  void build(int min_rule_count);

  /// The lemma of `form` tagged `tag`.
  std::string lemmatize(std::string_view form, int tag) const {
    std::string lemma;
    lemmatize(form, tag, &lemma);
    return lemma;
  }
  /// The same into `*out`, reusing its buffer.
  void lemmatize(std::string_view form, int tag, std::string* out) const;

  size_t lexicon_size() const { return lexicon_.size(); }
  size_t rule_count() const { return rule_of_.size(); }

  void save(model::ByteWriter& w) const;
  Status load(model::ByteReader& r);

  static constexpr int kMaxSuffix = 5;

 private:
  // Keys are 64-bit hashes of (tag, form) and (tag, suffix): no string is built per lookup.
  KeyIndex lexicon_;  ///< -> index into lemmas_
  std::vector<std::string> lemmas_;
  KeyIndex rule_of_;  ///< -> index into rules_
  std::vector<LemmaRule> rules_;
  // Training counts, dropped by build().
  std::unordered_map<std::string, std::unordered_map<std::string, int>> counts_;
};

}  // namespace dateline::syntax
