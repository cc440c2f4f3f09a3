// SPDX-License-Identifier: Apache-2.0
// Costs follow Goldberg & Nivre (2012), "A Dynamic Oracle for Arc-Eager Dependency Parsing":
// a move's cost is the number of gold arcs that can no longer be built after it. For
// projective gold trees the zero-cost moves are exactly the optimal ones; for non-projective
// trees the trainer treats the minimum-cost moves as correct.
#include "syntax/arc_eager.h"

#include <algorithm>

namespace dateline::syntax {

void ArcEagerState::reset(int n_words) {
  n = n_words;
  stack.assign(1, 0);
  b = 1;
  head.assign(n + 1, -1);
  label.assign(n + 1, -1);
  l1.assign(n + 1, -1);
  l2.assign(n + 1, -1);
  r1.assign(n + 1, -1);
  r2.assign(n + 1, -1);
  n_left.assign(n + 1, 0);
  n_right.assign(n + 1, 0);
  left_labels.assign(n + 1, 0);
  right_labels.assign(n + 1, 0);
  root_child = -1;
}

bool ArcEagerState::can(Move m, int l, int root_label) const {
  const int s = s0();
  switch (m) {
    case Move::kShift: return b <= n;
    case Move::kReduce: return s != 0 && head[s] >= 0;
    case Move::kLeft: return b <= n && s != 0 && head[s] < 0 && l != root_label;
    case Move::kRight:
      if (b > n) return false;
      if (s == 0) return l == root_label && root_child < 0;
      return l != root_label;
  }
  return false;
}

void ArcEagerState::add_arc(int h, int d, int l) {
  head[d] = h;
  label[d] = l;
  const uint64_t bit = uint64_t{1} << std::min(l, 63);
  if (d < h) {  // arc-eager adds left children from the inside out
    l2[h] = l1[h];
    l1[h] = d;
    if (n_left[h] < 255) ++n_left[h];
    left_labels[h] |= bit;
  } else {  // and right children from left to right
    r2[h] = r1[h];
    r1[h] = d;
    if (n_right[h] < 255) ++n_right[h];
    right_labels[h] |= bit;
  }
  if (h == 0) root_child = d;
}

void ArcEagerState::apply(Move m, int l) {
  const int s = s0();
  switch (m) {
    case Move::kShift: stack.push_back(b++); break;
    case Move::kReduce: stack.pop_back(); break;
    case Move::kLeft:
      add_arc(b, s, l);
      stack.pop_back();
      break;
    case Move::kRight:
      add_arc(s, b, l);
      stack.push_back(b++);
      break;
  }
}

void ArcEagerState::finish(int root_label, int fallback_label) {
  for (int i = 1; i <= n; ++i) {
    if (head[i] >= 0) continue;
    if (root_child < 0) {
      add_arc(0, i, root_label);
    } else {
      add_arc(root_child, i, fallback_label);
    }
  }
}

MoveCosts move_costs(const ArcEagerState& st, const std::vector<int>& gold) {
  MoveCosts c;
  const int s = st.s0(), b = st.b, n = st.n;
  if (b > n) return c;
  const size_t depth = st.stack.size();
  for (size_t i = 0; i < depth; ++i) {
    const int k = st.stack[i];
    const bool k_free = k != 0 && st.head[k] < 0;
    // SHIFT: b loses a head in the stack, and unattached stack words lose b as their head.
    if (gold[b] == k) ++c.shift;
    if (k_free && gold[k] == b) {
      ++c.shift;
      ++c.right;
    }
    if (k != s && gold[b] == k) ++c.right;  // RIGHT: b's head must be s
  }
  for (int k = b; k <= n; ++k) {
    if (k != b && gold[b] == k) ++c.right;  // b's head later in the buffer
    if (gold[k] == s && s != 0) {           // s's dependents in the buffer
      ++c.reduce;
      ++c.left;
    }
    if (k != b && s != 0 && gold[s] == k && st.head[s] < 0) ++c.left;  // s's head after b
  }
  return c;
}

}  // namespace dateline::syntax
