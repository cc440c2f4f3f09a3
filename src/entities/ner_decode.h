// SPDX-License-Identifier: Apache-2.0
#pragma once
// Decoding of the named-entity model (ner_model.h): BILOU labels and their constraints,
// conversion between labels and spans, and the exact best label sequence (Viterbi) under
// those constraints, O(n L^2) with L = 13 for PER/ORG/LOC. Greedy left-to-right decoding
// would commit to a B or an O before seeing the next word, which costs whole multi-word
// names; Viterbi does not. Internal to entities.

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "entities/ner_features.h"
#include "entities/ner_model.h"

namespace dateline::entities::ner {

// Label ids: 0 = O; for type t: 1+4t = B, 2+4t = I, 3+4t = L, 4+4t = U.
inline int label_kind(int label) { return label == 0 ? -1 : (label - 1) % 4; }
inline int label_type(int label) { return label == 0 ? -1 : (label - 1) / 4; }
enum { kB = 0, kI = 1, kL = 2, kU = 3 };

/// Whether `label` may follow `prev` (kStart before the first word); `last`: at the last
/// word, where no entity may stay open.
inline bool allowed(int prev, int label, bool last) {
  int pk = label_kind(prev), lk = label_kind(label);
  bool inside = pk == kB || pk == kI;  // an open entity must continue
  if (inside) {
    if (lk != kI && lk != kL) return false;
    if (label_type(label) != label_type(prev)) return false;
  } else if (lk == kI || lk == kL) {
    return false;
  }
  if (last && (lk == kB || lk == kI)) return false;
  return true;
}

/// The spans of a label sequence (a B without its L is dropped).
std::vector<NerSpan> spans_from_labels(const std::vector<int>& labels,
                                       const std::vector<std::string>& types);
/// The labels of `n` words with `spans` (spans of other types, empty or out of range are
/// ignored).
std::vector<int> labels_from_spans(size_t n, const std::vector<NerSpan>& spans,
                                   const std::vector<std::string>& types);

// Exact best label sequence under the BILOU constraints. emit[i * L + l] is the static score
// of label l at word i; trans(i, prev, out) adds the first-order scores of every label at word
// i after `prev` to out[0..L). Scratch vectors are the caller's (no allocation per sentence
// once they have grown). T is float while training (current weights) and double at run time
// (sums of int16 weights, exact in a double).
template <typename T>
struct ViterbiScratch {
  std::vector<T> delta, t;
  std::vector<int> back;
  std::vector<uint8_t> ok;  // allowed(prev, label, last) for prev in [0, L] (L = start)
};

template <typename T, typename Trans>
void viterbi(size_t n, size_t L, const T* emit, Trans&& trans, ViterbiScratch<T>& s,
             std::vector<int>& labels) {
  constexpr T kNone = -1e30f;
  s.delta.assign(n * L, kNone);
  s.back.assign(n * L, 0);
  s.t.resize(L);
  if (s.ok.size() != (L + 1) * L * 2) {
    s.ok.resize((L + 1) * L * 2);
    for (size_t p = 0; p <= L; ++p)
      for (size_t l = 0; l < L; ++l)
        for (int last = 0; last < 2; ++last)
          s.ok[(p * L + l) * 2 + last] =
              allowed(p == L ? kStart : static_cast<int>(p), static_cast<int>(l), last != 0);
  }
  for (size_t i = 0; i < n; ++i) {
    const bool last = i + 1 == n;
    const size_t nprev = i == 0 ? 1 : L;
    for (size_t pi = 0; pi < nprev; ++pi) {
      const int prev = i == 0 ? kStart : static_cast<int>(pi);
      const T base = i == 0 ? T(0) : s.delta[(i - 1) * L + pi];
      if (base <= kNone) continue;
      std::fill(s.t.begin(), s.t.end(), T(0));
      trans(i, prev, s.t.data());
      const uint8_t* ok = &s.ok[((i == 0 ? L : pi) * L) * 2 + (last ? 1 : 0)];
      for (size_t l = 0; l < L; ++l) {
        if (!ok[l * 2]) continue;
        T v = base + s.t[l] + emit[i * L + l];
        if (v > s.delta[i * L + l]) {
          s.delta[i * L + l] = v;
          s.back[i * L + l] = prev;
        }
      }
    }
  }
  labels.assign(n, 0);
  size_t best = 0;
  for (size_t l = 1; l < L; ++l)
    if (s.delta[(n - 1) * L + l] > s.delta[(n - 1) * L + best]) best = l;
  for (size_t i = n; i-- > 0;) {
    labels[i] = static_cast<int>(best);
    if (i > 0) best = static_cast<size_t>(s.back[i * L + best]);
  }
}

}  // namespace dateline::entities::ner
