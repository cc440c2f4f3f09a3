// SPDX-License-Identifier: Apache-2.0
#pragma once
// Averaged perceptron over hashed sparse features: the learner behind the tagger and the
// parser (Collins 2002; averaging with the "w - u/c" trick of Daume 2006, so averaging costs
// nothing per update).
//
// Two representations:
//  - PerceptronTrainer: growable, rows of (class, weight, accumulator) created on the first
//    update of a feature. Only classes that a feature was ever updated for take memory, which
//    keeps a 100-class parser with millions of features in a few hundred MB while training.
//  - Weights: the frozen, averaged model used at run time. Weights are quantised to int16
//    with one scale per model and entries with |w| below half a step are dropped; scores are
//    summed in int32. Immutable after load, so const scoring is thread-safe. Rows of one or
//    two entries (over 80% of the parser's features) live inside their hash slot, so a
//    look-up costs one cache miss instead of two; rows covering a third of the classes or
//    more (the tagger's frequent features) are dense arrays added in order.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "syntax/model_io.h"

namespace dateline::syntax {

/// Raw storage for the weight tables (see HugePageAllocator).
void* allocate_table(size_t bytes);
void free_table(void* p, size_t bytes);

/// Allocator of the frozen weight tables. Look-ups land at random over tens of MB, so with
/// 4 KB pages almost every one also misses the TLB and walks the page tables; blocks of
/// 2 MB or more are therefore 2 MB-aligned and offered to the kernel for transparent huge
/// pages (madvise; a hint only, without THP nothing changes but the speed).
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  explicit HugePageAllocator(const HugePageAllocator<U>&) {}
  T* allocate(size_t n) { return static_cast<T*>(allocate_table(n * sizeof(T))); }
  void deallocate(T* p, size_t n) { free_table(p, n * sizeof(T)); }
  friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }
};
template <typename T>
using TableVector = std::vector<T, HugePageAllocator<T>>;

class Weights {
 public:
  struct Entry {
    uint16_t cls;
    int16_t w;
  };

  int n_classes() const { return n_classes_; }
  size_t n_features() const { return n_features_; }
  size_t n_entries() const { return n_entries_; }

  /// Adds the weights of each key to scores[0..n_classes) (int32 units of scale()).
  void score(std::span<const uint64_t> keys, int32_t* scores) const {
    // Each lookup is a cache miss into tables of tens of MB. Issuing every slot load, then
    // every row load, before using any lets the misses overlap instead of queueing.
    constexpr size_t kChunk = 128;
    const Slot* lists[kChunk];
    const int16_t* dense[kChunk];
    const size_t nc = static_cast<size_t>(n_classes_);
    // Every cache line of a row, not just its first: a list row averages ~15 entries (60
    // bytes) in the parser, so it usually straddles two lines, and a dense row spans 4-5.
    auto prefetch_row = [](const void* row, size_t bytes) {
      const char* p = static_cast<const char*>(row);
      for (size_t off = 0; off < bytes; off += 64) __builtin_prefetch(p + off);
      __builtin_prefetch(p + bytes - 1);
    };
    for (size_t at = 0; at < keys.size(); at += kChunk) {
      const size_t n = std::min(kChunk, keys.size() - at);
      for (size_t i = 0; i < n; ++i) __builtin_prefetch(&slots_[keys[at + i] & mask_]);
      size_t n_lists = 0, n_dense = 0;
      for (size_t i = 0; i < n; ++i) {
        const Slot* s = find(keys[at + i]);
        if (!s) continue;
        if (s->len & kInline) {
          // Two packed entries; a one-entry row repeats its class with weight 0.
          scores[s->len & 0x7fff] += static_cast<int16_t>(s->len >> 16);
          scores[s->begin & 0xffff] += static_cast<int16_t>(s->begin >> 16);
        } else if (s->len & kDense) {
          dense[n_dense] = dense_.data() + s->begin;
          prefetch_row(dense[n_dense++], nc * sizeof(int16_t));
        } else {
          prefetch_row(entries_.data() + s->begin, s->len * sizeof(Entry));
          lists[n_lists++] = s;
        }
      }
      for (size_t j = 0; j < n_lists; ++j) {
        // Locals: scores could alias the slot as far as the compiler knows, which would
        // reload len on every iteration of a long row.
        const Entry* e = entries_.data() + lists[j]->begin;
        const Entry* const end = e + lists[j]->len;
        for (; e != end; ++e) scores[e->cls] += e->w;
      }
      // Long rows stored densely, four at a time: a class's four weights are summed before
      // scores[] is loaded and stored, once per four rows instead of once per row (integer
      // sums, so the order does not change the result).
      size_t j = 0;
      for (; j + 4 <= n_dense; j += 4) {
        const int16_t *d0 = dense[j], *d1 = dense[j + 1], *d2 = dense[j + 2], *d3 = dense[j + 3];
        for (size_t c = 0; c < nc; ++c) scores[c] += d0[c] + d1[c] + d2[c] + d3[c];
      }
      for (; j < n_dense; ++j) {
        const int16_t* d = dense[j];
        for (size_t c = 0; c < nc; ++c) scores[c] += d[c];
      }
    }
  }
  float scale() const { return scale_; }

