// SPDX-License-Identifier: Apache-2.0
#pragma once
// The averaged perceptron of every learned stage (tagger, FEATS classifier, parser,
// sentence-boundary model, NER, attribution tagger, content reranker): one trainer and one
// frozen weight table (Collins 2002; averaging with the "w - u/c" trick of Daume 2006, so
// averaging costs nothing per update).
//
// A model is a set of features, each a 64-bit key (model/hash.h) with a weight per class.
// Models that hash their features into a fixed number of buckets use the bucket + 1 as the
// key. Multi-class models pick the best class; a binary or ranking model has one class and
// reads its score. What counts as a mistake (a wrong tag, a wrong Viterbi path, a wrong
// candidate) is the caller's: the trainer only adds deltas and counts time.
//
//  - PerceptronTrainer: growable, rows of (class, weight, accumulator) created on the first
//    update of a feature. Only classes that a feature was ever updated for take memory, which
//    keeps a 100-class parser with millions of features in a few hundred MB while training.
//  - Weights: the frozen, averaged model used at run time. Weights are quantised to int16
//    with one scale per table and entries with |w| below half a step are dropped; scores are
//    summed in int32, so they do not depend on the order of the features. Immutable after
//    load, so const scoring is thread-safe. Two layouts, chosen by size when the table is
//    built (scores are the same in both):
//      hashed: an open-addressing table of 64-bit keys. Rows of one or two entries (over
//        80% of the parser's features) live inside their hash slot, so a look-up costs one
//        cache miss instead of two; rows covering a third of the classes or more are dense
//        arrays added in order; the others (class, weight) lists.
//      direct: keys are small (bucketed features): one dense row per key, indexed by it.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "model/bytes.h"

namespace dateline::model {

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

/// One averaged weight before quantisation (PerceptronTrainer::freeze, model converters).
struct FloatEntry {
  uint16_t cls;
  float w;
};

class Weights {
 public:
  struct Entry {
    uint16_t cls;
    int16_t w;
  };

  int n_classes() const { return n_classes_; }
  size_t n_features() const { return n_features_; }
  size_t n_entries() const { return n_entries_; }
  /// The real value of one int16 unit: a score s is worth s * scale().
  float scale() const { return scale_; }
  /// Whether the table is the direct layout (see the file comment).
  bool direct() const { return direct_rows_ != 0; }

  /// Adds the weights of each key to scores[0..n_classes) (int32 units of scale()). A key
  /// listed twice counts twice; unknown keys add nothing.
  void score(std::span<const uint64_t> keys, int32_t* scores) const {
    if (direct()) {
      score_direct(keys, scores);
    } else {
      score_hashed(keys, scores);
    }
  }

  /// The quantised table of float rows: feature f has the lens[f] consecutive entries of
  /// `entries` (classes ascending). The scale maps the largest |w| to 32767; entries below
  /// max(min_abs, half a step) are dropped, and so are features left empty. Keys are never 0.
  static Weights from_float_rows(int n_classes, std::span<const uint64_t> keys,
                                 std::span<const uint32_t> lens,
                                 std::span<const FloatEntry> entries, float min_abs);
  /// The table of rows already quantised on `scale` (same row layout; zero weights dropped).
  static Weights from_rows(int n_classes, float scale, std::span<const uint64_t> keys,
                           std::span<const uint32_t> lens, std::span<const Entry> entries);

  /// A copy without the entries whose weight is below `min_abs` (in the trainer's float
  /// units, like PerceptronTrainer::freeze) and without features left empty: a smaller table
  /// has fewer cache misses. Scores of the kept entries are unchanged.
  Weights pruned(float min_abs) const;

  /// One table whose scores are `factor` times the sums of the parts' scores (all parts must
  /// have the same classes): a linear model's score ensemble is the model with the summed
  /// weights, so combining costs table size but no extra look-ups (factor 1 / parts: their
  /// average). Requantised to int16 on one scale.
  static Weights sum(std::span<const Weights* const> parts, float factor = 1.0f);

  /// Payload: u32 classes, f32 scale, u8 layout, then for the hashed layout the vectors of
  /// keys (u64), row lengths (u32) and entries (u16 class, i16 weight), for the direct one
  /// the u64 row count and the vector of rows x classes i16 weights.
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
  /// Chunk of keys whose look-ups are issued before any is used (score_*).
  static constexpr size_t kChunk = 128;

  void score_hashed(std::span<const uint64_t> keys, int32_t* scores) const {
    // Each lookup is a cache miss into tables of tens of MB. Issuing every slot load, then
    // every row load, before using any lets the misses overlap instead of queueing.
    const Slot* lists[kChunk];
    const int16_t* dense[kChunk];
    const size_t nc = static_cast<size_t>(n_classes_);
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
      add_dense_rows(dense, n_dense, scores);
    }
  }

