// SPDX-License-Identifier: Apache-2.0
#include "model/perceptron.h"

#include <sys/mman.h>

#include <algorithm>
#include <cmath>
#include <new>
#include <unordered_map>

namespace dateline::model {

namespace {
constexpr size_t kHugePage = size_t{2} << 20;
}  // namespace

void* allocate_table(size_t bytes) {
  if (bytes < kHugePage) return ::operator new(bytes);
  const size_t rounded = (bytes + kHugePage - 1) & ~(kHugePage - 1);
  void* p = ::operator new (rounded, std::align_val_t{kHugePage});
#ifdef MADV_HUGEPAGE
  // Before the first write, so that the page faults can already take huge pages. A refusal
  // (THP disabled, old kernel) leaves ordinary pages: ignore it.
  (void)madvise(p, rounded, MADV_HUGEPAGE);
#endif
  return p;
}

void free_table(void* p, size_t bytes) {
  if (bytes < kHugePage) {
    ::operator delete(p);
  } else {
    ::operator delete (p, std::align_val_t{kHugePage});
  }
}

PerceptronTrainer::PerceptronTrainer(int n_classes) : n_classes_(n_classes) {
  keys_.assign(1 << 16, 0);
  row_of_.assign(1 << 16, 0);
}

int64_t PerceptronTrainer::find(uint64_t key) const {
  size_t mask = keys_.size() - 1;
  size_t i = key & mask;
  while (keys_[i]) {
    if (keys_[i] == key) return row_of_[i];
    i = (i + 1) & mask;
  }
  return -1;
}

void PerceptronTrainer::grow() {
  std::vector<uint64_t> keys(keys_.size() * 2, 0);
  std::vector<uint32_t> rows(keys.size(), 0);
  size_t mask = keys.size() - 1;
  for (size_t r = 0; r < row_keys_.size(); ++r) {
    size_t i = row_keys_[r] & mask;
    while (keys[i]) i = (i + 1) & mask;
    keys[i] = row_keys_[r];
    rows[i] = static_cast<uint32_t>(r);
  }
  keys_.swap(keys);
  row_of_.swap(rows);
}

uint32_t PerceptronTrainer::find_or_add(uint64_t key) {
  if ((rows_.size() + 1) * 2 > keys_.size()) grow();
  size_t mask = keys_.size() - 1;
  size_t i = key & mask;
  while (keys_[i]) {
    if (keys_[i] == key) return row_of_[i];
    i = (i + 1) & mask;
  }
  keys_[i] = key;
  row_of_[i] = static_cast<uint32_t>(rows_.size());
  rows_.emplace_back();
  row_keys_.push_back(key);
  updates_.push_back(0);
  return row_of_[i];
}

void PerceptronTrainer::score(std::span<const uint64_t> keys, float* scores) const {
  for (uint64_t k : keys) {
    int64_t r = find(k);
    if (r < 0) continue;
    for (const Entry& e : rows_[r]) scores[e.cls] += e.w;
  }
}

void PerceptronTrainer::update(std::span<const uint64_t> keys, int gold, int guess) {
  const float c = static_cast<float>(instances_);
  for (uint64_t k : keys) {
    const uint32_t r = find_or_add(k);
    ++updates_[r];
    auto& row = rows_[r];
    bool seen_gold = false, seen_guess = false;
    for (Entry& e : row) {
      if (e.cls == gold) {
        e.w += 1;
        e.u += c;
        seen_gold = true;
      } else if (e.cls == guess) {
        e.w -= 1;
        e.u -= c;
        seen_guess = true;
      }
    }
    if (!seen_gold) row.push_back({static_cast<uint16_t>(gold), 1.0f, c});
    if (!seen_guess) row.push_back({static_cast<uint16_t>(guess), -1.0f, -c});
  }
}

void PerceptronTrainer::add(std::span<const uint64_t> keys, int cls, float delta) {
  const float c = static_cast<float>(instances_);
  for (uint64_t k : keys) {
    const uint32_t r = find_or_add(k);
    ++updates_[r];
    auto& row = rows_[r];
    auto it = std::find_if(row.begin(), row.end(), [&](const Entry& e) { return e.cls == cls; });
    if (it == row.end()) {
      row.push_back({static_cast<uint16_t>(cls), delta, c * delta});
    } else {
      it->w += delta;
      it->u += c * delta;
    }
  }
}

float PerceptronTrainer::average_of(const Entry& e) const {
  // Averaged weight = w - u / c.
  return e.w - static_cast<float>(e.u / instances_);
}

float PerceptronTrainer::averaged(uint64_t key, int cls) const {
  const int64_t r = find(key);
  if (r < 0) return 0.0f;
  for (const Entry& e : rows_[static_cast<size_t>(r)]) {
    if (e.cls == cls) return average_of(e);
  }
  return 0.0f;
}

Weights PerceptronTrainer::freeze(float min_abs, uint32_t min_updates) const {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> lens;
  std::vector<FloatEntry> entries;
  keys.reserve(rows_.size());
  lens.reserve(rows_.size());
  for (size_t r = 0; r < rows_.size(); ++r) {
    if (updates_[r] < min_updates) continue;
    const size_t at = entries.size();
    for (const Entry& e : rows_[r]) entries.push_back({e.cls, average_of(e)});
    std::sort(entries.begin() + static_cast<std::ptrdiff_t>(at), entries.end(),
              [](const FloatEntry& a, const FloatEntry& b) { return a.cls < b.cls; });
    keys.push_back(row_keys_[r]);
    lens.push_back(static_cast<uint32_t>(rows_[r].size()));
  }
  return Weights::from_float_rows(n_classes_, keys, lens, entries, min_abs);
}

Weights Weights::from_float_rows(int n_classes, std::span<const uint64_t> keys,
                                 std::span<const uint32_t> lens,
                                 std::span<const FloatEntry> entries, float min_abs) {
  float max_abs = 0;
  for (const FloatEntry& e : entries) max_abs = std::max(max_abs, std::fabs(e.w));
  const float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  const float threshold = std::max(min_abs, scale * 0.5f);
  std::vector<Entry> quantised;
  quantised.reserve(entries.size());
  for (const FloatEntry& e : entries) {
    const long q = std::fabs(e.w) < threshold ? 0 : std::lround(e.w / scale);
    quantised.push_back({e.cls, static_cast<int16_t>(q)});
  }
  return from_rows(n_classes, scale, keys, lens, quantised);
}

Weights Weights::from_rows(int n_classes, float scale, std::span<const uint64_t> keys,
                           std::span<const uint32_t> lens, std::span<const Entry> entries) {
  Weights out;
  out.n_classes_ = n_classes;
  out.scale_ = scale;
  std::vector<uint64_t> kept_keys;
  std::vector<uint32_t> kept_lens;
  std::vector<Entry> kept;
  size_t at = 0;
  for (size_t f = 0; f < keys.size(); ++f) {
    uint32_t len = 0;
    for (const Entry& e : entries.subspan(at, lens[f])) {
      if (e.w == 0) continue;
      kept.push_back(e);
      ++len;
    }
    at += lens[f];
    if (!len) continue;
    kept_keys.push_back(keys[f]);
    kept_lens.push_back(len);
  }
  out.build_table(kept_keys, kept_lens, kept);
  return out;
}

void Weights::build_table(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& lens,
                          const std::vector<Entry>& entries) {
  n_features_ = keys.size();
  n_entries_ = entries.size();
  size_t cap = 16;
  while (cap < keys.size() * 2) cap *= 2;
  slots_.clear();
  entries_.clear();
  dense_.clear();
  direct_rows_ = 0;
  mask_ = 0;
  const size_t nc = static_cast<size_t>(n_classes_);
  // Direct layout when its table is no larger than the hash slots alone.
  const uint64_t max_key = keys.empty() ? 0 : *std::max_element(keys.begin(), keys.end());
  if (!keys.empty() && max_key < (uint64_t{1} << 32) &&
      (max_key + 1) * nc * sizeof(int16_t) <= cap * sizeof(Slot)) {
    direct_rows_ = static_cast<size_t>(max_key) + 1;
    dense_.assign(direct_rows_ * nc, 0);
    size_t at = 0;
    for (size_t f = 0; f < keys.size(); ++f) {
      int16_t* row = dense_.data() + keys[f] * nc;
      for (uint32_t k = 0; k < lens[f]; ++k) row[entries[at + k].cls] = entries[at + k].w;
      at += lens[f];
    }
    return;
  }
  mask_ = cap - 1;
  slots_.assign(cap, Slot{0, 0, 0});
  // Inline and dense rows need the class count to fit in 14 bits (flags take bits 15, 16).
  const bool can_inline = n_classes_ < static_cast<int>(kDense);
  auto pack = [](const Entry& e) {
    return static_cast<uint32_t>(e.cls) | (static_cast<uint32_t>(static_cast<uint16_t>(e.w)) << 16);
  };
  auto is_inline = [&](uint32_t len) { return can_inline && (len == 1 || len == 2); };
  auto is_dense = [&](uint32_t len) {
    return can_inline && len * 3 >= static_cast<uint32_t>(n_classes_);
  };
  // Exact sizes first: each table is allocated once (growing would copy tens of MB).
  size_t n_list = 0, n_dense = 0;
  for (uint32_t len : lens) {
    if (is_inline(len)) continue;
    if (is_dense(len)) {
      n_dense += nc;
    } else {
      n_list += len;
    }
  }
  entries_.reserve(n_list);
  dense_.reserve(n_dense);
  size_t at = 0;
  for (size_t f = 0; f < keys.size(); ++f) {
    size_t i = keys[f] & mask_;
    while (slots_[i].key) i = (i + 1) & mask_;
    const uint32_t len = lens[f];
    if (is_inline(len)) {
      const Entry& a = entries[at];
      const Entry b = len == 2 ? entries[at + 1] : Entry{a.cls, 0};
      slots_[i] = Slot{keys[f], pack(a) | kInline, pack(b)};
    } else if (is_dense(len)) {
      slots_[i] = Slot{keys[f], len | kDense, static_cast<uint32_t>(dense_.size())};
      dense_.resize(dense_.size() + nc, 0);
      int16_t* d = dense_.data() + slots_[i].begin;
      for (uint32_t k = 0; k < len; ++k) d[entries[at + k].cls] = entries[at + k].w;
    } else {
      slots_[i] = Slot{keys[f], len, static_cast<uint32_t>(entries_.size())};
      entries_.insert(entries_.end(), entries.begin() + static_cast<std::ptrdiff_t>(at),
                      entries.begin() + static_cast<std::ptrdiff_t>(at + len));
    }
    at += len;
  }
}

void Weights::append_row(const Slot& s, std::vector<Entry>* out) const {
  if (s.len & kInline) {
    out->push_back({static_cast<uint16_t>(s.len & 0x7fff), static_cast<int16_t>(s.len >> 16)});
    const Entry b{static_cast<uint16_t>(s.begin & 0xffff), static_cast<int16_t>(s.begin >> 16)};
    if (b.w != 0 || b.cls != out->back().cls) out->push_back(b);
    return;
  }
  if (s.len & kDense) {
    const int16_t* d = dense_.data() + s.begin;
    for (int c = 0; c < n_classes_; ++c) {
      if (d[c]) out->push_back({static_cast<uint16_t>(c), d[c]});
    }
    return;
  }
  out->insert(out->end(), entries_.begin() + s.begin, entries_.begin() + s.begin + s.len);
}

template <typename F>
void Weights::for_each_row(F&& f) const {
  std::vector<Entry> row;
  if (direct()) {
    const size_t nc = static_cast<size_t>(n_classes_);
    for (size_t k = 0; k < direct_rows_; ++k) {
      row.clear();
      const int16_t* d = dense_.data() + k * nc;
      for (size_t c = 0; c < nc; ++c) {
        if (d[c]) row.push_back({static_cast<uint16_t>(c), d[c]});
      }
      if (!row.empty()) f(static_cast<uint64_t>(k), std::span<const Entry>(row));
    }
    return;
  }
  for (const Slot& s : slots_) {
    if (!s.key) continue;
    row.clear();
    append_row(s, &row);
    f(s.key, std::span<const Entry>(row));
  }
}

Weights Weights::pruned(float min_abs) const {
  Weights out;
  out.n_classes_ = n_classes_;
  out.scale_ = scale_;
  std::vector<uint64_t> keys;
  std::vector<uint32_t> lens;
  std::vector<Entry> entries;
  for_each_row([&](uint64_t key, std::span<const Entry> row) {
    uint32_t len = 0;
    for (const Entry& e : row) {
      if (std::fabs(static_cast<float>(e.w) * scale_) < min_abs) continue;
      entries.push_back(e);
      ++len;
    }
    if (!len) return;
    keys.push_back(key);
    lens.push_back(len);
  });
  out.build_table(keys, lens, entries);
  return out;
}

Weights Weights::sum(std::span<const Weights* const> parts, float factor) {
  if (parts.empty()) return Weights();
  // Features in first-seen order (parts in turn, each in table order): deterministic.
  std::unordered_map<uint64_t, uint32_t> index;
  std::vector<uint64_t> keys;
  std::vector<std::vector<FloatEntry>> rows;
  for (const Weights* part : parts) {
    part->for_each_row([&](uint64_t key, std::span<const Entry> row) {
      auto [it, fresh] = index.emplace(key, static_cast<uint32_t>(keys.size()));
      if (fresh) {
        keys.push_back(key);
        rows.emplace_back();
      }
      auto& sums = rows[it->second];
      for (const Entry& e : row) {
        const float w = static_cast<float>(e.w) * part->scale_ * factor;
        auto at = std::find_if(sums.begin(), sums.end(),
                               [&](const FloatEntry& cw) { return cw.cls == e.cls; });
        if (at == sums.end()) {
          sums.push_back({e.cls, w});
        } else {
          at->w += w;
        }
      }
    });
  }
  std::vector<uint32_t> lens;
  std::vector<FloatEntry> entries;
  for (auto& r : rows) {
    std::sort(r.begin(), r.end(),
              [](const FloatEntry& a, const FloatEntry& b) { return a.cls < b.cls; });
    lens.push_back(static_cast<uint32_t>(r.size()));
    entries.insert(entries.end(), r.begin(), r.end());
  }
  // Entries that round to 0 on the summed scale are dropped (threshold half a step).
  return from_float_rows(parts[0]->n_classes_, keys, lens, entries, 0.0f);
}

namespace {
constexpr uint8_t kLayoutHashed = 0;
constexpr uint8_t kLayoutDirect = 1;
}  // namespace

void Weights::save(ByteWriter& w) const {
  w.put(static_cast<uint32_t>(n_classes_));
  w.put(scale_);
  if (direct()) {
    w.put(kLayoutDirect);
    w.put(static_cast<uint64_t>(direct_rows_));
    w.put_vector(dense_);
    return;
  }
  // Features in table order (deterministic for a given model): (key, len) pairs, then the
  // entries of each row in turn.
  std::vector<uint64_t> keys;
  std::vector<uint32_t> lens;
  std::vector<Entry> entries;
  keys.reserve(n_features_);
  lens.reserve(n_features_);
  entries.reserve(n_entries_);
  for_each_row([&](uint64_t key, std::span<const Entry> row) {
    keys.push_back(key);
    lens.push_back(static_cast<uint32_t>(row.size()));
    entries.insert(entries.end(), row.begin(), row.end());
  });
  w.put(kLayoutHashed);
  w.put_vector(keys);
  w.put_vector(lens);
  w.put_vector(entries);
}

Status Weights::load(ByteReader& r) {
  uint32_t n_classes = 0;
  uint8_t layout = 0;
  DL_RETURN_IF_ERROR(r.get(&n_classes, "class count"));
  DL_RETURN_IF_ERROR(r.get(&scale_, "weight scale"));
  DL_RETURN_IF_ERROR(r.get(&layout, "weight layout"));
  if (n_classes == 0 || n_classes > 0xffff) return r.corrupt("bad class count");
  if (!std::isfinite(scale_) || scale_ <= 0) return r.corrupt("bad weight scale");
  std::vector<uint64_t> keys;
  std::vector<uint32_t> lens;
  std::vector<Entry> entries;
  if (layout == kLayoutDirect) {
    uint64_t rows = 0;
    std::vector<int16_t> table;
    DL_RETURN_IF_ERROR(r.get(&rows, "weight rows"));
    DL_RETURN_IF_ERROR(r.get_vector(&table, "weights"));
    if (rows == 0 || table.size() % n_classes != 0 || table.size() / n_classes != rows) {
      return r.corrupt("weight table does not match its row count");
    }
    for (uint64_t k = 0; k < rows; ++k) {
      uint32_t len = 0;
      for (uint32_t c = 0; c < n_classes; ++c) {
        const int16_t w = table[k * n_classes + c];
        if (!w) continue;
        entries.push_back({static_cast<uint16_t>(c), w});
        ++len;
      }
      if (!len) continue;
      if (k == 0) return r.corrupt("zero feature key");
      keys.push_back(k);
      lens.push_back(len);
    }
  } else if (layout == kLayoutHashed) {
    DL_RETURN_IF_ERROR(r.get_vector(&keys, "feature keys"));
    DL_RETURN_IF_ERROR(r.get_vector(&lens, "feature lengths"));
    DL_RETURN_IF_ERROR(r.get_vector(&entries, "weights"));
    if (keys.size() != lens.size()) return r.corrupt("feature tables differ in length");
    uint64_t total = 0;
    for (uint32_t len : lens) {
      if (len == 0 || len > n_classes) return r.corrupt("bad feature row length");
      total += len;
    }
    if (total != entries.size()) return r.corrupt("weight count does not match features");
    for (const Entry& e : entries) {
      if (e.cls >= n_classes) return r.corrupt("weight for an unknown class");
    }
    for (uint64_t k : keys) {
      if (k == 0) return r.corrupt("zero feature key");
    }
  } else {
    return r.corrupt("unknown weight layout " + std::to_string(layout));
  }
  n_classes_ = static_cast<int>(n_classes);
  build_table(keys, lens, entries);
  return ok_status();
}

}  // namespace dateline::model