  /// A copy without the entries whose weight is below `min_abs` (in the trainer's float
  /// units, like PerceptronTrainer::freeze) and without features left empty: a smaller table
  /// has fewer cache misses. Scores of the kept entries are unchanged.
  Weights pruned(float min_abs) const;

  /// One table whose scores are the sums of the parts' scores (all parts must have the same
  /// classes): a linear model's score ensemble is the model with the summed weights, so
  /// combining costs table size but no extra look-ups. Requantised to int16 on one scale.
  static Weights sum(std::span<const Weights* const> parts);

  void save(ByteWriter& w) const;
  Status load(ByteReader& r);

 private:
  friend class PerceptronTrainer;
  /// A feature's row: entries_[begin, begin + len), or, when len has the kInline bit, the
  /// row itself: class | kInline | weight << 16 in `len` and class | weight << 16 in `begin`.
  struct Slot {
    uint64_t key;
    uint32_t len;
    uint32_t begin;
  };
  static constexpr uint32_t kInline = 0x8000;
  /// With kDense (rows covering a third of the classes or more), the row is
  /// dense_[begin, begin + n_classes): one int16 per class, 0 = no entry.
  static constexpr uint32_t kDense = 0x4000;
  /// Appends the entries of slot `s` to `out`.
  void append_row(const Slot& s, std::vector<Entry>* out) const;
  const Slot* find(uint64_t key) const {
    size_t i = key & mask_;
    while (true) {
      const Slot& s = slots_[i];
      if (s.key == key) return &s;
      if (s.key == 0) return nullptr;
      i = (i + 1) & mask_;
    }
  }
  /// Builds the open-addressing table from per-feature (key, len) whose rows are the
  /// consecutive runs of `entries`; short rows go inline, the rest into entries_.
  void build_table(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& lens,
                   const std::vector<Entry>& entries);

  int n_classes_ = 0;
  size_t n_features_ = 0;
  size_t n_entries_ = 0;
  TableVector<int16_t> dense_;
  float scale_ = 1.0f;
  size_t mask_ = 0;
  TableVector<Slot> slots_;
  TableVector<Entry> entries_;
};

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int n_classes);

  int n_classes() const { return n_classes_; }

  /// Adds current (not averaged) weights of `keys` to scores[0..n_classes).
  void score(std::span<const uint64_t> keys, float* scores) const;

  /// One mistake: rewards `gold`, penalises `guess` on every key. Requires gold != guess.
  void update(std::span<const uint64_t> keys, int gold, int guess);

  /// Counts one training instance (call once per decision, mistake or not).
  void tick() { ++instances_; }

  /// The averaged, quantised model. Entries whose averaged weight is below `min_abs` are
  /// dropped (pruning rare, weak features to keep model files small).
  Weights freeze(float min_abs) const;

  size_t n_features() const { return rows_.size(); }

 private:
  struct Entry {
    uint16_t cls;
    float w;
    float u;  ///< sum of instance-count x delta, for averaging
  };
  uint32_t find_or_add(uint64_t key);
  int64_t find(uint64_t key) const;
  void grow();

  int n_classes_;
  double instances_ = 1;
  std::vector<uint64_t> keys_;      ///< open addressing, 0 = empty
  std::vector<uint32_t> row_of_;    ///< parallel to keys_
  std::vector<std::vector<Entry>> rows_;
  std::vector<uint64_t> row_keys_;
};

/// Index of the largest of scores[0..n) among those with allowed[i] (all if allowed is
/// null); -1 when nothing is allowed. Ties go to the lower index (deterministic).
template <typename T>
int argmax(const T* scores, int n, const bool* allowed = nullptr) {
  // The best score is kept in a local: re-reading scores[best] put a load that depends on
  // the previous comparison into every iteration.
  int best = -1;
  T best_score{};
  for (int i = 0; i < n; ++i) {
    if (allowed && !allowed[i]) continue;
    if (best < 0 || scores[i] > best_score) {
      best = i;
      best_score = scores[i];
    }
  }
  return best;
}

}  // namespace dateline::syntax