  void score_direct(std::span<const uint64_t> keys, int32_t* scores) const {
    const size_t nc = static_cast<size_t>(n_classes_);
    if (nc == 1) {  // binary and ranking models: one weight per key
      for (uint64_t k : keys) {
        if (k < direct_rows_) scores[0] += dense_[k];
      }
      return;
    }
    const int16_t* rows[kChunk];
    for (size_t at = 0; at < keys.size(); at += kChunk) {
      const size_t n = std::min(kChunk, keys.size() - at);
      size_t m = 0;
      for (size_t i = 0; i < n; ++i) {
        const uint64_t k = keys[at + i];
        if (k >= direct_rows_) continue;
        rows[m] = dense_.data() + k * nc;
        prefetch_row(rows[m++], nc * sizeof(int16_t));
      }
      add_dense_rows(rows, m, scores);
    }
  }

  // Every cache line of a row, not just its first: a list row averages ~15 entries (60
  // bytes) in the parser, so it usually straddles two lines, and a dense row spans 4-5.
  static void prefetch_row(const void* row, size_t bytes) {
    const char* p = static_cast<const char*>(row);
    for (size_t off = 0; off < bytes; off += 64) __builtin_prefetch(p + off);
    __builtin_prefetch(p + bytes - 1);
  }

  // Dense rows four at a time: a class's four weights are summed before scores[] is loaded
  // and stored, once per four rows instead of once per row (integer sums, so the order does
  // not change the result).
  void add_dense_rows(const int16_t* const* rows, size_t n, int32_t* scores) const {
    const size_t nc = static_cast<size_t>(n_classes_);
    size_t j = 0;
    for (; j + 4 <= n; j += 4) {
      const int16_t *d0 = rows[j], *d1 = rows[j + 1], *d2 = rows[j + 2], *d3 = rows[j + 3];
      for (size_t c = 0; c < nc; ++c) scores[c] += d0[c] + d1[c] + d2[c] + d3[c];
    }
    for (; j < n; ++j) {
      const int16_t* d = rows[j];
      for (size_t c = 0; c < nc; ++c) scores[c] += d[c];
    }
  }

  const Slot* find(uint64_t key) const {
    size_t i = key & mask_;
    while (true) {
      const Slot& s = slots_[i];
      if (s.key == key) return &s;
      if (s.key == 0) return nullptr;
      i = (i + 1) & mask_;
    }
  }
  /// Calls f(key, entries) for every feature: table order for the hashed layout (which is
  /// deterministic for a given model), key order for the direct one.
  template <typename F>
  void for_each_row(F&& f) const;
  /// Appends the entries of slot `s` to `out`.
  void append_row(const Slot& s, std::vector<Entry>* out) const;
  /// Builds the table from per-feature (key, len) whose rows are the consecutive runs of
  /// `entries`; picks the direct layout when it is the smaller one.
  void build_table(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& lens,
                   const std::vector<Entry>& entries);

  int n_classes_ = 0;
  size_t n_features_ = 0;
  size_t n_entries_ = 0;
  float scale_ = 1.0f;
  /// Hashed layout: dense rows; direct layout: the whole table, direct_rows_ x n_classes_.
  TableVector<int16_t> dense_;
  size_t direct_rows_ = 0;  ///< 0 for the hashed layout
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

  /// One mistake of a classifier: rewards `gold`, penalises `guess` on every key.
  /// Requires gold != guess.
  void update(std::span<const uint64_t> keys, int gold, int guess);

  /// Adds `delta` to class `cls` of every key (structured and ranking perceptrons reward
  /// the gold structure's features and penalise the predicted one's separately; a binary
  /// one adds +1 or -1 to its only class).
  void add(std::span<const uint64_t> keys, int cls, float delta);

  /// Counts one step of the averaging clock: a decision for a classifier, a sentence or a
  /// paragraph for a structured model, a candidate set for a ranker. Call once per step,
  /// mistake or not.
  void tick() { ++instances_; }

  /// The averaged weight of class `cls` of `key` (0 when never updated).
  float averaged(uint64_t key, int cls) const;

  /// The averaged, quantised model. Entries whose averaged weight is below `min_abs` are
  /// dropped (pruning rare, weak features to keep model files small), and so are features
  /// updated fewer than `min_updates` times (each add() or update() call counts once per key).
  Weights freeze(float min_abs, uint32_t min_updates = 1) const;

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
  float average_of(const Entry& e) const;

  int n_classes_;
  double instances_ = 1;
  std::vector<uint64_t> keys_;    ///< open addressing, 0 = empty
  std::vector<uint32_t> row_of_;  ///< parallel to keys_
  std::vector<std::vector<Entry>> rows_;
  std::vector<uint64_t> row_keys_;
  std::vector<uint32_t> updates_;  ///< per row: add()/update() calls
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

}  // namespace dateline::model
